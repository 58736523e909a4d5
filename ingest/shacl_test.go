package ingest_test

// The adapters' output on the sample inputs conforms to the UWP application profile
// (../shared/oslo/cultuurparticipatie/cultuurparticipatie-ap-shacl-uwp.ttl through package oslo):
// every SHACL result fails the test.

import (
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/mapping"
	"github.com/uitwisselingsplatform/uwp/ingest/pseudo"
	"github.com/uitwisselingsplatform/uwp/ingest/tickets"
	"github.com/uitwisselingsplatform/uwp/ingest/uitdatabank"
	"github.com/uitwisselingsplatform/uwp/oslo"
	"github.com/uitwisselingsplatform/uwp/oslo/graph"
	"github.com/uitwisselingsplatform/uwp/oslo/shacl"
)

func profile(t *testing.T) *oslo.Profile {
	t.Helper()
	dir, err := oslo.FindDir()
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skip(err)
	}
	p, err := oslo.LoadProfile(dir)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func results(rep *shacl.Report) []string {
	var out []string
	for _, r := range rep.Results {
		path := ""
		if r.Path != nil {
			path = fmt.Sprint(r.Path)
		}
		out = append(out, fmt.Sprintf("%v %s %s: %s (focus %v)", r.Shape, path, r.Component, r.Message("en"), r.Focus))
	}
	return out
}

func validate(t *testing.T, p *oslo.Profile, name string, r ingest.Reader) {
	t.Helper()
	qs, _, err := ingest.ReadAll(r, -1) // the samples' bad records are tested elsewhere
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) < 100 {
		t.Fatalf("%s: only %d quads to validate", name, len(qs))
	}
	g := graph.New()
	for _, q := range qs {
		g.AddQuad(q)
	}
	rep := p.Validate(g)
	if !rep.Conforms && len(rep.Results) == 0 {
		t.Errorf("%s: does not conform, without results", name)
	}
	for _, line := range results(rep) {
		t.Errorf("%s: %s", name, line)
	}
	t.Logf("%s: %d triples, %d results", name, g.Len(), len(rep.Results))
}

var processed = time.Date(2026, 11, 27, 1, 0, 0, 0, time.UTC)

func TestSHACL_UiTdatabank(t *testing.T) {
	p := profile(t)
	f, err := os.Open("uitdatabank/testdata/search-page.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	validate(t, p, "uitdatabank", uitdatabank.NewReader(f, uitdatabank.Options{
		Taxonomy: uitdatabank.TaxonomyTest, ProcessedAt: processed,
		Creator: "https://data.vlaanderen.be/id/organisatie/OVO003887", Source: "https://data.example.org/product/publiq/uitdatabank",
	}))
}

func TestSHACL_Tickets(t *testing.T) {
	p := profile(t)
	ps, _ := pseudo.New([]byte("test-key-not-for-production-0001"))
	m, err := tickets.Builtin("ticketmatic")
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("tickets/testdata/ticketmatic-export.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := tickets.NewReader(f, m, tickets.Options{Base: "https://data.example.org/id/", Pseudonymizer: ps, Now: processed,
		Creator: "https://data.vlaanderen.be/id/organisatie/OVO000000", Source: "https://data.example.org/product/cc/tickets"})
	if err != nil {
		t.Fatal(err)
	}
	validate(t, p, "tickets", r)
}

func TestSHACL_MappingExample(t *testing.T) {
	p := profile(t)
	m, err := mapping.Load("mapping/examples/cultuurcentrum.yaml")
	if err != nil {
		t.Fatal(err)
	}
	r, closers, err := m.OpenAll(mapping.Options{})
	for _, c := range closers {
		defer c.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
	validate(t, p, "mapping", r)
}
