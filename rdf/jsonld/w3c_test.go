package jsonld

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// jsonldSuiteDir finds the W3C JSON-LD 1.1 API test suite (https://w3c.github.io/json-ld-api/tests/).
// It is not part of ../shared/w3c; json-gold ships a copy in its module, which the build has
// downloaded already. UWP_JSONLD_TESTS overrides the location.
func jsonldSuiteDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("UWP_JSONLD_TESTS")
	if dir == "" {
		out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/piprate/json-gold").Output()
		if err == nil {
			dir = filepath.Join(strings.TrimSpace(string(out)), "ld", "testdata")
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "toRdf-manifest.jsonld")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("JSON-LD test suite not found (%q): %v", dir, err)
		}
		t.Skipf("JSON-LD test suite not found (%q); set UWP_JSONLD_TESTS", dir)
	}
	return dir
}

type jsonldTest struct {
	ID        string         `json:"@id"`
	Type      []string       `json:"@type"`
	Name      string         `json:"name"`
	Input     string         `json:"input"`
	Expect    string         `json:"expect"`
	ErrorCode string         `json:"expectErrorCode"`
	Option    map[string]any `json:"option"`
	Context   string         `json:"context"` // compact tests: the context file
}

// jsonldSuite is what a test of one manifest of the suite may read.
type jsonldSuite struct {
	dir, baseIRI string
	// docs maps the URL of every <name>/*.jsonld file of the suite to its content: the
	// "remote" documents (contexts) that tests load.
	docs map[string][]byte
}

// runJSONLD runs the tests of <name>-manifest.jsonld against testdata/<expectedFile> under
// the count line suite. A test that notApplicable or extra (when not nil) gives a reason for
// is counted by reason and reported, not run.
func runJSONLD(t *testing.T, suite, name, expectedFile string, extra func(jsonldTest) string, run func(s jsonldSuite, tc jsonldTest) error) {
	t.Helper()
	dir := jsonldSuiteDir(t)
	raw, err := os.ReadFile(filepath.Join(dir, name+"-manifest.jsonld"))
	if err != nil {
		t.Fatal(err)
	}
	var manifest struct {
		BaseIRI  string       `json:"baseIri"`
		Sequence []jsonldTest `json:"sequence"`
	}
	if err := json.Unmarshal(raw, &manifest); err != nil {
		t.Fatal(err)
	}
	s := jsonldSuite{dir: dir, baseIRI: manifest.BaseIRI, docs: map[string][]byte{}}
	files, _ := filepath.Glob(filepath.Join(dir, name, "*.jsonld"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s.docs[manifest.BaseIRI+name+"/"+filepath.Base(f)] = data
	}
	var tests []w3c.Test
	byIRI := map[string]jsonldTest{}
	skipped := map[string]int{}
	for _, tc := range manifest.Sequence {
		why := tc.notApplicable()
		if why == "" && extra != nil {
			why = extra(tc)
		}
		if why != "" {
			skipped[why]++
			continue
		}
		test := w3c.Test{
			IRI:    manifest.BaseIRI + name + "-manifest" + tc.ID,
			Type:   strings.TrimPrefix(tc.Type[0], "jld:"),
			Name:   strings.TrimPrefix(tc.ID, "#") + " " + tc.Name,
			Action: filepath.Join(dir, tc.Input),
		}
		tests = append(tests, test)
		byIRI[test.IRI] = tc
	}
	expected, err := w3c.LoadExpected(filepath.Join("testdata", expectedFile))
	if err != nil {
		t.Fatal(err)
	}
	w3c.Run(t, suite, tests, expected, func(t *testing.T, test w3c.Test) error {
		return run(s, byIRI[test.IRI])
	})
	fmt.Printf("%s: not applicable: %v\n", suite, skipped)
}

// notApplicable names the tests of options this package does not offer; they are counted
// and reported, not run.
func (tc jsonldTest) notApplicable() string {
	o := tc.Option
	switch {
	case o["specVersion"] == "json-ld-1.0":
		return "JSON-LD 1.0 only"
	case o["processingMode"] == "json-ld-1.0":
		return "processingMode json-ld-1.0"
	case o["rdfDirection"] != nil:
		return "rdfDirection option"
	case o["produceGeneralizedRdf"] == true:
		return "produceGeneralizedRdf option"
	case o["expandContext"] != nil:
		return "expandContext option"
	}
	return ""
}

// TestW3C_ToRDF runs the toRdf tests of the JSON-LD 1.1 API suite against the Reader:
// positive tests compare with the expected N-Quads up to blank node renaming, negative tests
// must fail with the expected JSON-LD error code.
func TestW3C_ToRDF(t *testing.T) {
	runJSONLD(t, "jsonld toRdf", "toRdf", "w3c-tordf-expected-failures.txt", nil, func(s jsonldSuite, tc jsonldTest) error {
		return runToRDF(tc, s.dir, s.baseIRI, s.docs)
	})
}

func runToRDF(tc jsonldTest, dir, baseIRI string, contexts map[string][]byte) error {
	data, err := os.ReadFile(filepath.Join(dir, tc.Input))
	if err != nil {
		return err
	}
	base := baseIRI + tc.Input
	if b, ok := tc.Option["base"].(string); ok {
		base = b
	}
	got, err := w3c.ReadAll(NewReaderWithContexts(strings.NewReader(string(data)), rdf.ReadOptions{Base: base, File: tc.Input}, contexts))
	switch {
	case strings.Contains(tc.Type[0], "Negative"):
		if err == nil {
			return fmt.Errorf("no error, want %q; got %d quads", tc.ErrorCode, len(got))
		}
		var je *Error
		if !errors.As(err, &je) || je.Code != tc.ErrorCode {
			return fmt.Errorf("got %v, want error code %q", err, tc.ErrorCode)
		}
		return nil
	case err != nil:
		return err
	case tc.Expect == "":
		return nil // positive syntax test
	}
	want, err := w3c.ReadNQuadsFile(filepath.Join(dir, tc.Expect))
	if err != nil {
		return err
	}
	if !rdf.Isomorphic(got, want) {
		return fmt.Errorf("not isomorphic:\n%s", rdf.Diff(want, got))
	}
	return nil
}
