package tickets_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/pseudo"
	"github.com/uitwisselingsplatform/uwp/ingest/tickets"
)

func ExampleNewReader() {
	export := "order_id;ticket_id;event_id;price;buyer_email;buyer_name;birth_year\n" +
		"A1;T1;e1;12,50;an@example.org;An Peeters;1985\n" +
		"A1;T2;e1;gratis;an@example.org;An Peeters;1985\n"
	m, _ := tickets.Builtin("generic")
	ps, _ := pseudo.New([]byte("example-key-not-for-production"))
	r, err := tickets.NewReader(strings.NewReader(export), m, tickets.Options{
		File: "export.csv", Base: "https://data.example.org/id/", Pseudonymizer: ps,
		Now: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC),
	})
	if err != nil {
		panic(err)
	}
	qs, errs, err := ingest.ReadAll(r, -1)
	fmt.Println(len(qs) > 0, err, errs)
	for _, q := range qs {
		if strings.Contains(q.String(), "Peeters") || strings.Contains(q.String(), "an@example.org") {
			fmt.Println("leak:", q)
		}
	}
	// Output:
	// true <nil> export.csv:3:4: column "price": "gratis" is not an amount
}
