package tickets

import (
	"math/big"
	"strings"

	"github.com/uitwisselingsplatform/uwp/ingest/internal/ns"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// orderTotal sums the ticket prices of the order being read. An order's rows follow each
// other in exports; the total is written when the order changes (or at the end), as the one
// schema:price the UWP shapes allow on a cp:Transactie. Sums are exact (big.Rat), built only
// once per order from the prices collected.
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

// value returns the sum with as many decimals as the most precise price.
func (t *orderTotal) value() string {
	if len(t.prices) == 1 {
		return t.prices[0]
	}
	var sum, x big.Rat
	scale := 0
	for _, p := range t.prices {
		if _, ok := x.SetString(p); !ok {
			continue // decimal() has checked it
		}
		sum.Add(&sum, &x)
		if i := strings.IndexByte(p, '.'); i >= 0 && len(p)-i-1 > scale {
			scale = len(p) - i - 1
		}
	}
	return sum.FloatString(scale)
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
