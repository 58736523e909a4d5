package results

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
)

// fuzzRoundTrip is read -> write -> read in one format: whatever reads must write, and
// what it writes must read back as the same result (for CSV, what CSV keeps).
func fuzzRoundTrip(f *testing.F, format Format, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Add(writeAll(f, format, sampleVars, sampleRows))
	if dir, ok := w3c.Find(); ok {
		files, _ := filepath.Glob(filepath.Join(dir, "sparql", "sparql11", "*", "*"+format.Ext()))
		for i, p := range files {
			if i >= 20 {
				break
			}
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Read(format, bytes.NewReader(data))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := WriteResult(format, &buf, res); err != nil {
			t.Fatal(err)
		}
		back, err := Read(format, bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("written output does not read back: %v\n%s", err, buf.Bytes())
		}
		if !sameResult(res, back) {
			t.Fatalf("round trip differs:\nfirst %+v\nback  %+v\n%s", res, back, buf.Bytes())
		}
	})
}

func FuzzJSON(f *testing.F) {
	fuzzRoundTrip(f, JSON, `{"head":{"vars":["a"]},"results":{"bindings":[{"a":{"type":"literal","value":"x\u0000y","xml:lang":"en"}}]}}`,
		`{"head":{},"boolean":false}`)
}

func FuzzXML(f *testing.F) {
	fuzzRoundTrip(f, XML, `<sparql><head><variable name="a"/></head><results><result><binding name="a"><literal datatype="http://t">x</literal></binding></result></results></sparql>`)
}

func FuzzCSV(f *testing.F) {
	fuzzRoundTrip(f, CSV, "a,b\r\n\"x\r\ny\",_:b\r\n", "_askResult\r\ntrue\r\n")
}

func FuzzTSV(f *testing.F) {
	fuzzRoundTrip(f, TSV, "?a\t?b\n\"x\\ty\"@en\t'''q'''\n", "?a\n1.5e3\n")
}
