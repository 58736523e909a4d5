package jsonld

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/piprate/json-gold/ld"
)

// TestW3C_Compact runs the compaction tests of the JSON-LD 1.1 API suite through compact, the
// Writer's compaction step (the input is expanded with json-gold first, as the Writer's input
// is already expanded). It checks json-gold's Compaction Algorithm and our wrapper around it.
func TestW3C_Compact(t *testing.T) {
	options := func(tc jsonldTest) string {
		switch {
		case tc.Option["compactArrays"] == false:
			return "compactArrays option"
		case tc.Option["compactToRelative"] == false:
			return "compactToRelative option"
		}
		return ""
	}
	runJSONLD(t, "jsonld compact", "compact", "w3c-compact-expected-failures.txt", options, func(s jsonldSuite, tc jsonldTest) error {
		return runCompact(tc, tc.Context, s.dir, s.baseIRI, s.docs)
	})
}

func runCompact(tc jsonldTest, contextFile, dir, baseIRI string, docs map[string][]byte) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	read := func(name string) (any, error) {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		return decodeJSON(data)
	}
	input, err := read(tc.Input)
	if err != nil {
		return err
	}
	ctxDoc, err := read(contextFile)
	if err != nil {
		return err
	}
	var ctx any = ctxDoc
	if m, ok := ctxDoc.(map[string]any); ok {
		if inner, ok := m["@context"]; ok {
			ctx = inner
		}
	}
	opts := ld.NewJsonLdOptions(baseIRI + tc.Input)
	if b, ok := tc.Option["base"].(string); ok {
		opts.Base = b
	}
	opts.DocumentLoader = newLoader(docs)
	expanded, err := ld.NewJsonLdProcessor().Expand(input, opts)
	if err == nil {
		var out map[string]any
		out, err = compact(expanded, ctx, opts)
		if err == nil && !strings.Contains(tc.Type[0], "Negative") {
			want, err := read(tc.Expect)
			if err != nil {
				return err
			}
			got, _ := json.Marshal(out)
			var gotAny any
			json.Unmarshal(got, &gotAny)
			if !jsonldEqual(gotAny, want, false) {
				wantJSON, _ := json.Marshal(want)
				return fmt.Errorf("got\n%s\nwant\n%s", got, wantJSON)
			}
			return nil
		}
	}
	if strings.Contains(tc.Type[0], "Negative") {
		var lde *ld.JsonLdError
		if err == nil {
			return fmt.Errorf("no error, want %q", tc.ErrorCode)
		}
		if !errors.As(err, &lde) || string(lde.Code) != tc.ErrorCode {
			return fmt.Errorf("got %v, want error code %q", err, tc.ErrorCode)
		}
		return nil
	}
	return err
}
