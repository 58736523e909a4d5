package jsonld

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
)

// TestW3C_FromRDF runs the fromRdf tests of the JSON-LD 1.1 API suite against fromRDF, the
// Serialize RDF as JSON-LD step of the Writer (before compaction), comparing expanded
// JSON-LD with arrays as sets except inside @list.
func TestW3C_FromRDF(t *testing.T) {
	options := func(tc jsonldTest) string {
		switch {
		case tc.Option["useNativeTypes"] == true:
			return "useNativeTypes option"
		case tc.Option["useRdfType"] == true:
			return "useRdfType option"
		}
		return ""
	}
	runJSONLD(t, "jsonld fromRdf", "fromRdf", "w3c-fromrdf-expected-failures.txt", options, func(s jsonldSuite, tc jsonldTest) error {
		return runFromRDF(tc, s.dir)
	})
}

func runFromRDF(tc jsonldTest, dir string) error {
	qs, err := w3c.ReadNQuadsFile(filepath.Join(dir, tc.Input))
	if err != nil {
		return err
	}
	w := &writer{quads: qs}
	got := fromRDF(w.sorted())
	if strings.Contains(tc.Type[0], "Negative") {
		return fmt.Errorf("no error, want %q", tc.ErrorCode)
	}
	rawWant, err := os.ReadFile(filepath.Join(dir, tc.Expect))
	if err != nil {
		return err
	}
	var want any
	if err := json.Unmarshal(rawWant, &want); err != nil {
		return err
	}
	// Our readers label _:x as bx; the suite expects the labels of its input.
	gotJSON, _ := json.Marshal(got)
	var gotAny any
	json.Unmarshal(gotJSON, &gotAny)
	gotAny = unprefixBlanks(gotAny)
	if !jsonldEqual(gotAny, want, false) {
		return fmt.Errorf("got\n%s\nwant\n%s", gotJSON, rawWant)
	}
	return nil
}

func unprefixBlanks(v any) any {
	switch x := v.(type) {
	case string:
		if strings.HasPrefix(x, "_:b") {
			return "_:" + x[3:]
		}
		return x
	case []any:
		for i := range x {
			x[i] = unprefixBlanks(x[i])
		}
		return x
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			out[unprefixBlanks(k).(string)] = unprefixBlanks(e)
		}
		return out
	}
	return v
}

// jsonldEqual compares JSON values, arrays as multisets unless ordered (inside @list).
func jsonldEqual(a, b any, ordered bool) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !jsonldEqual(v, w, k == "@list") {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		if ordered {
			for i := range x {
				if !jsonldEqual(x[i], y[i], false) {
					return false
				}
			}
			return true
		}
		used := make([]bool, len(y))
	next:
		for _, e := range x {
			for j, f := range y {
				if !used[j] && jsonldEqual(e, f, false) {
					used[j] = true
					continue next
				}
			}
			return false
		}
		return true
	default:
		return a == b
	}
}
