// Package mapping is a small declarative mapping language, after YARRRML/RML, that turns any
// CSV, JSON or JSON lines export into quads, so that a new organiser's export needs a mapping
// file, not code. examples/cultuurcentrum.yaml documents the format and maps its sample input
// (the CSV and JSON beside it) onto OSLO Cultuurparticipatie.
//
// # Basics
//
//   - Load(path) / Parse(r, name) read and check a mapping: sources (file, format, CSV
//     separator, JSON iterator) and mappings (one subject per record of a source: an IRI
//     template or a blank node, rdf:types, and properties whose objects are literal templates
//     with language or datatype, IRI templates, or links to the subject of another mapping).
//   - Templates hold {references}: a CSV column, or a dotted JSON path with [*] or [n] steps;
//     {$processedAt} and {$runId} are the run's time (Options.ProcessedAt) and id. Values are
//     percent-escaped in IRIs; split: makes one object per part of a cell.
//   - Mapping.NewReader(source, r, Options) streams one source; Mapping.OpenAll opens every
//     source's file. Both implement ingest.Reader.
//
// A record whose required value is missing, whose literal does not fit its xsd datatype, or
// whose subject is not an absolute IRI gives an *ingest.Error with the CSV row and column (or
// JSON pointer, or JSON lines line) and no quads at all.
//
// # Caveats
//
// Links between records are computed, not joined: a link evaluates the target mapping's
// subject template with this record's values (renamed by with:), so no source is held in
// memory; a link to a record that does not exist is not detected. Blank node labels are
// <RunID>_<mapping>_<record number>.
package mapping
