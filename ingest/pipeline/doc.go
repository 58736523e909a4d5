// Package pipeline runs one ingest end to end for the CLI: open the input, pick the adapter,
// read leniently or strictly, and replace the data product in the store.
//
// # Basics
//
//	p, res, err := pipeline.Run(ctx, store, pipeline.Config{
//		Adapter: "tickets", Input: "export.csv", Base: "https://data.example.org/",
//		Producer: "cc-testdorp", Dataset: "tickets-2026", TicketMapping: "ticketmatic",
//		KeySource: "env:UWP_PSEUDONYM_KEY",
//	})
//
// Config.Adapter is "uitdatabank", "tickets" or "mapping". The result is the product as
// described in the catalogue (counts, run id) and what Replace did (quads removed and added,
// bad records skipped when MaxErrors allows).
//
// # Caveats
//
// The tickets adapter refuses to run without a pseudonymisation key (pseudo.ErrNoKey).
package pipeline
