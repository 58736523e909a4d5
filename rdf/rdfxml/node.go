package rdfxml

import (
	"github.com/uitwisselingsplatform/uwp/rdf"
)

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
