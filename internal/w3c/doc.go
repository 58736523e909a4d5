// Package w3c is test support for the W3C conformance suites kept under ../shared/w3c
// (relative to the repository root): the RDF 1.1 syntax suites
// (https://w3c.github.io/rdf-tests/) and the SPARQL 1.0 and 1.1 suites. It locates the
// suite, loads test manifests (https://www.w3.org/2001/sw/DataAccess/tests/test-manifest)
// and runs a suite against an expected-failures list, printing "<suite>: N passed, M failed".
// It is the one harness of the repository: the syntax packages under rdf/, sparql/ and web
// use it alike.
//
// # Basics
//
//   - Dir(t) returns the suite root (env UWP_W3C_DIR overrides). When the suite is missing
//     the test is skipped, or fails under CI=true. Find does the same search without a test
//     (fuzz targets seed their corpus with it).
//   - LoadManifest(path) returns the Tests of a manifest and of every manifest it includes
//     (mf:include), in manifest order. File references come back as local file paths; a
//     test named relative to its manifest gets a location-independent IRI, and Test.Base is
//     the base IRI to parse its action with (mf:assumedTestBase). Load(t, keep, paths...)
//     loads several manifests relative to Dir and filters them.
//   - ReadManifestGraph(path) is the manifest's graph itself, for harnesses that read more
//     of a test than Test holds (Test.Node is the entry's node in it).
//   - LoadExpected(path) reads an expected-failures file ("<test IRI> # <reason>" lines);
//     Run runs the tests as subtests, fails an unlisted failure and a listed test that
//     passes (so the list can only shrink), and prints the count line.
//   - ReadAll drains an rdf.Reader; ReadNQuadsFile parses an expected .nt/.nq result with a
//     small parser of its own, so that a syntax package is never checked against itself;
//     CompareResult compares parsed quads with a test's expected result.
//
// A typical suite:
//
//	tests := w3c.Load(t, nil, "rdf/rdf11/rdf-turtle/manifest.ttl")
//	expected, err := w3c.LoadExpected("testdata/rdf-turtle-expected-failures.txt")
//	...
//	w3c.Run(t, "rdf-turtle", tests, expected, func(t *testing.T, tc w3c.Test) error { ... })
//
// # Caveats
//
// Manifests are read with rdf/turtle, so a test of package turtle that uses this package
// must be an external test package (package turtle_test) to avoid an import cycle. Only
// file: IRIs are mapped to paths. The function given to Run must not call t.Parallel.
package w3c
