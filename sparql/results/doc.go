// Package results writes and reads SPARQL 1.1 query results: JSON
// (https://www.w3.org/TR/sparql11-results-json/), XML
// (https://www.w3.org/TR/rdf-sparql-XMLres/), CSV and TSV
// (https://www.w3.org/TR/sparql11-results-csv-tsv/), plus a human-readable table.
//
// # Basics
//
//   - Format names a syntax; ParseFormat accepts a short name, a file extension or a media
//     type, and Negotiate picks one from an HTTP Accept header (with q-values).
//   - Writer streams a SELECT result: Begin(vars), Write(row) per solution (a nil entry is
//     an unbound variable), End(). Nothing is kept per row; output is buffered and flushed
//     every FlushEvery rows and at End. WriteBoolean writes an ASK result.
//   - Reader streams a result back: Vars, then Next/Row until Next is false, then Err.
//     Read collects a whole document into a Result; WriteResult writes one.
//   - TSVTerm and ParseTerm convert single terms to and from the TSV (Turtle) form;
//     ValidVarName checks a variable name. Writers and readers reject invalid or repeated
//     variable names; readers skip a UTF-8 byte order mark.
//
// # Caveats
//
//   - CSV is lossy: IRIs, literals and blank nodes all become bare text. The CSV reader
//     reads "_:x" as a blank node, an absolute IRI (scheme, colon, no spaces) as an IRI and
//     everything else as a simple literal, and an empty field as unbound.
//   - Blank node labels are kept as written in both directions (the results formats scope
//     labels to one document; nothing here renames them).
//   - XML 1.0 cannot carry most control characters: the XML writer replaces them with
//     U+FFFD, so such strings do not survive an XML round trip (JSON, TSV do).
//   - The table writer must see the rows to size its columns: it buffers at most TableRows
//     rows, then keeps the widths it has and writes the rest as they come.
//   - ASK results in CSV and TSV, which the specification does not define, are written as
//     one column named _askResult holding true or false, and read back that way.
package results
