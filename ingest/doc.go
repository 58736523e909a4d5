// Package ingest turns exports of event organisers and ticketing vendors into streams of
// rdf.Quads that follow OSLO Cultuurparticipatie (see ../shared/oslo/MAPPING.md), and those
// streams into data products: one named graph per producer dataset plus its DCAT and PROV
// description in a catalogue graph.
//
// # Basics
//
// The adapters live in sub-packages and all return a Reader (an rdf.Reader that also counts
// records):
//
//   - uitdatabank: UiTdatabank JSON-LD (events, places, organizers; single documents, arrays,
//     Search API pages), streamed one document at a time.
//   - tickets: ticketing exports (CSV and JSON lines) with per-vendor column mappings in YAML,
//     pseudonymised at the door through package pseudo.
//   - mapping: a small YARRRML-like declarative mapping for any CSV or JSON export.
//   - product: the data product description and the atomic graph replacement in the store,
//     in bounded memory on top of triplestore.Store.Load.
//   - pipeline: the adapters over one or more input files chained into one Reader
//     (pipeline.Open), and one call (pipeline.Run) that replaces the product with all of them.
//   - pseudo: key providers and keyed pseudonyms for the tickets adapter.
//   - ingesttest: test support the adapters and the CLI share (golden N-Quads, Drain for
//     fuzz targets, personal values of an export, a scratch store).
//
// The adapters read one record at a time through a RecordBuffer, which hands out the
// record's quads one by one. Bad records come back from Read as *Error (with the JSON pointer or the CSV row and column)
// and the reader goes on with the next record; Collect decides, strictly or leniently, whether
// the run may go on. A record that fails contributes no quads at all.
//
// # Caveats
//
// Adapters never emit blank nodes except for the declarative mapping, whose blank node labels
// carry the run id (Options.RunID) so that the files of one run never share one. The store
// gives every run's blank nodes fresh labels anyway (product.Replace).
package ingest
