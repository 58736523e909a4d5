package expr

import (
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// EBV returns the effective boolean value of t
// (https://www.w3.org/TR/sparql11-query/#ebv): the value of a valid xsd:boolean; false for
// a numeric zero or NaN and true for other numbers; for a simple literal or xsd:string,
// whether it is non-empty; false for a boolean or numeric literal with an ill-formed lexical
// form. Everything else (IRIs, blank nodes, language-tagged strings, other datatypes) is
// ErrTypeError, and a nil term is ErrUnbound.
func EBV(t rdf.Term) (bool, error) {
	l, ok := t.(rdf.Literal)
	if !ok {
		if t == nil {
			return false, ErrUnbound
		}
		return false, ErrTypeError
	}
	switch l.Datatype {
	case rdf.XSDBoolean:
		v, ok := parseBoolean(l.Lexical)
		return v && ok, nil
	case rdf.XSDString:
		return l.Lexical != "", nil
	}
	if IsNumericDatatype(l.Datatype) {
		n, err := ParseNumber(l)
		if err != nil {
			return false, nil
		}
		return n.Sign() != 0, nil // NaN has sign 0
	}
	return false, ErrTypeError
}

// EBVOf folds an expression result into its effective boolean value, passing an earlier
// error through.
func EBVOf(t rdf.Term, err error) (bool, error) {
	if err != nil {
		return false, err
	}
	return EBV(t)
}

// Or implements || on two evaluated operands (https://www.w3.org/TR/sparql11-query/#evaluation):
// true if either side's EBV is true, even when the other is an error; false if both are
// false; otherwise the error. Evaluators that short-circuit may skip the right operand when
// the left one is true.
func Or(a rdf.Term, aerr error, b rdf.Term, berr error) (rdf.Term, error) {
	x, xerr := EBVOf(a, aerr)
	if xerr == nil && x {
		return True, nil
	}
	y, yerr := EBVOf(b, berr)
	if yerr == nil && y {
		return True, nil
	}
	if xerr != nil {
		return nil, xerr
	}
	if yerr != nil {
		return nil, yerr
	}
	return False, nil
}

// And implements && on two evaluated operands: false if either side's EBV is false, even
// when the other is an error; true if both are true; otherwise the error. Evaluators that
// short-circuit may skip the right operand when the left one is false.
func And(a rdf.Term, aerr error, b rdf.Term, berr error) (rdf.Term, error) {
	x, xerr := EBVOf(a, aerr)
	if xerr == nil && !x {
		return False, nil
	}
	y, yerr := EBVOf(b, berr)
	if yerr == nil && !y {
		return False, nil
	}
	if xerr != nil {
		return nil, xerr
	}
	if yerr != nil {
		return nil, yerr
	}
	return True, nil
}

// Not implements ! (fn:not of the EBV).
func Not(a rdf.Term) (rdf.Term, error) {
	v, err := EBV(a)
	if err != nil {
		return nil, err
	}
	return Bool(!v), nil
}
