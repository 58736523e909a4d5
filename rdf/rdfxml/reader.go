package rdfxml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
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

// lookup finds the namespace bound to prefix ("" for the default namespace).
func (r *reader) lookup(prefix string) (string, bool) {
	switch prefix {
	case "xml":
		return xmlNS, true
	case "xmlns":
		return xmlnsNS, true
	}
	for i := len(r.ns) - 1; i >= 0; i-- {
		if r.ns[i].prefix == prefix {
			return r.ns[i].uri, true
		}
	}
	return "", prefix == ""
}

// declare pushes the namespace declarations of an element and checks its attributes are unique.
func (r *reader) declare(t xml.StartElement) error {
	for i, a := range t.Attr {
		for _, b := range t.Attr[:i] {
			if a.Name == b.Name {
				return r.errorf("attribute %s appears twice on <%s>", rawName(a.Name), rawName(t.Name))
			}
		}
		switch {
		case a.Name.Space == "xmlns":
			if a.Value == "" {
				return r.errorf("namespace prefix %s bound to the empty string", a.Name.Local)
			}
			if a.Name.Local == "xmlns" || (a.Name.Local == "xml") != (a.Value == xmlNS) || a.Value == xmlnsNS {
				return r.errorf("illegal namespace declaration xmlns:%s=%q", a.Name.Local, a.Value)
			}
			r.ns = append(r.ns, nsBinding{a.Name.Local, a.Value})
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			if a.Value == xmlNS || a.Value == xmlnsNS {
				return r.errorf("illegal default namespace %q", a.Value)
			}
			r.ns = append(r.ns, nsBinding{"", a.Value})
		}
	}
	return nil
}

// attrs are the attributes of an element sorted into RDF/XML's roles.
type attrs struct {
	has                                        uint8
	id, nodeID, about, resource, dt, parseType string
	props                                      []propAttr
}

const (
	hasID uint8 = 1 << iota
	hasNodeID
	hasAbout
	hasResource
	hasDatatype
	hasParseType
)

// elementName resolves the name of an element, to a string and to a boxed rdf.IRI. Names are
// interned: documents repeat a few element names many times.
func (r *reader) elementName(n xml.Name) (string, rdf.Term, error) {
	uri, ok := r.lookup(n.Space)
	if !ok {
		return "", nil, r.errorf("undeclared namespace prefix %q on <%s>", n.Space, rawName(n))
	}
	key := nameKey{uri, n.Local}
	if in, ok := r.names[key]; ok {
		return in.iri, in.term, nil
	}
	if uri == "" {
		return "", nil, r.errorf("element <%s> is in no namespace", rawName(n))
	}
	if !rdf.IsAbsoluteIRI(uri) {
		return "", nil, r.errorf("element <%s> is in namespace %q, which is not an absolute IRI", rawName(n), uri)
	}
	iri := uri + n.Local
	in := interned{iri, rdf.IRI(iri)}
	if len(r.names) < maxInterned {
		r.names[key] = in
	}
	return in.iri, in.term, nil
}

type nameKey struct{ uri, local string }

type interned struct {
	iri  string
	term rdf.Term
}

// maxInterned bounds the element names remembered, for documents that never repeat one.
const maxInterned = 4096

// sortAttrs resolves and sorts the attributes of an element (6.1.4 of the RDF/XML
// specification); it also applies xml:base and xml:lang to base and lang.
func (r *reader) sortAttrs(t xml.StartElement, base *rdf.Base, lang string) (attrs, *rdf.Base, string, error) {
	var as attrs
	for _, a := range t.Attr {
		var iri string
		switch p := a.Name.Space; {
		case p == "xmlns" || p == "" && a.Name.Local == "xmlns":
			continue
		case p == "xml":
			switch a.Name.Local {
			case "base":
				ref := a.Value
				if i := strings.IndexByte(ref, '#'); i >= 0 {
					ref = ref[:i]
				}
				iri, ok := base.Resolve(ref)
				if !ok {
					return as, nil, "", r.errorf("xml:base %q is relative and there is no base IRI", a.Value)
				}
				base = rdf.NewBase(iri)
			case "lang":
				lang = a.Value
			}
			continue
		case hasXMLPrefix(p):
			continue // reserved for XML: ignored
		case p == "":
			switch l := a.Name.Local; l {
			case "ID", "about", "resource", "parseType", "type":
				// Unqualified forms that 6.1.4 maps into the rdf: namespace.
				iri = rdfNS + l
			default:
				if hasXMLPrefix(l) {
					continue
				}
				return as, nil, "", r.errorf("attribute %s on <%s> is in no namespace", l, rawName(t.Name))
			}
		default:
			uri, ok := r.lookup(p)
			if !ok {
				return as, nil, "", r.errorf("undeclared namespace prefix %q on attribute %s", p, rawName(a.Name))
			}
			if !rdf.IsAbsoluteIRI(uri) {
				return as, nil, "", r.errorf("attribute %s is in namespace %q, which is not an absolute IRI", rawName(a.Name), uri)
			}
			iri = uri + a.Name.Local
		}
		// propertyAttributeURIs (7.2.7): anyURI - (coreSyntaxTerms | rdf:Description | rdf:li |
		// oldTerms); the core terms sort into their roles.
		switch classify(iri) {
		case classCore:
			var bit uint8
			switch iri[len(rdfNS):] {
			case "ID":
				bit, as.id = hasID, a.Value
			case "nodeID":
				bit, as.nodeID = hasNodeID, a.Value
			case "about":
				bit, as.about = hasAbout, a.Value
			case "resource":
				bit, as.resource = hasResource, a.Value
			case "datatype":
				bit, as.dt = hasDatatype, a.Value
			case "parseType":
				bit, as.parseType = hasParseType, a.Value
			default:
				return as, nil, "", r.errorf("rdf:%s is not allowed as an attribute", iri[len(rdfNS):])
			}
			if as.has&bit != 0 {
				return as, nil, "", r.errorf("attribute rdf:%s given twice", iri[len(rdfNS):])
			}
			as.has |= bit
		case classOther:
			as.props = append(as.props, propAttr{rdf.IRI(iri), a.Value})
		default:
			return as, nil, "", r.errorf("rdf:%s is not allowed as an attribute", iri[len(rdfNS):])
		}
	}
	return as, base, lang, nil
}

// hasXMLPrefix reports whether a name starts with "xml" in any case; such names are reserved.
func hasXMLPrefix(s string) bool { return len(s) >= 3 && strings.EqualFold(s[:3], "xml") }

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

func (r *reader) fresh() rdf.BlankNode {
	r.bnodes++
	return rdf.BlankNode("g" + strconv.Itoa(r.bnodes))
}

// emit queues the triple s p o and, when reify names a statement, its reification
// (https://www.w3.org/TR/rdf-syntax-grammar/#section-Reification).
func (r *reader) emit(s, p, o rdf.Term, reify rdf.IRI) {
	r.queue = append(r.queue, rdf.Quad{Subject: s, Predicate: p, Object: o})
	if reify != "" {
		r.queue = append(r.queue,
			rdf.Quad{Subject: reify, Predicate: rdf.RDFType, Object: rdfStatement},
			rdf.Quad{Subject: reify, Predicate: rdfSubject, Object: s},
			rdf.Quad{Subject: reify, Predicate: rdfPredicate, Object: p},
			rdf.Quad{Subject: reify, Predicate: rdfObject, Object: o})
	}
}

// resolve resolves a reference against the in-scope base.
func (r *reader) resolve(base *rdf.Base, ref string) (rdf.IRI, error) {
	iri, ok := base.Resolve(ref)
	if !ok {
		return "", r.errorf("relative IRI %q and no base IRI", ref)
	}
	return rdf.IRI(iri), nil
}

// idIRI turns an rdf:ID into base#id and enforces the uniqueness rule
// (https://www.w3.org/TR/rdf-syntax-grammar/#idAttr).
func (r *reader) idIRI(base *rdf.Base, id string) (rdf.IRI, error) {
	if !isNCName(id) {
		return "", r.errorf("rdf:ID %q is not an XML NCName", id)
	}
	iri, err := r.resolve(base, "#"+id)
	if err != nil {
		return "", err
	}
	if _, dup := r.ids[iri]; dup {
		return "", r.errorf("rdf:ID %q is used twice with the same base IRI", id)
	}
	r.ids[iri] = struct{}{}
	return iri, nil
}

func (r *reader) nodeIDTerm(id string) (rdf.BlankNode, error) {
	if !isNCName(id) {
		return "", r.errorf("rdf:nodeID %q is not an XML NCName", id)
	}
	return rdf.BlankNode("b" + id), nil
}

// literalOf makes the object of a property attribute or text: a plain or language-tagged string.
func literalOf(text, lang string) rdf.Literal {
	if lang != "" {
		return rdf.NewLangLiteral(text, lang)
	}
	return rdf.NewLiteral(text)
}

// propAttrs emits the triples of property attributes of subject s
// (https://www.w3.org/TR/rdf-syntax-grammar/#propertyAttr); rdf:type takes an IRI.
func (r *reader) propAttrs(s rdf.Term, props []propAttr, base *rdf.Base, lang string) error {
	for _, pa := range props {
		var o rdf.Term
		if pa.pred == rdf.RDFType {
			iri, err := r.resolve(base, pa.value)
			if err != nil {
				return err
			}
			o = iri
		} else {
			o = literalOf(pa.value, lang)
		}
		r.emit(s, pa.pred, o, "")
	}
	return nil
}

// nodeElement implements https://www.w3.org/TR/rdf-syntax-grammar/#nodeElement: it emits the
// node's type and property attributes, pushes f as its frame and returns the node.
func (r *reader) nodeElement(f frame, iri string, term rdf.Term, as attrs) (rdf.Term, error) {
	if !okNodeElement(classify(iri)) {
		return nil, r.errorf("rdf:%s is not allowed as a node element", iri[len(rdfNS):])
	}
	if as.has&(hasResource|hasDatatype|hasParseType) != 0 {
		return nil, r.errorf("node element <%s> has rdf:resource, rdf:datatype or rdf:parseType", rawName(f.name))
	}
	var s rdf.Term
	switch as.has & (hasID | hasNodeID | hasAbout) {
	case 0:
		s = r.fresh()
	case hasID:
		iri, err := r.idIRI(f.base, as.id)
		if err != nil {
			return nil, err
		}
		s = iri
	case hasNodeID:
		b, err := r.nodeIDTerm(as.nodeID)
		if err != nil {
			return nil, err
		}
		s = b
	case hasAbout:
		iri, err := r.resolve(f.base, as.about)
		if err != nil {
			return nil, err
		}
		s = iri
	default:
		return nil, r.errorf("node element <%s> has more than one of rdf:ID, rdf:nodeID and rdf:about", rawName(f.name))
	}
	if iri != rdfDesc {
		r.emit(s, rdf.RDFType, term, "")
	}
	if err := r.propAttrs(s, as.props, f.base, f.lang); err != nil {
		return nil, err
	}
	f.kind, f.subject = fNode, s
	r.stack = append(r.stack, f)
	return s, nil
}

// propertyElement implements https://www.w3.org/TR/rdf-syntax-grammar/#propertyElt up to the
// point where the content decides which kind of property element it is.
func (r *reader) propertyElement(f frame, iri string, term rdf.Term, as attrs) error {
	parent := &r.stack[len(r.stack)-1]
	// propertyElementURIs (7.2.6): anyURI - (coreSyntaxTerms | rdf:Description | oldTerms).
	switch classify(iri) {
	case classOther:
	case classLi:
		parent.li++
		iri = rdfNS + "_" + strconv.Itoa(parent.li)
		term = rdf.IRI(iri)
	default:
		return r.errorf("rdf:%s is not allowed as a property element", iri[len(rdfNS):])
	}
	if as.has&hasAbout != 0 {
		return r.errorf("property element <%s> has rdf:about", rawName(f.name))
	}
	f.subject, f.pred = parent.subject, term
	if as.has&hasID != 0 {
		id, err := r.idIRI(f.base, as.id)
		if err != nil {
			return err
		}
		f.reify = id
	}
	if as.has&hasParseType != 0 {
		if as.has&(hasResource|hasNodeID|hasDatatype) != 0 || len(as.props) > 0 {
			return r.errorf("property element <%s> has rdf:parseType and rdf:resource, rdf:nodeID, rdf:datatype or property attributes", rawName(f.name))
		}
		switch as.parseType {
		case "Resource":
			// https://www.w3.org/TR/rdf-syntax-grammar/#parseTypeResourcePropertyElt
			n := r.fresh()
			r.emit(f.subject, f.pred, n, f.reify)
			f.kind, f.subject, f.pred, f.reify = fNode, n, nil, ""
		case "Collection":
			f.kind = fCollection
		default:
			// "Literal" and every unknown value: https://www.w3.org/TR/rdf-syntax-grammar/#parseTypeOtherPropertyElt
			f.kind, f.lit = fLiteral, &literal{}
		}
		r.stack = append(r.stack, f)
		return nil
	}
	if as.has&hasResource != 0 && as.has&hasNodeID != 0 {
		return r.errorf("property element <%s> has both rdf:resource and rdf:nodeID", rawName(f.name))
	}
	if as.has&hasDatatype != 0 {
		if as.has&(hasResource|hasNodeID) != 0 || len(as.props) > 0 {
			return r.errorf("property element <%s> has rdf:datatype and rdf:resource, rdf:nodeID or property attributes", rawName(f.name))
		}
		dt, err := r.resolve(f.base, as.dt)
		if err != nil {
			return err
		}
		f.dt = dt
	}
	switch {
	case as.has&hasResource != 0:
		o, err := r.resolve(f.base, as.resource)
		if err != nil {
			return err
		}
		f.object = o
	case as.has&hasNodeID != 0:
		o, err := r.nodeIDTerm(as.nodeID)
		if err != nil {
			return err
		}
		f.object = o
	}
	f.kind, f.props = fProp, as.props
	r.stack = append(r.stack, f)
	r.text = r.text[:0]
	return nil
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

// endProperty finishes a property element that held no node element: a literal
// (https://www.w3.org/TR/rdf-syntax-grammar/#literalPropertyElt) or an empty property element
// (https://www.w3.org/TR/rdf-syntax-grammar/#emptyPropertyElt).
func (r *reader) endProperty(f *frame) error {
	text := string(r.text)
	switch {
	case f.dt != "":
		r.emit(f.subject, f.pred, rdf.NewTypedLiteral(text, f.dt), f.reify)
		return nil
	case f.object == nil && len(f.props) == 0:
		r.emit(f.subject, f.pred, literalOf(text, f.lang), f.reify)
		return nil
	case !isXMLSpace(r.text):
		return r.errorf("property element <%s> has text and rdf:resource, rdf:nodeID or property attributes", rawName(f.name))
	}
	o := f.object
	if o == nil {
		o = r.fresh()
	}
	r.emit(f.subject, f.pred, o, f.reify)
	return r.propAttrs(o, f.props, f.base, f.lang)
}
