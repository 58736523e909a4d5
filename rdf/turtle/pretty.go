package turtle

import (
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// predObjs is one predicate of a subject with its objects, in first-seen order.
type predObjs struct {
	p    rdf.Term
	objs []rdf.Term
}

// graphDesc is the triples of one graph, grouped by subject in first-seen order.
type graphDesc struct {
	name     rdf.Term
	subjects []rdf.Term
	props    map[rdf.Term][]predObjs
}

func (g *graphDesc) add(q rdf.Quad) {
	ps, ok := g.props[q.Subject]
	if !ok {
		g.subjects = append(g.subjects, q.Subject)
	}
	for i := range ps {
		if ps[i].p == q.Predicate {
			ps[i].objs = append(ps[i].objs, q.Object)
			return
		}
	}
	ps = append(ps, predObjs{p: q.Predicate, objs: []rdf.Term{q.Object}})
	if q.Predicate == rdf.RDFType {
		// 'a' goes first: move the new entry to the front.
		copy(ps[1:], ps[:len(ps)-1])
		ps[0] = predObjs{p: q.Predicate, objs: []rdf.Term{q.Object}}
	}
	g.props[q.Subject] = ps
}

// layout is what the pretty printer decided about blank nodes.
type layout struct {
	refs      map[rdf.BlankNode]int      // uses as object, all graphs
	refGraph  map[rdf.BlankNode]rdf.Term // graph of the (last) object use
	subjGraph map[rdf.BlankNode]rdf.Term // the graph where the node is a subject...
	subjMulti map[rdf.BlankNode]bool     // ...unless it is a subject in several
	graphName map[rdf.BlankNode]bool
	nested    map[rdf.BlankNode]bool       // written inline as [ ... ] or ( ... )
	lists     map[rdf.BlankNode][]rdf.Term // list heads written as ( ... ): their items
}

// pretty writes the buffered dataset. The whole dataset is in memory (see the package doc).
func (w *writer) pretty() {
	var graphs []*graphDesc
	byName := map[rdf.Term]*graphDesc{}
	get := func(name rdf.Term) *graphDesc {
		g, ok := byName[name]
		if !ok {
			g = &graphDesc{name: name, props: map[rdf.Term][]predObjs{}}
			byName[name] = g
			graphs = append(graphs, g)
		}
		return g
	}
	get(nil) // the default graph comes first
	lo := &layout{
		refs: map[rdf.BlankNode]int{}, refGraph: map[rdf.BlankNode]rdf.Term{},
		subjGraph: map[rdf.BlankNode]rdf.Term{}, subjMulti: map[rdf.BlankNode]bool{},
		graphName: map[rdf.BlankNode]bool{},
		nested:    map[rdf.BlankNode]bool{}, lists: map[rdf.BlankNode][]rdf.Term{},
	}
	for _, q := range w.quads {
		get(q.Graph).add(q)
		if b, ok := q.Object.(rdf.BlankNode); ok {
			lo.refs[b]++
			lo.refGraph[b] = q.Graph
		}
		if b, ok := q.Subject.(rdf.BlankNode); ok {
			if g, seen := lo.subjGraph[b]; !seen {
				lo.subjGraph[b] = q.Graph
			} else if g != q.Graph {
				lo.subjMulti[b] = true
			}
		}
		if b, ok := q.Graph.(rdf.BlankNode); ok {
			lo.graphName[b] = true
		}
	}
	for _, g := range graphs {
		lo.plan(g)
	}
	w.quads, w.seen = nil, nil
	wrote := false
	for _, g := range graphs {
		if len(g.subjects) == 0 {
			continue
		}
		if g.name != nil {
			if wrote {
				w.b.WriteByte('\n')
			}
			w.f.term(&w.b, g.name)
			w.b.WriteString(" {\n")
			w.inBlock = true
		}
		first := true
		for _, s := range g.subjects {
			if b, ok := s.(rdf.BlankNode); ok && lo.nested[b] {
				continue
			}
			if !first {
				w.b.WriteByte('\n')
			}
			first = false
			w.indent(1)
			if b, ok := s.(rdf.BlankNode); ok && lo.anonSubject(b, g.name) {
				// An unreferenced blank subject: [ p o ; ... ] .
				w.b.WriteString("[ ")
				w.predicateObjectList(g, lo, s, 2, true)
				w.b.WriteString(" ] .\n")
			} else {
				w.f.term(&w.b, s)
				w.b.WriteByte(' ')
				w.predicateObjectList(g, lo, s, 2, false)
				w.b.WriteString(" .\n")
			}
			w.flushBuilder(false)
		}
		if g.name != nil {
			w.b.WriteString("}\n")
			w.inBlock = false
		}
		wrote = true
	}
}

// ownedBy reports whether all of b's triples are in graph g and b is used nowhere else
// that nesting would hide.
func (lo *layout) ownedBy(b rdf.BlankNode, g rdf.Term) bool {
	if lo.graphName[b] {
		return false
	}
	if lo.subjMulti[b] {
		return false
	}
	sg, isSubject := lo.subjGraph[b]
	return !isSubject || sg == g
}

func (lo *layout) anonSubject(b rdf.BlankNode, g rdf.Term) bool {
	return lo.refs[b] == 0 && lo.ownedBy(b, g)
}

// plan decides which blank nodes of graph g are nested and which are lists.
func (lo *layout) plan(g *graphDesc) {
	nestable := func(b rdf.BlankNode) bool {
		return lo.refs[b] == 1 && lo.refGraph[b] == g.name && lo.ownedBy(b, g.name)
	}
	// Candidates: every object blank node used once, in this graph only.
	var cands []rdf.BlankNode
	for _, s := range g.subjects {
		for _, po := range g.props[s] {
			for _, o := range po.objs {
				if b, ok := o.(rdf.BlankNode); ok && nestable(b) && !lo.nested[b] {
					lo.nested[b] = true
					cands = append(cands, b)
				}
			}
		}
	}
	// Lists: a chain of nested nodes with exactly one rdf:first and one rdf:rest, ending in rdf:nil.
	for _, h := range cands {
		var items []rdf.Term
		seen := map[rdf.BlankNode]bool{}
		n := rdf.Term(h)
		ok := true
		for n != rdf.RDFNil {
			b, isB := n.(rdf.BlankNode)
			if !isB || seen[b] || !lo.nested[b] {
				ok = false
				break
			}
			seen[b] = true
			ps := g.props[b]
			if len(ps) != 2 || len(ps[0].objs) != 1 || len(ps[1].objs) != 1 {
				ok = false
				break
			}
			first, rest := ps[0], ps[1]
			if first.p == rdf.RDFRest {
				first, rest = rest, first
			}
			if first.p != rdf.RDFFirst || rest.p != rdf.RDFRest {
				ok = false
				break
			}
			items = append(items, first.objs[0])
			n = rest.objs[0]
		}
		if ok {
			lo.lists[h] = items
		}
	}
	// Break cycles: every nested node must be reachable from a top-level subject.
	reached := map[rdf.BlankNode]bool{}
	var visit func(t rdf.Term)
	visit = func(t rdf.Term) {
		b, ok := t.(rdf.BlankNode)
		if !ok || !lo.nested[b] || reached[b] {
			return
		}
		reached[b] = true
		for _, po := range g.props[b] {
			for _, o := range po.objs {
				visit(o)
			}
		}
	}
	visitSubject := func(s rdf.Term) {
		for _, po := range g.props[s] {
			for _, o := range po.objs {
				visit(o)
			}
		}
	}
	for _, s := range g.subjects {
		if b, ok := s.(rdf.BlankNode); !ok || !lo.nested[b] {
			visitSubject(s)
		}
	}
	for _, s := range g.subjects {
		if b, ok := s.(rdf.BlankNode); ok && lo.nested[b] && !reached[b] {
			// Part of a cycle of nodes used once: write it at top level, labelled.
			delete(lo.nested, b)
			delete(lo.lists, b)
			reached[b] = true
			visitSubject(s)
		}
	}
	// A list whose nodes were un-nested by the cycle breaking is no list.
	for h := range lo.lists {
		for n := rdf.Term(h); n != rdf.RDFNil; {
			b := n.(rdf.BlankNode)
			if !lo.nested[b] {
				delete(lo.lists, h)
				break
			}
			n = restOf(g, b)
		}
	}
}

func restOf(g *graphDesc, b rdf.BlankNode) rdf.Term {
	for _, po := range g.props[b] {
		if po.p == rdf.RDFRest {
			return po.objs[0]
		}
	}
	return rdf.RDFNil
}

// predicateObjectList writes s's predicates and objects. level is the indentation level of
// the predicates after the first; inline writes everything on one line (inside lists and
// small nested nodes).
func (w *writer) predicateObjectList(g *graphDesc, lo *layout, s rdf.Term, level int, inline bool) {
	for i, po := range g.props[s] {
		if i > 0 {
			if inline {
				w.b.WriteString(" ; ")
			} else {
				w.b.WriteString(" ;\n")
				w.indent(level)
			}
		}
		w.predicate(po.p)
		w.b.WriteByte(' ')
		for j, o := range po.objs {
			if j > 0 {
				w.b.WriteString(", ")
			}
			w.object(g, lo, o, level, inline)
		}
	}
}

// object writes an object, nesting the blank nodes and lists the layout allows.
func (w *writer) object(g *graphDesc, lo *layout, o rdf.Term, level int, inline bool) {
	if o == rdf.RDFNil {
		w.b.WriteString("()")
		return
	}
	b, ok := o.(rdf.BlankNode)
	if !ok || !lo.nested[b] {
		w.f.term(&w.b, o)
		return
	}
	if items, ok := lo.lists[b]; ok {
		w.b.WriteString("(")
		for _, it := range items {
			w.b.WriteByte(' ')
			w.object(g, lo, it, level+1, true)
		}
		w.b.WriteString(" )")
		return
	}
	ps := g.props[b]
	if len(ps) == 0 {
		w.b.WriteString("[]")
		return
	}
	if inline || lo.small(g, b) {
		w.b.WriteString("[ ")
		w.predicateObjectList(g, lo, b, level+1, true)
		w.b.WriteString(" ]")
		return
	}
	w.b.WriteString("[\n")
	w.indent(level + 1)
	w.predicateObjectList(g, lo, b, level+1, false)
	w.b.WriteString("\n")
	w.indent(level)
	w.b.WriteString("]")
}

// small reports whether a nested node has one predicate and one object that is not itself
// nested, so that it reads well on one line: [ ex:name "Ada" ].
func (lo *layout) small(g *graphDesc, b rdf.BlankNode) bool {
	ps := g.props[b]
	if len(ps) != 1 || len(ps[0].objs) != 1 {
		return false
	}
	ob, isBlank := ps[0].objs[0].(rdf.BlankNode)
	return !isBlank || !lo.nested[ob]
}
