package pipeline

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/product"
	"github.com/uitwisselingsplatform/uwp/ingest/pseudo"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

const base = "https://data.example.org/"

func TestRun_EveryAdapter(t *testing.T) {
	ctx := context.Background()
	st, err := triplestore.Open(filepath.Join(t.TempDir(), "uwp.db"), &triplestore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	t.Setenv("UWP_PSEUDONYM_KEY", "test-key-not-for-production-0001")
	for _, cfg := range []Config{
		{Adapter: "uitdatabank", Input: "../uitdatabank/testdata/search-page.json", Taxonomy: "test"},
		{Adapter: "tickets", Input: "../tickets/testdata/ticketmatic-export.csv", TicketMapping: "ticketmatic", MaxErrors: -1},
		{Adapter: "tickets", Dataset: "generic", Input: "../tickets/testdata/generic-export.csv"},
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
	st, err := triplestore.Open(filepath.Join(t.TempDir(), "uwp.db"), &triplestore.Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	t.Setenv("UWP_PSEUDONYM_KEY", "")
	cfg := Config{Adapter: "tickets", Input: "../tickets/testdata/generic-export.csv", Base: base, Producer: "x"}
	if _, _, err := Run(ctx, st, cfg); !errors.Is(err, pseudo.ErrNoKey) {
		t.Errorf("no key: %v", err)
	}
	cfg.Adapter = "eventbrite"
	if _, _, err := Run(ctx, st, cfg); !errors.Is(err, ErrUnknownAdapter) {
		t.Errorf("adapter: %v", err)
	}
	cfg = Config{Adapter: "uitdatabank", Input: "-", Stdin: strings.NewReader(`[{"@id": "https://io.uitdatabank.be/events/e1", "calendarType": "permanent"}]`), Base: base, Producer: "x"}
	var e *ingest.Error
	if _, _, err := Run(ctx, st, cfg); !errors.As(err, &e) || e.Pointer != "/0/name" {
		t.Errorf("strict: %v", err)
	}
}
