package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/ingesttest"
	"github.com/uitwisselingsplatform/uwp/ingest/product"
	"github.com/uitwisselingsplatform/uwp/ingest/pseudo"
)

const (
	base       = "https://data.example.org/"
	udbSample  = "../uitdatabank/testdata/search-page.json"
	udbBad     = "../uitdatabank/testdata/bad-documents.json"
	mappingYML = "../mapping/examples/cultuurcentrum.yaml"
	mappingCSV = "../mapping/examples/cultuurcentrum-voorstellingen.csv"
	badCSV     = "../mapping/testdata/bad-voorstellingen.csv"
)

func TestRun_EveryAdapter(t *testing.T) {
	ctx := context.Background()
	st := ingesttest.OpenStore(t)
	t.Setenv("UWP_PSEUDONYM_KEY", "test-key-not-for-production-0001")
	for _, cfg := range []Config{
		{Adapter: "uitdatabank", Inputs: []string{udbSample}, Taxonomy: "test"},
		{Adapter: "tickets", Inputs: []string{"../tickets/testdata/ticketmatic-export.csv"}, TicketMapping: "ticketmatic", MaxErrors: -1},
		{Adapter: "tickets", Dataset: "generic", Inputs: []string{"../tickets/testdata/generic-export.csv"}},
		{Adapter: "mapping", MappingFile: "../mapping/examples/cultuurcentrum.yaml"},
	} {
		cfg.Base, cfg.Producer, cfg.ProducerIRI = base, "testdorp", "https://data.vlaanderen.be/id/organisatie/OVO000000"
		p, res, err := Run(ctx, st, cfg)
		if err != nil {
			t.Fatalf("%s: %v", cfg.Adapter, err)
		}
		if res.Added == 0 || p.Quads == 0 || p.Records == 0 {
			t.Errorf("%s: %+v %+v", cfg.Adapter, res, p)
		}
	}
	list, err := product.List(st, base+"catalogue")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range list {
		names = append(names, string(p.IRI)[len(base+"product/"):]+" "+p.Adapter+" "+p.MappingVersion)
	}
	want := "testdorp/generic tickets/generic generic@1,testdorp/mapping mapping/cultuurcentrum 2026-11-1,testdorp/tickets tickets/ticketmatic ticketmatic@1,testdorp/uitdatabank uitdatabank "
	if got := strings.Join(names, ","); got != want {
		t.Errorf("products:\n%s\nwant\n%s", got, want)
	}
	if list[3].Failed != 0 || list[2].Failed != 6 {
		t.Errorf("failed counts %d %d", list[3].Failed, list[2].Failed)
	}
	if err := st.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestRun_Refusals(t *testing.T) {
	ctx := context.Background()
	st := ingesttest.OpenStore(t)
	t.Setenv("UWP_PSEUDONYM_KEY", "")
	cfg := Config{Adapter: "tickets", Inputs: []string{"../tickets/testdata/generic-export.csv"}, Base: base, Producer: "x"}
	if _, _, err := Run(ctx, st, cfg); !errors.Is(err, pseudo.ErrNoKey) {
		t.Errorf("no key: %v", err)
	}
	cfg.Adapter = "eventbrite"
	if _, _, err := Run(ctx, st, cfg); !errors.Is(err, ErrUnknownAdapter) {
		t.Errorf("adapter: %v", err)
	}
	cfg = Config{Adapter: "uitdatabank", Inputs: []string{"-"}, Stdin: strings.NewReader(`[{"@id": "https://io.uitdatabank.be/events/e1", "calendarType": "permanent"}]`), Base: base, Producer: "x"}
	var e *ingest.Error
	if _, _, err := Run(ctx, st, cfg); !errors.As(err, &e) || e.Pointer != "/0/name" {
		t.Errorf("strict: %v", err)
	}
}

// Two inputs of one product: both are in the graph after one Run, the counts add up, the
// catalogue names both files (not their paths) and progress counts the bytes of both.
func TestRun_TwoInputs(t *testing.T) {
	ctx := context.Background()
	st := ingesttest.OpenStore(t)
	extra := filepath.Join(t.TempDir(), "extra.json")
	doc := `{"@id": "https://io.uitdatabank.be/events/extra-1", "@type": "Event", "name": {"nl": "Extra"}, "calendarType": "permanent"}`
	if err := os.WriteFile(extra, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	var last Progress
	cfg := Config{Adapter: "uitdatabank", Inputs: []string{udbSample, extra}, Base: base, Producer: "publiq", Dataset: "events",
		Progress: func(p Progress) { last = p }}
	p, res, err := Run(ctx, st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	one, _, err := Run(ctx, st, Config{Adapter: "uitdatabank", Inputs: []string{udbSample}, Base: base, Producer: "publiq", Dataset: "one"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Records != one.Records+1 || p.Quads <= one.Quads || res.Added <= p.Quads || p.Source != "search-page.json, extra.json" {
		t.Errorf("two inputs: %+v %+v (one input: %+v)", p, res, one)
	}
	text := ingesttest.NQuads(ingesttest.Quads(t, st, nil))
	if !strings.Contains(text, "<https://io.uitdatabank.be/events/extra-1> ") {
		t.Errorf("the second input is not in the store")
	}
	size := fileSize(t, udbSample) + int64(len(doc))
	if last.Size != size || last.Bytes == 0 || last.Quads == 0 {
		t.Errorf("progress %+v, want size %d", last, size)
	}

	// Two files for one source of a declarative mapping.
	m, _, err := Run(ctx, st, Config{Adapter: "mapping", MappingFile: mappingYML, Base: base, Producer: "cc",
		Inputs: []string{"voorstellingen=" + mappingCSV, "voorstellingen=" + mappingCSV}})
	if err != nil {
		t.Fatal(err)
	}
	if m.Source != "cultuurcentrum-voorstellingen.csv, cultuurcentrum-voorstellingen.csv, cultuurcentrum-zalen.json" {
		t.Errorf("mapping sources: %q", m.Source)
	}
	if err := st.Check(); err != nil {
		t.Fatal(err)
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// A bad record in the second input fails the whole run (the first input's quads are not
// stored either), its error names the second file as given, and a missing second input
// fails before anything is read.
func TestRun_ErrorInSecondInputChangesNothing(t *testing.T) {
	ctx := context.Background()
	st := ingesttest.OpenStore(t)
	cfg := Config{Adapter: "uitdatabank", Inputs: []string{udbSample}, Base: base, Producer: "publiq", Dataset: "events"}
	if _, _, err := Run(ctx, st, cfg); err != nil {
		t.Fatal(err)
	}
	before := ingesttest.NQuads(ingesttest.Quads(t, st, nil))
	var e *ingest.Error
	cfg.Inputs = []string{udbSample, udbBad}
	if _, _, err := Run(ctx, st, cfg); !errors.As(err, &e) || e.File != udbBad || e.Pointer != "/1/subEvent/1/startDate" {
		t.Errorf("strict: want the second file's first bad record, got %v", err)
	}
	mcfg := Config{Adapter: "mapping", MappingFile: mappingYML, Base: base, Producer: "publiq", Dataset: "events",
		Inputs: []string{"voorstellingen=" + mappingCSV, "voorstellingen=" + badCSV}}
	if _, _, err := Run(ctx, st, mcfg); !errors.As(err, &e) || e.File != badCSV || e.Row != 3 || e.Col != 5 {
		t.Errorf("mapping: want %s:3:5, got %v", badCSV, err)
	}
	missing := filepath.Join(t.TempDir(), "missing.json")
	cfg.Inputs = []string{udbSample, missing}
	if _, _, err := Run(ctx, st, cfg); !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing: %v", err)
	}
	if ingesttest.NQuads(ingesttest.Quads(t, st, nil)) != before {
		t.Fatal("a failed run changed the store")
	}
	// Leniently the good records of both files load; every skipped one names the bad file.
	cfg.Inputs, cfg.MaxErrors = []string{udbSample, udbBad}, -1
	p, res, err := Run(ctx, st, cfg)
	if err != nil || len(res.Errors) == 0 || p.Failed != len(res.Errors) {
		t.Fatalf("lenient: %v %+v %+v", err, res, p)
	}
	for _, e := range res.Errors {
		if e.File != udbBad {
			t.Errorf("skipped record of %q: %v", e.File, e)
		}
	}
}

func TestOpen_InputErrors(t *testing.T) {
	ctx := context.Background()
	for _, cfg := range []Config{
		{Adapter: "uitdatabank"},
		{Adapter: "uitdatabank", Inputs: []string{"-", udbSample, "-"}},
		{Adapter: "mapping", MappingFile: mappingYML, Inputs: []string{"other.txt"}},
	} {
		cfg.Base, cfg.Producer = base, "x"
		if _, _, err := Open(ctx, cfg); !errors.Is(err, ErrInputs) {
			t.Errorf("%v: %v", cfg.Inputs, err)
		}
	}
	cfg := Config{Adapter: "uitdatabank", Inputs: []string{udbSample, "../uitdatabank/testdata"}, Base: base, Producer: "x"}
	if _, _, err := Open(ctx, cfg); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("directory: %v", err)
	}
}
