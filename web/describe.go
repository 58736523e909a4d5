package web

import (
	"slices"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// Well-known IRIs the pages read.
const (
	rdfType     = rdf.IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
	rdfsLabel   = rdf.IRI("http://www.w3.org/2000/01/rdf-schema#label")
	rdfsComment = rdf.IRI("http://www.w3.org/2000/01/rdf-schema#comment")
	skosPref    = rdf.IRI("http://www.w3.org/2004/02/skos/core#prefLabel")
	skosDef     = rdf.IRI("http://www.w3.org/2004/02/skos/core#definition")
	schemaName  = rdf.IRI("https://schema.org/name")
	schemaNameH = rdf.IRI("http://schema.org/name")
	schemaDesc  = rdf.IRI("https://schema.org/description")
	schemaDescH = rdf.IRI("http://schema.org/description")
	dctTitle    = rdf.IRI("http://purl.org/dc/terms/title")
	dctDesc     = rdf.IRI("http://purl.org/dc/terms/description")
	foafName    = rdf.IRI("http://xmlns.com/foaf/0.1/name")
	geoLat      = rdf.IRI("http://www.w3.org/2003/01/geo/wgs84_pos#lat")
	geoLong     = rdf.IRI("http://www.w3.org/2003/01/geo/wgs84_pos#long")
	schemaLat   = rdf.IRI("https://schema.org/latitude")
	schemaLong  = rdf.IRI("https://schema.org/longitude")
	schemaLatH  = rdf.IRI("http://schema.org/latitude")
	schemaLongH = rdf.IRI("http://schema.org/longitude")
	wktLiteral  = rdf.IRI("http://www.opengis.net/ont/geosparql#wktLiteral")
	gmlLiteral  = rdf.IRI("http://www.opengis.net/ont/geosparql#gmlLiteral")
)

// labelPreds and descPreds are tried in order for a resource's label and description.
var (
	labelPreds = []rdf.IRI{skosPref, rdfsLabel, schemaName, schemaNameH, dctTitle, foafName}
	descPreds  = []rdf.IRI{schemaDesc, schemaDescH, dctDesc, rdfsComment, skosDef}
	imagePreds = map[rdf.IRI]bool{
		"https://schema.org/image": true, "http://schema.org/image": true,
		"https://schema.org/thumbnailUrl": true, "http://schema.org/thumbnailUrl": true,
		"https://schema.org/contentUrl": true, "http://schema.org/contentUrl": true,
		"http://xmlns.com/foaf/0.1/depiction": true, "http://xmlns.com/foaf/0.1/img": true,
		"http://xmlns.com/foaf/0.1/thumbnail": true,
	}
)

// triple is one statement of a description (graph dropped: a page shows the union).
type triple struct{ s, p, o rdf.Term }

// node is a subject with its outgoing statements, blank objects nested (bounded depth).
type node struct {
	term  rdf.Term
	props []triple
	kids  map[rdf.BlankNode]*node
	more  bool // outgoing statements were cut at the limit
}

const maxNestDepth = 4

// outgoing reads the statements about t (all graphs, duplicates across graphs dropped), at
// most limit, and nests the blank nodes it points to. It reads IDs (the subject is t and the
// graph is not shown, so neither is decoded) and decodes predicates and objects through dec.
func outgoing(tx *triplestore.Tx, dec *termDecoder, t rdf.Term, limit, depth int, seen map[rdf.Term]bool) (*node, error) {
	n := &node{term: t}
	seen[t] = true
	id, ok, err := tx.LookupID(t)
	if err != nil || !ok {
		return n, err
	}
	it := tx.Match(triplestore.Pattern{id, 0, 0, 0})
	type po struct{ p, o triplestore.TermID }
	less := func(a, b po) bool { return a.p < b.p || a.p == b.p && a.o < b.o }
	// Quads come in P, O order (the graph last), so a statement in several graphs repeats
	// adjacently; anything at or below the largest pair seen is checked against the others.
	var ids []po
	var top po
	for it.Next() {
		q := it.Quad()
		k := po{q[1], q[2]}
		if len(ids) > 0 {
			if k == top || !less(top, k) && slices.Contains(ids, k) {
				continue
			}
		}
		if len(ids) == 0 || less(top, k) {
			top = k
		}
		ids = append(ids, k)
		if len(n.props) >= limit {
			n.more = true
			break
		}
		p, err := dec.term(k.p)
		if err != nil {
			it.Close()
			return nil, err
		}
		o, err := dec.term(k.o)
		if err != nil {
			it.Close()
			return nil, err
		}
		n.props = append(n.props, triple{t, p, o})
	}
	err = it.Err()
	it.Close()
	if err != nil {
		return nil, err
	}
	if depth >= maxNestDepth {
		return n, nil
	}
	for _, tr := range n.props {
		if b, ok := tr.o.(rdf.BlankNode); ok && !seen[b] {
			k, err := outgoing(tx, dec, b, limit, depth+1, seen)
			if err != nil {
				return nil, err
			}
			if n.kids == nil {
				n.kids = map[rdf.BlankNode]*node{}
			}
			n.kids[b] = k
		}
	}
	return n, nil
}

// termDecoder decodes IDs for one request, remembering them both ways: the predicates and
// classes of a page repeat across the resources it shows, and the label lookups of linked
// resources start from their IDs instead of looking the terms up again.
type termDecoder struct {
	tx  *triplestore.Tx
	m   map[triplestore.TermID]rdf.Term
	ids map[rdf.Term]triplestore.TermID
}

func newTermDecoder(tx *triplestore.Tx) *termDecoder {
	return &termDecoder{tx: tx, m: make(map[triplestore.TermID]rdf.Term, 32), ids: make(map[rdf.Term]triplestore.TermID, 32)}
}

// id is the ID of t: a decoded term's from memory, else the store's (ok false: unknown).
func (d *termDecoder) id(t rdf.Term) (triplestore.TermID, bool, error) {
	if id, ok := d.ids[t]; ok {
		return id, true, nil
	}
	return d.tx.LookupID(t)
}

func (d *termDecoder) term(id triplestore.TermID) (rdf.Term, error) {
	if t, ok := d.m[id]; ok {
		return t, nil
	}
	t, err := d.tx.Term(id)
	if err != nil {
		return nil, err
	}
	d.m[id] = t
	d.ids[t] = id
	return t, nil
}

// triples flattens a node and its nested blank nodes.
func (n *node) triples(out []triple) []triple {
	out = append(out, n.props...)
	for _, tr := range n.props {
		if b, ok := tr.o.(rdf.BlankNode); ok {
			if k := n.kids[b]; k != nil {
				out = k.triples(out)
			}
		}
	}
	return out
}

// incoming reads at most limit statements pointing at t (the OSP index, subject order).
func incoming(tx *triplestore.Tx, t rdf.Term, limit int) ([]triple, bool, error) {
	it := tx.MatchTerms(nil, nil, t, nil)
	defer it.Close()
	var out []triple
	dedup := map[triple]bool{}
	for it.Next() {
		q := it.Quad()
		tr := triple{q.Subject, q.Predicate, q.Object}
		if dedup[tr] {
			continue
		}
		if len(out) >= limit {
			return out, true, nil
		}
		dedup[tr] = true
		out = append(out, tr)
	}
	return out, false, it.Err()
}

// hashResources returns the IRIs doc#x (doc without fragment) among the given statements,
// plus the conventional doc#it, doc#this, doc#id when the store has statements about them.
func hashResources(tx *triplestore.Tx, doc string, ts []triple) ([]rdf.IRI, error) {
	seen := map[rdf.IRI]bool{}
	var out []rdf.IRI
	add := func(t rdf.Term) {
		if i, ok := t.(rdf.IRI); ok && strings.HasPrefix(string(i), doc+"#") && !seen[i] {
			seen[i] = true
			out = append(out, i)
		}
	}
	for _, tr := range ts {
		add(tr.s)
		add(tr.o)
	}
	for _, frag := range []string{"it", "this", "id", "me"} {
		i := rdf.IRI(doc + "#" + frag)
		if seen[i] {
			continue
		}
		has, err := hasStatements(tx, i)
		if err != nil {
			return nil, err
		}
		if has {
			seen[i] = true
			out = append(out, i)
		}
	}
	return out, nil
}

// hasStatements reports whether t is the subject or the object of any statement.
func hasStatements(tx *triplestore.Tx, t rdf.Term) (bool, error) {
	id, ok, err := tx.LookupID(t)
	if err != nil || !ok {
		return false, err
	}
	for _, p := range []triplestore.Pattern{{id, 0, 0, 0}, {0, 0, id, 0}} {
		it := tx.Match(p)
		found := it.Next()
		err := it.Err()
		it.Close()
		if err != nil || found {
			return found, err
		}
	}
	return false, nil
}
