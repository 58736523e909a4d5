package expr

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

func TestNow(t *testing.T) {
	at := time.Date(2026, 11, 27, 1, 2, 3, 450_000_000, time.FixedZone("", -8*3600))
	got := Now(at)
	want := rdf.NewTypedLiteral("2026-11-27T01:02:03.45-08:00", rdf.XSDDateTime)
	if got != want {
		t.Fatalf("Now = %s, want %s", got, want)
	}
	if y, _ := Year(got); y != Int(2026).Literal() {
		t.Errorf("YEAR(NOW()) = %s", y)
	}
	if tz, _ := TZ(Now(at.UTC())); tz != rdf.NewLiteral("Z") {
		t.Errorf("TZ(NOW() in UTC) = %s", tz)
	}
}

func TestGenerators(t *testing.T) {
	uuidRE := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	u1, u2 := UUID().(rdf.IRI), UUID().(rdf.IRI)
	if u1 == u2 || !uuidRE.MatchString(string(u1[len("urn:uuid:"):])) {
		t.Errorf("UUID() = %s, %s", u1, u2)
	}
	s := StrUUID().(rdf.Literal)
	if !uuidRE.MatchString(s.Lexical) || s.Datatype != rdf.XSDString {
		t.Errorf("STRUUID() = %s", s)
	}
	for range 100 {
		n, err := ParseNumber(Rand())
		if err != nil || n.Kind() != KindDouble || n.Float64() < 0 || n.Float64() >= 1 {
			t.Fatalf("RAND() = %v, %v", n, err)
		}
	}
	n := 0
	fresh := func() rdf.BlankNode { n++; return rdf.BlankNode(fmt.Sprintf("n%d", n)) }
	if a, b := BNode(fresh), BNode(fresh); a == b {
		t.Errorf("BNODE() twice gave %s both times", a)
	}
	keyed := func(s string) rdf.BlankNode { return rdf.BlankNode("k" + s) }
	if b, err := BNodeFrom(rdf.NewLiteral("x"), keyed); err != nil || b != rdf.BlankNode("kx") {
		t.Errorf(`BNODE("x") = %v, %v`, b, err)
	}
	if _, err := BNodeFrom(rdf.NewLangLiteral("x", "en"), keyed); err == nil {
		t.Error(`BNODE("x"@en) gave no error`)
	}
}

func TestLookupBuiltin(t *testing.T) {
	for _, name := range []string{"strlen", "isIRI", "Langmatches", "+", "<="} {
		if _, ok := LookupBuiltin(name); !ok {
			t.Errorf("LookupBuiltin(%q) failed", name)
		}
	}
	for _, name := range []string{"BOUND", "IF", "COALESCE", "IRI", "BNODE", "NOW", "EXISTS"} {
		if _, ok := LookupBuiltin(name); ok {
			t.Errorf("LookupBuiltin(%q) should be left to the evaluator", name)
		}
	}
	if !CastFunction(rdf.XSDInteger) || !CastFunction(XSDUnsignedByte) || CastFunction(rdf.RDFType) {
		t.Error("CastFunction misclassifies")
	}
}

func TestCanonicalFloat(t *testing.T) {
	cases := map[float64]string{
		1: "1.0E0", 10: "1.0E1", 0.25: "2.5E-1", 123456789: "1.23456789E8", -1.5e-10: "-1.5E-10",
		1e300: "1.0E300",
	}
	for f, want := range cases {
		if got := Double(f).Canonical(); got != want {
			t.Errorf("Double(%g).Canonical() = %q, want %q", f, got, want)
		}
	}
	if got := Float(0.1).Canonical(); got != "1.0E-1" {
		t.Errorf("Float(0.1) = %q, want 1.0E-1 (shortest float32 form)", got)
	}
}

// FuzzNumberRoundTrip checks that the canonical form of any valid numeric literal parses
// back to an equal value with the same canonical form.
func FuzzNumberRoundTrip(f *testing.F) {
	for _, s := range []string{"0", "-12", "1.50", "+.5", "1e3", "-INF", "NaN", "123456789012345678901234567890", "0.000001"} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(1))
		f.Add(s, uint8(2))
		f.Add(s, uint8(3))
	}
	dts := []rdf.IRI{rdf.XSDInteger, rdf.XSDDecimal, XSDFloat, rdf.XSDDouble}
	f.Fuzz(func(t *testing.T, lex string, k uint8) {
		dt := dts[int(k)%len(dts)]
		n, err := ParseNumber(rdf.NewTypedLiteral(lex, dt))
		if err != nil {
			return
		}
		c := n.Literal()
		m, err := ParseNumber(c)
		if err != nil {
			t.Fatalf("canonical %s of %q does not parse: %v", c, lex, err)
		}
		if m.Canonical() != c.Lexical {
			t.Fatalf("canonical form not stable: %q -> %q -> %q", lex, c.Lexical, m.Canonical())
		}
		if eq, err := Equal(rdf.NewTypedLiteral(lex, dt), c); err != nil || (!eq && !n.IsNaN()) {
			t.Fatalf("%q and its canonical form %q are not equal", lex, c.Lexical)
		}
	})
}

func ExampleAdd() {
	sum, _ := Add(rdf.NewTypedLiteral("1", rdf.XSDInteger), rdf.NewTypedLiteral("2.5", rdf.XSDDecimal))
	q, _ := Divide(rdf.NewTypedLiteral("1", rdf.XSDInteger), rdf.NewTypedLiteral("3", rdf.XSDInteger))
	_, err := Divide(rdf.NewTypedLiteral("1", rdf.XSDInteger), rdf.NewTypedLiteral("0", rdf.XSDInteger))
	fmt.Println(sum)
	fmt.Println(q)
	fmt.Println(err)
	// Output:
	// "3.5"^^<http://www.w3.org/2001/XMLSchema#decimal>
	// "0.33333333333333333333"^^<http://www.w3.org/2001/XMLSchema#decimal>
	// division by zero
}

func ExampleNewAggregator() {
	avg := NewAggregator(AggAvg, false, "")
	for _, v := range []string{"1", "2", "3", "4"} {
		avg.Add(rdf.NewTypedLiteral(v, rdf.XSDInteger), nil)
	}
	r, _ := avg.Result()
	fmt.Println(r)
	// Output: "2.5"^^<http://www.w3.org/2001/XMLSchema#decimal>
}

func TestCivilDays_RoundTrip(t *testing.T) {
	prev := int64(0)
	for z := int64(-800_000); z <= 800_000; z += 7 {
		y, m, d := civilFromDays(z)
		if back := daysFromCivil(y, m, d); back != z {
			t.Fatalf("day %d -> %d-%d-%d -> %d", z, y, m, d, back)
		}
		if z > -800_000 && daysFromCivil(y, m, d) <= prev {
			t.Fatalf("not increasing at %d", z)
		}
		prev = z
	}
	if got := daysFromCivil(1970, 1, 1); got != 0 {
		t.Errorf("epoch = %d", got)
	}
}

// FuzzDecimalLexCompare checks the lexical comparison of integers and decimals against
// math/big.
func FuzzDecimalLexCompare(f *testing.F) {
	for _, p := range [][2]string{{"1", "1.0"}, {"-0.0", "+0"}, {"0.45", ".5"}, {"-12.30", "-12.3"}, {"007", "7."}, {"-1", "1"}, {"99999999999999999999", "1e3"}} {
		f.Add(p[0], p[1], false, true)
	}
	f.Fuzz(func(t *testing.T, a, b string, aInt, bInt bool) {
		la, lb := rdf.NewTypedLiteral(a, rdf.XSDDecimal), rdf.NewTypedLiteral(b, rdf.XSDDecimal)
		if aInt {
			la.Datatype = rdf.XSDInteger
		}
		if bInt {
			lb.Datatype = rdf.XSDInteger
		}
		c, ok := cmpDecimalLex(la, lb)
		x, errA := ParseNumber(la)
		y, errB := ParseNumber(lb)
		if ok != (errA == nil && errB == nil) {
			t.Fatalf("%q %q: lexical ok=%v, parse errors %v %v", a, b, ok, errA, errB)
		}
		if !ok {
			return
		}
		if want, _ := x.Cmp(y); c != want {
			t.Fatalf("cmpDecimalLex(%q, %q) = %d, math/big says %d", a, b, c, want)
		}
	})
}

func TestFixedString(t *testing.T) {
	cases := map[fixed]string{
		{0, 0}: "0", {5, 0}: "5", {-5, 0}: "-5", {25, 2}: "0.25", {-25, 2}: "-0.25",
		{1230, 2}: "12.3", {100, 2}: "1", {7, 3}: "0.007", {-7, 3}: "-0.007", {0, 3}: "0",
		{123456789012345678, 18}: "0.123456789012345678", {10, 1}: "1",
	}
	for f, want := range cases {
		if got := f.String(); got != want {
			t.Errorf("%+v.String() = %q, want %q", f, got, want)
		}
	}
}

// FuzzFixedArith checks the int64 decimal fast path against math/big.
func FuzzFixedArith(f *testing.F) {
	for _, p := range [][2]string{{"1.5", "2"}, {"-0.25", "0.75"}, {"999999999999999999", "0.1"}, {"123456789.123456789", "-987654321.98765"}, {"0.000000001", "1000000000"}} {
		f.Add(p[0], p[1], uint8(0))
		f.Add(p[0], p[1], uint8(1))
		f.Add(p[0], p[1], uint8(2))
	}
	f.Fuzz(func(t *testing.T, a, b string, op uint8) {
		la, lb := rdf.NewTypedLiteral(a, rdf.XSDDecimal), rdf.NewTypedLiteral(b, rdf.XSDDecimal)
		ops := []struct {
			f    func(fixed, fixed) (fixed, bool)
			neg  bool
			slow func(Number, Number) (Number, error)
		}{{fixed.add, false, Number.Add}, {fixed.add, true, Number.Sub}, {fixed.mul, false, Number.Mul}}
		o := ops[int(op)%len(ops)]
		fast, ok := fixedOp(la, lb, o.f, o.neg)
		if !ok {
			return
		}
		x, _ := ParseNumber(la)
		y, _ := ParseNumber(lb)
		want, err := o.slow(x, y)
		if err != nil || fast != want.Literal() {
			t.Fatalf("op %d on %q, %q: fast %v, math/big %v (%v)", op, a, b, fast, want.Literal(), err)
		}
	})
}
