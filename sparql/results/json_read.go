package results

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// jsonSource reads SPARQL JSON results with a token decoder, one binding object at a time.
// Keys may come in any order; when "results" comes before "head" the bindings are kept
// until the variables are known.
type jsonSource struct {
	dec       *json.Decoder
	vars      []string
	idx       map[string]int
	pending   []map[string]jsonTerm
	streaming bool // positioned inside the bindings array
	done      bool
}

type jsonTerm struct {
	Type     string  `json:"type"`
	Value    *string `json:"value"`
	Lang     string  `json:"xml:lang"`
	Datatype string  `json:"datatype"`
}

func newJSONSource(r io.Reader) *jsonSource { return &jsonSource{dec: json.NewDecoder(r)} }

func (s *jsonSource) fail(format string, args ...any) error {
	return &SyntaxError{Format: JSON, Msg: fmt.Sprintf(format, args...) + fmt.Sprintf(" (near byte %d)", s.dec.InputOffset())}
}

func (s *jsonSource) wrap(err error) error {
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &SyntaxError{Format: JSON, Msg: fmt.Sprintf("%v (at byte %d)", se, se.Offset)}
	}
	return &SyntaxError{Format: JSON, Msg: err.Error()}
}

func (s *jsonSource) delim(want json.Delim) error {
	tok, err := s.dec.Token()
	if err != nil {
		return s.wrap(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != want {
		return s.fail("expected %q, found %v", want, tok)
	}
	return nil
}

func (s *jsonSource) key() (string, error) {
	tok, err := s.dec.Token()
	if err != nil {
		return "", s.wrap(err)
	}
	k, ok := tok.(string)
	if !ok {
		return "", s.fail("expected a key, found %v", tok)
	}
	return k, nil
}

func (s *jsonSource) skip() error {
	var raw json.RawMessage
	if err := s.dec.Decode(&raw); err != nil {
		return s.wrap(err)
	}
	return nil
}

func (s *jsonSource) head() ([]string, *bool, error) {
	if err := s.delim('{'); err != nil {
		return nil, nil, err
	}
	var boolean *bool
	haveHead := false
	for s.dec.More() {
		k, err := s.key()
		if err != nil {
			return nil, nil, err
		}
		switch k {
		case "head":
			var h struct {
				Vars []string `json:"vars"`
			}
			if err := s.dec.Decode(&h); err != nil {
				return nil, nil, s.wrap(err)
			}
			s.vars, s.idx, haveHead = h.Vars, varIndex(h.Vars), true
			if s.vars == nil {
				s.vars = []string{}
			}
		case "boolean":
			var b bool
			if err := s.dec.Decode(&b); err != nil {
				return nil, nil, s.wrap(err)
			}
			boolean = &b
		case "results":
			if err := s.delim('{'); err != nil {
				return nil, nil, err
			}
			if err := s.resultsObject(haveHead); err != nil {
				return nil, nil, err
			}
			if s.streaming {
				return s.vars, nil, nil
			}
		default:
			if err := s.skip(); err != nil {
				return nil, nil, err
			}
		}
	}
	if err := s.delim('}'); err != nil {
		return nil, nil, err
	}
	s.done = true
	if !haveHead {
		return nil, nil, s.fail(`no "head"`)
	}
	if boolean != nil {
		return nil, boolean, nil
	}
	return s.vars, nil, nil
}

// resultsObject reads the members of "results" up to the bindings array; with stream set
// it stops inside the array, otherwise it buffers the bindings and reads on to the end of
// the object.
func (s *jsonSource) resultsObject(stream bool) error {
	for s.dec.More() {
		k, err := s.key()
		if err != nil {
			return err
		}
		if k != "bindings" {
			if err := s.skip(); err != nil {
				return err
			}
			continue
		}
		if err := s.delim('['); err != nil {
			return err
		}
		if stream {
			s.streaming = true
			return nil
		}
		for s.dec.More() {
			var b map[string]jsonTerm
			if err := s.dec.Decode(&b); err != nil {
				return s.wrap(err)
			}
			s.pending = append(s.pending, b)
		}
		if err := s.delim(']'); err != nil {
			return err
		}
	}
	return s.delim('}')
}

func (s *jsonSource) next() ([]rdf.Term, error) {
	if len(s.pending) > 0 {
		b := s.pending[0]
		s.pending = s.pending[1:]
		return s.row(b)
	}
	if !s.streaming {
		return nil, io.EOF
	}
	if s.dec.More() {
		var b map[string]jsonTerm
		if err := s.dec.Decode(&b); err != nil {
			return nil, s.wrap(err)
		}
		return s.row(b)
	}
	// End of the bindings: finish "results" and the top-level object.
	s.streaming = false
	if err := s.delim(']'); err != nil {
		return nil, err
	}
	if err := s.resultsObject(false); err != nil {
		return nil, err
	}
	for s.dec.More() {
		if _, err := s.key(); err != nil {
			return nil, err
		}
		if err := s.skip(); err != nil {
			return nil, err
		}
	}
	if err := s.delim('}'); err != nil {
		return nil, err
	}
	return nil, io.EOF
}

func (s *jsonSource) row(b map[string]jsonTerm) ([]rdf.Term, error) {
	row := make([]rdf.Term, len(s.vars))
	for name, jt := range b {
		i, ok := s.idx[name]
		if !ok {
			return nil, s.fail("binding of %q, which is not in head.vars", name)
		}
		t, err := jt.term()
		if err != nil {
			return nil, s.fail("variable %q: %v", name, err)
		}
		row[i] = t
	}
	return row, nil
}

func (jt jsonTerm) term() (rdf.Term, error) {
	if jt.Value == nil {
		return nil, errors.New(`term without "value"`)
	}
	v := *jt.Value
	switch jt.Type {
	case "uri":
		return rdf.IRI(v), nil
	case "bnode":
		return rdf.BlankNode(v), nil
	case "literal", "typed-literal": // typed-literal: the 2008 W3C note's form
		switch {
		case jt.Lang != "":
			return rdf.NewLangLiteral(v, jt.Lang), nil
		case jt.Datatype != "":
			return rdf.NewTypedLiteral(v, rdf.IRI(jt.Datatype)), nil
		}
		return rdf.NewLiteral(v), nil
	}
	return nil, fmt.Errorf("unknown term type %q", jt.Type)
}
