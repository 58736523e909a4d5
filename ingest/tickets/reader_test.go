package tickets

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/ingesttest"
	"github.com/uitwisselingsplatform/uwp/ingest/pseudo"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

const base = "https://data.example.org/id/"

const goldenHeader = "# Golden output (sorted N-Quads); regenerate with go test -update.\n"

var now = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)

func testPseudonymizer(t testing.TB) *pseudo.Pseudonymizer {
	t.Helper()
	p, err := pseudo.New([]byte("test-key-not-for-production-0001"))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func open(t testing.TB, path string, m *Mapping) *Reader {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	r, err := NewReader(f, m, Options{File: path, Base: base, Pseudonymizer: testPseudonymizer(t), Now: now})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func builtin(t testing.TB, name string) *Mapping {
	t.Helper()
	m, err := Builtin(name)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestReader_Ticketmatic(t *testing.T) {
	r := open(t, "testdata/ticketmatic-export.csv", builtin(t, "ticketmatic"))
	qs, errs, err := ingest.ReadAll(r, -1)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range errs {
		got = append(got, fmt.Sprintf("%d:%d %s: %s", e.Row, e.Col, e.Column, e.Msg))
	}
	want := []string{
		`5:2 id: duplicate ticket (first seen on row 4)`,
		`6:9 createdts: "31/13/2026 25:00" is not a date-time`,
		`7:0 : row has 4 fields, the header 23`,
		`8:1 orderid: missing order_id`,
		`10:7 price: "gratis" is not an amount`,
		`11:20 paymentstatus: unknown status "9"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if st := r.Stats(); st.Records != 11 || st.Failed != 6 || st.Quads != len(qs) {
		t.Errorf("stats %+v", st)
	}
	if !strings.HasPrefix(errs[1].Error(), "testdata/ticketmatic-export.csv:6:9: column \"createdts\": ") {
		t.Errorf("error reads %q", errs[1])
	}
	ingesttest.Golden(t, "testdata/ticketmatic-export.nq", goldenHeader, ingesttest.NQuads(qs))

	// Strict: the first bad row stops the run.
	_, _, err = ingest.ReadAll(open(t, "testdata/ticketmatic-export.csv", builtin(t, "ticketmatic")), 0)
	var e *ingest.Error
	if !errors.As(err, &e) || e.Row != 5 {
		t.Errorf("strict: %v", err)
	}
}

func TestReader_CountsPerClass(t *testing.T) {
	qs, _, err := ingest.ReadAll(open(t, "testdata/ticketmatic-export.csv", builtin(t, "ticketmatic")), -1)
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]map[rdf.Term]bool{}
	for _, q := range qs {
		if q.Predicate == rdf.RDFType {
			c := string(q.Object.(rdf.IRI))
			c = c[strings.LastIndexAny(c, "#/")+1:]
			if n[c] == nil {
				n[c] = map[rdf.Term]bool{}
			}
			n[c][q.Subject] = true
		}
	}
	// 5 good rows: tickets 5001, 5002 (order 1001), 5003 (1002, refunded), 5007 (1005, no
	// e-mail: the customer id identifies the buyer), 5010 (1008).
	for c, want := range map[string]int{"Ticket": 5, "Transactie": 4, "Participant": 4, "Deelname": 4} {
		if got := len(n[c]); got != want {
			t.Errorf("%d %s, want %d", got, c, want)
		}
	}
}

// No direct identifier of the export reaches the output: not the e-mail addresses, names,
// phone numbers, streets, barcodes, seats, customer ids, nor the birth dates.
func TestReader_NoPersonalDataInOutput(t *testing.T) {
	for _, c := range []struct {
		file, mapping string
		personal      []string
	}{
		{"testdata/ticketmatic-export.csv", "ticketmatic", []string{"customerid", "contact_email", "contact_firstname", "contact_lastname", "contact_phone", "contact_street1", "contact_birthdate", "barcode", "seatname"}},
		{"testdata/generic-export.csv", "generic", []string{"buyer_email", "buyer_name", "buyer_phone", "buyer_street", "barcode", "seat"}},
	} {
		qs, _, err := ingest.ReadAll(open(t, c.file, builtin(t, c.mapping)), -1)
		if err != nil {
			t.Fatal(err)
		}
		if len(qs) == 0 {
			t.Fatal("no output")
		}
		var out strings.Builder
		for _, q := range qs {
			out.WriteString(strings.ToLower(q.String()))
			out.WriteByte('\n')
		}
		text := out.String()
		values := ingesttest.PersonalValues(t, c.file, c.personal...)
		if len(values) < 10 {
			t.Fatalf("%s: only %d personal values to look for", c.file, len(values))
		}
		for _, v := range values {
			if strings.Contains(text, v) {
				t.Errorf("%s: personal value %q appears in the output", c.file, v)
			}
		}
	}
}

// CSV and JSON lines with the same content give the same quads.
func TestReader_JSONLinesMatchesCSV(t *testing.T) {
	fromCSV, _, err := ingest.ReadAll(open(t, "testdata/generic-export.csv", builtin(t, "generic")), 0)
	if err != nil {
		t.Fatal(err)
	}
	m, err := LoadMapping("testdata/generic-jsonl-mapping.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fromJSONL, _, err := ingest.ReadAll(open(t, "testdata/generic-export.jsonl", m), 0)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := ingesttest.NQuads(fromCSV), ingesttest.NQuads(fromJSONL); a != b {
		t.Errorf("CSV and JSON lines differ:\nCSV:\n%s\nJSONL:\n%s", a, b)
	}
	// The cancelled ticket gives a transaction but no participation.
	if s := ingesttest.NQuads(fromCSV); strings.Count(s, "cultuurparticipatie#Deelname> ") != 2 {
		t.Errorf("want 2 Deelnames:\n%s", s)
	}
}

func TestReader_Refusals(t *testing.T) {
	m := builtin(t, "generic")
	if _, err := NewReader(strings.NewReader("order_id\n"), m, Options{Base: base}); !errors.Is(err, pseudo.ErrNoKey) {
		t.Errorf("without key: %v", err)
	}
	ps := testPseudonymizer(t)
	if _, err := NewReader(strings.NewReader("order_id\n"), m, Options{Pseudonymizer: ps}); !errors.Is(err, ErrNoBase) {
		t.Errorf("without base: %v", err)
	}
	_, err := NewReader(strings.NewReader("order_id,ticket_id\n1,2\n"), m, Options{Base: base, Pseudonymizer: ps})
	var e *ingest.Error
	if !errors.As(err, &e) || !strings.Contains(err.Error(), `no column "event_id"`) {
		t.Errorf("missing required column: %v", err)
	}
	if _, err := NewReader(strings.NewReader(""), m, Options{Base: base, Pseudonymizer: ps}); err == nil {
		t.Error("empty export accepted")
	}
}

func TestReader_Formats(t *testing.T) {
	ps := testPseudonymizer(t)
	m := builtin(t, "generic")
	read := func(in string) (int, ingest.ErrorList) {
		r, err := NewReader(strings.NewReader(in), m, Options{Base: base, Pseudonymizer: ps, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		qs, errs, err := ingest.ReadAll(r, -1)
		if err != nil {
			t.Fatal(err)
		}
		return len(qs), errs
	}
	head := "order_id;ticket_id;event_id;price;sale_datetime\n"
	for _, in := range []string{
		"\ufeff" + head + "1;2;e1;12,50;2026-01-02 10:00:00\n",
		strings.ReplaceAll(head, ";", "\t") + "1\t2\te1\t12.50\t2026-01-02T10:00:00+01:00\n",
		strings.ReplaceAll(head, ";", ",") + "1,2,e1,\"12,50\",2026-01-02T09:00:00Z\n",
	} {
		if n, errs := read(in); n == 0 || len(errs) != 0 {
			t.Errorf("%q: %d quads, %v", in, n, errs)
		}
	}
	if _, errs := read(head + "1;2;e1;1,2,3;x\n1;3;e1;\"12;5\n"); len(errs) != 2 {
		t.Errorf("bad rows: %v", errs)
	}
}

func TestDateTimeAndDecimal(t *testing.T) {
	r := &Reader{m: builtin(t, "generic")}
	for in, want := range map[string]string{
		"2026-06-20 20:00:00":       "2026-06-20T20:00:00+02:00",
		"2026-01-20 20:00":          "2026-01-20T20:00:00+01:00",
		"20/06/2026 20:00":          "2026-06-20T20:00:00+02:00",
		"2026-06-20T20:00:00Z":      "2026-06-20T20:00:00Z",
		"2026-06-20T20:00:00+02:00": "2026-06-20T20:00:00+02:00",
	} {
		if got, ok := r.dateTime(in); !ok || got != want {
			t.Errorf("dateTime(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "morgen", "2026-13-01 10:00", "31/02/2026 10:00"} {
		if _, ok := r.dateTime(bad); ok {
			t.Errorf("dateTime(%q) accepted", bad)
		}
	}
	for in, want := range map[string]string{"12.50": "12.50", "12,50": "12.50", "€ 1.234,50": "1234.50", "-3": "-3", "10 EUR": "10"} {
		if got, ok := decimal(in); !ok || got != want {
			t.Errorf("decimal(%q) = %q, %v", in, got, ok)
		}
	}
	for _, bad := range []string{"", "gratis", "1,2,3", "1.", ".5", "1-2", "--1"} {
		if _, ok := decimal(bad); ok {
			t.Errorf("decimal(%q) accepted", bad)
		}
	}
}

func TestParseMapping_Errors(t *testing.T) {
	for _, y := range []string{
		"vendor: x\ncolumns: {order_id: a, ticket_id: b}\nactivity: 'x{event_id}'\n",
		"columns: {order_id: a, ticket_id: b, event_id: c}\nactivity: 'x{event_id}'\n",
		"vendor: x\ncolumns: {order_id: a, ticket_id: b, event_id: c, nonsense: d}\nactivity: 'x{event_id}'\n",
		"vendor: x\ncolumns: {order_id: a, ticket_id: b, event_id: c}\nactivity: 'x'\n",
		"vendor: x\ncolumns: {order_id: a, ticket_id: b, event_id: c}\nactivity: 'x{event_id}'\nstatus: {'1': paid}\n",
		"vendor: x\ncolumns: {order_id: a, ticket_id: b, event_id: c}\nactivity: 'x{event_id}'\ndrop: [a]\n",
		"vendor: x\ncolumns: {order_id: a, ticket_id: b, event_id: c}\nactivity: 'x{event_id}'\ntimezone: Mars/Olympus\n",
		"vendor: x\nunknown_key: 1\n",
	} {
		if _, err := ParseMapping(strings.NewReader(y), "m.yaml"); err == nil {
			t.Errorf("accepted:\n%s", y)
		}
	}
	if _, err := Builtin("eventbrite"); err == nil {
		t.Error("unknown built-in accepted")
	}
}

func BenchmarkReader_Rows(b *testing.B) {
	const n = 20000
	var sb strings.Builder
	sb.WriteString("order_id,ticket_id,event_id,performance_start,performance_end,price_category,price,currency,sale_datetime,buyer_email,buyer_postal_code,birth_year,status,scanned_at\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "O%d,T%d,11111111-aaaa-4bbb-8ccc-%012d,2026-06-20 20:00:00,2026-06-20 23:00:00,Basistarief,12.50,EUR,2026-05-03 14:22:01,person%d@example.org,9000,1985,sold,\n",
			i/3, i, i%50, i/3)
	}
	in := sb.String()
	m := builtin(b, "generic")
	ps := testPseudonymizer(b)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r, err := NewReader(strings.NewReader(in), m, Options{Base: base, Pseudonymizer: ps, Now: now})
		if err != nil {
			b.Fatal(err)
		}
		for {
			if _, err := r.Read(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
}
