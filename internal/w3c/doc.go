// Package w3c is test support for the W3C conformance suites kept under ../shared/w3c
// (relative to the repository root): it locates the suite, loads SPARQL test manifests
// (https://www.w3.org/2001/sw/DataAccess/tests/test-manifest) and runs a suite against an
// expected-failures list, printing "<suite>: N passed, M failed".
//
// # Basics
//
//   - Dir(t) returns the suite root (env UWP_W3C_DIR overrides). When the suite is missing
//     the test is skipped, or fails under CI=true.
//   - LoadManifest(path) returns the Tests of a manifest and of every manifest it includes
//     (mf:include), in manifest order. File references come back as local file paths.
//   - LoadExpected(path) reads an expected-failures file; Run runs the tests as subtests and
//     fails a listed test that passes, so the list can only shrink.
//
// # Caveats
//
// Only file: IRIs are mapped to paths; manifests are parsed with rdf/turtle.
package w3c
