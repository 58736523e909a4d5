package rdftest

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
)

// Suite keeps the score of one conformance suite against its expected-failures list.
// Methods are safe for concurrent use (subtests may call t.Parallel).
type Suite struct {
	Name string

	mu             sync.Mutex
	expected       map[string]string // test IRI -> reason
	seen           map[string]bool
	passed, failed int
}

// NewSuite starts a suite. expectedFailures is the path of the expected-failures file: one
// test IRI per line, optionally followed by " # reason"; blank lines and lines starting
// with '#' are ignored. An empty path, or a file that does not exist, means no expected
// failures.
func NewSuite(tb testing.TB, name, expectedFailures string) *Suite {
	tb.Helper()
	s := &Suite{Name: name, expected: map[string]string{}, seen: map[string]bool{}}
	if expectedFailures == "" {
		return s
	}
	m, err := LoadExpectedFailures(expectedFailures)
	if err != nil && !os.IsNotExist(err) {
		tb.Fatal(err)
	}
	if m != nil {
		s.expected = m
	}
	return s
}

// LoadExpectedFailures reads an expected-failures file (see NewSuite) into IRI -> reason.
func LoadExpectedFailures(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		iri, reason, _ := strings.Cut(line, " # ")
		m[strings.TrimSpace(iri)] = strings.TrimSpace(reason)
	}
	return m, sc.Err()
}

// Run runs one test as a subtest named after the test. fn returns nil when the test
// passes. An unexpected failure fails the subtest; so does a pass of a test listed as an
// expected failure (remove it from the list: the list only shrinks).
func (s *Suite) Run(t *testing.T, tc Test, fn func(Test) error) {
	t.Helper()
	name := tc.Name
	if name == "" {
		name = localName(tc.IRI)
	}
	t.Run(name, func(t *testing.T) {
		err := fn(tc)
		s.mu.Lock()
		reason, listed := s.expected[tc.IRI]
		s.seen[tc.IRI] = true
		if err == nil {
			s.passed++
		} else {
			s.failed++
		}
		s.mu.Unlock()
		switch {
		case err == nil && listed:
			t.Errorf("%s passes but is listed as an expected failure (%s): remove it from the list", tc.IRI, reason)
		case err != nil && listed:
			t.Logf("expected failure (%s): %v", reason, err)
		case err != nil:
			t.Errorf("%s (%s): %v", tc.IRI, tc.Action, err)
		}
	})
}

// Counts returns the numbers of passed and failed tests so far.
func (s *Suite) Counts() (passed, failed int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.passed, s.failed
}

// Report prints "<suite>: N passed, M failed" and fails t when more tests failed than the
// expected-failures list allows. When the whole suite ran (no -run filter), a listed test
// that was never run also fails t, so that the list does not go stale.
func (s *Suite) Report(t testing.TB) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	fmt.Printf("%s: %d passed, %d failed\n", s.Name, s.passed, s.failed)
	if s.failed > len(s.expected) {
		t.Errorf("%s: %d failed, but only %d expected failures are listed", s.Name, s.failed, len(s.expected))
	}
	if f := flag.Lookup("test.run"); f != nil && f.Value.String() != "" {
		return
	}
	var stale []string
	for iri := range s.expected {
		if !s.seen[iri] {
			stale = append(stale, iri)
		}
	}
	sort.Strings(stale)
	for _, iri := range stale {
		t.Errorf("%s: expected failure %s is not in the suite: remove it from the list", s.Name, iri)
	}
}
