package product

import (
	"context"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/ingesttest"
	"github.com/uitwisselingsplatform/uwp/ingest/uitdatabank"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

const base = "https://data.example.org/"

func doc(id, name string) string {
	return `{"@id": "https://io.uitdatabank.be/events/` + id + `", "name": {"nl": "` + name + `"}, "calendarType": "permanent"}`
}

func udb(docs ...string) ingest.Reader {
	return uitdatabank.NewReader(strings.NewReader("["+strings.Join(docs, ",")+"]"), uitdatabank.Options{})
}

func TestReplace_SwapsGraphAndDescription(t *testing.T) {
	ctx := context.Background()
	st := ingesttest.OpenStore(t)
	p, err := New(base, "publiq", "events")
	if err != nil {
		t.Fatal(err)
	}
	p.Adapter, p.Source, p.Producer = "uitdatabank", "page-1.json", "https://data.vlaanderen.be/id/organisatie/OVO000000"
	// Another product in the same catalogue must survive both runs.
	other, _ := New(base, "publiq", "places")
	if _, err := ReplaceQuads(ctx, st, other, []rdf.Quad{{Subject: rdf.IRI("https://x/p"), Predicate: rdf.RDFType, Object: rdf.IRI("https://x/C")}}); err != nil {
		t.Fatal(err)
	}

	res, err := Replace(ctx, st, p, udb(doc("e1", "Een"), doc("e2", "Twee")), 0)
	if err != nil {
		t.Fatal(err)
	}
	first := ingesttest.Quads(t, st, p.Graph)
	if res.Removed != 0 || len(first) == 0 || p.Quads != len(first) || p.Records != 2 {
		t.Fatalf("first run: %+v, %d quads, product %+v", res, len(first), p)
	}
	run1 := p.RunID

	// Second run: e2 is gone, e3 is new; the old description is replaced, not added to.
	p2, _ := New(base, "publiq", "events")
	p2.Adapter = "uitdatabank"
	res, err = Replace(ctx, st, p2, udb(doc("e1", "Een"), doc("e3", "Drie")), 0)
	if err != nil {
		t.Fatal(err)
	}
	second := ingesttest.Quads(t, st, p.Graph)
	text := ingesttest.NQuads(second)
	if strings.Contains(text, "events/e2") || !strings.Contains(text, "events/e3") || res.Removed < len(first) {
		t.Errorf("second run did not replace the graph: %+v\n%s", res, text)
	}
	list, err := List(st, p.Catalog)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].IRI != p.IRI || list[1].IRI != other.IRI {
		t.Fatalf("List: %+v", list)
	}
	got := list[0]
	if got.RunID != p2.RunID || got.RunID == run1 || got.Graph != p.Graph || got.Adapter != "uitdatabank" ||
		got.Records != 2 || got.Failed != 0 || got.Quads != len(second) || got.Ended.IsZero() || got.Source != "" {
		t.Errorf("listed %+v", got)
	}
	if n := strings.Count(ingesttest.NQuads(ingesttest.Quads(t, st, p.Catalog)), "/run> <https://w3id.org/uwp/ns#runId>"); n != 2 {
		t.Errorf("%d run descriptions in the catalogue, want one per product", n)
	}
	if err := st.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestReplace_StrictFailureLeavesStoreUnchanged(t *testing.T) {
	ctx := context.Background()
	st := ingesttest.OpenStore(t)
	p, _ := New(base, "publiq", "events")
	if _, err := Replace(ctx, st, p, udb(doc("e1", "Een")), 0); err != nil {
		t.Fatal(err)
	}
	before := ingesttest.NQuads(ingesttest.Quads(t, st, p.Graph)) + ingesttest.NQuads(ingesttest.Quads(t, st, p.Catalog))
	bad := `{"@id": "https://io.uitdatabank.be/events/e9", "calendarType": "permanent"}`
	p2, _ := New(base, "publiq", "events")
	_, err := Replace(ctx, st, p2, udb(doc("e2", "Twee"), bad), 0)
	var e *ingest.Error
	if !errors.As(err, &e) || e.Pointer != "/1/name" {
		t.Fatalf("want the bad record's error, got %v", err)
	}
	after := ingesttest.NQuads(ingesttest.Quads(t, st, p.Graph)) + ingesttest.NQuads(ingesttest.Quads(t, st, p.Catalog))
	if before != after {
		t.Error("a failed strict run changed the store")
	}
	// Lenient: the good document loads, the bad one is reported and counted.
	res, err := Replace(ctx, st, p2, udb(doc("e2", "Twee"), bad), -1)
	if err != nil || len(res.Errors) != 1 || p2.Failed != 1 || p2.Records != 2 {
		t.Errorf("lenient: %v %+v %+v", err, res, p2)
	}
	// A cancelled context rolls back too.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	p3, _ := New(base, "publiq", "events")
	if _, err := Replace(cctx, st, p3, udb(doc("e5", "Vijf")), 0); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// Blank nodes get fresh store labels per run: two products (or two runs) never share one,
// one label within a run stays one node, and the labels written by the input never reach
// the store.
func TestReplace_BlankNodesPerRun(t *testing.T) {
	ctx := context.Background()
	st := ingesttest.OpenStore(t)
	qs := []rdf.Quad{
		{Subject: rdf.BlankNode("bsecret"), Predicate: rdf.IRI("https://x/p"), Object: rdf.BlankNode("g2")},
		{Subject: rdf.BlankNode("bsecret"), Predicate: rdf.IRI("https://x/q"), Object: rdf.NewLiteral("v")},
	}
	a, _ := New(base, "a", "d")
	b, _ := New(base, "b", "d")
	for _, p := range []*Product{a, b} {
		if _, err := ReplaceQuads(ctx, st, p, qs); err != nil {
			t.Fatal(err)
		}
	}
	qa, qb := ingesttest.Quads(t, st, a.Graph), ingesttest.Quads(t, st, b.Graph)
	if len(qa) != 2 || len(qb) != 2 {
		t.Fatalf("quads: %v %v", qa, qb)
	}
	if qa[0].Subject != qa[1].Subject || qb[0].Subject != qb[1].Subject {
		t.Errorf("one label became two nodes in a run: %v %v", qa, qb)
	}
	if qa[0].Subject == qb[0].Subject || qa[0].Subject.Kind() != rdf.KindBlank {
		t.Errorf("blank nodes shared between products: %v %v", qa, qb)
	}
	if text := ingesttest.NQuads(qa) + ingesttest.NQuads(qb); strings.Contains(text, "secret") {
		t.Errorf("the input's blank node label reached the store:\n%s", text)
	}
	// A re-run of a mints new nodes too.
	before := qa[0].Subject
	a2, _ := New(base, "a", "d")
	if _, err := ReplaceQuads(ctx, st, a2, qs); err != nil {
		t.Fatal(err)
	}
	if qa = ingesttest.Quads(t, st, a.Graph); len(qa) != 2 || qa[0].Subject == before || qa[0].Subject == qb[0].Subject {
		t.Errorf("re-run: %v (before %v)", qa, before)
	}
	if err := st.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestNew_Names(t *testing.T) {
	for _, c := range [][3]string{{base, "", "d"}, {base, "a/b", "d"}, {base, "a", "d e"}, {"relative/", "a", "d"}} {
		if _, err := New(c[0], c[1], c[2]); err == nil {
			t.Errorf("New%q accepted", c)
		}
	}
	a, _ := New(base, "a", "d")
	b, _ := New(base, "a", "d")
	if a.RunID == b.RunID || len(a.RunID) != 17 {
		t.Errorf("run ids %q %q", a.RunID, b.RunID)
	}
}

func BenchmarkReplace(b *testing.B) {
	ctx := context.Background()
	st, err := triplestore.Open(filepath.Join(b.TempDir(), "uwp.db"), &triplestore.Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	const n = 50_000
	qs := make([]rdf.Quad, n)
	for i := range qs {
		qs[i] = rdf.Quad{
			Subject:   rdf.IRI("https://data.example.org/id/s" + strconv.Itoa(i/10)),
			Predicate: rdf.IRI("https://data.example.org/p" + strconv.Itoa(i%10)),
			Object:    rdf.NewLiteral("value " + strconv.Itoa(i)),
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p, _ := New(base, "bench", "d")
		if _, err := ReplaceQuads(ctx, st, p, qs); err != nil { // replaces the previous run's graph
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "quads/s")
}
