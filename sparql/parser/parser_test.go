package parser

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

const ex = "PREFIX : <http://example.org/> "

func TestParseQuery_Errors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"SELECT ?x WHERE { ?x ?p }", `1:25: expected variable or RDF term, found "}"`},
		{"SELECT ?x\nWHERE { ?x :p ?o }", `2:12: undefined prefix ":"`},
		{"SELEC ?x { }", `1:1: expected SELECT, CONSTRUCT, DESCRIBE or ASK, found "SELEC"`},
		{ex + "SELECT * { ?s :p ?o ?s :q ?o }", `1:52: expected '.' or '}', found variable ?s`},
		{ex + "SELECT ?s (COUNT(*) AS ?c) { ?s ?p ?o }", `1:39: variable ?s is not grouped`},
		{ex + "SELECT * { ?s ?p ?o } GROUP BY ?s", `1:32: SELECT * is not allowed with GROUP BY or aggregates`},
		{ex + "SELECT (1 AS ?s) { ?s ?p ?o }", `1:39: variable ?s in SELECT expression is already in scope`},
		{ex + "SELECT * { ?s ?p ?o BIND(1 AS ?o) }", `1:62: BIND variable ?o is already in scope`},
		{ex + "SELECT * { _:a ?p ?o OPTIONAL { _:a ?q ?z } }", `1:64: blank node label _:a is used in more than one basic graph pattern`},
		{ex + "SELECT * { ?s ?p ?o FILTER(COUNT(?o) > 1) }", `1:59: aggregate COUNT is not allowed here`},
		{ex + "SELECT (SUM(COUNT(?o)) AS ?n) { ?s ?p ?o }", `1:44: aggregate COUNT inside another aggregate`},
		{"SELECT * { VALUES (?a ?b) { (1) } }", `1:29: VALUES row has 1 values for 2 variables`},
		{"SELECT * { ?s <rel> ?o }", `1:15: relative IRI <rel> without a base IRI`},
		{"SELECT * { ?s ?p \"abc }", `1:18: unterminated string`},
		{"SELECT * { ?s ?p ?o } LIMIT -1", `1:29: expected integer, found number -1`},
		{"SELECT * { FILTER(BOUND(1)) }", `1:25: expected variable in BOUND, found number 1`},
		{"SELECT * { FILTER(STR(1, 2)) }", `1:19: wrong number of arguments for STR: 2`},
		{"ASK { FILTER(" + strings.Repeat("(", 10000) + "1" + strings.Repeat(")", 10000) + ") }", `1:513: nesting deeper than 500 levels`},
		{"ASK { " + strings.Repeat("{", 600) + strings.Repeat("}", 600) + " }", `1:506: nesting deeper than 500 levels`},
		{"ASK { ?s " + strings.Repeat("(", 600) + ":p" + strings.Repeat(")", 600) + " ?o }", `1:509: nesting deeper than 500 levels`},
		{"ASK { ?s ?p " + strings.Repeat("[ ?p ", 600) + strings.Repeat("]", 600) + " }", `1:2508: nesting deeper than 500 levels`},
		{"ASK { } extra", `1:9: expected end of query, found "extra"`},
	} {
		name := c.src
		if len(name) > 60 {
			name = name[:60]
		}
		t.Run(name, func(t *testing.T) {
			_, err := ParseQuery(c.src, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrSyntax) {
				t.Errorf("error %v does not match ErrSyntax", err)
			}
			var list rdf.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %T is not an rdf.ErrorList", err)
			}
			if got := list[0].Error(); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestParseUpdate_Errors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{ex + "INSERT DATA { ?s :p :o }", `1:46: variables are not allowed in INSERT DATA`},
		{ex + "DELETE DATA { _:b :p :o }", `1:46: blank nodes are not allowed here`},
		{ex + "DELETE WHERE { [] :p :o }", `1:47: blank nodes are not allowed here`},
		{ex + "DELETE { _:b :p ?o } WHERE { ?s :p ?o }", `1:41: blank nodes are not allowed here`},
		{ex + "INSERT DATA { _:b :p :o } ; INSERT DATA { _:b :p :o }", `1:74: blank node label _:b is used in more than one basic graph pattern`},
		{ex + "INSERT DATA { GRAPH ?g { :s :p :o } }", `1:46: variables are not allowed in INSERT DATA`},
		{"CLEAR GRAPH", `1:12: expected IRI, found end of input`},
		{"LOAD <http://x/> ; ;", `1:20: expected update operation, found ";"`},
	} {
		t.Run(c.src, func(t *testing.T) {
			_, err := ParseUpdate(c.src, Options{})
			if err == nil {
				t.Fatal("no error")
			}
			var list rdf.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("error %T is not an rdf.ErrorList", err)
			}
			if got := list[0].Error(); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

// TestParseQuery_Trees checks the printed SPARQL of small queries: the expansions the parser
// makes ('a', prefixed names, numbers, blank node property lists, collections, signs).
func TestParseQuery_Trees(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{ex + "SELECT * { ?s a :C }",
			"SELECT * WHERE { ?s <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://example.org/C> . }"},
		{ex + "SELECT * { ?s :p 1, 2.0, 3e0, true, 'x'@en, \"y\"^^:t }",
			`SELECT * WHERE { ?s <http://example.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> . ?s <http://example.org/p> "2.0"^^<http://www.w3.org/2001/XMLSchema#decimal> . ?s <http://example.org/p> "3e0"^^<http://www.w3.org/2001/XMLSchema#double> . ?s <http://example.org/p> "true"^^<http://www.w3.org/2001/XMLSchema#boolean> . ?s <http://example.org/p> "x"@en . ?s <http://example.org/p> "y"^^<http://example.org/t> . }`},
		{ex + "SELECT * { [ :p ?o ] :q (?x) }",
			"SELECT * WHERE { _:_g1 <http://example.org/p> ?o . _:_g1 <http://example.org/q> _:_g2 . _:_g2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> ?x . _:_g2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> . }"},
		{"SELECT * { FILTER(?x-1 > -2*3) }",
			`SELECT * WHERE { FILTER(((?x - "1"^^<http://www.w3.org/2001/XMLSchema#integer>) > ("-2"^^<http://www.w3.org/2001/XMLSchema#integer> * "3"^^<http://www.w3.org/2001/XMLSchema#integer>))) }`},
		{ex + `SELECT * { ?s :a\.b :c%20d, :\~e. }`,
			"SELECT * WHERE { ?s <http://example.org/a.b> <http://example.org/c%20d> . ?s <http://example.org/a.b> <http://example.org/~e> . }"},
		{"BASE <http://ex/a/b> SELECT * { <../c> <#d> <> }",
			"SELECT * WHERE { <http://ex/c> <http://ex/a/b#d> <http://ex/a/b> . }"},
		{"select distinct ?x where { ?x ?p \"\\u00e9\\t\" } order by ?x limit 1 offset 2",
			`SELECT DISTINCT ?x WHERE { ?x ?p "é\u0009" . } ORDER BY ASC(?x) LIMIT 1 OFFSET 2`},
	} {
		q, err := ParseQuery(c.src, Options{})
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		if got := q.String(); got != c.want {
			t.Errorf("%s\ngot  %s\nwant %s", c.src, got, c.want)
		}
	}
}

func TestParseQuery_Positions(t *testing.T) {
	q, err := ParseQuery("SELECT *\nWHERE {\n  ?s ?p ?o .\n  FILTER(?o)\n}", Options{})
	if err != nil {
		t.Fatal(err)
	}
	tr := q.Where.Elements[0].(*syntax.Triples)
	f := q.Where.Elements[1].(*syntax.Filter)
	if got := fmt.Sprint(q.Where.Pos, tr.Triples[0].Pos, f.Pos, f.Expr.Position()); got != "2:7 3:3 4:3 4:10" {
		t.Errorf("positions %s", got)
	}
}

func TestParseUpdate_Operations(t *testing.T) {
	u, err := ParseUpdate(ex+`LOAD SILENT <http://x/d> INTO GRAPH :g ; CLEAR DEFAULT ; DROP ALL ; CREATE GRAPH :g ;
		COPY :a TO DEFAULT ; MOVE SILENT DEFAULT TO GRAPH :b ; ADD :a TO :b ;
		WITH :g DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } USING :u USING NAMED :n WHERE { ?s ?p ?o } ;
		DELETE WHERE { ?s :p ?o } ; INSERT DATA { GRAPH :g { :s :p [] } } ;`, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, op := range u.Operations {
		kinds = append(kinds, strings.TrimPrefix(fmt.Sprintf("%T", op), "*syntax."))
	}
	if got := strings.Join(kinds, " "); got != "Load Clear Drop Create Transfer Transfer Transfer Modify DeleteWhere InsertData" {
		t.Errorf("operations: %s", got)
	}
	if len(u.Prologues) != len(u.Operations)+1 {
		t.Errorf("%d prologues for %d operations", len(u.Prologues), len(u.Operations))
	}
	m := u.Operations[7].(*syntax.Modify)
	if m.With != "http://example.org/g" || len(m.Using) != 2 || !m.Using[1].Named || len(m.Delete) != 1 || len(m.Insert) != 1 {
		t.Errorf("modify: %+v", m)
	}
	if _, err := ParseUpdate("", Options{}); err != nil {
		t.Errorf("empty update: %v", err)
	}
}

func TestParseQuery_Valid(t *testing.T) {
	for _, src := range []string{
		"SELECT * { ?s ?p ?o } ORDER BY ?o LIMIT 5 OFFSET 1",
		"SELECT * { ?s ?p ?o } OFFSET 1 LIMIT 5",
		ex + "SELECT * WHERE { ?s ?p ?o . FILTER (?o > 1) . ?s :q ?z }",
		"SELECT * { OPTIONAL { ?s ?p ?o } . }",
		"SELECT (COUNT(*) AS ?c) {}",
		ex + "SELECT ?x { ?x :p ?v } GROUP BY ?x ORDER BY (AVG(?v))",
		ex + "SELECT ?x { ?x :p ?v } GROUP BY ?x HAVING (AVG(?v) > 2) (COUNT(?v) < 3)",
		"SELECT * { FILTER(?o<3) FILTER(?o < 3) FILTER(?o<=?x) }",
		"SELECT ?x{?x ?y ?z}",
		"SELECT * { ?s ?p 1.5e-3, .5, 1. }",
		ex + "SELECT * { :a :b :c. :d :e :f . :g :h :i.j }",
		"PREFIX x.y: <http://x/> SELECT * { x.y:a x.y:b x.y:c. }",
		ex + "SELECT * { ?s :p [] . [] :q ?o . [ :r ?z ] . ( ) :s ( ?a ( ?b ) [ :t 1 ] ) }",
		ex + "SELECT * { ?s :p/:q|^:r+/(!:x)* ?o ; a ?t ; !a ?z ; ^(:a/:b)? ?w ; !() ?v ; !(^a) ?u }",
		ex + "SELECT * { ?s :p ?o } VALUES (?s ?o) { (:a UNDEF) (UNDEF 1) }",
		"SELECT * { VALUES () { () () } }",
		ex + "SELECT ?s (SUM(?v) AS ?sum) (GROUP_CONCAT(DISTINCT ?v ; separator = '|') AS ?all) { ?s :v ?v } GROUP BY ?s",
		ex + "SELECT * { ?s :p ?o FILTER NOT EXISTS { ?s :q ?o } MINUS { ?s :r ?o } BIND(CONCAT(STR(?s), 'x') AS ?c) }",
		ex + "SELECT * { SERVICE SILENT <http://x/sparql> { ?s :p ?o } SERVICE ?ep { } }",
		ex + "SELECT * { GRAPH ?g { ?s ?p ?o } GRAPH :g { } }",
		ex + "SELECT * { { SELECT ?s WHERE { ?s ?p ?o } LIMIT 1 } { SELECT * { } } }",
		ex + "SELECT * { ?s ?p ?o FILTER(?o IN ()) FILTER(?o NOT IN (1, 2)) FILTER(true && FALSE) }",
		ex + "SELECT * { BIND(BNODE() AS ?b) BIND(BNODE('x') AS ?c) BIND(RAND() AS ?r) BIND(NOW() AS ?n) BIND(UUID() AS ?u) BIND(STRUUID() AS ?v) }",
		ex + "SELECT * { FILTER(REGEX(?x, 'a')) FILTER(SUBSTR(?x, 1)) FILTER(REPLACE(?x, 'a', 'b', 'i')) FILTER(:f()) FILTER(:g(?x, 1)) }",
		ex + "SELECT * { ?s :p '''a\n'b''''' ; :q \"\"\"c\"\"d\"\"\" }",
		"CONSTRUCT { ?s ?p ?o } FROM <http://x/g> WHERE { ?s ?p ?o }",
		"CONSTRUCT WHERE { ?s ?p ?o }",
		"CONSTRUCT {} WHERE {}",
		"DESCRIBE <http://x/a>",
		"DESCRIBE * WHERE { ?s ?p ?o }",
		"ASK FROM NAMED <http://x/g> { }",
		"SELECT * WHERE { ?s ?p ?o } # trailing comment",
		"SELECT ?x$y { ?x ?p $y }",
		ex + "SELECT * { ?s :p -1, +2, -3.5, +4e1 FILTER(?x = -?y) FILTER(?a+?b-?c*-2 = 1) }",
		ex + `SELECT * { ?s :p :a\&b, :1, :a:b, :%41, :_x, :x- }`,
		"SELECT * { ?s ?p \"\\u00E9\\U0001F600\" }",
		"select ?s where { ?s a ?o } group by ?s",
	} {
		if _, err := ParseQuery(src, Options{Base: "http://example.org/base"}); err != nil {
			t.Errorf("%s\n  %v", src, err)
		}
	}
}
