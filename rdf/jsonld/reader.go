package jsonld

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/piprate/json-gold/ld"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// reader converts the whole document on the first Read and then hands out quads.
type reader struct {
	in     io.Reader
	opts   rdf.ReadOptions
	loader *loader

	loaded bool
	quads  []rdf.Quad
	pos    int
	err    error
}

// Read implements rdf.Reader.
func (r *reader) Read() (rdf.Quad, error) {
	if !r.loaded {
		r.loaded = true
		r.quads, r.err = r.load()
	}
	if r.err != nil {
		return rdf.Quad{}, r.err
	}
	if r.pos >= len(r.quads) {
		r.quads = nil
		return rdf.Quad{}, io.EOF
	}
	q := r.quads[r.pos]
	r.quads[r.pos] = rdf.Quad{} // let the garbage collector have what was handed out
	r.pos++
	return q, nil
}

func (r *reader) load() (qs []rdf.Quad, err error) {
	defer func() {
		if p := recover(); p != nil { // a panic never crosses the package API
			qs, err = nil, fmt.Errorf("jsonld: internal error: %v", p)
		}
	}()
	data, err := io.ReadAll(r.in)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a UTF-8 byte order mark is not JSON
	doc, err := r.parse(data)
	if err != nil {
		return nil, err
	}
	qs, err = r.convert(doc, langCasing(doc))
	if err != nil {
		return nil, r.algorithmError(data, doc, err)
	}
	return qs, nil
}

// convert expands doc and turns it into quads; it fails on JSON-LD errors of expansion and on
// the ones json-gold leaves to us (value objects with an @type that is not one IRI).
func (r *reader) convert(doc any, langs map[string]string) ([]rdf.Quad, error) {
	expanded, err := r.expand(doc)
	if err != nil {
		return nil, err
	}
	c := newToRDF(langs)
	c.document(expanded)
	return c.quads, c.err
}

func (r *reader) ldOptions() *ld.JsonLdOptions {
	o := ld.NewJsonLdOptions(r.opts.Base)
	o.DocumentLoader = r.loader
	o.ProcessingMode = ld.JsonLd_1_1
	return o
}

// expand runs the JSON-LD 1.1 Expansion Algorithm. json-gold may panic on inputs its authors
// did not foresee; a panic never crosses our API, it becomes an error.
func (r *reader) expand(doc any) (out []any, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, fmt.Errorf("jsonld: expansion failed: %v", p)
		}
	}()
	return ld.NewJsonLdProcessor().Expand(doc, r.ldOptions())
}

// parse decodes exactly one JSON value, reporting bad JSON as a positioned *rdf.SyntaxError.
func (r *reader) parse(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var doc any
	if err := dec.Decode(&doc); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			off := se.Offset - 1 // Offset counts the bytes read, the bad one included
			if off < 0 {
				off = 0
			}
			return nil, r.syntaxError(data, off, "invalid JSON: "+se.Error())
		case errors.As(err, &te):
			return nil, r.syntaxError(data, te.Offset, "invalid JSON: "+te.Error())
		case err == io.EOF:
			return nil, r.syntaxError(data, int64(len(data)), "invalid JSON: empty document")
		case errors.Is(err, io.ErrUnexpectedEOF):
			return nil, r.syntaxError(data, int64(len(data)), "invalid JSON: unexpected end of input")
		}
		return nil, r.syntaxError(data, dec.InputOffset(), "invalid JSON: "+err.Error())
	}
	end := dec.InputOffset()
	if _, err := dec.Token(); err != io.EOF {
		return nil, r.syntaxError(data, skipSpace(data, end), "invalid JSON: data after the top-level value")
	}
	return doc, nil
}

func (r *reader) syntaxError(data []byte, off int64, msg string) *rdf.SyntaxError {
	line, col := r.position(data, off)
	return &rdf.SyntaxError{File: r.opts.File, Line: line, Col: col, Msg: msg, Fatal: true}
}

// algorithmError turns an expansion failure into an *Error that names the JSON pointer of
// the offending value, found by re-expanding pruned copies of the document (see locate).
func (r *reader) algorithmError(data []byte, doc any, err error) error {
	code := ""
	var lde *ld.JsonLdError
	if errors.As(err, &lde) {
		code = string(lde.Code)
	}
	ptr := locate(doc, func(d any) bool {
		_, e := r.convert(d, nil)
		return e != nil
	})
	off, ok := pointerOffset(data, ptr)
	if !ok {
		off = skipSpace(data, 0)
	}
	line, col := r.position(data, off)
	var mc *missingContext
	if errors.As(err, &mc) {
		err = mc // json-gold's wrapping only repeats the URL
	}
	return newError(r.opts.File, line, col, ptr, code, err)
}

// position converts a byte offset to a 1-based line and a 1-based column counted in runes.
func (r *reader) position(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line = 1
	if r.opts.Line > 0 {
		line = r.opts.Line
	}
	start := 0
	for i := 0; i < int(off); i++ {
		if data[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCount(data[start:off]) + 1
}

func skipSpace(data []byte, off int64) int64 {
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\r', '\n':
			off++
		default:
			return off
		}
	}
	return off
}
