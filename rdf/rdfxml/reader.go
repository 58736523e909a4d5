package rdfxml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// frameKind says what the reader expects inside an open element.
type frameKind uint8

const (
	fTop        frameKind = iota // outside the document element
	fRDF                         // inside rdf:RDF: node elements
	fNode                        // inside a node element (or parseType="Resource"): property elements
	fProp                        // inside a property element whose content is not known yet
	fPropNode                    // inside a property element after its one node element
	fCollection                  // inside parseType="Collection": node elements
	fLiteral                     // inside parseType="Literal": any XML
)

// frame is one open element. Frames live in a slice, so never keep a pointer to one across a push.
type frame struct {
	kind   frameKind
	name   xml.Name // as written (Space holds the prefix), to match the end tag
	nsMark int      // length of reader.ns before this element's declarations
	base   *rdf.Base
	lang   string

	subject rdf.Term // fNode: the node; other kinds: the subject of the property's statement
	li      int      // fNode: the last rdf:li number handed out
	pred    rdf.Term // property kinds: the predicate, an rdf.IRI
	reify   rdf.IRI  // property kinds: the rdf:ID of the statement, "" for none

	// fProp: what the end tag needs to finish the element (its text is in reader.text).
	dt     rdf.IRI  // rdf:datatype, "" for none
	object rdf.Term // from rdf:resource or rdf:nodeID, nil for none
	props  []propAttr

	last rdf.Term // fCollection: the last list cell, nil while empty

	lit *literal // fLiteral
}

// propAttr is a property attribute: a predicate and an unresolved value.
type propAttr struct {
	pred  rdf.IRI
	value string
}

type nsBinding struct{ prefix, uri string }

// reader is the streaming RDF/XML parser behind NewReader.
type reader struct {
	dec   *xml.Decoder
	src   *source
	file  string
	stack []frame
	ns    []nsBinding
	queue []rdf.Quad
	head  int
	err   error

	line, byteCol int   // where the current token starts (encoding/xml counts bytes)
	off           int64 // byte offset of the same place
	bnodes        int
	ids           map[rdf.IRI]struct{}
	names         map[nameKey]interned
	text          []byte // the text of the innermost fProp element
	rootDone      bool
}

// NewReader returns a reader of the RDF/XML document in r. opts.Base is the document's base IRI
// (xml:base attributes override it); opts.File names the input in errors; opts.Line is ignored.
func NewReader(r io.Reader, opts rdf.ReadOptions) rdf.Reader {
	src := newSource(r)
	d := xml.NewDecoder(src)
	d.Strict = true
	d.CharsetReader = charsetReader
	rd := &reader{dec: d, src: src, file: opts.File, ids: map[rdf.IRI]struct{}{}, names: map[nameKey]interned{}}
	rd.stack = append(rd.stack, frame{kind: fTop, base: rdf.NewBase(opts.Base)})
	return rd
}

// Read returns the next triple (Graph is always nil), io.EOF at the end of the document, a
// fatal *rdf.SyntaxError for input that is not RDF/XML, or the underlying reader's error.
func (r *reader) Read() (rdf.Quad, error) {
	for {
		if r.head < len(r.queue) {
			q := r.queue[r.head]
			r.queue[r.head] = rdf.Quad{}
			r.head++
			return q, nil
		}
		r.queue, r.head = r.queue[:0], 0
		if r.err != nil {
			return rdf.Quad{}, r.err
		}
		if err := r.step(); err != nil {
			r.err = err
		}
	}
}

// errorf makes a fatal syntax error at the start of the current token.
func (r *reader) errorf(format string, args ...any) error {
	col := r.src.column(r.off, r.byteCol)
	return &rdf.SyntaxError{File: r.file, Line: r.line, Col: col, Msg: fmt.Sprintf(format, args...), Fatal: true}
}

func (r *reader) step() error {
	r.off = r.dec.InputOffset()
	r.line, r.byteCol = r.dec.InputPos()
	r.src.mark(r.off)
	tok, err := r.dec.RawToken()
	if err == io.EOF {
		return r.eof()
	}
	if err != nil {
		if r.src.err != nil && errors.Is(err, r.src.err) {
			return err // the underlying reader failed: not the document's fault
		}
		r.off = r.dec.InputOffset()
		r.line, r.byteCol = r.dec.InputPos()
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return r.errorf("XML: %s", se.Msg)
		}
		return r.errorf("XML: %s", strings.TrimPrefix(err.Error(), "xml: "))
	}
	switch t := tok.(type) {
	case xml.StartElement:
		r.normalizeAttrs(t)
		return r.start(t)
	case xml.EndElement:
		return r.end(t)
	case xml.CharData:
		return r.chars(t)
	case xml.ProcInst:
		if top := &r.stack[len(r.stack)-1]; top.kind == fLiteral {
			top.lit.procInst(t)
		}
	case xml.Directive:
		r.directive(t)
	}
	return nil
}

func (r *reader) eof() error {
	if len(r.stack) > 1 {
		top := r.stack[len(r.stack)-1]
		if top.kind == fLiteral && len(top.lit.open) > 0 {
			top.name = top.lit.open[len(top.lit.open)-1].name
		}
		return r.errorf("unexpected end of document: element <%s> is not closed", rawName(top.name))
	}
	if !r.rootDone {
		return r.errorf("no document element")
	}
	return io.EOF
}

func rawName(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

func (r *reader) start(t xml.StartElement) error {
	top := &r.stack[len(r.stack)-1]
	if top.kind == fLiteral {
		return top.lit.start(r, t)
	}
	if top.kind == fTop && r.rootDone {
		return r.errorf("content after the document element")
	}
	mark := len(r.ns)
	if err := r.declare(t); err != nil {
		return err
	}
	iri, term, err := r.elementName(t.Name)
	if err != nil {
		return err
	}
	as, base, lang, err := r.sortAttrs(t, top.base, top.lang)
	if err != nil {
		return err
	}
	f := frame{name: t.Name, nsMark: mark, base: base, lang: lang}
	switch top.kind {
	case fTop:
		if iri == rdfNS+"RDF" {
			if as.has != 0 || len(as.props) > 0 {
				return r.errorf("rdf:RDF takes no RDF attributes")
			}
			f.kind = fRDF
			r.stack = append(r.stack, f)
			return nil
		}
		_, err := r.nodeElement(f, iri, term, as)
		return err
	case fRDF, fNode:
		if top.kind == fRDF {
			_, err := r.nodeElement(f, iri, term, as)
			return err
		}
		return r.propertyElement(f, iri, term, as)
	case fProp:
		if !isXMLSpace(r.text) {
			return r.errorf("property element <%s> mixes text and elements", rawName(top.name))
		}
		if top.dt != "" || top.object != nil || len(top.props) > 0 {
			return r.errorf("property element <%s> has a node element and rdf:resource, rdf:nodeID, rdf:datatype or property attributes", rawName(top.name))
		}
		top.kind = fPropNode
		s, p, reify := top.subject, top.pred, top.reify
		o, err := r.nodeElement(f, iri, term, as)
		if err != nil {
			return err
		}
		r.emit(s, p, o, reify)
		return nil
	case fPropNode:
		return r.errorf("property element <%s> holds more than one node element", rawName(top.name))
	case fCollection:
		i := len(r.stack) - 1
		o, err := r.nodeElement(f, iri, term, as)
		if err != nil {
			return err
		}
		col := &r.stack[i]
		cell := r.fresh()
		if col.last == nil {
			r.emit(col.subject, col.pred, cell, col.reify)
		} else {
			r.emit(col.last, rdf.RDFRest, cell, "")
		}
		r.emit(cell, rdf.RDFFirst, o, "")
		col.last = cell
		return nil
	}
	panic(fmt.Sprintf("unreachable: frame kind %d", top.kind))
}

func (r *reader) chars(t xml.CharData) error {
	top := &r.stack[len(r.stack)-1]
	switch top.kind {
	case fLiteral:
		top.lit.text(t)
	case fProp:
		r.text = append(r.text, t...)
	default:
		if !isXMLSpace(t) {
			if top.kind == fTop {
				return r.errorf("text outside the document element")
			}
			return r.errorf("text is not allowed inside <%s>", rawName(top.name))
		}
	}
	return nil
}

func (r *reader) end(t xml.EndElement) error {
	top := &r.stack[len(r.stack)-1]
	if top.kind == fLiteral && len(top.lit.open) > 0 {
		return top.lit.end(r, t)
	}
	if top.kind == fTop {
		return r.errorf("unexpected end tag </%s>", rawName(t.Name))
	}
	if t.Name != top.name {
		return r.errorf("end tag </%s> does not match <%s>", rawName(t.Name), rawName(top.name))
	}
	f := *top
	r.stack[len(r.stack)-1] = frame{}
	r.stack = r.stack[:len(r.stack)-1]
	r.ns = r.ns[:f.nsMark]
	if len(r.stack) == 1 {
		r.rootDone = true
	}
	switch f.kind {
	case fProp:
		return r.endProperty(&f)
	case fCollection:
		if f.last == nil {
			r.emit(f.subject, f.pred, rdf.RDFNil, f.reify)
		} else {
			r.emit(f.last, rdf.RDFRest, rdf.RDFNil, "")
		}
	case fLiteral:
		r.emit(f.subject, f.pred, rdf.NewTypedLiteral(f.lit.buf.String(), rdf.RDFXMLLiteral), f.reify)
	}
	return nil
}
