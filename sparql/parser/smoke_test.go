package parser

import "testing"

func TestSmoke(t *testing.T) {
	for _, s := range []string{
		`PREFIX : <http://ex/> SELECT ?x (COUNT(*) AS ?c) WHERE { ?x :p/:q* [ :r (1 2 "a"@en) ] . FILTER(?x != 3 && ?y-1 < 2) OPTIONAL { ?x ^:z ?w } } GROUP BY ?x ORDER BY DESC(?c) LIMIT 10`,
		`BASE <http://ex/> INSERT DATA { <a> <b> <c> . GRAPH <g> { <a> <b> "x" } } ; DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }`,
	} {
		var err error
		if len(s) > 0 && s[0] == 'B' {
			var u interface{ String() string }
			u, err = ParseUpdate(s, Options{})
			if err == nil {
				t.Log(u.String())
			}
		} else {
			q, e := ParseQuery(s, Options{})
			err = e
			if err == nil {
				t.Log(q.String())
			}
		}
		if err != nil {
			t.Error(err)
		}
	}
}
