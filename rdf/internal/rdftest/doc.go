// Package rdftest runs the W3C RDF conformance suites (https://w3c.github.io/rdf-tests/) as
// ordinary go tests for the syntax packages (nt, turtle, trig, rdfxml, jsonld).
//
// # Basics
//
//   - Dir finds the shared test tree (../shared/w3c next to the repository root, or
//     $UWP_W3C_DIR); it skips the test when the tree is missing, and fails it under CI=true.
//   - Load reads a manifest (following mf:include) into a []Test: IRI, type, name, action
//     and result file paths, approval and the base IRI to parse the action with.
//   - Suite keeps the score: Suite.Run runs one test as a subtest, honouring the
//     expected-failures file, and Suite.Report prints "<suite>: N passed, M failed".
//   - ReadAll drains an rdf.Reader; ReadNQuadsFile parses an expected .nt/.nq result so
//     that suites do not depend on the package under test to read their answers.
//
// A typical suite:
//
//	dir := rdftest.Dir(t)
//	tests, err := rdftest.Load(filepath.Join(dir, "rdf/rdf11/rdf-turtle/manifest.ttl"))
//	s := rdftest.NewSuite(t, "rdf-turtle", "testdata/w3c-expected-failures.txt")
//	for _, tc := range tests {
//		s.Run(t, tc, func(tc rdftest.Test) error { ... })
//	}
//	s.Report(t)
//
// # Caveats
//
// Manifests are read with the Turtle reader, so a test of package turtle that uses this
// package must be an external test package (package turtle_test) to avoid an import cycle.
package rdftest
