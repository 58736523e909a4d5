package eval

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
	"github.com/uitwisselingsplatform/uwp/sparql/syntax"
)

// Triples streams the triples of a CONSTRUCT or DESCRIBE result, each once (the result is
// an RDF graph). Quad().Graph is always nil.
type Triples struct {
	q    *query
	next func() (rdf.Quad, bool, error)
	stop func()
	cur  rdf.Quad
	err  error
	done bool
	seen map[rdf.Quad]struct{}
}

// Next advances to the next triple; false at the end or on an error (see Err).
func (t *Triples) Next() (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			t.err = fmt.Errorf("%w: %v", ErrInternal, r)
			ok = false
		}
	}()
	for !t.done && t.err == nil {
		q, ok, err := t.next()
		if err != nil || !ok {
			t.err = err
			t.Close()
			return false
		}
		if _, dup := t.seen[q]; dup {
			continue
		}
		// The set of triples sent counts against the memory budget.
		if err := t.q.grow(quadSize(q)); err != nil {
			t.err = err
			t.Close()
			return false
		}
		t.seen[q] = struct{}{}
		t.cur = q
		return true
	}
	return false
}

// Quad returns the current triple.
func (t *Triples) Quad() rdf.Quad { return t.cur }

// Err returns the error that ended the iteration.
func (t *Triples) Err() error { return t.err }

// Close stops the iteration early; safe to call more than once.
func (t *Triples) Close() {
	if !t.done {
		t.done = true
		if t.stop != nil {
			t.stop()
		}
	}
}

// construct instantiates the template once per solution
// (https://www.w3.org/TR/sparql11-query/#construct): blank nodes are fresh per solution, and
// triples with an unbound variable or that are not valid RDF (a literal subject, a
// non-IRI predicate) are left out.
func (q *query) construct(tmpl []syntax.TriplePattern, in rows) *Triples {
	var pending []rdf.Quad
	t := &Triples{q: q, seen: map[rdf.Quad]struct{}{}, stop: in.Close}
	t.next = func() (rdf.Quad, bool, error) {
		for len(pending) == 0 {
			if !in.Next() {
				return rdf.Quad{}, false, in.Err()
			}
			b := in.Row()
			bnodes := map[rdf.BlankNode]rdf.BlankNode{}
			inst := func(n algebra.Node) (rdf.Term, error) {
				if n.IsVar() {
					s, ok := q.vars[n.Var]
					if !ok {
						return nil, nil
					}
					return q.term(b[s])
				}
				if bn, ok := n.Term.(rdf.BlankNode); ok {
					l, ok := bnodes[bn]
					if !ok {
						l = q.freshBNode()
						bnodes[bn] = l
					}
					return l, nil
				}
				return n.Term, nil
			}
			for _, tp := range tmpl {
				s, err := inst(tp.S)
				if err != nil {
					return rdf.Quad{}, false, err
				}
				p, err := inst(tp.P)
				if err != nil {
					return rdf.Quad{}, false, err
				}
				o, err := inst(tp.O)
				if err != nil {
					return rdf.Quad{}, false, err
				}
				if !validTriple(s, p, o) {
					continue
				}
				pending = append(pending, rdf.Quad{Subject: s, Predicate: p, Object: o})
			}
		}
		x := pending[0]
		pending = pending[1:]
		return x, true, nil
	}
	return t
}

func validTriple(s, p, o rdf.Term) bool {
	if s == nil || p == nil || o == nil {
		return false
	}
	if _, ok := s.(rdf.Literal); ok {
		return false
	}
	_, ok := p.(rdf.IRI)
	return ok
}

// describe returns, for each resource named or bound to a DESCRIBE variable, the triples of
// the default graph with it as subject, following blank node objects (a Concise Bounded
// Description without reification; https://www.w3.org/TR/sparql11-query/#describe leaves the
// form to the service).
func (q *query) describe(pq *syntax.Query, op algebra.Op, e *env) *Triples {
	var resources []ID
	seen := map[ID]bool{}
	add := func(id ID) {
		if id != 0 && id&overlayBit == 0 && !seen[id] {
			seen[id] = true
			resources = append(resources, id)
		}
	}
	var vars []int
	for _, n := range pq.Describe {
		if n.IsVar() {
			vars = append(vars, q.slot(n.Var))
		} else if id, ok, err := q.ds.LookupID(n.Term); err == nil && ok {
			add(id)
		}
	}
	if len(pq.Describe) == 0 {
		for _, v := range pq.ProjectedVars() {
			vars = append(vars, q.slot(v))
		}
	}
	t := &Triples{q: q, seen: map[rdf.Quad]struct{}{}}
	var out []rdf.Quad
	var err error
	if len(vars) > 0 {
		in := q.eval(op, e, q.newRow())
		for in.Next() {
			for _, s := range vars {
				add(in.Row()[s])
			}
		}
		err = in.Err()
		in.Close()
	}
	for i := 0; err == nil && i < len(resources); i++ {
		it := q.match(e.active, Pattern{resources[i]})
		for it.Next() {
			var ts [3]rdf.Term
			for j := range ts {
				if ts[j], err = q.term(it.cur[j]); err != nil {
					break
				}
			}
			if err != nil {
				break
			}
			out = append(out, rdf.Quad{Subject: ts[0], Predicate: ts[1], Object: ts[2]})
			if _, ok := ts[2].(rdf.BlankNode); ok {
				add(it.cur[2])
			}
		}
		if err == nil {
			err = it.err
		}
		it.Close()
	}
	t.next = func() (rdf.Quad, bool, error) {
		if err != nil {
			return rdf.Quad{}, false, err
		}
		if len(out) == 0 {
			return rdf.Quad{}, false, nil
		}
		x := out[0]
		out = out[1:]
		return x, true, nil
	}
	return t
}

// quadSize approximates the bytes a triple holds in a set.
func quadSize(q rdf.Quad) int64 {
	n := int64(96)
	for _, t := range []rdf.Term{q.Subject, q.Predicate, q.Object} {
		switch x := t.(type) {
		case rdf.IRI:
			n += int64(len(x))
		case rdf.BlankNode:
			n += int64(len(x))
		case rdf.Literal:
			n += int64(len(x.Lexical) + len(x.Datatype) + len(x.Lang))
		}
	}
	return n
}
