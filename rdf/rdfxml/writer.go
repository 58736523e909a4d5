package rdfxml

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// writer streams triples as RDF/XML; see NewWriter.
type writer struct {
	w       *bufio.Writer
	base    *rdf.Base
	baseRaw string

	prefixes []rdf.Namespace   // declared on rdf:RDF, rdf first
	byNS     map[string]string // namespace IRI -> declared prefix
	taken    map[string]bool   // prefixes in use, declared or generated
	local    map[string]string // namespace IRI -> generated prefix, declared where used
	gen      int

	started bool
	subject rdf.Term // subject of the open rdf:Description, nil if none
	closed  bool
	err     error
	b       strings.Builder // the element being built
}

// NewWriter returns a writer of RDF/XML to w. opts.Prefixes are declared on rdf:RDF (invalid
// or xml-reserved prefixes and relative namespace IRIs are skipped; the rdf prefix is always
// bound to the RDF namespace, and "" declares a default namespace); predicates in other
// namespaces get prefixes ns1, ns2, ... declared on the property element itself, so nothing
// is buffered. opts.Base is written as
// xml:base and IRIs under it are written relative to it. Each run of consecutive triples with
// one subject becomes one rdf:Description. Write fails, writing nothing, with ErrNamedGraph,
// ErrNotQName or ErrBadTerm for quads RDF/XML cannot hold; I/O errors are sticky. Close ends
// the document (an empty rdf:RDF if nothing was written) and flushes; it does not close w.
func NewWriter(w io.Writer, opts rdf.WriteOptions) rdf.Writer {
	wr := &writer{
		w:     bufio.NewWriter(w),
		byNS:  map[string]string{},
		taken: map[string]bool{},
		local: map[string]string{},
	}
	wr.declare("rdf", rdfNS)
	for _, ns := range opts.Prefixes {
		if ns.Prefix == "rdf" || !validPrefix(ns.Prefix) || !rdf.IsAbsoluteIRI(ns.IRI) || !validXML(ns.IRI) {
			continue
		}
		wr.declare(ns.Prefix, ns.IRI)
	}
	if opts.Base != "" && rdf.IsAbsoluteIRI(opts.Base) && validXML(opts.Base) {
		wr.base, wr.baseRaw = rdf.NewBase(opts.Base), opts.Base
	}
	return wr
}

func (w *writer) declare(prefix, ns string) {
	if w.taken[prefix] {
		return
	}
	w.taken[prefix] = true
	w.prefixes = append(w.prefixes, rdf.Namespace{Prefix: prefix, IRI: ns})
	if _, ok := w.byNS[ns]; !ok {
		w.byNS[ns] = prefix
	}
}

func (w *writer) header() {
	w.started = true
	w.w.WriteString("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF")
	for _, ns := range w.prefixes {
		if ns.Prefix == "" {
			w.w.WriteString("\n    xmlns=\"")
		} else {
			w.w.WriteString("\n    xmlns:" + ns.Prefix + "=\"")
		}
		w.w.WriteString(attrEscaped(ns.IRI))
		w.w.WriteString("\"")
	}
	if w.base != nil {
		w.w.WriteString("\n    xml:base=\"" + attrEscaped(w.baseRaw) + "\"")
	}
	w.w.WriteString(">\n")
}

func attrEscaped(s string) string {
	var b strings.Builder
	escapeAttr(&b, s)
	return b.String()
}

// Write writes one triple; see NewWriter for the errors.
func (w *writer) Write(q rdf.Quad) error {
	if w.closed {
		return ErrClosed
	}
	if w.err != nil {
		return w.err
	}
	if q.Graph != nil {
		return fmt.Errorf("%w: %s", ErrNamedGraph, q.Graph)
	}
	p, ok := q.Predicate.(rdf.IRI)
	if !ok {
		return fmt.Errorf("%w: predicate %v is not an IRI", ErrBadTerm, q.Predicate)
	}
	// Build the property element first so that a triple that cannot be written leaves no trace.
	w.b.Reset()
	if err := w.property(p, q.Object); err != nil {
		return err
	}
	var open string
	if q.Subject != w.subject || w.subject == nil {
		switch s := q.Subject.(type) {
		case rdf.IRI:
			if !validXML(string(s)) || !rdf.IsAbsoluteIRI(string(s)) {
				return fmt.Errorf("%w: subject %s", ErrBadTerm, s)
			}
			open = `  <rdf:Description rdf:about="` + attrEscaped(w.relative(string(s))) + "\">\n"
		case rdf.BlankNode:
			open = `  <rdf:Description rdf:nodeID="` + nodeIDOf(string(s)) + "\">\n"
		default:
			return fmt.Errorf("%w: subject %v is not an IRI or blank node", ErrBadTerm, q.Subject)
		}
	}
	if !w.started {
		w.header()
	}
	if open != "" {
		if w.subject != nil {
			w.w.WriteString("  </rdf:Description>\n")
		}
		w.w.WriteString(open)
		w.subject = q.Subject
	}
	_, err := w.w.WriteString(w.b.String())
	if err != nil {
		w.err = err
	}
	return err
}

// property builds the property element for predicate p and object o in w.b.
func (w *writer) property(p rdf.IRI, o rdf.Term) error {
	if classify(string(p)) != classOther || !validXML(string(p)) || !rdf.IsAbsoluteIRI(string(p)) {
		return fmt.Errorf("%w: %s", ErrNotQName, p)
	}
	var ns, localName, prefix string
	var found bool
	// Prefer a declared namespace (the longest that leaves an NCName).
	for _, d := range w.prefixes {
		if len(d.IRI) > len(ns) && strings.HasPrefix(string(p), d.IRI) && isNCName(string(p[len(d.IRI):])) {
			ns, localName, prefix, found = d.IRI, string(p[len(d.IRI):]), d.Prefix, true
		}
	}
	var decl string
	if !found {
		var ok bool
		ns, localName, ok = splitQName(string(p))
		if !ok {
			return fmt.Errorf("%w: %s", ErrNotQName, p)
		}
		if pf, ok := w.byNS[ns]; ok {
			prefix = pf
		} else {
			pf, ok := w.local[ns]
			if !ok {
				for {
					w.gen++
					pf = "ns" + strconv.Itoa(w.gen)
					if !w.taken[pf] {
						break
					}
				}
				w.taken[pf] = true
				w.local[ns] = pf
			}
			prefix = pf
			decl = ` xmlns:` + pf + `="` + attrEscaped(ns) + `"`
		}
	}
	name := localName
	if prefix != "" {
		name = prefix + ":" + localName
	}
	b := &w.b
	b.WriteString("    <")
	b.WriteString(name)
	b.WriteString(decl)
	switch o := o.(type) {
	case rdf.IRI:
		if !validXML(string(o)) || !rdf.IsAbsoluteIRI(string(o)) {
			return fmt.Errorf("%w: object %s", ErrBadTerm, o)
		}
		b.WriteString(` rdf:resource="`)
		escapeAttr(b, w.relative(string(o)))
		b.WriteString("\"/>\n")
	case rdf.BlankNode:
		b.WriteString(` rdf:nodeID="`)
		b.WriteString(nodeIDOf(string(o)))
		b.WriteString("\"/>\n")
	case rdf.Literal:
		if !validXML(o.Lexical) || !validXML(o.Lang) || !validXML(string(o.Datatype)) || o.Datatype != "" && !rdf.IsAbsoluteIRI(string(o.Datatype)) {
			return fmt.Errorf("%w: literal %s", ErrBadTerm, o)
		}
		switch {
		case o.Lang != "":
			b.WriteString(` xml:lang="`)
			escapeAttr(b, o.Lang)
			b.WriteString(`"`)
		case o.Datatype != rdf.XSDString && o.Datatype != "":
			b.WriteString(` rdf:datatype="`)
			escapeAttr(b, string(o.Datatype))
			b.WriteString(`"`)
		}
		b.WriteByte('>')
		escapeText(b, o.Lexical)
		b.WriteString("</")
		b.WriteString(name)
		b.WriteString(">\n")
	default:
		return fmt.Errorf("%w: object %v", ErrBadTerm, o)
	}
	return nil
}

// relative returns iri relative to the base when a short form resolves back to it exactly.
func (w *writer) relative(iri string) string {
	if w.base == nil {
		return iri
	}
	base := w.baseRaw
	if i := strings.IndexByte(base, '#'); i >= 0 {
		base = base[:i]
	}
	try := func(ref string) bool {
		got, ok := w.base.Resolve(ref)
		return ok && got == iri
	}
	if strings.HasPrefix(iri, base) {
		if rest := iri[len(base):]; strings.HasPrefix(rest, "#") && try(rest) {
			return rest
		}
	}
	if i := strings.LastIndexByte(base, '/'); i >= 0 && strings.HasPrefix(iri, base[:i+1]) {
		rest := iri[i+1:]
		if rest != "" && !strings.ContainsAny(rest[:1], "/?#") && !strings.Contains(strings.SplitN(rest, "/", 2)[0], ":") && try(rest) {
			return rest
		}
	}
	return iri
}

// Close ends the document and flushes. Later calls do nothing.
func (w *writer) Close() error {
	if w.closed {
		return w.err
	}
	w.closed = true
	if w.err != nil {
		return w.err
	}
	if !w.started {
		w.header()
	}
	if w.subject != nil {
		w.w.WriteString("  </rdf:Description>\n")
	}
	w.w.WriteString("</rdf:RDF>\n")
	w.err = w.w.Flush()
	return w.err
}
