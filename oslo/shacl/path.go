package shacl

import (
	"fmt"
	"strings"

	"github.com/uitwisselingsplatform/uwp/oslo/graph"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/vocab/sh"
)

// Path is a SHACL property path (https://www.w3.org/TR/shacl/#property-paths). The interface
// is sealed: PredicatePath, InversePath, SequencePath, AlternativePath, ZeroOrMorePath,
// OneOrMorePath and ZeroOrOnePath.
type Path interface {
	// String renders the path in SPARQL property path syntax.
	String() string
	isPath()
}

// PredicatePath is a single IRI.
type PredicatePath struct{ IRI rdf.IRI }

// InversePath is sh:inversePath.
type InversePath struct{ Path Path }

// SequencePath is an RDF list of two or more paths.
type SequencePath struct{ Paths []Path }

// AlternativePath is sh:alternativePath.
type AlternativePath struct{ Paths []Path }

// ZeroOrMorePath is sh:zeroOrMorePath.
type ZeroOrMorePath struct{ Path Path }

// OneOrMorePath is sh:oneOrMorePath.
type OneOrMorePath struct{ Path Path }

// ZeroOrOnePath is sh:zeroOrOnePath.
type ZeroOrOnePath struct{ Path Path }

func (PredicatePath) isPath()   {}
func (InversePath) isPath()     {}
func (SequencePath) isPath()    {}
func (AlternativePath) isPath() {}
func (ZeroOrMorePath) isPath()  {}
func (OneOrMorePath) isPath()   {}
func (ZeroOrOnePath) isPath()   {}

func (p PredicatePath) String() string { return p.IRI.String() }
func (p InversePath) String() string   { return "^" + group(p.Path) }
func (p SequencePath) String() string  { return joinPaths(p.Paths, "/") }
func (p AlternativePath) String() string {
	return joinPaths(p.Paths, "|")
}
func (p ZeroOrMorePath) String() string { return group(p.Path) + "*" }
func (p OneOrMorePath) String() string  { return group(p.Path) + "+" }
func (p ZeroOrOnePath) String() string  { return group(p.Path) + "?" }

func group(p Path) string {
	if _, ok := p.(PredicatePath); ok {
		return p.String()
	}
	return "(" + p.String() + ")"
}

func joinPaths(ps []Path, sep string) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = group(p)
	}
	return strings.Join(parts, sep)
}

// parsePath reads the path rooted at n (https://www.w3.org/TR/shacl/#property-paths).
func parsePath(g *graph.Graph, n rdf.Term, depth int) (Path, error) {
	if depth > 64 {
		return nil, fmt.Errorf("path nested too deeply at %s", n)
	}
	if iri, ok := n.(rdf.IRI); ok {
		if iri == rdf.RDFNil {
			return nil, fmt.Errorf("rdf:nil is not a path")
		}
		return PredicatePath{iri}, nil
	}
	if _, ok := n.(rdf.BlankNode); !ok {
		return nil, fmt.Errorf("a literal is not a path: %s", n)
	}
	one := func(p rdf.IRI) (Path, bool, error) {
		os := g.Objects(n, p)
		if len(os) == 0 {
			return nil, false, nil
		}
		if len(os) > 1 {
			return nil, true, fmt.Errorf("%s has %d values for %s", n, len(os), p)
		}
		sub, err := parsePath(g, os[0], depth+1)
		return sub, true, err
	}
	if g.Object(n, rdf.RDFFirst) != nil {
		items, err := g.List(n)
		if err != nil {
			return nil, err
		}
		if len(items) < 2 {
			return nil, fmt.Errorf("sequence path %s has %d members, needs two or more", n, len(items))
		}
		seq := SequencePath{}
		for _, it := range items {
			p, err := parsePath(g, it, depth+1)
			if err != nil {
				return nil, err
			}
			seq.Paths = append(seq.Paths, p)
		}
		return seq, nil
	}
	if os := g.Objects(n, sh.AlternativePath); len(os) > 0 {
		if len(os) > 1 {
			return nil, fmt.Errorf("%s has %d sh:alternativePath values", n, len(os))
		}
		items, err := g.List(os[0])
		if err != nil {
			return nil, err
		}
		if len(items) < 2 {
			return nil, fmt.Errorf("alternative path %s has %d members, needs two or more", n, len(items))
		}
		alt := AlternativePath{}
		for _, it := range items {
			p, err := parsePath(g, it, depth+1)
			if err != nil {
				return nil, err
			}
			alt.Paths = append(alt.Paths, p)
		}
		return alt, nil
	}
	for _, k := range []rdf.IRI{sh.InversePath, sh.ZeroOrMorePath, sh.OneOrMorePath, sh.ZeroOrOnePath} {
		sub, ok, err := one(k)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		switch k {
		case sh.InversePath:
			return InversePath{sub}, nil
		case sh.ZeroOrMorePath:
			return ZeroOrMorePath{sub}, nil
		case sh.OneOrMorePath:
			return OneOrMorePath{sub}, nil
		default:
			return ZeroOrOnePath{sub}, nil
		}
	}
	return nil, fmt.Errorf("blank node %s is no SHACL path", n)
}

// eval returns the value nodes reached from focus along p, each once, in first-reached order.
func (r *run) eval(p Path, focus rdf.Term) []rdf.Term {
	g := r.data
	switch p := p.(type) {
	case PredicatePath:
		// Property shapes of one node shape ask for the same focus node in turn.
		if focus != r.lastFocus || r.lastFocus == nil {
			r.lastFocus, r.lastEdges = focus, g.Out(focus)
		}
		return r.lastEdges.Objects(p.IRI)
	default:
		var out []rdf.Term
		seen := map[rdf.Term]bool{}
		walk(g, p, focus, func(t rdf.Term) {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		})
		return out
	}
}

// walk calls emit for every node reached from n along p (possibly more than once).
func walk(g *graph.Graph, p Path, n rdf.Term, emit func(rdf.Term)) {
	switch p := p.(type) {
	case PredicatePath:
		for _, o := range g.Objects(n, p.IRI) {
			emit(o)
		}
	case InversePath:
		if pp, ok := p.Path.(PredicatePath); ok {
			for _, s := range g.Subjects(pp.IRI, n) {
				emit(s)
			}
			return
		}
		// The inverse of a complex path: the nodes from which the path reaches n.
		for _, s := range inverse(g, p.Path, n) {
			emit(s)
		}
	case SequencePath:
		cur := []rdf.Term{n}
		for _, step := range p.Paths {
			var next []rdf.Term
			seen := map[rdf.Term]bool{}
			for _, c := range cur {
				walk(g, step, c, func(t rdf.Term) {
					if !seen[t] {
						seen[t] = true
						next = append(next, t)
					}
				})
			}
			cur = next
		}
		for _, c := range cur {
			emit(c)
		}
	case AlternativePath:
		for _, alt := range p.Paths {
			walk(g, alt, n, emit)
		}
	case ZeroOrOnePath:
		emit(n)
		walk(g, p.Path, n, emit)
	case ZeroOrMorePath, OneOrMorePath:
		var sub Path
		if z, ok := p.(ZeroOrMorePath); ok {
			sub = z.Path
			emit(n)
		} else {
			sub = p.(OneOrMorePath).Path
		}
		seen := map[rdf.Term]bool{}
		queue := []rdf.Term{n}
		for len(queue) > 0 {
			c := queue[0]
			queue = queue[1:]
			walk(g, sub, c, func(t rdf.Term) {
				if !seen[t] {
					seen[t] = true
					emit(t)
					queue = append(queue, t)
				}
			})
		}
	default:
		panic(fmt.Sprintf("unreachable: %T", p))
	}
}

// inverse returns the nodes x such that p reaches n from x.
func inverse(g *graph.Graph, p Path, n rdf.Term) []rdf.Term {
	var out []rdf.Term
	seen := map[rdf.Term]bool{}
	add := func(t rdf.Term) {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	walk(g, invert(p), n, add)
	return out
}

// invert returns the path that walks p backwards.
func invert(p Path) Path {
	switch p := p.(type) {
	case PredicatePath:
		return InversePath{p}
	case InversePath:
		return p.Path
	case SequencePath:
		rev := make([]Path, len(p.Paths))
		for i, s := range p.Paths {
			rev[len(p.Paths)-1-i] = invert(s)
		}
		return SequencePath{rev}
	case AlternativePath:
		alts := make([]Path, len(p.Paths))
		for i, s := range p.Paths {
			alts[i] = invert(s)
		}
		return AlternativePath{alts}
	case ZeroOrMorePath:
		return ZeroOrMorePath{invert(p.Path)}
	case OneOrMorePath:
		return OneOrMorePath{invert(p.Path)}
	case ZeroOrOnePath:
		return ZeroOrOnePath{invert(p.Path)}
	default:
		panic(fmt.Sprintf("unreachable: %T", p))
	}
}

// pathQuads writes p as SHACL RDF with fresh blank nodes from bnode and returns its root.
func pathQuads(p Path, bnode func() rdf.BlankNode, out *[]rdf.Quad) rdf.Term {
	add := func(s rdf.Term, pr rdf.IRI, o rdf.Term) {
		*out = append(*out, rdf.Quad{Subject: s, Predicate: pr, Object: o})
	}
	list := func(ps []Path) rdf.Term {
		var head rdf.Term = rdf.RDFNil
		for i := len(ps) - 1; i >= 0; i-- {
			n := bnode()
			add(n, rdf.RDFFirst, pathQuads(ps[i], bnode, out))
			add(n, rdf.RDFRest, head)
			head = n
		}
		return head
	}
	switch p := p.(type) {
	case PredicatePath:
		return p.IRI
	case SequencePath:
		return list(p.Paths)
	case AlternativePath:
		n := bnode()
		add(n, sh.AlternativePath, list(p.Paths))
		return n
	case InversePath:
		n := bnode()
		add(n, sh.InversePath, pathQuads(p.Path, bnode, out))
		return n
	case ZeroOrMorePath:
		n := bnode()
		add(n, sh.ZeroOrMorePath, pathQuads(p.Path, bnode, out))
		return n
	case OneOrMorePath:
		n := bnode()
		add(n, sh.OneOrMorePath, pathQuads(p.Path, bnode, out))
		return n
	case ZeroOrOnePath:
		n := bnode()
		add(n, sh.ZeroOrOnePath, pathQuads(p.Path, bnode, out))
		return n
	default:
		panic(fmt.Sprintf("unreachable: %T", p))
	}
}
