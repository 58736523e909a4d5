// Package formats is the registry of uwp's RDF syntaxes: it picks a reader or writer by
// rdf.Format, guesses formats from file names and media types, and undoes .gz and .bz2
// compression, so that callers (the loader, the CLI, the web layer) need not import every
// syntax package.
//
// Key functions: NewReader, NewWriter, Detect, Open.
package formats
