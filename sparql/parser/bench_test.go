package parser

import "testing"

const benchQuery = `PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?name (COUNT(DISTINCT ?doc) AS ?docs) (MAX(?date) AS ?latest)
FROM <http://example.org/graph>
WHERE {
  ?person a foaf:Person ;
          foaf:name ?name ;
          foaf:knows+ ?friend .
  ?doc dct:creator ?person ;
       dct:issued ?date ;
       dct:subject [ a <http://www.w3.org/2004/02/skos/core#Concept> ; foaf:name "x"@en ] .
  OPTIONAL { ?doc dct:title ?title FILTER(LANG(?title) = "nl") }
  MINUS { ?doc dct:isReplacedBy ?newer }
  FILTER(?date >= "2020-01-01"^^xsd:date && REGEX(?name, "^A", "i"))
  BIND(YEAR(?date) AS ?year)
  VALUES ?year { 2020 2021 2022 }
}
GROUP BY ?name
HAVING (COUNT(DISTINCT ?doc) > 1)
ORDER BY DESC(?docs) ?name
LIMIT 100`

func BenchmarkParseQuery(b *testing.B) {
	b.SetBytes(int64(len(benchQuery)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseQuery(benchQuery, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseUpdate(b *testing.B) {
	const src = `PREFIX : <http://example.org/>
INSERT DATA { GRAPH :g { :a :p "one", "two" ; :q [ :r 1 ] . :b :p (1 2 3) } } ;
WITH :g DELETE { ?s :p ?o } INSERT { ?s :p2 ?o } WHERE { ?s :p ?o FILTER(ISLITERAL(?o)) } ;
DROP SILENT GRAPH :old`
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseUpdate(src, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
