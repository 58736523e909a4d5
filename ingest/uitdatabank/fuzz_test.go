package uitdatabank

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/uitwisselingsplatform/uwp/ingest/ingesttest"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// FuzzReader: any input ends (io.EOF or a fatal error) without panicking; every error is an
// *ingest.Error; every quad is well-formed (IRI subjects and predicates, no blank nodes).
func FuzzReader(f *testing.F) {
	for _, p := range []string{"testdata/search-page.json", "testdata/bad-documents.json"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	if files, _ := filepath.Glob("../../../shared/uitdatabank/rdf-examples/*/*.json"); files != nil {
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(bytes.ReplaceAll(b, []byte(`"mainLanguage"`), []byte(`"@id": "https://io.uitdatabank.be/events/x", "mainLanguage"`)))
			}
		}
	}
	f.Add([]byte(`{"member": [{"@id": "https://io.uitdatabank.be/places/p", "name": "x", "geo": {"latitude": 1, "longitude": 2}}]}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		r := NewReader(bytes.NewReader(in), Options{})
		ingesttest.Drain(t, r, func(q rdf.Quad) {
			if _, ok := q.Subject.(rdf.IRI); !ok {
				t.Fatalf("subject %v", q.Subject)
			}
			if _, ok := q.Predicate.(rdf.IRI); !ok || q.Object == nil {
				t.Fatalf("quad %v", q)
			}
			if _, ok := q.Object.(rdf.BlankNode); ok {
				t.Fatalf("blank node in %v", q)
			}
		})
	})
}
