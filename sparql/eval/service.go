package eval

import (
	"fmt"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
)

// evalService implements SERVICE (https://www.w3.org/TR/sparql11-federated-query/#defn_evalService):
// the pattern is sent as SELECT * WHERE { ... } to the endpoint through Options.Service and
// its solutions are joined with the seed. The endpoint is an IRI or a variable bound by the
// seed. With SILENT a failure gives the one empty solution; without a Service function every
// SERVICE fails with ErrUnsupported.
func (q *query) evalService(o *algebra.Service, seed Binding) rows {
	fail := func(err error) rows {
		if o.Silent {
			return &sliceRows{rs: []Binding{seed}}
		}
		return errRows(err)
	}
	if q.opts.Service == nil || o.Pattern == nil {
		return fail(fmt.Errorf("%w: SERVICE %s (no federation configured)", ErrUnsupported, algebra.FormatNode(o.Name)))
	}
	var endpoint rdf.Term
	if o.Name.IsVar() {
		t, err := q.term(seed[q.slot(o.Name.Var)])
		if err != nil {
			return errRows(err)
		}
		endpoint = t
	} else {
		endpoint = o.Name.Term
	}
	iri, ok := endpoint.(rdf.IRI)
	if !ok {
		return fail(fmt.Errorf("%w: SERVICE endpoint %v is not an IRI", ErrService, endpoint))
	}
	vars, rs, err := q.opts.Service(q.ctx, string(iri), "SELECT * WHERE "+o.Pattern.String())
	if err != nil {
		return fail(fmt.Errorf("%w: <%s>: %v", ErrService, string(iri), err))
	}
	slots := make([]int, len(vars))
	for i, v := range vars {
		s, ok := q.vars[algebra.Var(v)]
		if !ok {
			s = -1 // a variable the rest of the query never mentions
		}
		slots[i] = s
	}
	var out []Binding
	for _, row := range rs {
		b, ok, err := q.mergeTerms(seed, slots, row)
		if err != nil {
			return errRows(err)
		}
		if ok {
			if err := q.grow(q.rowSize()); err != nil {
				return errRows(err)
			}
			out = append(out, b)
		}
	}
	return &sliceRows{rs: out}
}
