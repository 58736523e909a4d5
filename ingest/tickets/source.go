package tickets

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// source yields the rows of an export as field values by generic field index.
type source interface {
	// next fills vals (indexed like Fields; "" = absent) and returns the row's 1-based line;
	// a bad row gives *rowError, the end io.EOF.
	next(vals []string) (line int, err error)
	// colOf returns the 1-based column number (0 if unknown) and the export's name for a field.
	colOf(field int) (int, string)
}

type rowError struct {
	line, col int
	column    string
	msg       string
	fatal     bool
}

// bom is the UTF-8 byte order mark some spreadsheet exports start with.
var bom = []byte{0xEF, 0xBB, 0xBF}

// openSource sniffs the format (unless the mapping fixes it), strips a BOM and opens the rows.
func openSource(r io.Reader, m *Mapping) (source, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(3); bytes.Equal(b, bom) {
		br.Discard(3)
	}
	format := m.Format
	if format == "" {
		format = "csv"
		for {
			b, err := br.Peek(1)
			if err != nil {
				break
			}
			if b[0] == ' ' || b[0] == '\n' || b[0] == '\r' || b[0] == '\t' {
				br.Discard(1) // harmless for CSV too: leading blank lines are skipped anyway
				continue
			}
			if b[0] == '{' {
				format = "jsonl"
			}
			break
		}
	}
	if format == "jsonl" {
		return newJSONLSource(br, m), nil
	}
	return newCSVSource(br, m)
}

// --- CSV ---

type csvSource struct {
	r      *csv.Reader
	cols   []int // generic field index -> CSV column index, -1 = unmapped
	nHead  int
	header []string
}

func newCSVSource(br *bufio.Reader, m *Mapping) (*csvSource, error) {
	sep := m.Separator
	if sep == "" {
		line, _ := br.Peek(br.Buffered())
		if len(line) == 0 {
			line, _ = br.Peek(4096)
		}
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i]
		}
		sep = ","
		best := bytes.Count(line, []byte(","))
		for _, c := range []string{";", "\t", "|"} {
			if n := bytes.Count(line, []byte(c)); n > best {
				sep, best = c, n
			}
		}
	}
	r := csv.NewReader(br)
	r.Comma = []rune(sep)[0]
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	header, err := r.Read()
	if err == io.EOF {
		return nil, errors.New("empty export: no header row")
	}
	if err != nil {
		return nil, fmt.Errorf("header row: %w", err)
	}
	s := &csvSource{r: r, nHead: len(header), header: append([]string(nil), header...)}
	index := map[string]int{}
	for i, h := range s.header {
		index[strings.TrimSpace(h)] = i
	}
	s.cols = make([]int, len(Fields))
	for fi, f := range Fields {
		s.cols[fi] = -1
		col, ok := m.Columns[f]
		if !ok {
			continue
		}
		i, ok := index[col]
		if !ok {
			if isRequired(f) {
				return nil, fmt.Errorf("header row: no column %q (for %s)", col, f)
			}
			continue // optional column absent from this export
		}
		s.cols[fi] = i
	}
	return s, nil
}

func isRequired(f string) bool {
	for _, r := range required {
		if r == f {
			return true
		}
	}
	return false
}

func (s *csvSource) next(vals []string) (int, error) {
	rec, err := s.r.Read()
	if err == io.EOF {
		return 0, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return pe.StartLine, &rowError{line: pe.StartLine, msg: pe.Err.Error()}
		}
		return 0, &rowError{msg: err.Error(), fatal: true}
	}
	line, _ := s.r.FieldPos(0)
	if len(rec) != s.nHead {
		return line, &rowError{line: line, msg: fmt.Sprintf("row has %d fields, the header %d", len(rec), s.nHead)}
	}
	for fi, ci := range s.cols {
		if ci < 0 {
			vals[fi] = ""
			continue
		}
		vals[fi] = strings.TrimSpace(rec[ci])
	}
	return line, nil
}

func (s *csvSource) colOf(field int) (int, string) {
	ci := s.cols[field]
	if ci < 0 {
		return 0, Fields[field]
	}
	return ci + 1, s.header[ci]
}

// --- JSON lines ---

type jsonlSource struct {
	sc   *bufio.Scanner
	line int
	keys [][]string // generic field index -> dotted path
}

func newJSONLSource(br *bufio.Reader, m *Mapping) *jsonlSource {
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	s := &jsonlSource{sc: sc, keys: make([][]string, len(Fields))}
	for fi, f := range Fields {
		if col, ok := m.Columns[f]; ok {
			s.keys[fi] = strings.Split(col, ".")
		}
	}
	return s
}

func (s *jsonlSource) next(vals []string) (int, error) {
	for {
		if !s.sc.Scan() {
			if err := s.sc.Err(); err != nil {
				return s.line + 1, &rowError{line: s.line + 1, msg: err.Error(), fatal: true}
			}
			return 0, io.EOF
		}
		s.line++
		if len(bytes.TrimSpace(s.sc.Bytes())) > 0 {
			break
		}
	}
	var obj map[string]any
	d := json.NewDecoder(bytes.NewReader(s.sc.Bytes()))
	d.UseNumber()
	if err := d.Decode(&obj); err != nil {
		return s.line, &rowError{line: s.line, msg: "bad JSON: " + err.Error()}
	}
	for fi, path := range s.keys {
		vals[fi] = ""
		if path == nil {
			continue
		}
		var v any = obj
		for _, k := range path {
			m, ok := v.(map[string]any)
			if !ok {
				v = nil
				break
			}
			v = m[k]
		}
		switch v := v.(type) {
		case nil:
		case string:
			vals[fi] = strings.TrimSpace(v)
		case json.Number:
			vals[fi] = v.String()
		case bool:
			vals[fi] = strconv.FormatBool(v)
		default:
			return s.line, &rowError{line: s.line, column: strings.Join(path, "."), msg: "expected a string or number"}
		}
	}
	return s.line, nil
}

func (s *jsonlSource) colOf(field int) (int, string) {
	return 0, strings.Join(s.keys[field], ".")
}

func (e *rowError) Error() string { return e.msg }
