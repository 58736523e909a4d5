package results

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// csvSource reads CSV results (RFC 4180; records end in CRLF or LF; a quoted field keeps
// its line ends exactly, which encoding/csv would normalise). CSV carries no types, so
// values come back as the doc comment of the package describes.
type csvSource struct {
	r         *bufio.Reader
	line, col int
	n         int // fields per record, from the header
}

func newCSVSource(r io.Reader) *csvSource { return &csvSource{r: bufio.NewReader(r), line: 1} }

func (s *csvSource) fail(format string, args ...any) error {
	return &SyntaxError{Format: CSV, Line: s.line, Col: s.col, Msg: fmt.Sprintf(format, args...)}
}

// record reads one record; io.EOF when the input is exhausted before it starts.
func (s *csvSource) record() ([]string, error) {
	var fields []string
	var f strings.Builder
	quoted, inQuotes, started := false, false, false
	s.col = 0
	for {
		c, err := s.r.ReadByte()
		if err == io.EOF {
			if inQuotes {
				return nil, s.fail("unterminated quoted field")
			}
			if !started {
				return nil, io.EOF
			}
			return append(fields, f.String()), nil
		}
		if err != nil {
			return nil, err
		}
		started = true
		s.col++
		if inQuotes {
			if c == '"' {
				if next, err := s.r.Peek(1); err == nil && next[0] == '"' {
					s.r.ReadByte()
					f.WriteByte('"')
					continue
				}
				inQuotes = false
				continue
			}
			if c == '\n' {
				s.line++
				s.col = 0
			}
			f.WriteByte(c)
			continue
		}
		switch c {
		case '"':
			if quoted || f.Len() > 0 {
				return nil, s.fail(`bare " in a field`)
			}
			quoted, inQuotes = true, true
		case ',':
			fields = append(fields, f.String())
			f.Reset()
			quoted = false
		case '\r':
			if next, err := s.r.Peek(1); err == nil && next[0] == '\n' {
				continue
			}
			return nil, s.fail("CR without LF")
		case '\n':
			s.line++
			return append(fields, f.String()), nil
		default:
			if quoted {
				return nil, s.fail("text after a closing quote")
			}
			f.WriteByte(c)
		}
	}
}

func (s *csvSource) head() ([]string, *bool, error) {
	rec, err := s.record()
	if err == io.EOF {
		return nil, nil, &SyntaxError{Format: CSV, Line: 1, Msg: "no header line"}
	}
	if err != nil {
		return nil, nil, err
	}
	if len(rec) == 1 && rec[0] == "" {
		rec = []string{} // no variables
	}
	s.n = len(rec)
	if len(rec) == 1 && rec[0] == askColumn {
		row, err := s.record()
		if err == nil && len(row) == 1 && (row[0] == "true" || row[0] == "false") {
			b := row[0] == "true"
			return nil, &b, nil
		}
		return nil, nil, &SyntaxError{Format: CSV, Line: 2, Msg: "ASK result without true or false"}
	}
	return rec, nil, nil
}

func (s *csvSource) next() ([]rdf.Term, error) {
	rec, err := s.record()
	if err != nil {
		return nil, err
	}
	if s.n == 0 && len(rec) == 1 && rec[0] == "" {
		return []rdf.Term{}, nil
	}
	if len(rec) != s.n {
		s.line-- // the record has been consumed; report its own line
		err := s.fail("%d fields for %d variables", len(rec), s.n)
		s.line++
		return nil, err
	}
	row := make([]rdf.Term, len(rec))
	for i, v := range rec {
		row[i] = csvTerm(v)
	}
	return row, nil
}

// csvTerm guesses a term from CSV text: "" unbound, _:x a blank node, an absolute IRI
// without spaces an IRI, anything else a simple literal.
func csvTerm(v string) rdf.Term {
	switch {
	case v == "":
		return nil
	case strings.HasPrefix(v, "_:") && len(v) > 2 && !strings.ContainsAny(v, " \t\r\n"):
		return rdf.BlankNode(v[2:])
	case rdf.IsAbsoluteIRI(v) && !strings.ContainsAny(v, " \t\r\n<>\"{}|^`\\"):
		return rdf.IRI(v)
	}
	return rdf.NewLiteral(v)
}
