package rdfxml

import (
	"strconv"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

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
