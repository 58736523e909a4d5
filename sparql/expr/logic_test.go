package expr

import (
	"errors"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// TestOrAnd checks the truth tables of https://www.w3.org/TR/sparql11-query/#evaluation.
func TestOrAnd(t *testing.T) {
	type op struct {
		t   rdf.Term
		err error
	}
	T, F, E := op{True, nil}, op{False, nil}, op{nil, ErrTypeError}
	name := map[op]string{T: "T", F: "F", E: "E"}
	cases := []struct {
		a, b    op
		or, and op
	}{
		{T, T, T, T}, {T, F, T, F}, {F, T, T, F}, {F, F, F, F},
		{T, E, T, E}, {E, T, T, E}, {F, E, E, F}, {E, F, E, F}, {E, E, E, E},
	}
	check := func(what string, c struct{ a, b, or, and op }, got rdf.Term, err error, want op) {
		t.Helper()
		if (err != nil) != (want.err != nil) || got != want.t {
			t.Errorf("%s %s %s = %v, %v; want %s", name[c.a], what, name[c.b], got, err, name[want])
		}
	}
	for _, c := range cases {
		got, err := Or(c.a.t, c.a.err, c.b.t, c.b.err)
		check("||", c, got, err, c.or)
		got, err = And(c.a.t, c.a.err, c.b.t, c.b.err)
		check("&&", c, got, err, c.and)
	}
	// EBV applies to the operands: "" is false, a non-boolean IRI an error.
	if got, err := Or(rdf.NewLiteral(""), nil, rdf.IRI("http://a"), nil); err == nil {
		t.Errorf(`"" || <iri> = %v, want error`, got)
	}
	if got, _ := And(rdf.NewLiteral(""), nil, rdf.IRI("http://a"), nil); got != False {
		t.Errorf(`"" && <iri> = %v, want false`, got)
	}
}

func TestForms(t *testing.T) {
	val := func(t rdf.Term) Thunk { return func() (rdf.Term, error) { return t, nil } }
	fail := func() (rdf.Term, error) { return nil, ErrTypeError }
	unbound := val(nil)
	called := false
	never := func() (rdf.Term, error) { called = true; return nil, nil }
	one, two := Int(1).Literal(), Int(2).Literal()

	if got, err := If(val(True), val(one), never); err != nil || got != one {
		t.Errorf("IF(true, 1, _) = %v, %v", got, err)
	}
	if got, err := If(val(rdf.NewLiteral("")), never, val(two)); err != nil || got != two {
		t.Errorf(`IF("", _, 2) = %v, %v`, got, err)
	}
	if _, err := If(fail, never, never); err == nil {
		t.Error("IF(error, ...) gave no error")
	}
	if _, err := If(val(rdf.IRI("http://a")), never, never); !errors.Is(err, ErrTypeError) {
		t.Errorf("IF(<iri>, ...) = %v, want type error", err)
	}
	if got, err := Coalesce(fail, unbound, val(two), never); err != nil || got != two {
		t.Errorf("COALESCE(error, unbound, 2, _) = %v, %v", got, err)
	}
	if _, err := Coalesce(); err == nil {
		t.Error("COALESCE() gave no error")
	}
	if _, err := Coalesce(fail, unbound); err == nil {
		t.Error("COALESCE(error, unbound) gave no error")
	}
	if called {
		t.Error("a form evaluated an argument it did not need")
	}
	// IN: 2 IN (1, 2) true; 2 IN (error, 2) true; 2 IN (1, error) error; 2 IN () false.
	if got, err := In(val(two), val(one), val(Decimal(Int(2).rat()).Literal())); err != nil || got != True {
		t.Errorf("2 IN (1, 2.0) = %v, %v", got, err)
	}
	if got, err := In(val(two), fail, val(two)); err != nil || got != True {
		t.Errorf("2 IN (error, 2) = %v, %v", got, err)
	}
	if _, err := In(val(two), val(one), fail); err == nil {
		t.Error("2 IN (1, error) gave no error")
	}
	if got, err := In(val(two)); err != nil || got != False {
		t.Errorf("2 IN () = %v, %v", got, err)
	}
	if got, err := NotIn(val(two), val(one)); err != nil || got != True {
		t.Errorf("2 NOT IN (1) = %v, %v", got, err)
	}
	if got, err := NotIn(val(two)); err != nil || got != True {
		t.Errorf("2 NOT IN () = %v, %v", got, err)
	}
	if _, err := NotIn(val(two), fail); err == nil {
		t.Error("2 NOT IN (error) gave no error")
	}
	// W3C in02: "a" IN ("b", 1) is false (= of a string and a number is false, not an error).
	if got, err := In(val(rdf.NewLiteral("a")), val(rdf.NewLiteral("b")), val(one)); err != nil || got != False {
		t.Errorf(`"a" IN ("b", 1) = %v, %v`, got, err)
	}
}
