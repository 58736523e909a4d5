package expr

import (
	"fmt"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

var sinkTerm rdf.Term
var sinkBool bool

func BenchmarkAddInteger(b *testing.B) {
	x, y := rdf.NewTypedLiteral("12345", rdf.XSDInteger), rdf.NewTypedLiteral("678", rdf.XSDInteger)
	for b.Loop() {
		sinkTerm, _ = Add(x, y)
	}
}

func BenchmarkAddDecimal(b *testing.B) {
	x, y := rdf.NewTypedLiteral("123.45", rdf.XSDDecimal), rdf.NewTypedLiteral("0.678", rdf.XSDDecimal)
	for b.Loop() {
		sinkTerm, _ = Add(x, y)
	}
}

func BenchmarkMultiplyDouble(b *testing.B) {
	x, y := rdf.NewTypedLiteral("1.5E3", rdf.XSDDouble), rdf.NewTypedLiteral("2", rdf.XSDInteger)
	for b.Loop() {
		sinkTerm, _ = Multiply(x, y)
	}
}

func BenchmarkDivideInteger(b *testing.B) {
	x, y := rdf.NewTypedLiteral("10", rdf.XSDInteger), rdf.NewTypedLiteral("3", rdf.XSDInteger)
	for b.Loop() {
		sinkTerm, _ = Divide(x, y)
	}
}

func BenchmarkEqualString(b *testing.B) {
	x, y := rdf.NewLiteral("hello world"), rdf.NewLiteral("hello world")
	for b.Loop() {
		sinkBool, _ = Equal(x, y)
	}
}

func BenchmarkEqualIntegerDecimal(b *testing.B) {
	x, y := rdf.NewTypedLiteral("42", rdf.XSDInteger), rdf.NewTypedLiteral("42.0", rdf.XSDDecimal)
	for b.Loop() {
		sinkBool, _ = Equal(x, y)
	}
}

func BenchmarkLessInteger(b *testing.B) {
	x, y := rdf.NewTypedLiteral("41", rdf.XSDInteger), rdf.NewTypedLiteral("42", rdf.XSDInteger)
	for b.Loop() {
		sinkBool, _ = Less(x, y)
	}
}

func BenchmarkLessDateTime(b *testing.B) {
	x := rdf.NewTypedLiteral("2002-10-10T12:00:00Z", rdf.XSDDateTime)
	y := rdf.NewTypedLiteral("2002-10-10T12:00:00-05:00", rdf.XSDDateTime)
	for b.Loop() {
		sinkBool, _ = Less(x, y)
	}
}

func BenchmarkCompareMixed(b *testing.B) {
	ts := []rdf.Term{rdf.IRI("http://a"), rdf.NewLiteral("x"), rdf.NewTypedLiteral("1", rdf.XSDInteger),
		rdf.NewTypedLiteral("1.5", rdf.XSDDecimal), rdf.BlankNode("b"), rdf.NewLangLiteral("x", "en")}
	n := 0
	for b.Loop() {
		n += Compare(ts[n%len(ts)], ts[(n+1)%len(ts)])
		n++
	}
}

func BenchmarkRegexCached(b *testing.B) {
	text, pat, flags := rdf.NewLiteral("The quick brown fox"), rdf.NewLiteral("QUICK\\s+\\w+"), rdf.NewLiteral("i")
	for b.Loop() {
		sinkTerm, _ = Regex(text, pat, flags)
	}
}

func BenchmarkCompareNumeric(b *testing.B) {
	ts := []rdf.Term{rdf.NewTypedLiteral("12", rdf.XSDInteger), rdf.NewTypedLiteral("1.5", rdf.XSDDecimal),
		rdf.NewTypedLiteral("7", rdf.XSDInteger), rdf.NewTypedLiteral("2.5E0", rdf.XSDDouble)}
	n := 0
	for b.Loop() {
		n += Compare(ts[n%len(ts)], ts[(n+1)%len(ts)])
		n++
	}
}

func BenchmarkSumDecimal1000(b *testing.B) {
	vals := make([]rdf.Term, 1000)
	for i := range vals {
		vals[i] = rdf.NewTypedLiteral(fmt.Sprintf("%d.%02d", i, i%100), rdf.XSDDecimal)
	}
	for b.Loop() {
		a := NewAggregator(AggSum, false, "")
		for _, v := range vals {
			a.Add(v, nil)
		}
		sinkTerm, _ = a.Result()
	}
}

func BenchmarkRegexBackref(b *testing.B) {
	text, pat := rdf.NewLiteral("the the quick brown fox"), rdf.NewLiteral(`(\w+)\s+\1`)
	for b.Loop() {
		var err error
		if sinkTerm, err = Regex(text, pat, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkContains(b *testing.B) {
	x, y := rdf.NewLangLiteral("The quick brown fox", "en"), rdf.NewLiteral("brown")
	for b.Loop() {
		sinkTerm, _ = Contains(x, y)
	}
}

func BenchmarkStrBefore(b *testing.B) {
	x, y := rdf.NewLangLiteral("The quick brown fox", "en"), rdf.NewLiteral("brown")
	for b.Loop() {
		sinkTerm, _ = StrBefore(x, y)
	}
}

func BenchmarkReplace(b *testing.B) {
	text, pat, rep := rdf.NewLiteral("the quick brown fox jumps over the lazy dog"), rdf.NewLiteral(`(o)(\w)`), rdf.NewLiteral("[$2$1]")
	for b.Loop() {
		var err error
		if sinkTerm, err = Replace(text, pat, rep, nil); err != nil {
			b.Fatal(err)
		}
	}
}
