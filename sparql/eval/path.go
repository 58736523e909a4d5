package eval

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// evalPath implements property path patterns
// (https://www.w3.org/TR/sparql11-query/#sparqlPropertyPaths, evaluation in 18.4): links,
// inverses, sequences and alternatives keep multiplicities (they are joins and unions), while
// ZeroOrOnePath, ZeroOrMorePath and OneOrMorePath return each reachable node once per start
// node (the ALP procedure of 18.4, which visits every node at most once, so cycles end).
func (q *query) evalPath(o *algebra.Path, e *env, seed Binding) rows {
	end := func(n algebra.Node) (ID, int, error) {
		if n.IsVar() {
			s := q.slot(n.Var)
			return seed[s], s, nil // a computed value (overlay ID) is in no graph: no match
		}
		id, err := q.id(n.Term)
		return id, -1, err
	}
	sID, sSlot, err := end(o.S)
	if err != nil {
		return errRows(err)
	}
	oID, oSlot, err := end(o.O)
	if err != nil {
		return errRows(err)
	}
	var out []Binding
	emit := func(x, y ID) error {
		if err := q.tick(); err != nil {
			return err
		}
		b := q.copyRow(seed)
		if sSlot >= 0 {
			b[sSlot] = x
		}
		if oSlot >= 0 {
			if b[oSlot] != 0 && b[oSlot] != y {
				return nil
			}
			b[oSlot] = y
		}
		if err := q.grow(q.rowSize()); err != nil {
			return err
		}
		out = append(out, b)
		return nil
	}
	g := e.active
	if sSlot >= 0 && sID&overlayBit != 0 || oSlot >= 0 && oID&overlayBit != 0 {
		// A variable bound to a term the dataset does not hold: even a zero-length path
		// needs the term to be a node of the graph (values_and_path).
		return &sliceRows{}
	}
	switch {
	case sID != 0:
		err = q.pathStep(o.Path, g, sID, true, func(y ID) error {
			if oID != 0 && y != oID {
				return nil
			}
			return emit(sID, y)
		})
	case oID != 0:
		err = q.pathStep(o.Path, g, oID, false, func(x ID) error { return emit(x, oID) })
	default:
		var nodes []ID
		nodes, err = q.graphNodes(g)
		for _, x := range nodes {
			if err != nil {
				break
			}
			err = q.pathStep(o.Path, g, x, true, func(y ID) error {
				if sSlot == oSlot && x != y {
					return nil
				}
				return emit(x, y)
			})
		}
	}
	if err != nil {
		return errRows(err)
	}
	q.release(int64(len(out)) * q.rowSize())
	return &sliceRows{rs: out}
}

// graphNodes returns every subject and object of the active graph, once each.
func (q *query) graphNodes(g graphs) ([]ID, error) {
	it := q.match(g, Pattern{})
	defer it.Close()
	seen := map[ID]struct{}{}
	var nodes []ID
	for it.Next() {
		for _, x := range []ID{it.cur[0], it.cur[2]} {
			if _, ok := seen[x]; !ok {
				seen[x] = struct{}{}
				nodes = append(nodes, x)
			}
		}
	}
	return nodes, it.err
}

// pathStep calls emit for each node y with (x path y) when fwd, (y path x) otherwise.
func (q *query) pathStep(p syntax.Path, g graphs, x ID, fwd bool, emit func(ID) error) error {
	switch p := p.(type) {
	case *syntax.PathLink:
		pid, ok, err := q.ds.LookupID(p.IRI)
		if err != nil || !ok {
			return err
		}
		return q.edges(g, x, fwd, func(pr ID) bool { return pr == pid }, pid, emit)
	case *syntax.PathInverse:
		return q.pathStep(p.Path, g, x, !fwd, emit)
	case *syntax.PathSeq:
		parts := p.Parts
		cur := []ID{x}
		for i := range parts {
			part := parts[i]
			if !fwd {
				part = parts[len(parts)-1-i]
			}
			var next []ID
			for _, c := range cur {
				if err := q.pathStep(part, g, c, fwd, func(y ID) error {
					next = append(next, y)
					return nil
				}); err != nil {
					return err
				}
			}
			cur = next
		}
		for _, y := range cur {
			if err := emit(y); err != nil {
				return err
			}
		}
		return nil
	case *syntax.PathAlt:
		for _, part := range p.Parts {
			if err := q.pathStep(part, g, x, fwd, emit); err != nil {
				return err
			}
		}
		return nil
	case *syntax.PathNegated:
		ids := func(iris []rdf.IRI) (map[ID]bool, error) {
			m := map[ID]bool{}
			for _, iri := range iris {
				id, ok, err := q.ds.LookupID(iri)
				if err != nil {
					return nil, err
				}
				if ok {
					m[id] = true
				}
			}
			return m, nil
		}
		fw, err := ids(p.Forward)
		if err != nil {
			return err
		}
		inv, err := ids(p.Inverse)
		if err != nil {
			return err
		}
		if len(p.Forward) > 0 || len(p.Inverse) == 0 {
			if err := q.edges(g, x, fwd, func(pr ID) bool { return !fw[pr] }, 0, emit); err != nil {
				return err
			}
		}
		if len(p.Inverse) > 0 {
			return q.edges(g, x, !fwd, func(pr ID) bool { return !inv[pr] }, 0, emit)
		}
		return nil
	case *syntax.PathMod:
		seen := map[ID]bool{}
		visit := func(y ID) error {
			if seen[y] {
				return nil
			}
			seen[y] = true
			return emit(y)
		}
		switch p.Mod {
		case syntax.ZeroOrOne:
			if err := visit(x); err != nil {
				return err
			}
			return q.pathStep(p.Path, g, x, fwd, visit)
		case syntax.ZeroOrMore, syntax.OneOrMore:
			var queue []ID
			reached := map[ID]bool{}
			visit := func(y ID) error {
				if !reached[y] {
					reached[y] = true
					queue = append(queue, y)
					return emit(y)
				}
				return nil
			}
			if p.Mod == syntax.ZeroOrMore {
				if err := visit(x); err != nil {
					return err
				}
			} else if err := q.pathStep(p.Path, g, x, fwd, visit); err != nil {
				return err
			}
			for len(queue) > 0 {
				c := queue[0]
				queue = queue[1:]
				if err := q.pathStep(p.Path, g, c, fwd, visit); err != nil {
					return err
				}
			}
			return nil
		}
	}
	panic(fmt.Sprintf("unreachable: %T", p))
}

// edges emits the neighbours of x over predicates accepted by ok (pid, when not 0, is the
// only one and is bound in the pattern).
func (q *query) edges(g graphs, x ID, fwd bool, ok func(ID) bool, pid ID, emit func(ID) error) error {
	p := Pattern{0, pid, 0}
	if fwd {
		p[0] = x
	} else {
		p[2] = x
	}
	it := q.match(g, p)
	defer it.Close()
	for it.Next() {
		if !ok(it.cur[1]) {
			continue
		}
		y := it.cur[2]
		if !fwd {
			y = it.cur[0]
		}
		if err := emit(y); err != nil {
			return err
		}
	}
	return it.err
}
