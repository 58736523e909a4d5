package storetest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// DefaultGraph names the default graph in Match (and means the same as nil in a quad).
const DefaultGraph = rdf.IRI("urn:x-arq:DefaultGraph")

// Store is what the suite needs from a backend. Each call is its own transaction.
type Store interface {
	// Add adds quads and returns how many were new.
	Add(quads ...rdf.Quad) (int, error)
	// Remove removes quads and returns how many were there.
	Remove(quads ...rdf.Quad) (int, error)
	// Match calls fn with every quad that matches; nil matches anything and g = DefaultGraph
	// only the default graph (whose quads come back with a nil Graph). It stops early when fn
	// returns false, and then still returns nil.
	Match(s, p, o, g rdf.Term, fn func(rdf.Quad) bool) error
	Close() error
}

// Checker is implemented by stores that can prove their internal invariants.
type Checker interface {
	Check() error
}

// Run runs the whole suite against stores made by open.
func Run(t *testing.T, open func(t testing.TB) Store) {
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := open(t)
			defer func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			}()
			c.fn(t, s)
			if c.check {
				check(t, s)
			}
		})
	}
}

type testCase struct {
	name  string
	check bool
	fn    func(t *testing.T, s Store)
}

var cases = []testCase{
	{"Add_Duplicates", true, testAddDuplicates},
	{"Match_EveryPattern", true, testMatchEveryPattern},
	{"Match_DefaultGraph", true, testDefaultVsNamed},
	{"Literals_RoundTrip", true, testLiterals},
	{"Literals_NonCanonical", true, testNonCanonical},
	{"BlankNodes", true, testBlankNodes},
	{"Remove", true, testRemove},
	{"Match_CloseEarly", false, testCloseEarly},
	{"Match_UnknownTerm", false, testUnknownTerm},
	{"Mutations_Random", true, testRandomMutations},
}

func check(t testing.TB, s Store) {
	t.Helper()
	if c, ok := s.(Checker); ok {
		if err := c.Check(); err != nil {
			t.Fatalf("Check: %v", err)
		}
	}
}

const ex = "http://example.org/"

func iri(s string) rdf.IRI { return rdf.IRI(ex + s) }

func quad(s, p, o, g rdf.Term) rdf.Quad {
	return rdf.Quad{Subject: s, Predicate: p, Object: o, Graph: g}
}

func mustAdd(t testing.TB, s Store, qs ...rdf.Quad) int {
	t.Helper()
	n, err := s.Add(qs...)
	if err != nil {
		t.Fatalf("Add: %v", err)
	}
	return n
}

func mustRemove(t testing.TB, s Store, qs ...rdf.Quad) int {
	t.Helper()
	n, err := s.Remove(qs...)
	if err != nil {
		t.Fatalf("Remove: %v", err)
	}
	return n
}

func match(t testing.TB, s Store, a, b, c, g rdf.Term) []string {
	t.Helper()
	var out []string
	if err := s.Match(a, b, c, g, func(q rdf.Quad) bool {
		out = append(out, q.String())
		return true
	}); err != nil {
		t.Fatalf("Match(%v %v %v %v): %v", a, b, c, g, err)
	}
	slices.Sort(out)
	return out
}

func strs(qs []rdf.Quad) []string {
	out := make([]string, 0, len(qs))
	for _, q := range qs {
		if q.Graph == DefaultGraph {
			q.Graph = nil
		}
		out = append(out, q.String())
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func sameQuads(t testing.TB, what string, got []string, want []rdf.Quad) {
	t.Helper()
	w := strs(want)
	if !slices.Equal(got, w) {
		t.Fatalf("%s:\ngot  %d quads:\n  %s\nwant %d quads:\n  %s", what, len(got), strings.Join(got, "\n  "), len(w), strings.Join(w, "\n  "))
	}
}

func testAddDuplicates(t *testing.T, s Store) {
	q1 := quad(iri("a"), iri("p"), iri("b"), nil)
	q2 := quad(iri("a"), iri("p"), rdf.NewLiteral("x"), nil)
	if n := mustAdd(t, s, q1, q2, q1); n != 2 {
		t.Fatalf("Add of 2 distinct quads (one twice) = %d, want 2", n)
	}
	if n := mustAdd(t, s, q1); n != 0 {
		t.Fatalf("Add of an existing quad = %d, want 0", n)
	}
	q3 := q1
	q3.Graph = DefaultGraph
	if n := mustAdd(t, s, q3); n != 0 {
		t.Fatalf("Add with Graph = DefaultGraph of an existing default-graph quad = %d, want 0", n)
	}
	sameQuads(t, "all", match(t, s, nil, nil, nil, nil), []rdf.Quad{q1, q2})
}

// dataset is a small dataset spread over the default graph and two named graphs.
func dataset() []rdf.Quad {
	var qs []rdf.Quad
	graphs := []rdf.Term{nil, iri("g1"), iri("g2")}
	for i := 0; i < 4; i++ {
		for j := 0; j < 3; j++ {
			for k := 0; k < 3; k++ {
				if (i+j+k)%2 == 1 {
					continue
				}
				g := graphs[(i+k)%3]
				var o rdf.Term = iri(fmt.Sprintf("o%d", k))
				if k == 2 {
					o = rdf.NewLiteral(fmt.Sprintf("lit %d", i))
				}
				qs = append(qs, quad(iri(fmt.Sprintf("s%d", i)), iri(fmt.Sprintf("p%d", j)), o, g))
			}
		}
	}
	qs = append(qs, quad(iri("s0"), iri("p0"), iri("o0"), iri("g1")), quad(iri("s0"), iri("p0"), iri("o0"), iri("g2")))
	return qs
}

func filter(qs []rdf.Quad, a, b, c, g rdf.Term) []rdf.Quad {
	var out []rdf.Quad
	for _, q := range qs {
		qg := q.Graph
		if qg == nil {
			qg = DefaultGraph
		}
		if (a == nil || q.Subject == a) && (b == nil || q.Predicate == b) && (c == nil || q.Object == c) && (g == nil || qg == g) {
			out = append(out, q)
		}
	}
	return out
}

func testMatchEveryPattern(t *testing.T, s Store) {
	data := dataset()
	mustAdd(t, s, data...)
	// Every subset of bound positions, each bound to values drawn from the data, plus
	// values that match nothing.
	values := [4][]rdf.Term{
		{iri("s0"), iri("s1"), iri("s3"), iri("nope")},
		{iri("p0"), iri("p2")},
		{iri("o0"), iri("o1"), rdf.NewLiteral("lit 2"), rdf.NewLiteral("lit 1")},
		{DefaultGraph, iri("g1"), iri("g2")},
	}
	for mask := 0; mask < 16; mask++ {
		var pick func(pos int, pat [4]rdf.Term)
		pick = func(pos int, pat [4]rdf.Term) {
			if pos == 4 {
				got := match(t, s, pat[0], pat[1], pat[2], pat[3])
				sameQuads(t, fmt.Sprintf("Match%v", pat), got, filter(data, pat[0], pat[1], pat[2], pat[3]))
				return
			}
			if mask&(1<<pos) == 0 {
				pick(pos+1, pat)
				return
			}
			for _, v := range values[pos] {
				pat[pos] = v
				pick(pos+1, pat)
			}
		}
		pick(0, [4]rdf.Term{})
	}
}

func testDefaultVsNamed(t *testing.T, s Store) {
	d := quad(iri("s"), iri("p"), iri("o"), nil)
	n := quad(iri("s"), iri("p"), iri("o"), iri("g"))
	b := quad(iri("s"), iri("p"), iri("o"), rdf.BlankNode("bg"))
	if got := mustAdd(t, s, d, n, b); got != 3 {
		t.Fatalf("the same triple in three graphs: Add = %d, want 3", got)
	}
	sameQuads(t, "any graph", match(t, s, nil, nil, nil, nil), []rdf.Quad{d, n, b})
	sameQuads(t, "default graph", match(t, s, nil, nil, nil, DefaultGraph), []rdf.Quad{d})
	sameQuads(t, "graph g", match(t, s, iri("s"), nil, nil, iri("g")), []rdf.Quad{n})
	sameQuads(t, "blank graph", match(t, s, nil, nil, nil, rdf.BlankNode("bg")), []rdf.Quad{b})
	if got := mustRemove(t, s, n); got != 1 {
		t.Fatalf("Remove from g = %d", got)
	}
	sameQuads(t, "after removing from g", match(t, s, nil, nil, nil, nil), []rdf.Quad{d, b})
}

func literalTerms() []rdf.Term {
	long := strings.Repeat("lang lange tekst ", 1000)
	return []rdf.Term{
		rdf.NewLiteral(""),
		rdf.NewLiteral("a"),
		rdf.NewLiteral("1234567"),
		rdf.NewLiteral("12345678"),
		rdf.NewLiteral("with\x00nul"),
		rdf.NewLiteral("line\nbreak \"quoted\" \\ back"),
		rdf.NewLiteral("ünïcødé ✓ 日本語 𝄞"),
		rdf.NewLiteral(long),
		rdf.NewLangLiteral("chat", "fr"),
		rdf.NewLangLiteral("chat", "en"),
		rdf.NewLangLiteral("chat", "en-GB"),
		rdf.NewLangLiteral(long, "nl"),
		rdf.NewTypedLiteral("42", rdf.XSDInteger),
		rdf.NewTypedLiteral("-42", rdf.XSDInteger),
		rdf.NewTypedLiteral("0", rdf.XSDInteger),
		rdf.NewTypedLiteral("123456789012345678901234567890", rdf.XSDInteger),
		rdf.NewTypedLiteral("-72057594037927936", rdf.XSDInteger),
		rdf.NewTypedLiteral("72057594037927935", rdf.XSDInteger),
		rdf.NewTypedLiteral("72057594037927936", rdf.XSDInteger),
		rdf.NewTypedLiteral("-9223372036854775808", rdf.XSDInteger),
		rdf.NewLiteral("123456"),
		rdf.NewTypedLiteral("true", rdf.XSDBoolean),
		rdf.NewTypedLiteral("false", rdf.XSDBoolean),
		rdf.NewTypedLiteral("2024-02-29", rdf.XSDDate),
		rdf.NewTypedLiteral("2024-02-29Z", rdf.XSDDate),
		rdf.NewTypedLiteral("2024-02-29T10:00:00Z", rdf.XSDDateTime),
		rdf.NewTypedLiteral("3.14", rdf.XSDDecimal),
		rdf.NewTypedLiteral("1.0E3", rdf.XSDDouble),
		rdf.NewTypedLiteral("<b>x</b>", rdf.RDFXMLLiteral),
		rdf.NewTypedLiteral("x", rdf.IRI("http://example.org/dt#custom")),
		rdf.NewTypedLiteral(long, rdf.IRI("http://example.org/dt#custom")),
	}
}

func testLiterals(t *testing.T, s Store) {
	lits := literalTerms()
	var qs []rdf.Quad
	for i, l := range lits {
		qs = append(qs, quad(iri(fmt.Sprintf("s%d", i)), iri("p"), l, nil))
	}
	if n := mustAdd(t, s, qs...); n != len(qs) {
		t.Fatalf("Add = %d, want %d", n, len(qs))
	}
	sameQuads(t, "all", match(t, s, nil, nil, nil, nil), qs)
	for i, l := range lits {
		got := match(t, s, nil, nil, l, nil)
		sameQuads(t, fmt.Sprintf("object %d", i), got, qs[i:i+1])
	}
	// The terms must come back exactly, not just print the same.
	err := s.Match(iri("s7"), nil, nil, nil, func(q rdf.Quad) bool {
		if q.Object != lits[7] {
			t.Errorf("long literal came back as %.40q", q.Object)
		}
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
}

func testNonCanonical(t *testing.T, s Store) {
	pairs := [][2]rdf.Term{
		{rdf.NewTypedLiteral("1", rdf.XSDInteger), rdf.NewTypedLiteral("01", rdf.XSDInteger)},
		{rdf.NewTypedLiteral("1", rdf.XSDInteger), rdf.NewTypedLiteral("+1", rdf.XSDInteger)},
		{rdf.NewTypedLiteral("0", rdf.XSDInteger), rdf.NewTypedLiteral("-0", rdf.XSDInteger)},
		{rdf.NewTypedLiteral("true", rdf.XSDBoolean), rdf.NewTypedLiteral("1", rdf.XSDBoolean)},
		{rdf.NewTypedLiteral("2024-01-05", rdf.XSDDate), rdf.NewTypedLiteral("2024-1-5", rdf.XSDDate)},
		{rdf.NewLiteral("1"), rdf.NewTypedLiteral("1", rdf.XSDInteger)},
		{rdf.NewLiteral("x"), rdf.NewLangLiteral("x", "en")},
		{rdf.NewTypedLiteral("1.0", rdf.XSDDecimal), rdf.NewTypedLiteral("1.00", rdf.XSDDecimal)},
	}
	for i, p := range pairs {
		a := quad(iri("s"), iri(fmt.Sprintf("p%d", i)), p[0], nil)
		b := quad(iri("s"), iri(fmt.Sprintf("p%d", i)), p[1], nil)
		if n := mustAdd(t, s, a, b); n != 2 {
			t.Fatalf("%v and %v: Add = %d, want 2 (different terms)", p[0], p[1], n)
		}
		pred := iri(fmt.Sprintf("p%d", i))
		sameQuads(t, fmt.Sprint(p[1]), match(t, s, nil, pred, p[1], nil), []rdf.Quad{b})
		sameQuads(t, fmt.Sprint(p[0]), match(t, s, nil, pred, p[0], nil), []rdf.Quad{a})
	}
}

func testBlankNodes(t *testing.T, s Store) {
	qs := []rdf.Quad{
		quad(rdf.BlankNode("ba"), iri("p"), rdf.BlankNode("bb"), nil),
		quad(rdf.BlankNode("bb"), iri("p"), rdf.BlankNode("ba"), nil),
		quad(rdf.BlankNode("g1"), iri("p"), iri("o"), nil),
		quad(rdf.BlankNode("l7"), iri("p"), rdf.BlankNode("l07"), nil),
		quad(iri("s"), iri("p"), rdf.BlankNode("ba"), rdf.BlankNode("bg")),
	}
	if n := mustAdd(t, s, qs...); n != len(qs) {
		t.Fatalf("Add = %d", n)
	}
	sameQuads(t, "all", match(t, s, nil, nil, nil, nil), qs)
	sameQuads(t, "subject _:ba", match(t, s, rdf.BlankNode("ba"), nil, nil, nil), qs[:1])
	sameQuads(t, "object _:ba", match(t, s, nil, nil, rdf.BlankNode("ba"), nil), []rdf.Quad{qs[1], qs[4]})
	sameQuads(t, "subject _:l7", match(t, s, rdf.BlankNode("l7"), nil, nil, nil), qs[3:4])
}

func testRemove(t *testing.T, s Store) {
	data := dataset()
	mustAdd(t, s, data...)
	missing := quad(iri("s0"), iri("p0"), iri("nothere"), nil)
	if n := mustRemove(t, s, missing); n != 0 {
		t.Fatalf("Remove of a missing quad = %d", n)
	}
	if n := mustRemove(t, s, quad(iri("never-seen"), iri("p0"), iri("o0"), nil)); n != 0 {
		t.Fatalf("Remove of a quad with an unknown term = %d", n)
	}
	var gone, kept []rdf.Quad
	for i, q := range data {
		if i%3 == 0 {
			gone = append(gone, q)
		} else {
			kept = append(kept, q)
		}
	}
	if n := mustRemove(t, s, gone...); n != len(strs(gone)) {
		t.Fatalf("Remove = %d, want %d", n, len(gone))
	}
	check(t, s)
	sameQuads(t, "after Remove", match(t, s, nil, nil, nil, nil), kept)
	if n := mustRemove(t, s, gone...); n != 0 {
		t.Fatalf("second Remove = %d", n)
	}
	if n := mustRemove(t, s, kept...); n != len(strs(kept)) {
		t.Fatalf("Remove of the rest = %d, want %d", n, len(kept))
	}
	sameQuads(t, "empty", match(t, s, nil, nil, nil, nil), nil)
	check(t, s)
	if n := mustAdd(t, s, data...); n != len(strs(data)) {
		t.Fatalf("re-Add = %d", n)
	}
	sameQuads(t, "re-added", match(t, s, nil, nil, nil, nil), data)
}

func testCloseEarly(t *testing.T, s Store) {
	var qs []rdf.Quad
	for i := 0; i < 1000; i++ {
		qs = append(qs, quad(iri(fmt.Sprintf("s%04d", i)), iri("p"), rdf.NewLiteral(fmt.Sprint(i)), nil))
	}
	mustAdd(t, s, qs...)
	for _, g := range []rdf.Term{nil, DefaultGraph} {
		calls := 0
		if err := s.Match(nil, iri("p"), nil, g, func(rdf.Quad) bool { calls++; return calls < 3 }); err != nil {
			t.Fatal(err)
		}
		if calls != 3 {
			t.Fatalf("Match went on after fn returned false: %d calls", calls)
		}
	}
	// The store is still usable afterwards (no transaction left open).
	mustAdd(t, s, quad(iri("x"), iri("p"), iri("y"), nil))
	if got := len(match(t, s, nil, iri("p"), nil, nil)); got != 1001 {
		t.Fatalf("after early stop: %d quads", got)
	}
}

func testUnknownTerm(t *testing.T, s Store) {
	mustAdd(t, s, dataset()...)
	for _, pat := range [][4]rdf.Term{
		{iri("unknown"), nil, nil, nil},
		{nil, iri("unknown"), nil, nil},
		{nil, nil, rdf.NewLangLiteral("unknown", "de"), nil},
		{nil, nil, nil, iri("unknown")},
		{nil, nil, rdf.NewTypedLiteral("99999", rdf.XSDInteger), nil},
	} {
		if got := match(t, s, pat[0], pat[1], pat[2], pat[3]); len(got) != 0 {
			t.Fatalf("Match%v = %v", pat, got)
		}
	}
}

func testRandomMutations(t *testing.T, s Store) {
	r := rand.New(rand.NewPCG(1, 2))
	model := map[string]rdf.Quad{}
	term := func(n int) rdf.Term {
		switch r.IntN(5) {
		case 0:
			return rdf.NewTypedLiteral(fmt.Sprint(r.IntN(n)), rdf.XSDInteger)
		case 1:
			return rdf.NewLiteral(fmt.Sprintf("v%d", r.IntN(n)))
		case 2:
			return rdf.BlankNode(fmt.Sprintf("b%d", r.IntN(n)))
		}
		return iri(fmt.Sprintf("t%d", r.IntN(n)))
	}
	graphs := []rdf.Term{nil, nil, iri("g1"), iri("g2")}
	for round := 0; round < 30; round++ {
		var add, del []rdf.Quad
		for i := 0; i < 150; i++ {
			q := quad(iri(fmt.Sprintf("s%d", r.IntN(40))), iri(fmt.Sprintf("p%d", r.IntN(6))), term(60), graphs[r.IntN(4)])
			if r.IntN(3) == 0 {
				del = append(del, q)
			} else {
				add = append(add, q)
			}
		}
		wantAdd := 0
		for _, q := range add {
			if _, ok := model[q.String()]; !ok {
				wantAdd++
				model[q.String()] = q
			}
		}
		if n := mustAdd(t, s, add...); n != wantAdd {
			t.Fatalf("round %d: Add = %d, want %d", round, n, wantAdd)
		}
		wantDel := 0
		for _, q := range del {
			if _, ok := model[q.String()]; ok {
				wantDel++
				delete(model, q.String())
			}
		}
		if n := mustRemove(t, s, del...); n != wantDel {
			t.Fatalf("round %d: Remove = %d, want %d", round, n, wantDel)
		}
		if round%10 == 9 {
			check(t, s)
		}
	}
	var all []rdf.Quad
	for _, q := range model {
		all = append(all, q)
	}
	sameQuads(t, "final", match(t, s, nil, nil, nil, nil), all)
	for i := 0; i < 20; i++ {
		sub := iri(fmt.Sprintf("s%d", i))
		sameQuads(t, fmt.Sprint("subject ", sub), match(t, s, sub, nil, nil, nil), filter(all, sub, nil, nil, nil))
		p := iri(fmt.Sprintf("p%d", i%6))
		sameQuads(t, fmt.Sprint("predicate in g1 ", p), match(t, s, nil, p, nil, iri("g1")), filter(all, nil, p, nil, iri("g1")))
	}
}
