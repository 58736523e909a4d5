package mapping

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

	"github.com/uitwisselingsplatform/uwp/ingest"
)

// record is one row or JSON object of a source.
type record interface {
	// values returns the values of a reference (nil when missing).
	values(ref string) []string
	// locate fills an error's position for a reference ("" = the record).
	locate(e *ingest.Error, ref string)
}

// records streams the records of a source.
type records interface {
	next() (record, error) // io.EOF at the end; *ingest.Error for a bad record
}

// --- CSV ---

type csvRecords struct {
	r      *csv.Reader
	file   string
	header []string
	index  map[string]int
	rec    csvRecord
}

type csvRecord struct {
	src  *csvRecords
	row  []string
	line int
}

func newCSVRecords(r io.Reader, sep, file string) (*csvRecords, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	if sep == "" {
		head, _ := br.Peek(4096)
		if i := bytes.IndexByte(head, '\n'); i >= 0 {
			head = head[:i]
		}
		sep = ","
		if bytes.Count(head, []byte(";")) > bytes.Count(head, []byte(",")) {
			sep = ";"
		}
		if bytes.Count(head, []byte("\t")) > bytes.Count(head, []byte(sep)) {
			sep = "\t"
		}
	}
	cr := csv.NewReader(br)
	cr.Comma = []rune(sep)[0]
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			err = errors.New("no header row")
		}
		return nil, &ingest.Error{File: file, Row: 1, Msg: err.Error(), Fatal: true}
	}
	s := &csvRecords{r: cr, file: file, header: append([]string(nil), header...), index: map[string]int{}}
	for i, h := range s.header {
		s.index[strings.TrimSpace(h)] = i
	}
	return s, nil
}

func (s *csvRecords) next() (record, error) {
	row, err := s.r.Read()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, &ingest.Error{File: s.file, Row: pe.StartLine, Msg: pe.Err.Error()}
		}
		return nil, &ingest.Error{File: s.file, Msg: err.Error(), Fatal: true}
	}
	line, _ := s.r.FieldPos(0)
	if len(row) != len(s.header) {
		return nil, &ingest.Error{File: s.file, Row: line, Msg: fmt.Sprintf("row has %d fields, the header %d", len(row), len(s.header))}
	}
	s.rec = csvRecord{src: s, row: row, line: line}
	return &s.rec, nil
}

func (r *csvRecord) values(ref string) []string {
	i, ok := r.src.index[ref]
	if !ok {
		return nil
	}
	return []string{strings.TrimSpace(r.row[i])}
}

func (r *csvRecord) locate(e *ingest.Error, ref string) {
	e.File, e.Row = r.src.file, r.line
	if i, ok := r.src.index[ref]; ok {
		e.Col, e.Column = i+1, ref
	}
}

// --- JSON (an array, possibly under an iterator path) and JSON lines ---

type jsonRecords struct {
	dec      *json.Decoder
	sc       *bufio.Scanner // JSON lines
	file     string
	iterator []string
	base     string // pointer of the array
	started  bool
	done     bool
	index    int
	line     int
}

type jsonRecord struct {
	v    any
	ptr  string
	line int
	file string
}

func newJSONRecords(r io.Reader, iterator, file string, lines bool) *jsonRecords {
	s := &jsonRecords{file: file}
	if lines {
		s.sc = bufio.NewScanner(r)
		s.sc.Buffer(make([]byte, 64<<10), 16<<20)
		return s
	}
	s.dec = json.NewDecoder(bufio.NewReaderSize(r, 64<<10))
	s.dec.UseNumber()
	if iterator != "" {
		s.iterator = strings.Split(iterator, ".")
	}
	return s
}

func (s *jsonRecords) fatal(err error) error {
	s.done = true
	return &ingest.Error{File: s.file, Pointer: s.base, Msg: "bad JSON: " + err.Error(), Fatal: true}
}

func (s *jsonRecords) next() (record, error) {
	if s.sc != nil {
		return s.nextLine()
	}
	if s.done {
		return nil, io.EOF
	}
	if !s.started {
		s.started = true
		if err := s.descend(); err != nil {
			return nil, err
		}
	}
	if !s.dec.More() {
		s.done = true
		return nil, io.EOF
	}
	var v any
	if err := s.dec.Decode(&v); err != nil {
		return nil, s.fatal(err)
	}
	ptr := ingest.JSONPointer(s.base, s.index)
	s.index++
	return &jsonRecord{v: v, ptr: ptr, file: s.file}, nil
}

// descend walks the iterator path to the records array and consumes its '['.
func (s *jsonRecords) descend() error {
	for _, key := range s.iterator {
		if t, err := s.dec.Token(); err != nil || t != json.Delim('{') {
			return s.fatal(fmt.Errorf("iterator %s: expected an object at %q", strings.Join(s.iterator, "."), s.base))
		}
		for {
			if !s.dec.More() {
				return s.fatal(fmt.Errorf("iterator: no key %q at %q", key, s.base))
			}
			t, err := s.dec.Token()
			if err != nil {
				return s.fatal(err)
			}
			if t == key {
				s.base = ingest.JSONPointer(s.base, key)
				break
			}
			var skip json.RawMessage
			if err := s.dec.Decode(&skip); err != nil {
				return s.fatal(err)
			}
		}
	}
	t, err := s.dec.Token()
	if err != nil || t != json.Delim('[') {
		return s.fatal(fmt.Errorf("expected an array of records at %q", s.base))
	}
	return nil
}

func (s *jsonRecords) nextLine() (record, error) {
	for s.sc.Scan() {
		s.line++
		b := bytes.TrimSpace(s.sc.Bytes())
		if len(b) == 0 {
			continue
		}
		d := json.NewDecoder(bytes.NewReader(b))
		d.UseNumber()
		var v any
		if err := d.Decode(&v); err != nil {
			return nil, &ingest.Error{File: s.file, Row: s.line, Msg: "bad JSON: " + err.Error()}
		}
		return &jsonRecord{v: v, line: s.line, file: s.file}, nil
	}
	if err := s.sc.Err(); err != nil {
		return nil, &ingest.Error{File: s.file, Row: s.line + 1, Msg: err.Error(), Fatal: true}
	}
	return nil, io.EOF
}

func (r *jsonRecord) values(ref string) []string {
	cur := []any{r.v}
	for _, step := range strings.Split(ref, ".") {
		key, idx := step, ""
		if i := strings.IndexByte(step, '['); i >= 0 && strings.HasSuffix(step, "]") {
			key, idx = step[:i], step[i+1:len(step)-1]
		}
		var next []any
		for _, c := range cur {
			if key != "" {
				m, ok := c.(map[string]any)
				if !ok {
					continue
				}
				c, ok = m[key]
				if !ok {
					continue
				}
			}
			switch {
			case idx == "":
				next = append(next, c)
			case idx == "*":
				if a, ok := c.([]any); ok {
					next = append(next, a...)
				}
			default:
				n, err := strconv.Atoi(idx)
				if a, ok := c.([]any); ok && err == nil && n >= 0 && n < len(a) {
					next = append(next, a[n])
				}
			}
		}
		cur = next
	}
	var out []string
	for _, c := range cur {
		switch v := c.(type) {
		case string:
			out = append(out, strings.TrimSpace(v))
		case json.Number:
			out = append(out, v.String())
		case bool:
			out = append(out, strconv.FormatBool(v))
		case []any:
			for _, x := range v { // a bare array of scalars: every element
				switch x := x.(type) {
				case string:
					out = append(out, x)
				case json.Number:
					out = append(out, x.String())
				}
			}
		}
	}
	return out
}

func (r *jsonRecord) locate(e *ingest.Error, ref string) {
	e.File, e.Pointer, e.Row = r.file, r.ptr, r.line
	if ref != "" {
		e.Column = ref
		if r.line == 0 {
			e.Pointer = r.ptr + "/" + strings.ReplaceAll(strings.ReplaceAll(ref, "[", "/"), "]", "")
			e.Pointer = strings.ReplaceAll(e.Pointer, ".", "/")
			e.Column = ""
		}
	}
}
