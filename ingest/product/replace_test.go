package product

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/ingesttest"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// genReader is an export of n records of three quads each about subjects named by tag;
// the records whose index is in bad fail (as a CSV row would), with no quads.
type genReader struct {
	tag   string
	n     int
	bad   map[int]bool
	rec   int
	buf   []rdf.Quad
	stats ingest.Stats
}

func (g *genReader) Read() (rdf.Quad, error) {
	for len(g.buf) == 0 {
		if g.rec == g.n {
			return rdf.Quad{}, io.EOF
		}
		i := g.rec
		g.rec++
		g.stats.Records++
		if g.bad[i] {
			g.stats.Failed++
			return rdf.Quad{}, &ingest.Error{File: g.tag + ".csv", Row: i + 2, Col: 1, Msg: "bad value"}
		}
		s := rdf.IRI(fmt.Sprintf("https://data.example.org/id/%s/%d", g.tag, i))
		g.buf = []rdf.Quad{
			{Subject: s, Predicate: rdf.RDFType, Object: rdf.IRI("https://x/Thing")},
			{Subject: s, Predicate: rdf.IRI("https://x/name"), Object: rdf.NewLiteral(fmt.Sprintf("%s %d", g.tag, i))},
			{Subject: s, Predicate: rdf.IRI("https://x/node"), Object: rdf.BlankNode(fmt.Sprintf("b%d", i))},
		}
	}
	q := g.buf[0]
	g.buf = g.buf[1:]
	g.stats.Quads++
	return q, nil
}

func (g *genReader) Stats() ingest.Stats { return g.stats }

func gen(tag string, n int, bad ...int) *genReader {
	g := &genReader{tag: tag, n: n, bad: map[int]bool{}}
	for _, i := range bad {
		g.bad[i] = true
	}
	return g
}

// withTxQuads sets the transaction size of Replace for one test.
func withTxQuads(t *testing.T, n int) {
	t.Helper()
	old := txQuads
	txQuads = n
	t.Cleanup(func() { txQuads = old })
}

// Forcing the copy path (transactions of 16 quads): a strict run that fails on its last
// record, and a lenient one that meets more bad records than allowed near the end, both
// leave the store exactly as it was; a good run then replaces the product.
func TestReplace_CopyPath_LateBadRecordChangesNothing(t *testing.T) {
	withTxQuads(t, 16)
	ctx := context.Background()
	st := ingesttest.OpenStore(t)
	other, _ := New(base, "publiq", "places")
	if _, err := Replace(ctx, st, other, gen("place", 20), 0); err != nil {
		t.Fatal(err)
	}
	p, _ := New(base, "publiq", "events")
	res, err := Replace(ctx, st, p, gen("old", 50), 0)
	if err != nil || !res.Copied || p.Quads != 150 {
		t.Fatalf("first run: %v %+v %+v", err, res, p)
	}
	before, version := ingesttest.NQuads(ingesttest.Quads(t, st, nil)), st.DataVersion()

	p2, _ := New(base, "publiq", "events")
	_, err = Replace(ctx, st, p2, gen("new", 200, 199), 0)
	var e *ingest.Error
	if !errors.As(err, &e) || e.Row != 201 || e.File != "new.csv" {
		t.Fatalf("strict: want the last record's error, got %v", err)
	}
	p3, _ := New(base, "publiq", "events")
	res, err = Replace(ctx, st, p3, gen("new", 200, 3, 150, 198), 2)
	if !errors.Is(err, ingest.ErrTooManyErrors) || len(res.Errors) != 3 || res.Errors[2].Row != 200 {
		t.Fatalf("too many: %v %+v", err, res)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	p4, _ := New(base, "publiq", "events")
	if _, err := Replace(cctx, st, p4, gen("new", 200), 0); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: %v", err)
	}
	if after := ingesttest.NQuads(ingesttest.Quads(t, st, nil)); after != before || st.DataVersion() != version {
		t.Fatalf("a failed run changed the store")
	}
	if err := st.Check(); err != nil {
		t.Fatal(err)
	}

	p5, _ := New(base, "publiq", "events")
	res, err = Replace(ctx, st, p5, gen("new", 200, 3, 150), 2)
	if err != nil || !res.Copied || len(res.Errors) != 2 || p5.Records != 200 || p5.Failed != 2 || p5.Quads != 594 {
		t.Fatalf("lenient: %v %+v %+v", err, res, p5)
	}
	if n := len(ingesttest.Quads(t, st, p.Graph)); n != 594 {
		t.Errorf("%d quads in the graph, want 594", n)
	}
	if err := st.Check(); err != nil {
		t.Fatal(err)
	}
}

// A re-ingest replaces exactly the old product: its graph and its own description, while
// other products, their catalogue entries, other catalogues and the default graph stay, on
// the one-transaction path and on the copy path.
func TestReplace_ReingestReplacesExactlyTheProduct(t *testing.T) {
	for _, c := range []struct {
		name   string
		tx     int
		copied bool
	}{{"one transaction", 0, false}, {"copy", 16, true}} {
		t.Run(c.name, func(t *testing.T) {
			withTxQuads(t, c.tx)
			ctx := context.Background()
			st := ingesttest.OpenStore(t)
			loose := []rdf.Quad{{Subject: rdf.IRI("https://x/s"), Predicate: rdf.IRI("https://x/p"), Object: rdf.NewLiteral("default graph")}}
			if err := st.Update(func(tx *triplestore.Tx) error { _, err := tx.AddQuads(loose); return err }); err != nil {
				t.Fatal(err)
			}
			elsewhere, _ := New("https://other.example/", "publiq", "events") // same name, another catalogue
			sibling, _ := New(base, "publiq", "events-archive")               // its IRI starts with p's
			places, _ := New(base, "publiq", "places")
			p, _ := New(base, "publiq", "events")
			for i, q := range []*Product{elsewhere, sibling, places, p} {
				if _, err := Replace(ctx, st, q, gen(fmt.Sprint("run", i), 10), 0); err != nil {
					t.Fatal(err)
				}
			}
			rest := func() string { // everything but p's graph and p's own description
				var keep []rdf.Quad
				for _, q := range ingesttest.Quads(t, st, nil) {
					if q.Graph == p.Graph {
						continue
					}
					s, _ := q.Subject.(rdf.IRI)
					if q.Graph == p.Catalog && (s == p.IRI || strings.HasPrefix(string(s), string(p.IRI)+"/")) {
						continue
					}
					keep = append(keep, q)
				}
				return ingesttest.NQuads(keep)
			}
			before := rest()
			// The two catalogue quads of a description (the catalogue and its dcat:dataset
			// link) stay: only the quads about p and its run are p's own.
			oldDesc := len(p.Description()) - 2

			p2, _ := New(base, "publiq", "events")
			p2.Adapter = "test"
			res, err := Replace(ctx, st, p2, gen("again", 7), 0)
			if err != nil {
				t.Fatal(err)
			}
			if res.Copied != c.copied || res.Removed != 30+oldDesc || res.Added != 21+len(p2.Description())-2 || p2.Quads != 21 || p2.Records != 7 {
				t.Errorf("result %+v, product %+v (old description %d quads)", res, p2, oldDesc)
			}
			if after := rest(); after != before {
				t.Errorf("the re-ingest touched other data:\nbefore\n%s\nafter\n%s", before, after)
			}
			text := ingesttest.NQuads(ingesttest.Quads(t, st, p.Graph))
			if strings.Contains(text, "/run3/") || strings.Count(text, "/again/") != 21 {
				t.Errorf("graph after the re-ingest:\n%s", text)
			}
			list, err := List(st, p.Catalog)
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != 3 || list[0].IRI != p.IRI || list[0].RunID != p2.RunID || list[0].Adapter != "test" || list[0].Quads != 21 {
				t.Errorf("catalogue: %+v", list)
			}
			if err := st.Check(); err != nil {
				t.Fatal(err)
			}
		})
	}
}
