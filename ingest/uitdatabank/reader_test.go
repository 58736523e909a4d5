package uitdatabank

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/ingesttest"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

const goldenHeader = "# Golden output (sorted N-Quads); regenerate with go test -update.\n"

func readAll(t testing.TB, r *Reader) []rdf.Quad {
	t.Helper()
	qs, errs, err := ingest.ReadAll(r, 0)
	if err != nil {
		t.Fatalf("%v (%v)", err, errs)
	}
	return qs
}

func TestReader_Page(t *testing.T) {
	f, err := os.Open("testdata/search-page.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := NewReader(f, Options{File: "search-page.json", Taxonomy: TaxonomyTest})
	qs := readAll(t, r)
	if st := r.Stats(); st.Records != 7 || st.Failed != 0 || st.Quads != len(qs) {
		t.Errorf("stats %+v, %d quads", st, len(qs))
	}
	ingesttest.Golden(t, "testdata/search-page.nq", goldenHeader, ingesttest.NQuads(qs))
}

// The same documents as a page, a bare array and single documents give the same quads.
func TestReader_Shapes(t *testing.T) {
	page, err := os.ReadFile("testdata/search-page.json")
	if err != nil {
		t.Fatal(err)
	}
	var p struct{ Member []jsonRaw }
	if err := jsonUnmarshal(page, &p); err != nil {
		t.Fatal(err)
	}
	fromPage := ingesttest.NQuads(readAll(t, NewReader(bytes.NewReader(page), Options{})))
	arr := "[" + joinRaw(p.Member) + "]"
	fromArray := ingesttest.NQuads(readAll(t, NewReader(strings.NewReader(arr), Options{})))
	var single []rdf.Quad
	for _, m := range p.Member {
		qs, err := Convert(m, Options{})
		if err != nil {
			t.Fatal(err)
		}
		single = append(single, qs...)
	}
	if fromArray != fromPage || ingesttest.NQuads(single) != fromPage {
		t.Error("page, array and single documents disagree")
	}
	// Keys after the member array and empty inputs are fine too.
	tail := `{"member": [` + string(p.Member[0]) + `], "view": {"next": "x"}}`
	if got := ingesttest.NQuads(readAll(t, NewReader(strings.NewReader(tail), Options{}))); got != ingesttest.NQuads(single[:countFirst(t, p.Member[0])]) {
		t.Error("page with trailing keys differs")
	}
	for _, empty := range []string{"", "[]", `{"@type": "PagedCollection", "member": []}`, `{"@type": "PagedCollection", "totalItems": 0}`} {
		if qs := readAll(t, NewReader(strings.NewReader(empty), Options{})); len(qs) != 0 {
			t.Errorf("%q gave %d quads", empty, len(qs))
		}
	}
}

func countFirst(t *testing.T, doc []byte) int {
	qs, err := Convert(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return len(qs)
}

func TestReader_BadDocuments(t *testing.T) {
	b, err := os.ReadFile("testdata/bad-documents.json")
	if err != nil {
		t.Fatal(err)
	}
	// Strict: the first bad document stops the run.
	_, errs, err := ingest.ReadAll(NewReader(bytes.NewReader(b), Options{File: "bad.json"}), 0)
	var e *ingest.Error
	if !errors.As(err, &e) || e.Pointer != "/1/subEvent/1/startDate" || len(errs) != 1 {
		t.Fatalf("strict: %v", err)
	}
	if !errors.Is(err, ingest.ErrBadRecord) || !strings.HasPrefix(err.Error(), "bad.json: /1/subEvent/1/startDate: ") {
		t.Errorf("strict error reads %q", err)
	}
	// Lenient: the good documents load, each bad one is reported with its pointer.
	r := NewReader(bytes.NewReader(b), Options{})
	qs, errs, err := ingest.ReadAll(r, -1)
	if err != nil {
		t.Fatal(err)
	}
	var ptrs []string
	for _, e := range errs {
		ptrs = append(ptrs, e.Pointer)
	}
	want := []string{"/1/subEvent/1/startDate", "/2/@id", "/3", "/4/name", "/5/priceInfo/0/price"}
	if !slices.Equal(ptrs, want) {
		t.Errorf("pointers %q, want %q", ptrs, want)
	}
	subjects := map[rdf.Term]bool{}
	for _, q := range qs {
		if iri, ok := q.Subject.(rdf.IRI); ok && !strings.Contains(string(iri), "#") {
			subjects[iri] = true
		}
	}
	if len(subjects) != 2 || !subjects[rdf.IRI("https://io-test.uitdatabank.be/events/bad-0000-0001")] {
		t.Errorf("subjects %v", subjects)
	}
	if st := r.Stats(); st.Records != 7 || st.Failed != 5 {
		t.Errorf("stats %+v", st)
	}
	// A limit on errors ends the run.
	if _, _, err := ingest.ReadAll(NewReader(bytes.NewReader(b), Options{}), 2); !errors.Is(err, ingest.ErrTooManyErrors) {
		t.Errorf("limit: %v", err)
	}
}

func TestReader_BadJSON(t *testing.T) {
	for _, in := range []string{`[{"@id": "x"`, `{"member": [{}, `, `[1] [2]`, `"text"`, `{"member": 3}`, `[{"a": }]`} {
		r := NewReader(strings.NewReader(in), Options{})
		_, _, err := ingest.ReadAll(r, -1)
		var e *ingest.Error
		if !errors.As(err, &e) || !e.Fatal {
			t.Errorf("%q: %v, want a fatal error", in, err)
			continue
		}
		if _, err2 := r.Read(); err2 != err {
			t.Errorf("%q: fatal error not sticky: %v", in, err2)
		}
	}
}

func TestReader_StubMembers(t *testing.T) {
	in := `{"member": [{"@id": "https://io.uitdatabank.be/events/1", "@type": "Event"}]}`
	_, errs, err := ingest.ReadAll(NewReader(strings.NewReader(in), Options{}), -1)
	if err != nil || len(errs) != 1 || errs[0].Pointer != "/member/0" || !strings.Contains(errs[0].Msg, "embed=true") {
		t.Errorf("%v %v", errs, err)
	}
}

func TestOptions_BaseAndExtras(t *testing.T) {
	doc := `{"@id": "https://io.uitdatabank.be/events/e1", "name": {"nl": "x"}, "calendarType": "permanent",
		"location": {"@id": "https://io.uitdatabank.be/places/p1"}, "organizer": {"@id": "https://io.uitdatabank.be/organizers/o1"}}`
	qs, err := Convert([]byte(doc), Options{
		Base: "https://data.example.org/", Graph: rdf.IRI("https://g.example.org/"),
		Creator: "https://data.vlaanderen.be/id/organisatie/OVO000000", Source: "https://data.example.org/product/p",
	})
	if err != nil {
		t.Fatal(err)
	}
	out := ingesttest.NQuads(qs)
	for _, want := range []string{
		"<https://data.example.org/events/e1> <http://www.w3.org/ns/prov#atLocation> <https://data.example.org/places/p1> <https://g.example.org/> .",
		"<https://data.example.org/events/e1> <http://www.cidoc-crm.org/cidoc-crm/P14_carried_out_by> <https://data.example.org/organizers/o1> <https://g.example.org/> .",
		"<http://purl.org/dc/terms/creator> <https://data.vlaanderen.be/id/organisatie/OVO000000>",
		"<https://data.uitwisselingsplatform.be/ns/platform#bron> <https://data.example.org/product/p>",
		`<https://data.vlaanderen.be/ns/generiek#naamruimte> "https://data.example.org/events/"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	if strings.Contains(out, "io.uitdatabank.be") {
		t.Error("an @id was not rewritten")
	}
}

// The fragment hash follows udb3 where udb3 hashes the source JSON.
func TestFragmentHash_MatchesUDB3(t *testing.T) {
	var hours []any
	if err := jsonUnmarshal([]byte(`[{"opens":"10:00","closes":"16:00","dayOfWeek":["monday","tuesday"]},{"opens":"09:00","closes":"17:00","dayOfWeek":["saturday","sunday"]}]`), &hours); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		v    any
		want string
	}{
		{map[string]any{"url": "https://www.example.com"}, "f20d8319"},
		{hours[0], "19cb130c"},
		{hours, "2450812e"},
		{"é/€😀", fragmentHash("\u00e9/\u20ac\U0001F600")},
	} {
		if got := fragmentHash(c.v); got != c.want {
			t.Errorf("fragmentHash(%v) = %s, want %s", c.v, got, c.want)
		}
	}
	if got := string(appendPHPString(nil, "é/😀\n")); got != `"\u00e9\/\ud83d\ude00\n"` {
		t.Errorf("PHP string %s", got)
	}
}

func BenchmarkReader_Documents(b *testing.B) {
	page, err := os.ReadFile("testdata/search-page.json")
	if err != nil {
		b.Fatal(err)
	}
	var p struct{ Member []jsonRaw }
	if err := jsonUnmarshal(page, &p); err != nil {
		b.Fatal(err)
	}
	// 1,000 documents: the page's members repeated with fresh ids.
	var buf bytes.Buffer
	buf.WriteString(`{"member": [`)
	const n = 1000
	for i := 0; i < n; i++ {
		if i > 0 {
			buf.WriteByte(',')
		}
		m := p.Member[i%len(p.Member)]
		buf.Write(bytes.Replace(m, []byte("-000000000"), []byte(fmt.Sprintf("-%09d", i)), 1))
	}
	buf.WriteString(`]}`)
	in := buf.Bytes()
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := NewReader(bytes.NewReader(in), Options{})
		for {
			if _, err := r.Read(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "docs/s")
}
