// Package ingesttest holds the test support the ingest packages and the CLI's ingest tests
// share, as net/http/httptest does for net/http.
//
// # Basics
//
//   - NQuads and Golden: sorted N-Quads text of quads, compared with (or, under the -update
//     flag this package defines, written to) a golden file under testdata/.
//   - Drain: read an adapter to the end under the ingest.Reader contract (every error an
//     *ingest.Error, reading goes on until io.EOF or a fatal one), for fuzz targets.
//   - PersonalValues: the values of personal columns of a ticketing CSV export, and the
//     parts of them that identify someone, to look for in output that must not hold them.
//   - OpenStore and Quads: a fresh store in the test's temporary directory, and its quads.
//
// # Caveats
//
// Test code only: every helper takes a testing.TB and fails the test on an I/O error.
package ingesttest
