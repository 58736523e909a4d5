package eval_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/uitwisselingsplatform/uwp/internal/w3c"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/formats"
	"github.com/uitwisselingsplatform/uwp/sparql/eval/memds"
	"github.com/uitwisselingsplatform/uwp/sparql/expr"
	"github.com/uitwisselingsplatform/uwp/sparql/results"
)

var fileSeq int

// readRDF reads an RDF file (format from the extension, base its file: IRI) with its blank
// nodes renamed apart from every other file's.
func readRDF(path string) ([]rdf.Quad, error) {
	f, _, ok := formats.Detect(path)
	if !ok {
		return nil, fmt.Errorf("%s: unknown RDF format", path)
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	r, err := formats.NewReader(f, fh, rdf.ReadOptions{Base: w3c.FileURL(path), File: path})
	if err != nil {
		return nil, err
	}
	fileSeq++
	pre := fmt.Sprintf("f%d_", fileSeq)
	ren := func(t rdf.Term) rdf.Term {
		if b, ok := t.(rdf.BlankNode); ok {
			return rdf.BlankNode(pre + string(b))
		}
		return t
	}
	var out []rdf.Quad
	for {
		q, err := r.Read()
		if err != nil {
			if err.Error() == "EOF" {
				return out, nil
			}
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		q.Subject, q.Object = ren(q.Subject), ren(q.Object)
		if q.Graph != nil {
			q.Graph = ren(q.Graph)
		}
		out = append(out, q)
	}
}

// loadInto reads path into graph g of d (nil: the default graph).
func loadInto(d *memds.Dataset, path string, g rdf.Term) error {
	qs, err := readRDF(path)
	if err != nil {
		return err
	}
	for _, q := range qs {
		q.Graph = g
		if err := d.Add(q); err != nil {
			return err
		}
	}
	return nil
}

// table is a SELECT or ASK result for comparison.
type table struct {
	vars    []string
	rows    [][]rdf.Term
	boolean *bool
}

// readExpected reads an expected SELECT/ASK result: .srx, .srj, .tsv, .csv or an rs:
// result set in Turtle or RDF/XML (ok false: the file is a plain graph).
func readExpected(path string) (t *table, ordered bool, ok bool, err error) {
	ext := strings.ToLower(filepath.Ext(path))
	var f results.Format
	switch ext {
	case ".srx":
		f = results.XML
	case ".srj":
		f = results.JSON
	case ".tsv":
		f = results.TSV
	case ".csv":
		f = results.CSV
	default:
		return readResultSet(path)
	}
	fh, err := os.Open(path)
	if err != nil {
		return nil, false, false, err
	}
	defer fh.Close()
	res, err := results.Read(f, fh)
	if err != nil {
		return nil, false, false, fmt.Errorf("%s: %w", path, err)
	}
	return &table{vars: res.Vars, rows: res.Rows, boolean: res.Boolean}, false, true, nil
}

const rs = "http://www.w3.org/2001/sw/DataAccess/tests/result-set#"

// readResultSet reads an rs:ResultSet graph
// (http://www.w3.org/2001/sw/DataAccess/tests/result-set#).
func readResultSet(path string) (*table, bool, bool, error) {
	qs, err := readRDF(path)
	if err != nil {
		return nil, false, false, err
	}
	props := map[rdf.Term]map[string][]rdf.Term{}
	for _, q := range qs {
		p := props[q.Subject]
		if p == nil {
			p = map[string][]rdf.Term{}
			props[q.Subject] = p
		}
		p[string(q.Predicate.(rdf.IRI))] = append(p[string(q.Predicate.(rdf.IRI))], q.Object)
	}
	var set rdf.Term
	for s, p := range props {
		for _, ty := range p[w3c.RDF+"type"] {
			if ty == rdf.IRI(rs+"ResultSet") {
				set = s
			}
		}
	}
	if set == nil {
		return nil, false, false, nil
	}
	t := &table{}
	p := props[set]
	if bs := p[rs+"boolean"]; len(bs) > 0 {
		b := bs[0].(rdf.Literal).Lexical == "true"
		t.boolean = &b
		return t, false, true, nil
	}
	for _, v := range p[rs+"resultVariable"] {
		t.vars = append(t.vars, v.(rdf.Literal).Lexical)
	}
	sort.Strings(t.vars)
	col := map[string]int{}
	for i, v := range t.vars {
		col[v] = i
	}
	type indexed struct {
		idx int
		row []rdf.Term
	}
	var rows []indexed
	ordered := false
	for _, sol := range p[rs+"solution"] {
		row := make([]rdf.Term, len(t.vars))
		sp := props[sol]
		for _, b := range sp[rs+"binding"] {
			bp := props[b]
			if len(bp[rs+"variable"]) == 0 || len(bp[rs+"value"]) == 0 {
				continue
			}
			name := bp[rs+"variable"][0].(rdf.Literal).Lexical
			i, ok := col[name]
			if !ok {
				return nil, false, false, fmt.Errorf("%s: binding of undeclared variable %s", path, name)
			}
			row[i] = bp[rs+"value"][0]
		}
		idx := 0
		if ix := sp[rs+"index"]; len(ix) > 0 {
			ordered = true
			fmt.Sscan(ix[0].(rdf.Literal).Lexical, &idx)
		}
		rows = append(rows, indexed{idx, row})
	}
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].idx < rows[j].idx })
	for _, r := range rows {
		t.rows = append(t.rows, r.row)
	}
	return t, ordered, true, nil
}

// project reorders t's columns to vars (missing columns are unbound).
func (t *table) project(vars []string) [][]rdf.Term {
	col := map[string]int{}
	for i, v := range t.vars {
		col[v] = i
	}
	out := make([][]rdf.Term, len(t.rows))
	for i, r := range t.rows {
		row := make([]rdf.Term, len(vars))
		for j, v := range vars {
			if c, ok := col[v]; ok {
				row[j] = r[c]
			}
		}
		out[i] = row
	}
	return out
}

// normTerm makes terms comparable as the W3C README says: language tags in lower case.
func normTerm(t rdf.Term) rdf.Term {
	if l, ok := t.(rdf.Literal); ok && l.Lang != "" {
		l.Lang = strings.ToLower(l.Lang)
		return l
	}
	return t
}

// valueRule says which literals that differ as terms a matcher still takes as equal.
type valueRule uint8

const (
	// sameTerm: literals match only as identical terms (the W3C README's rule).
	sameTerm valueRule = iota
	// sameNumber: numeric literals of one datatype with the same value match too
	// (numericSame; used only for the tests listed in w3c-*-value-compared.txt).
	sameNumber
	// sameValue: literals of one datatype equal as values (expr.Equal) match too; used only
	// to annotate failures that differ in lexical forms alone.
	sameValue
)

// matcher compares result rows with one blank node bijection over the whole result.
type matcher struct {
	fwd, back map[rdf.BlankNode]rdf.BlankNode
	values    valueRule
}

func (m *matcher) term(a, b rdf.Term) (ok bool, undo func()) {
	a, b = normTerm(a), normTerm(b)
	ba, aok := a.(rdf.BlankNode)
	bb, bok := b.(rdf.BlankNode)
	if !aok || !bok {
		if la, ok := a.(rdf.Literal); ok && m.values != sameTerm && a != b {
			if lb, ok := b.(rdf.Literal); ok && la.Datatype == lb.Datatype {
				if m.values == sameNumber {
					return numericSame(la, lb), func() {}
				}
				eq, err := expr.Equal(la, lb)
				return err == nil && eq, func() {}
			}
		}
		return a == b, func() {}
	}
	if x, ok := m.fwd[ba]; ok {
		return x == bb, func() {}
	}
	if _, ok := m.back[bb]; ok {
		return false, func() {}
	}
	m.fwd[ba], m.back[bb] = bb, ba
	return true, func() { delete(m.fwd, ba); delete(m.back, bb) }
}

func (m *matcher) row(a, b []rdf.Term) (bool, func()) {
	var undos []func()
	undo := func() {
		for i := len(undos) - 1; i >= 0; i-- {
			undos[i]()
		}
	}
	for i := range a {
		ok, u := m.term(a[i], b[i])
		undos = append(undos, u)
		if !ok {
			undo()
			return false, func() {}
		}
	}
	return true, undo
}

// sameRows reports whether got and want are equal as bags (or, when ordered, as sequences),
// up to one blank node bijection. With lax, got may hold each distinct solution fewer times
// than want, but at least once (mf:LaxCardinality).
func sameRows(got, want [][]rdf.Term, ordered, lax bool) bool {
	return compareRows(got, want, ordered, lax, sameTerm)
}

func compareRows(got, want [][]rdf.Term, ordered, lax bool, values valueRule) bool {
	m := &matcher{fwd: map[rdf.BlankNode]rdf.BlankNode{}, back: map[rdf.BlankNode]rdf.BlankNode{}, values: values}
	if lax {
		return laxRows(m, got, want)
	}
	if len(got) != len(want) {
		return false
	}
	if ordered {
		for i := range got {
			if ok, _ := m.row(got[i], want[i]); !ok {
				return false
			}
		}
		return true
	}
	used := make([]bool, len(want))
	budget := 200000
	var search func(i int) bool
	search = func(i int) bool {
		if i == len(got) {
			return true
		}
		for j := range want {
			if used[j] {
				continue
			}
			budget--
			if budget < 0 {
				return false
			}
			ok, undo := m.row(got[i], want[j])
			if !ok {
				continue
			}
			used[j] = true
			if search(i + 1) {
				return true
			}
			used[j] = false
			undo()
		}
		return false
	}
	return search(0)
}

func laxRows(m *matcher, got, want [][]rdf.Term) bool {
	// Every got row must match some want row; every distinct want row must be matched.
	matched := make([]bool, len(want))
	for _, g := range got {
		found := false
		for j, w := range want {
			if ok, _ := m.row(g, w); ok {
				matched[j] = true
				found = true
			}
		}
		if !found {
			return false
		}
	}
	for j, w := range want {
		if matched[j] {
			continue
		}
		dup := false
		for k, x := range want {
			if k != j && matched[k] {
				if ok, _ := m.row(w, x); ok {
					dup = true
				}
			}
		}
		if !dup {
			return false
		}
	}
	return len(got) <= len(want)
}

func formatRows(vars []string, rows [][]rdf.Term) string {
	var b strings.Builder
	b.WriteString(strings.Join(vars, "\t") + "\n")
	for _, r := range rows {
		for i, t := range r {
			if i > 0 {
				b.WriteByte('\t')
			}
			if t == nil {
				b.WriteString("-")
			} else {
				b.WriteString(t.String())
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}
