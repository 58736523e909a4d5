package tickets

import (
	"math/big"
	"strings"

	"github.com/uitwisselingsplatform/uwp/ingest/internal/ns"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// orderTotal sums the ticket prices of the order being read. An order's rows follow each
// other in exports; the total is written when the order changes (or at the end), as the one
// schema:price the UWP shapes allow on a cp:Transactie.
type orderTotal struct {
	tx       string
	sum      big.Rat
	scale    int // most decimals seen, kept in the total's lexical form
	currency string
	n        int
}

func (t *orderTotal) add(tx, price, currency string) {
	var x big.Rat
	if _, ok := x.SetString(price); !ok {
		return // decimal() has checked it
	}
	if t.n == 0 {
		t.tx, t.currency, t.scale = tx, currency, 0
		t.sum.SetInt64(0)
	}
	if i := strings.IndexByte(price, '.'); i >= 0 && len(price)-i-1 > t.scale {
		t.scale = len(price) - i - 1
	}
	t.sum.Add(&t.sum, &x)
	t.n++
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
	r.add(amt, ns.SchemaValue, rdf.NewTypedLiteral(t.sum.FloatString(t.scale), ns.XSDDecimal))
	r.add(amt, ns.SchemaCurrency, rdf.NewLiteral(t.currency))
	t.n = 0
}
