package mapping

import (
	"errors"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/ingesttest"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// FuzzCSV: the example mapping over any CSV input ends without panicking, errors are
// *ingest.Error, and every quad's subject and predicate are absolute IRIs or blank nodes.
func FuzzCSV(f *testing.F) {
	f.Add("id;titel;start;prijs;labels\nv1;T;2026-10-02T20:00:00+02:00;10;a,b\n")
	f.Add("id;titel\n\"v\n1\";\"x;y\"\n")
	f.Add("\ufeffid;titel;start\nv 1/2?#;T;2026-10-02T20:00:00Z\n")
	m, err := Load("examples/cultuurcentrum.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		r, err := m.NewReader("voorstellingen", strings.NewReader(in), Options{})
		if err != nil {
			var e *ingest.Error
			if !errors.As(err, &e) {
				t.Fatalf("NewReader error %T", err)
			}
			return
		}
		ingesttest.Drain(t, r, func(q rdf.Quad) {
			if s, ok := q.Subject.(rdf.IRI); ok && !rdf.IsAbsoluteIRI(string(s)) {
				t.Fatalf("relative subject %v", q)
			}
			if o, ok := q.Object.(rdf.IRI); ok && !rdf.IsAbsoluteIRI(string(o)) {
				t.Fatalf("relative object %v", q)
			}
		})
	})
}
