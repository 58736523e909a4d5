package graph

import (
	"errors"
	"fmt"
	"io"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Triple is one statement of a Graph.
type Triple struct {
	S rdf.Term // IRI or BlankNode
	P rdf.IRI
	O rdf.Term
}

// node holds the edges of one term in one direction, predicates in first-seen order. A node
// has few distinct predicates (tens at most), so a linear scan beats a second hash lookup.
type node struct {
	preds []rdf.IRI
	terms [][]rdf.Term // terms[i] are the terms linked by preds[i]
}

func (n *node) add(p rdf.IRI, t rdf.Term) {
	for i, q := range n.preds {
		if q == p {
			n.terms[i] = append(n.terms[i], t)
			return
		}
	}
	n.preds = append(n.preds, p)
	n.terms = append(n.terms, []rdf.Term{t})
}

func (n *node) get(p rdf.IRI) []rdf.Term {
	for i, q := range n.preds {
		if q == p {
			return n.terms[i]
		}
	}
	return nil
}

// Graph is a set of triples indexed by subject, by object and by predicate. The zero value is
// not usable; call New.
type Graph struct {
	triples []Triple
	seen    map[Triple]struct{}
	out     map[rdf.Term]*node // subject -> predicate -> objects
	in      map[rdf.Term]*node // object -> predicate -> subjects
	byPred  map[rdf.IRI][]int  // predicate -> indexes into triples
	loads   int
}

// New returns an empty graph.
func New() *Graph {
	return &Graph{
		seen:   map[Triple]struct{}{},
		out:    map[rdf.Term]*node{},
		in:     map[rdf.Term]*node{},
		byPred: map[rdf.IRI][]int{},
	}
}

// Len returns the number of triples.
func (g *Graph) Len() int { return len(g.triples) }

// Add adds a triple and reports whether it was new.
func (g *Graph) Add(s rdf.Term, p rdf.IRI, o rdf.Term) bool {
	t := Triple{s, p, o}
	if _, dup := g.seen[t]; dup {
		return false
	}
	g.seen[t] = struct{}{}
	g.byPred[p] = append(g.byPred[p], len(g.triples))
	g.triples = append(g.triples, t)
	n := g.out[s]
	if n == nil {
		n = &node{}
		g.out[s] = n
	}
	n.add(p, o)
	n = g.in[o]
	if n == nil {
		n = &node{}
		g.in[o] = n
	}
	n.add(p, s)
	return true
}

// AddQuad adds the triple of q, ignoring its graph name. A quad whose predicate is not an IRI
// is ignored and reported false.
func (g *Graph) AddQuad(q rdf.Quad) bool {
	p, ok := q.Predicate.(rdf.IRI)
	if !ok {
		return false
	}
	return g.Add(q.Subject, p, q.Object)
}

// Has reports whether the graph holds the triple.
func (g *Graph) Has(s rdf.Term, p rdf.IRI, o rdf.Term) bool {
	_, ok := g.seen[Triple{s, p, o}]
	return ok
}

// Objects returns the objects of s p, in insertion order.
func (g *Graph) Objects(s rdf.Term, p rdf.IRI) []rdf.Term {
	if n := g.out[s]; n != nil {
		return n.get(p)
	}
	return nil
}

// Edges are the outgoing edges of one subject, looked up once for several predicates.
type Edges struct{ n *node }

// Out returns the outgoing edges of s (empty when s is no subject).
func (g *Graph) Out(s rdf.Term) Edges { return Edges{g.out[s]} }

// Objects returns the objects of the subject's triples with predicate p, in insertion order.
func (e Edges) Objects(p rdf.IRI) []rdf.Term {
	if e.n == nil {
		return nil
	}
	return e.n.get(p)
}

// Object returns the first object of s p, or nil.
func (g *Graph) Object(s rdf.Term, p rdf.IRI) rdf.Term {
	if os := g.Objects(s, p); len(os) > 0 {
		return os[0]
	}
	return nil
}

// Subjects returns the subjects of p o, in insertion order.
func (g *Graph) Subjects(p rdf.IRI, o rdf.Term) []rdf.Term {
	if n := g.in[o]; n != nil {
		return n.get(p)
	}
	return nil
}

// Predicates returns the predicates with subject s, in first-seen order.
func (g *Graph) Predicates(s rdf.Term) []rdf.IRI {
	if n := g.out[s]; n != nil {
		return n.preds
	}
	return nil
}

// IsSubject reports whether s is the subject of some triple.
func (g *Graph) IsSubject(s rdf.Term) bool { return g.out[s] != nil }

// Mentions reports whether t is the subject or object of some triple.
func (g *Graph) Mentions(t rdf.Term) bool { return g.out[t] != nil || g.in[t] != nil }

// WithPredicate calls fn for every triple with predicate p, in insertion order, until fn
// returns false.
func (g *Graph) WithPredicate(p rdf.IRI, fn func(Triple) bool) {
	for _, i := range g.byPred[p] {
		if !fn(g.triples[i]) {
			return
		}
	}
}

// Triples calls fn for every triple in insertion order until fn returns false.
func (g *Graph) Triples(fn func(Triple) bool) {
	for _, t := range g.triples {
		if !fn(t) {
			return
		}
	}
}

// AllSubjects returns every subject of the graph in first-seen order.
func (g *Graph) AllSubjects() []rdf.Term {
	var out []rdf.Term
	seen := map[rdf.Term]bool{}
	for _, t := range g.triples {
		if !seen[t.S] {
			seen[t.S] = true
			out = append(out, t.S)
		}
	}
	return out
}

// ErrBadList is wrapped by List for a malformed RDF collection.
var ErrBadList = errors.New("malformed RDF list")

// List returns the members of the RDF collection starting at head (rdf:nil is the empty
// list). A node without exactly one rdf:first and one rdf:rest, or a cycle, gives an error
// wrapping ErrBadList.
func (g *Graph) List(head rdf.Term) ([]rdf.Term, error) {
	var out []rdf.Term
	seen := map[rdf.Term]bool{}
	for n := head; n != rdf.RDFNil; {
		if seen[n] {
			return nil, fmt.Errorf("%w: cycle at %s", ErrBadList, n)
		}
		seen[n] = true
		first, rest := g.Objects(n, rdf.RDFFirst), g.Objects(n, rdf.RDFRest)
		if len(first) != 1 || len(rest) != 1 {
			return nil, fmt.Errorf("%w: %s has %d rdf:first and %d rdf:rest", ErrBadList, n, len(first), len(rest))
		}
		out = append(out, first[0])
		n = rest[0]
	}
	return out, nil
}

// Load adds every quad of r, ignoring graph names, and returns how many triples were new.
// Blank nodes are renamed for this call (_:b becomes _:d<n>_b), so that two loads never
// share a node. It stops at the first error from r other than io.EOF.
func (g *Graph) Load(r rdf.Reader) (int, error) {
	g.loads++
	prefix := fmt.Sprintf("d%d_", g.loads)
	rename := func(t rdf.Term) rdf.Term {
		if b, ok := t.(rdf.BlankNode); ok {
			return rdf.BlankNode(prefix + string(b))
		}
		return t
	}
	n := 0
	for {
		q, err := r.Read()
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		q.Subject, q.Object = rename(q.Subject), rename(q.Object)
		if g.AddQuad(q) {
			n++
		}
	}
}
