package w3c

import (
	"fmt"
	"path/filepath"
	"testing"
)

// Load returns the tests of the manifests at the given paths (relative to Dir), in order,
// keeping those keep accepts (nil keeps every test). It skips t when the suite is missing, as
// Dir does, and fails it when a manifest cannot be read or holds no test that keep accepts.
func Load(t testing.TB, keep func(Test) bool, manifests ...string) []Test {
	t.Helper()
	dir := Dir(t)
	var out []Test
	for _, m := range manifests {
		tests, err := LoadManifest(filepath.Join(dir, filepath.FromSlash(m)))
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range tests {
			if keep == nil || keep(tc) {
				out = append(out, tc)
			}
		}
	}
	if len(out) == 0 {
		t.Fatalf("no tests in %v", manifests)
	}
	return out
}

// Result counts the outcome of a suite run.
type Result struct {
	Suite          string
	Passed, Failed int // Failed includes the expected failures
	Expected       int // failures that are listed
}

// String reads "<suite>: N passed, M failed", the line scripts/test.sh collects, and says
// whether the failures are all listed as expected (else how many are not: the run fails).
func (r Result) String() string {
	s := fmt.Sprintf("%s: %d passed, %d failed", r.Suite, r.Passed, r.Failed)
	if n := r.Failed - r.Expected; n > 0 {
		s += fmt.Sprintf(" (%d not in the expected-failures list)", n)
	} else if r.Failed > 0 {
		s += " (all in the expected-failures list)"
	}
	return s
}

// Run runs each test as a subtest named after its IRI's local part (its Name when that is
// empty). run returns nil for a pass; a test it skips (t.Skip) is not counted. An unlisted
// failure fails the subtest; so does a listed test that passes, and a listed IRI that is not
// among tests (the list only shrinks). The count line is logged and printed to stdout.
// run must not call t.Parallel: the line is printed when the subtests have returned.
func Run(t *testing.T, suite string, tests []Test, expected Expected, run func(t *testing.T, tc Test) error) Result {
	t.Helper()
	res := Result{Suite: suite}
	for _, tc := range tests {
		name := localName(tc.IRI)
		if name == "" {
			name = tc.Name
		}
		t.Run(name, func(t *testing.T) {
			err := run(t, tc)
			reason, listed := expected[tc.IRI]
			passed, problem := verdict(tc, err, reason, listed)
			if passed {
				res.Passed++
			} else {
				res.Failed++
				if listed {
					res.Expected++
				}
			}
			if problem != "" {
				t.Error(problem)
			} else if err != nil {
				t.Logf("expected failure (%s): %v", reason, err)
			}
		})
	}
	ids := map[string]bool{}
	for _, tc := range tests {
		ids[tc.IRI] = true
	}
	for iri := range expected {
		if !ids[iri] {
			t.Errorf("%s: expected failure %s is not a test of the suite: remove it from the list", suite, iri)
		}
	}
	t.Log(res.String())
	fmt.Println(res.String())
	return res
}

// verdict judges one test: whether it passed, and the problem to report (empty when the
// outcome is as expected). A listed test that passes is a problem: the list only shrinks.
func verdict(tc Test, err error, reason string, listed bool) (passed bool, problem string) {
	switch {
	case err == nil && listed:
		return true, fmt.Sprintf("%s passes but is listed as an expected failure (%s): remove it from the list", tc.IRI, reason)
	case err == nil:
		return true, ""
	case listed:
		return false, ""
	default:
		return false, fmt.Sprintf("%s (%s): %v", tc.IRI, tc.Name, err)
	}
}
