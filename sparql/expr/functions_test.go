package expr

import (
	"errors"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// TestFunctions runs the cases of testdata/functions.txt.
func TestFunctions(t *testing.T) {
	base := rdf.NewBase("http://example.org/")
	for _, c := range readTable(t, "testdata/functions.txt") {
		name, argText, _ := strings.Cut(c.call+" ", " ")
		args := parseTerms(t, argText)
		var got rdf.Term
		var err error
		switch {
		case strings.HasPrefix(name, "CAST:"):
			dt := mustTerm(t, strings.TrimPrefix(name, "CAST:")).(rdf.IRI)
			got, err = Cast(args[0], dt)
		case name == "IRI":
			got, err = IRI(args[0], base)
		case name == "DATATYPE_OF_SUM":
			if got, err = Add(args[0], args[1]); err == nil {
				got, err = Datatype(got)
			}
		case name == "EBV":
			var b bool
			if b, err = EBV(args[0]); err == nil {
				got = Bool(b)
			}
		default:
			b, ok := LookupBuiltin(name)
			if !ok {
				t.Fatalf("line %d: no builtin %q", c.line, name)
			}
			if len(args) < b.MinArgs || (b.MaxArgs >= 0 && len(args) > b.MaxArgs) {
				t.Fatalf("line %d: %s takes %d..%d arguments", c.line, name, b.MinArgs, b.MaxArgs)
			}
			got, err = b.Call(args)
		}
		if c.want == "ERROR" {
			if err == nil {
				t.Errorf("line %d: %s = %s, want an error", c.line, c.call, termString(got))
			}
			continue
		}
		if err != nil {
			t.Errorf("line %d: %s: %v, want %s", c.line, c.call, err, c.want)
			continue
		}
		if want := mustTerm(t, c.want); got != want {
			t.Errorf("line %d: %s = %s, want %s", c.line, c.call, termString(got), termString(want))
		}
	}
}

func TestErrorsAreSentinels(t *testing.T) {
	cases := []struct {
		err, want error
	}{
		{must2(Add(rdf.NewLiteral("a"), Int(1).Literal())), ErrTypeError},
		{must2(Add(nil, Int(1).Literal())), ErrUnbound},
		{must2(Divide(Int(1).Literal(), Int(0).Literal())), ErrDivideByZero},
		{must2(Add(rdf.NewTypedLiteral("x", rdf.XSDInteger), Int(1).Literal())), ErrInvalidLexical},
		{must2(Regex(rdf.NewLiteral("a"), rdf.NewLiteral("("), nil)), ErrBadRegex},
		{must2(IRI(rdf.NewLiteral("rel"), nil)), ErrBadArgument},
		{must2(StrStarts(rdf.NewLiteral("a"), rdf.NewLangLiteral("a", "en"))), ErrBadArgument},
	}
	for i, c := range cases {
		if !errors.Is(c.err, c.want) {
			t.Errorf("case %d: %v is not %v", i, c.err, c.want)
		}
	}
}

func must2(_ rdf.Term, err error) error { return err }
