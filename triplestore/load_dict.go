package triplestore

import (
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// memDict is the dictionary of a load into an empty store: terms get sequence numbers in
// memory and are written to the new file once, in order, at the end.
type memDict struct {
	iris     map[string]TermID
	lits     map[litKey]TermID
	labels   map[string]TermID  // blank nodes named outside any document (LoadSource.Graph)
	dts      map[rdf.IRI]TermID // IRIs used as datatypes of dictionary literals
	terms    []rdf.Term         // terms[seq-1]
	blankSeq uint64
	blanks   map[string]TermID // the current document's blank node scope
}

type litKey struct {
	lex  string
	dt   rdf.IRI
	lang string
}

func newMemDict(blankSeq uint64) *memDict {
	return &memDict{
		iris:     make(map[string]TermID, 1<<16),
		lits:     make(map[litKey]TermID, 1<<16),
		labels:   map[string]TermID{},
		dts:      map[rdf.IRI]TermID{},
		blankSeq: blankSeq,
		blanks:   map[string]TermID{},
	}
}

func (d *memDict) add(t rdf.Term) TermID {
	d.terms = append(d.terms, t)
	return mkID(tagForTerm(t), uint64(len(d.terms)))
}

// id returns the ID of a document term (blank nodes in the document's scope).
func (d *memDict) id(t rdf.Term) TermID {
	switch t := t.(type) {
	case rdf.IRI:
		if id, ok := d.iris[string(t)]; ok {
			return id
		}
		id := d.add(t)
		d.iris[string(t)] = id
		return id
	case rdf.BlankNode:
		if id, ok := d.blanks[string(t)]; ok {
			return id
		}
		id := mkID(tagBlankN, d.blankSeq)
		d.blankSeq++
		d.blanks[string(t)] = id
		return id
	case rdf.Literal:
		if id, ok := inlineLiteral(t.Lexical, t.Datatype, t.Lang); ok {
			return id
		}
		k := litKey{t.Lexical, t.Datatype, t.Lang}
		if id, ok := d.lits[k]; ok {
			return id
		}
		if t.Lang == "" && t.Datatype != rdf.XSDString && t.Datatype != "" {
			if _, ok := d.dts[t.Datatype]; !ok {
				d.dts[t.Datatype] = d.id(t.Datatype) // the literal's enc refers to it
			}
		}
		id := d.add(t)
		d.lits[k] = id
		return id
	default:
		panic("unreachable")
	}
}

// storeID returns the ID of a store-scoped term (LoadSource.Graph).
func (d *memDict) storeID(t rdf.Term) TermID {
	b, ok := t.(rdf.BlankNode)
	if !ok {
		return d.id(t)
	}
	if id, ok := inlineID(b); ok {
		if n := id.payload(); n >= d.blankSeq {
			d.blankSeq = n + 1
		}
		return id
	}
	if id, ok := d.labels[string(b)]; ok {
		return id
	}
	id := d.add(b)
	d.labels[string(b)] = id
	return id
}

func (d *memDict) quad(q *rdf.Quad, graph rdf.Term) ([4]TermID, error) {
	var out [4]TermID
	if err := validQuad(q); err != nil {
		return out, err
	}
	out[0] = d.id(q.Subject)
	out[1] = d.id(q.Predicate)
	out[2] = d.id(q.Object)
	out[3] = DefaultGraph
	switch {
	case q.Graph != nil && q.Graph != DefaultGraphIRI:
		out[3] = d.id(q.Graph)
	case graph != nil && graph != DefaultGraphIRI:
		out[3] = d.storeID(graph)
	}
	return out, nil
}
