// Package pipeline runs one ingest end to end for the CLI: open the inputs, pick the adapter,
// read leniently or strictly, and replace the data product in the store with all of them in
// one atomic step.
//
// # Basics
//
//	p, res, err := pipeline.Run(ctx, store, pipeline.Config{
//		Adapter: "tickets", Inputs: []string{"export-1.csv", "export-2.csv"}, Base: "https://data.example.org/",
//		Producer: "cc-testdorp", Dataset: "tickets-2026", TicketMapping: "ticketmatic",
//		KeySource: "env:UWP_PSEUDONYM_KEY",
//	})
//
// Config.Adapter is "uitdatabank", "tickets" or "mapping". The result is the product as
// described in the catalogue (counts, run id) and what Replace did (quads removed and added,
// bad records skipped when MaxErrors allows).
//
// Open is the first half of Run for callers that look at the quads before storing them (the
// CLI's --dry-run and --shapes): it names the product and returns the adapters over every
// input chained into one ingest.Reader (Input), every file opened and every header read.
// Errors of bad records name the input file as given; the catalogue names inputs by file
// name only (product.Source). Mistakes in the input list wrap ErrInputs.
//
// # Caveats
//
// The tickets adapter refuses to run without a pseudonymisation key (pseudo.ErrNoKey).
// Several files of one product are one run: a bad record in the last file of a strict run
// leaves the store as it was, the first files included.
package pipeline
