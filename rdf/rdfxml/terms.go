package rdfxml

import (
	"strconv"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// fresh returns a new unlabelled blank node, "g<n>" as package rdf asks.
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
