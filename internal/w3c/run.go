package w3c

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// Expected is an expected-failures list: test IRI -> reason.
type Expected map[string]string

// LoadExpected reads an expected-failures file: one test IRI per line, then " # " and the
// reason. Blank lines and lines starting with # are comments. A missing file is an empty list.
func LoadExpected(path string) (Expected, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return Expected{}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ex := Expected{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		iri, reason, ok := strings.Cut(line, " # ")
		if !ok || strings.TrimSpace(reason) == "" {
			return nil, fmt.Errorf("%s:%d: want \"<test IRI> # <reason>\"", path, n)
		}
		ex[strings.TrimSpace(iri)] = strings.TrimSpace(reason)
	}
	return ex, sc.Err()
}

// Result counts the outcome of a suite run.
type Result struct {
	Suite          string
	Passed, Failed int // Failed includes the expected failures
	Expected       int // failures that are listed
}

// String reads "<suite>: N passed, M failed".
func (r Result) String() string {
	s := fmt.Sprintf("%s: %d passed, %d failed", r.Suite, r.Passed, r.Failed)
	if r.Expected > 0 {
		s += fmt.Sprintf(" (%d expected)", r.Expected)
	}
	return s
}

// Run runs each test as a subtest named after its IRI's local part. run returns nil for a
// pass. An unlisted failure fails the subtest; so does a listed test that passes (the list only
// shrinks). The count line is logged and printed to stdout.
func Run(t *testing.T, suite string, tests []Test, expected Expected, run func(t *testing.T, tc Test) error) Result {
	t.Helper()
	res := Result{Suite: suite}
	for _, tc := range tests {
		tc := tc
		name := tc.IRI
		if i := strings.LastIndexAny(name, "#/"); i >= 0 {
			name = name[i+1:]
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
