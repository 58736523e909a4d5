package expr

import "github.com/uitwisselingsplatform/uwp/rdf"

// Functional forms (https://www.w3.org/TR/sparql11-query/#func-forms) decide which of their
// arguments to evaluate, so they take arguments as thunks the evaluator builds over the
// current solution.

// Thunk evaluates one argument expression on demand.
type Thunk func() (rdf.Term, error)

// If implements IF(cond, then, else): the EBV of cond picks a branch; an error in cond is
// the result.
func If(cond Thunk, then, els Thunk) (rdf.Term, error) {
	b, err := EBVOf(cond())
	if err != nil {
		return nil, err
	}
	if b {
		return then()
	}
	return els()
}

// Coalesce implements COALESCE: the first argument that evaluates without error to a bound
// term; ErrUnbound when there is none (COALESCE() included).
func Coalesce(args ...Thunk) (rdf.Term, error) {
	for _, a := range args {
		if t, err := a(); err == nil && t != nil {
			return t, nil
		}
	}
	return nil, ErrUnbound
}

// In implements x IN (list): true when x = e holds for some e; otherwise the first error
// met, if any; otherwise false. An error in x itself is the result.
func In(x Thunk, list ...Thunk) (rdf.Term, error) {
	v, err := x()
	if err != nil {
		return nil, err
	}
	var first error
	for _, e := range list {
		t, err := e()
		if err == nil {
			var eq bool
			if eq, err = Equal(v, t); err == nil && eq {
				return True, nil
			}
		}
		if err != nil && first == nil {
			first = err
		}
	}
	if first != nil {
		return nil, first
	}
	return False, nil
}

// NotIn implements x NOT IN (list): the negation of In, with the same errors.
func NotIn(x Thunk, list ...Thunk) (rdf.Term, error) {
	t, err := In(x, list...)
	if err != nil {
		return nil, err
	}
	return Bool(t == False), nil
}
