package results

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

const xmlLangNS = "http://www.w3.org/XML/1998/namespace"

// xmlSource reads SPARQL XML results with a token decoder, one <result> at a time.
// Elements are matched by local name; unknown elements are skipped.
type xmlSource struct {
	dec  *xml.Decoder
	vars []string
	idx  map[string]int
}

func newXMLSource(r io.Reader) *xmlSource { return &xmlSource{dec: xml.NewDecoder(r)} }

func (s *xmlSource) fail(format string, args ...any) error {
	line, col := s.dec.InputPos()
	return &SyntaxError{Format: XML, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

func (s *xmlSource) token() (xml.Token, error) {
	tok, err := s.dec.Token()
	if err == io.EOF {
		return nil, s.fail("unexpected end of document")
	}
	if err != nil {
		return nil, s.fail("%v", err)
	}
	return tok, nil
}

func attr(e xml.StartElement, space, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local && (a.Name.Space == space || (space == xmlLangNS && a.Name.Space == "xml")) {
			return a.Value, true
		}
	}
	return "", false
}

func (s *xmlSource) head() ([]string, *bool, error) {
	// Find <sparql>.
	for {
		tok, err := s.token()
		if err != nil {
			return nil, nil, err
		}
		if e, ok := tok.(xml.StartElement); ok {
			if e.Name.Local != "sparql" {
				return nil, nil, s.fail("root element is <%s>, not <sparql>", e.Name.Local)
			}
			break
		}
	}
	haveHead := false
	for {
		tok, err := s.token()
		if err != nil {
			return nil, nil, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "head":
				if err := s.readHead(); err != nil {
					return nil, nil, err
				}
				haveHead = true
			case "results":
				if !haveHead {
					return nil, nil, s.fail("<results> before <head>")
				}
				return s.vars, nil, nil
			case "boolean":
				var text string
				if err := s.dec.DecodeElement(&text, &e); err != nil {
					return nil, nil, s.fail("%v", err)
				}
				var b bool
				switch strings.TrimSpace(text) {
				case "true":
					b = true
				case "false":
				default:
					return nil, nil, s.fail("boolean %q", text)
				}
				return nil, &b, nil
			default:
				if err := s.dec.Skip(); err != nil {
					return nil, nil, s.fail("%v", err)
				}
			}
		case xml.EndElement:
			// </sparql> without results: an empty SELECT result.
			if !haveHead {
				return nil, nil, s.fail("no <head>")
			}
			return s.vars, nil, nil
		}
	}
}

func (s *xmlSource) readHead() error {
	s.vars = []string{}
	for {
		tok, err := s.token()
		if err != nil {
			return err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local == "variable" {
				name, ok := attr(e, "", "name")
				if !ok {
					return s.fail("<variable> without a name")
				}
				s.vars = append(s.vars, name)
			}
			if err := s.dec.Skip(); err != nil {
				return s.fail("%v", err)
			}
		case xml.EndElement:
			s.idx = varIndex(s.vars)
			return nil
		}
	}
}

func (s *xmlSource) next() ([]rdf.Term, error) {
	if s.idx == nil {
		return nil, io.EOF
	}
	for {
		tok, err := s.token()
		if err != nil {
			return nil, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local == "result" {
				return s.readResult()
			}
			if err := s.dec.Skip(); err != nil {
				return nil, s.fail("%v", err)
			}
		case xml.EndElement:
			// </results>: stop (the rest of the document is not needed).
			s.idx = nil
			return nil, io.EOF
		}
	}
}

func (s *xmlSource) readResult() ([]rdf.Term, error) {
	row := make([]rdf.Term, len(s.vars))
	for {
		tok, err := s.token()
		if err != nil {
			return nil, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			if e.Name.Local != "binding" {
				if err := s.dec.Skip(); err != nil {
					return nil, s.fail("%v", err)
				}
				continue
			}
			name, _ := attr(e, "", "name")
			i, ok := s.idx[name]
			if !ok {
				return nil, s.fail("binding of %q, which is not a head variable", name)
			}
			t, err := s.readBinding()
			if err != nil {
				return nil, err
			}
			row[i] = t
		case xml.EndElement:
			return row, nil
		}
	}
}

// readBinding reads the content of <binding> up to and including </binding>.
func (s *xmlSource) readBinding() (rdf.Term, error) {
	var t rdf.Term
	for {
		tok, err := s.token()
		if err != nil {
			return nil, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			var text string
			if err := s.dec.DecodeElement(&text, &e); err != nil {
				return nil, s.fail("%v", err)
			}
			switch e.Name.Local {
			case "uri":
				t = rdf.IRI(text)
			case "bnode":
				t = rdf.BlankNode(text)
			case "literal":
				if lang, ok := attr(e, xmlLangNS, "lang"); ok && lang != "" {
					t = rdf.NewLangLiteral(text, lang)
				} else if dt, ok := attr(e, "", "datatype"); ok {
					t = rdf.NewTypedLiteral(text, rdf.IRI(dt))
				} else {
					t = rdf.NewLiteral(text)
				}
			case "unbound": // SPARQL 1.0 drafts
			default:
				return nil, s.fail("unknown term element <%s>", e.Name.Local)
			}
		case xml.EndElement:
			return t, nil
		}
	}
}
