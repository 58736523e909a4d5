package tickets

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
	_ "time/tzdata" // mappings name IANA zones; do not depend on the host's zoneinfo

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/internal/ns"
	"github.com/uitwisselingsplatform/uwp/ingest/pseudo"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Field indexes into Fields.
const (
	fOrder = iota
	fTicket
	fEvent
	fPerfStart
	fPerfEnd
	fPriceCat
	fPrice
	fCurrency
	fFee
	fSale
	fChannel
	fBuyerID
	fBuyerEmail
	fPostal
	fCountry
	fBirth
	fBirthYear
	fStatus
	fScanned
)

// ErrNoBase is returned by NewReader without Options.Base.
var ErrNoBase = errors.New("tickets: Options.Base is required (the IRI base for pseudonymous nodes)")

// Options configure a Reader.
type Options struct {
	// File names the input in errors.
	File string
	// Base is the IRI base of the nodes the adapter mints, e.g. "https://data.example.org/id/";
	// nodes are Base + "transactie/" + pseudonym, and likewise ticket/, participant/, deelname/.
	Base string
	// Pseudonymizer makes the pseudonyms. Required: without it NewReader fails with
	// pseudo.ErrNoKey, since the export holds personal data.
	Pseudonymizer *pseudo.Pseudonymizer
	// Graph, when not nil, is set on every quad.
	Graph rdf.Term
	// Now is the time birth dates are checked and age bands computed against; zero = time.Now().
	Now time.Time
	// AgeBand writes schema:typicalAgeRange ("25-34") instead of platform:geboortejaar.
	AgeBand bool
	// ProcessedAt is written as platform:verwerktOp on participants; zero means Now.
	ProcessedAt time.Time
	// Creator (the data owner's OVO code IRI) and Source (the data product IRI) are added to
	// participants' adms:Identifier as dcterms:creator and platform:bron when set.
	Creator, Source rdf.IRI
}

// Reader streams the quads of a ticketing export, one row at a time. It implements
// ingest.Reader: a bad row gives an *ingest.Error with its row (line) and column and no quads.
type Reader struct {
	src  source
	m    *Mapping
	opts Options
	ps   *pseudo.Pseudonymizer
	now  time.Time
	vals []string
	buf  ingest.RecordBuffer
	seen map[string]int // ticket pseudonym -> line first seen

	lastOrder, lastOrderIRI string
	lastBuyer, lastBuyerIRI string
	lastDescribed           [5]string
	lastBuyerDom            pseudo.Domain
	lits                    map[rdf.Literal]rdf.Term // boxed literals that repeat (currencies, times, years)
	acts                    map[string]rdf.Term      // activity IRIs by event id
	total                   orderTotal
	processed               rdf.Literal
	lastBuyerTerm           rdf.Term
	times                   map[string]string // date-time cache: exports repeat performance times
}

// NewReader opens an export with a mapping. It fails without a pseudonymiser or base, and on
// a header that lacks a required column.
func NewReader(r io.Reader, m *Mapping, opts Options) (*Reader, error) {
	if opts.Pseudonymizer == nil {
		return nil, fmt.Errorf("tickets: refusing to read personal data: %w", pseudo.ErrNoKey)
	}
	if opts.Base == "" || !rdf.IsAbsoluteIRI(opts.Base) {
		return nil, ErrNoBase
	}
	if m.loc == nil {
		if err := m.check(); err != nil {
			return nil, err
		}
	}
	src, err := openSource(r, m)
	if err != nil {
		return nil, &ingest.Error{File: opts.File, Row: 1, Msg: err.Error(), Fatal: true}
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	processed := opts.ProcessedAt
	if processed.IsZero() {
		processed = now
	}
	return &Reader{src: src, m: m, opts: opts, ps: opts.Pseudonymizer, now: now,
		vals: make([]string, len(Fields)), seen: map[string]int{},
		processed: rdf.NewTypedLiteral(processed.UTC().Format(time.RFC3339), ns.XSDDateTime)}, nil
}

// Stats reports the rows and quads read so far.
func (r *Reader) Stats() ingest.Stats { return r.buf.Count }

// Read returns the next quad, io.EOF at the end, or an *ingest.Error for a bad row (reading
// goes on with the next row unless the error is Fatal).
func (r *Reader) Read() (rdf.Quad, error) { return r.buf.Read(r.fill) }

// fill reads the next row into the buffer; at the end, the last order's total first.
func (r *Reader) fill() error {
	line, err := r.src.next(r.vals)
	if err == io.EOF {
		if r.total.n > 0 {
			r.flushTotal()
			return nil
		}
		return io.EOF
	}
	r.buf.Count.Records++
	if err != nil {
		re := err.(*rowError)
		err = &ingest.Error{File: r.opts.File, Row: re.line, Column: re.column, Msg: re.msg, Fatal: re.fatal}
	} else {
		err = r.row(line)
	}
	if err != nil {
		r.buf.Count.Failed++
	}
	return err
}

func (r *Reader) add(s rdf.Term, p rdf.IRI, o rdf.Term) {
	r.buf.Add(rdf.Quad{Subject: s, Predicate: p, Object: o, Graph: r.opts.Graph})
}

func (r *Reader) bad(line, field int, format string, args ...any) error {
	col, name := r.src.colOf(field)
	return &ingest.Error{File: r.opts.File, Row: line, Col: col, Column: name, Msg: fmt.Sprintf(format, args...)}
}

// row converts one row; see doc.go for the shape of the output.
func (r *Reader) row(line int) error {
	v := r.vals
	for _, f := range [...]int{fOrder, fTicket, fEvent} {
		if v[f] == "" {
			return r.bad(line, f, "missing %s", Fields[f])
		}
	}
	status := "sold"
	if s := v[fStatus]; s != "" {
		st, ok := r.m.Status[s]
		if !ok {
			st, ok = r.m.Status[strings.ToLower(s)]
		}
		if !ok {
			return r.bad(line, fStatus, "unknown status %q", s)
		}
		status = st
	}
	var times [4]string
	for i, f := range [...]int{fSale, fPerfStart, fPerfEnd, fScanned} {
		if v[f] == "" {
			continue
		}
		t, ok := r.dateTime(v[f])
		if !ok {
			return r.bad(line, f, "%q is not a date-time", v[f])
		}
		times[i] = t
	}
	sale, start, end, scanned := times[0], times[1], times[2], times[3]
	price := ""
	if v[fPrice] != "" {
		p, ok := decimal(v[fPrice])
		if !ok {
			return r.bad(line, fPrice, "%q is not an amount", v[fPrice])
		}
		price = p
	}
	currency := "EUR"
	if c := v[fCurrency]; c != "" {
		if len(c) != 3 {
			return r.bad(line, fCurrency, "%q is not an ISO 4217 currency code", c)
		}
		currency = strings.ToUpper(c)
	}
	birthYear := 0
	for _, f := range [...]int{fBirthYear, fBirth} {
		if v[f] == "" {
			continue
		}
		y, err := pseudo.BirthYear(v[f], r.now)
		if err != nil {
			return r.bad(line, f, "%q is not a birth date", v[f])
		}
		birthYear = y
		break
	}

	vendor := r.m.Vendor
	ticketTok := r.ps.Token(pseudo.Ticket+pseudo.Domain("/"+vendor), v[fTicket])
	if first, dup := r.seen[ticketTok]; dup {
		return r.bad(line, fTicket, "duplicate ticket (first seen on row %d)", first)
	}
	r.seen[ticketTok] = line

	base := r.opts.Base
	if v[fOrder] == r.lastOrder && price != "" && r.total.n > 0 && currency != r.total.currency {
		delete(r.seen, ticketTok)
		return r.bad(line, fCurrency, "currency %s differs from the order's %s", currency, r.total.currency)
	}
	if v[fOrder] != r.lastOrder {
		r.flushTotal()
		r.lastOrder = v[fOrder]
		r.lastOrderIRI = base + "transactie/" + r.ps.Token(pseudo.Order+pseudo.Domain("/"+vendor), v[fOrder])
	}
	if price != "" {
		r.total.add(r.lastOrderIRI, price, currency)
	}
	// Terms are boxed once: passing an IRI string to an rdf.Term parameter allocates.
	tx := rdf.Term(rdf.IRI(r.lastOrderIRI))
	tkIRI := base + "ticket/" + ticketTok
	tk := rdf.Term(rdf.IRI(tkIRI))

	var buyer rdf.Term
	if key := v[fBuyerEmail]; key != "" || v[fBuyerID] != "" {
		dom := pseudo.Participant
		if key == "" {
			key, dom = v[fBuyerID], pseudo.Participant+pseudo.Domain("/"+vendor)
		}
		if dom != r.lastBuyerDom || key != r.lastBuyer {
			r.lastBuyerDom, r.lastBuyer = dom, key
			r.lastBuyerIRI = base + "participant/" + r.ps.Token(dom, key)
		}
		buyer = r.lastBuyerTerm
		if buyer == nil || string(buyer.(rdf.IRI)) != r.lastBuyerIRI {
			buyer = rdf.IRI(r.lastBuyerIRI)
			r.lastBuyerTerm = buyer
		}
	}

	// Transactie and its price.
	r.add(tx, ns.Type, ns.CPTransactie)
	r.add(tx, ns.CPTransactieTicket, tk)
	if sale != "" {
		r.add(tx, ns.CPTransactieTijdstip, r.lit(sale, ns.XSDDateTime))
	}
	if buyer != nil {
		r.add(tx, ns.CPTransactieAangekocht, buyer)
	}

	// Ticket, with its own price (and price category).
	r.add(tk, ns.Type, ns.CPTicket)
	r.add(tk, ns.CPTicketTransactie, tx)
	if price != "" {
		amt := rdf.Term(rdf.IRI(tkIRI + "#prijs"))
		r.add(tk, ns.SchemaPrice, amt)
		r.add(amt, ns.Type, ns.SchemaMonetaryAmount)
		r.add(amt, ns.SchemaValue, r.lit(price, ns.XSDDecimal))
		r.add(amt, ns.SchemaCurrency, r.lit(currency, ns.XSDString))
		if cat := v[fPriceCat]; cat != "" {
			r.add(amt, ns.SchemaName, r.lit(cat, ns.XSDString))
		}
	}
	if start != "" {
		g := rdf.Term(rdf.IRI(tkIRI + "#geldigheid"))
		r.add(tk, ns.CPTicketGeldigheid, g)
		r.period(g, start, end)
	}

	// Participant, reduced to birth year (or age band) and postal code; described once per
	// run of rows with the same buyer (an order's tickets follow each other).
	desc := [...]string{r.lastBuyerIRI, v[fBirth], v[fBirthYear], v[fPostal], v[fCountry]}
	if buyer != nil && desc != r.lastDescribed {
		r.lastDescribed = desc
		r.participant(r.lastBuyerIRI, buyer, birthYear, v[fPostal], v[fCountry])
	}

	// Deelname: a ticket that was not cancelled or refunded gives its buyer the right to attend.
	if buyer != nil && status != "cancelled" && status != "refunded" {
		dIRI := base + "deelname/" + ticketTok
		d := rdf.Term(rdf.IRI(dIRI))
		act := r.activity(v[fEvent])
		r.add(d, ns.Type, ns.CPDeelname)
		r.add(d, ns.CPDeelnameActiviteit, act)
		r.add(d, ns.CPDeelnameParticipant, buyer)
		r.add(d, ns.CPTransactieProp, tx)
		r.add(d, ns.DCType, rdf.IRI(ns.DeelnameType+"bezoeker"))
		r.add(tx, ns.CPGeefRechtOp, d)
		if at := firstOf(scanned, start); at != "" {
			t := rdf.Term(rdf.IRI(dIRI + "#tijdstip"))
			r.add(d, ns.CPDeelnameTijdstip, t)
			if scanned != "" {
				r.period(t, scanned, "")
			} else {
				r.period(t, start, end)
			}
		}
	}
	return nil
}

// lit boxes a literal once: exports repeat currencies, dates and years on every row, and
// boxing a Literal into an rdf.Term allocates.
func (r *Reader) lit(lex string, dt rdf.IRI) rdf.Term {
	l := rdf.Literal{Lexical: lex, Datatype: dt}
	if t, ok := r.lits[l]; ok {
		return t
	}
	if r.lits == nil || len(r.lits) > 4096 {
		r.lits = make(map[rdf.Literal]rdf.Term, 256)
	}
	t := rdf.Term(l)
	r.lits[l] = t
	return t
}

func (r *Reader) activity(event string) rdf.Term {
	if t, ok := r.acts[event]; ok {
		return t
	}
	if r.acts == nil || len(r.acts) > 4096 {
		r.acts = make(map[string]rdf.Term, 64)
	}
	t := rdf.Term(rdf.IRI(strings.Replace(r.m.Activity, "{event_id}", url.PathEscape(event), 1)))
	r.acts[event] = t
	return t
}

func (r *Reader) period(p rdf.Term, start, end string) {
	r.add(p, ns.Type, ns.PeriodOfTime)
	r.add(p, ns.StartTime, r.lit(start, ns.XSDDateTime))
	if end != "" {
		r.add(p, ns.EndTime, r.lit(end, ns.XSDDateTime))
	}
}

func (r *Reader) participant(pIRI string, p rdf.Term, birthYear int, postal, country string) {
	r.add(p, ns.Type, ns.CPParticipant)
	r.add(p, ns.PlatformVerwerktOp, r.processed)
	tok := pIRI[strings.LastIndexByte(pIRI, '/')+1:]
	id := rdf.Term(rdf.IRI(pIRI + "#identificator"))
	gid := rdf.Term(rdf.IRI(pIRI + "#gestructureerdeIdentificator"))
	r.add(p, ns.ADMSIdentifier, id)
	r.add(id, ns.Type, ns.ADMSIdentifierClass)
	r.add(id, ns.SKOSNotation, rdf.NewTypedLiteral(pIRI, ns.XSDAnyURI))
	r.add(id, ns.GenGestructureerd, gid)
	if r.opts.Creator != "" {
		r.add(id, ns.DCCreator, r.opts.Creator)
	}
	if r.opts.Source != "" {
		r.add(id, ns.PlatformBron, r.opts.Source)
	}
	r.add(gid, ns.Type, ns.GenGestructureerdClass)
	r.add(gid, ns.GenNaamruimte, rdf.NewLiteral(pIRI[:len(pIRI)-len(tok)]))
	r.add(gid, ns.GenLokaleIdentificator, rdf.NewLiteral(tok))
	if birthYear != 0 {
		if r.opts.AgeBand {
			r.add(p, ns.SchemaTypicalAgeRange, rdf.NewLiteral(pseudo.AgeBand(birthYear, r.now)))
		} else {
			r.add(p, ns.PlatformGeboortejaar, r.lit(itoa4(birthYear), ns.XSDGYear))
		}
	}
	code := ""
	if postal != "" {
		code = pseudo.PostalCode(postal, country)
	}
	if code == "" {
		return
	}
	// The postal code as a locn:Address of the participant (see doc.go for why not through
	// a ParticipantProfiel and SociodemografischKenmerk.locatie).
	adr := rdf.Term(rdf.IRI(pIRI + "#adres"))
	r.add(p, ns.LOCNAddress, adr)
	r.add(adr, ns.Type, ns.LOCNAddressClass)
	r.add(adr, ns.LOCNPostCode, r.lit(code, ns.XSDString))
	cc := strings.ToUpper(strings.TrimSpace(country))
	if cc == "" {
		cc = "BE"
	}
	if len(cc) == 2 {
		r.add(adr, ns.LOCNAdminUnitL1, r.lit(cc, ns.XSDString))
	}
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func itoa4(y int) string {
	return string([]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10)})
}
