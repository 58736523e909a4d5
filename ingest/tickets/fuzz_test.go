package tickets

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/ingesttest"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// FuzzReader: any export ends without panicking, errors are *ingest.Error, and no value of
// a personal column (the buyer's name, phone, street) reaches the output.
func FuzzReader(f *testing.F) {
	for _, p := range []string{"testdata/generic-export.csv", "testdata/ticketmatic-export.csv", "testdata/generic-export.jsonl"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, "Zyxwvut")
		}
	}
	m, err := Builtin("generic")
	if err != nil {
		f.Fatal(err)
	}
	ps := testPseudonymizer(f)
	f.Fuzz(func(t *testing.T, in []byte, secret string) {
		secret = strings.TrimSpace(secret)
		if len(secret) < 6 || strings.ContainsAny(secret, ",\"\r\n;\t") {
			secret = "Zyxwvut"
		}
		// Plant the secret in the personal columns of a valid row appended to the input.
		row := "\nS1,S2,e1,,,,1,,,,s@example.org," + secret + "," + secret + "," + secret + ",,,,,,,\n"
		data := append(bytes.Clone(in), row...)
		r, err := NewReader(bytes.NewReader(data), m, Options{Base: base, Pseudonymizer: ps, Now: now})
		if err != nil {
			var e *ingest.Error
			if !errors.As(err, &e) {
				t.Fatalf("NewReader error %T: %v", err, err)
			}
			return
		}
		ingesttest.Drain(t, r, func(q rdf.Quad) {
			if strings.Contains(strings.ToLower(q.String()), strings.ToLower(secret)) && !bytes.Contains(bytes.ToLower(in), []byte(strings.ToLower(secret))) {
				t.Fatalf("personal value %q in %v", secret, q)
			}
		})
	})
}
