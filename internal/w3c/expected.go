package w3c

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// Expected is an expected-failures list: test IRI -> reason.
type Expected map[string]string

// LoadExpected reads an expected-failures file: one test IRI per line, then " # " and the
// reason. Blank lines and lines starting with # are comments. A line without a reason is an
// error; a missing file is an empty list.
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
