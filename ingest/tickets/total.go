package tickets

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/uitwisselingsplatform/uwp/ingest/internal/ns"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// orderTotal sums the ticket prices of the order being read. An order's rows follow each
// other in exports; the total is written when the order changes (or at the end), as the one
// schema:price the UWP shapes allow on a cp:Transactie. Sums are exact, computed once per
// order from the prices collected.
type orderTotal struct {
	tx       string
	prices   []string
	currency string
	n        int
}

func (t *orderTotal) add(tx, price, currency string) {
	if t.n == 0 {
		t.tx, t.currency, t.prices = tx, currency, t.prices[:0]
	}
	t.prices = append(t.prices, price)
	t.n++
}

// value returns the sum with as many decimals as the most precise price: exact in int64
// units of 10^-scale when that fits (every realistic order), else with big.Rat.
func (t *orderTotal) value() string {
	if len(t.prices) == 1 {
		return t.prices[0]
	}
	scale := 0
	for _, p := range t.prices {
		if i := strings.IndexByte(p, '.'); i >= 0 && len(p)-i-1 > scale {
			scale = len(p) - i - 1
		}
	}
	if scale <= 9 {
		var sum int64
		ok := true
		for _, p := range t.prices {
			v, good := scaled(p, scale)
			if !good || (v > 0 && sum > math.MaxInt64/2) || (v < 0 && sum < math.MinInt64/2) {
				ok = false
				break
			}
			sum += v
		}
		if ok {
			return formatScaled(sum, scale)
		}
	}
	var sum, x big.Rat
	for _, p := range t.prices {
		if _, ok := x.SetString(p); ok { // decimal() has checked it
			sum.Add(&sum, &x)
		}
	}
	return sum.FloatString(scale)
}

// scaled reads a decimal lexical form as an integer count of 10^-scale.
func scaled(p string, scale int) (int64, bool) {
	neg := false
	if p != "" && (p[0] == '-' || p[0] == '+') {
		neg = p[0] == '-'
		p = p[1:]
	}
	intPart, frac, _ := strings.Cut(p, ".")
	if len(intPart) > 9 {
		return 0, false
	}
	var v int64
	for i := 0; i < len(intPart); i++ {
		v = v*10 + int64(intPart[i]-'0')
	}
	for i := 0; i < scale; i++ {
		v *= 10
		if i < len(frac) {
			v += int64(frac[i] - '0')
		}
	}
	if neg {
		v = -v
	}
	return v, true
}

func formatScaled(v int64, scale int) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := strconv.FormatInt(v, 10)
	if scale > 0 {
		if len(s) <= scale {
			s = strings.Repeat("0", scale-len(s)+1) + s
		}
		s = s[:len(s)-scale] + "." + s[len(s)-scale:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// flushTotal writes the pending order total into the buffer.
func (r *Reader) flushTotal() {
	t := &r.total
	if t.n == 0 {
		return
	}
	tx := rdf.Term(rdf.IRI(t.tx))
	amt := rdf.Term(rdf.IRI(t.tx + "#prijs"))
	r.add(tx, ns.SchemaPrice, amt)
	r.add(amt, ns.Type, ns.SchemaMonetaryAmount)
	r.add(amt, ns.SchemaValue, rdf.NewTypedLiteral(t.value(), ns.XSDDecimal))
	r.add(amt, ns.SchemaCurrency, r.lit(t.currency, ns.XSDString))
	t.n = 0
}
