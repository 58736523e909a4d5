package uitdatabank

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Reader streams the quads of UiTdatabank JSON-LD: one document, a JSON array of documents,
// or a Search API page ({"member": [...]}, fetched with embed=true). Only one document is
// held in memory at a time. It implements ingest.Reader.
type Reader struct {
	dec   *json.Decoder
	conv  *converter
	opts  Options
	state int // 0 start, 1 in top-level array, 2 in page member array, 3 done
	index int
	buf   ingest.RecordBuffer
}

// NewReader returns a Reader over r.
func NewReader(r io.Reader, opts Options) *Reader {
	dec := json.NewDecoder(bufio.NewReaderSize(r, 64<<10))
	dec.UseNumber()
	return &Reader{dec: dec, conv: newConverter(opts), opts: opts}
}

// Stats reports the documents and quads read so far.
func (r *Reader) Stats() ingest.Stats { return r.buf.Count }

// Read returns the next quad, io.EOF at the end, an *ingest.Error (Fatal false) for a
// document that cannot be converted (the next Read goes on with the next document), and a
// Fatal *ingest.Error for input that is not JSON.
func (r *Reader) Read() (rdf.Quad, error) { return r.buf.Read(r.next) }

// next converts the next document into r.buf; io.EOF after the last.
func (r *Reader) next() error {
	switch r.state {
	case 0:
		return r.start()
	case 1, 2:
		if !r.dec.More() {
			if _, err := r.dec.Token(); err != nil { // ]
				return r.syntax(err)
			}
			if r.state == 2 {
				if err := r.skipRest(); err != nil {
					return err
				}
			}
			r.state = 3
			return r.trailing()
		}
		ptr := ingest.JSONPointer("", r.index)
		if r.state == 2 {
			ptr = ingest.JSONPointer("/member", r.index)
		}
		r.index++
		var v any
		if err := r.dec.Decode(&v); err != nil {
			return r.syntax(err)
		}
		return r.document(v, ptr)
	}
	return io.EOF
}

func (r *Reader) start() error {
	tok, err := r.dec.Token()
	if err == io.EOF {
		r.state = 3
		return nil
	}
	if err != nil {
		return r.syntax(err)
	}
	switch tok {
	case json.Delim('['):
		r.state = 1
		return nil
	case json.Delim('{'):
	default:
		return r.syntax(fmt.Errorf("expected a JSON object or array, found %v", tok))
	}
	// An object: a document, or a page whose "member" array we stream.
	doc := map[string]any{}
	for r.dec.More() {
		kt, err := r.dec.Token()
		if err != nil {
			return r.syntax(err)
		}
		key := kt.(string)
		if key == "member" {
			t, err := r.dec.Token()
			if err != nil {
				return r.syntax(err)
			}
			if t != json.Delim('[') {
				return r.syntax(fmt.Errorf("page member is %v, not an array", t))
			}
			r.state = 2
			return nil
		}
		var v any
		if err := r.dec.Decode(&v); err != nil {
			return r.syntax(err)
		}
		doc[key] = v
	}
	if _, err := r.dec.Token(); err != nil { // }
		return r.syntax(err)
	}
	r.state = 3
	if t, _ := doc["@type"].(string); t == "PagedCollection" {
		return r.trailing() // an empty page
	}
	if err := r.trailing(); err != nil {
		return err
	}
	return r.document(doc, "")
}

// skipRest consumes the keys of a page after its member array.
func (r *Reader) skipRest() error {
	for r.dec.More() {
		if _, err := r.dec.Token(); err != nil {
			return r.syntax(err)
		}
		var skip json.RawMessage
		if err := r.dec.Decode(&skip); err != nil {
			return r.syntax(err)
		}
	}
	if _, err := r.dec.Token(); err != nil {
		return r.syntax(err)
	}
	return nil
}

func (r *Reader) trailing() error {
	if _, err := r.dec.Token(); err != io.EOF {
		if err == nil {
			err = errors.New("data after the end of the JSON value")
		}
		return r.syntax(err)
	}
	return nil
}

func (r *Reader) document(v any, ptr string) error {
	r.buf.Count.Records++
	doc, ok := v.(map[string]any)
	if !ok {
		r.buf.Count.Failed++
		return &ingest.Error{File: r.opts.File, Pointer: ptr, Msg: fmt.Sprintf("expected a document (JSON object), found %s", jsonKind(v))}
	}
	qs, err := r.conv.convert(doc, ptr)
	if err != nil {
		r.buf.Count.Failed++
		return err
	}
	r.buf.Add(qs...)
	return nil
}

func (r *Reader) syntax(err error) error {
	msg := err.Error()
	if se, ok := err.(*json.SyntaxError); ok {
		msg = fmt.Sprintf("offset %d: %v", se.Offset, se)
	} else if err == io.ErrUnexpectedEOF || err == io.EOF {
		msg = fmt.Sprintf("offset %d: unexpected end of JSON input", r.dec.InputOffset())
	}
	e := &ingest.Error{File: r.opts.File, Pointer: ingest.JSONPointer("", r.index), Msg: "bad JSON: " + msg, Fatal: true}
	if r.state == 0 {
		e.Pointer = ""
	}
	r.state = 3
	return e
}

// Convert converts one UiTdatabank document held in memory.
func Convert(doc []byte, opts Options) ([]rdf.Quad, error) {
	r := NewReader(bytes.NewReader(doc), opts)
	var qs []rdf.Quad
	for {
		q, err := r.Read()
		if err == io.EOF {
			return qs, nil
		}
		if err != nil {
			return nil, err
		}
		qs = append(qs, q)
	}
}
