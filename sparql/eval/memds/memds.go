package memds

import (
	"context"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/eval"
)

// index orders: the quad slot held in each key position.
var perms = [4][4]int{
	{0, 1, 2, 3}, // SPOG
	{1, 2, 0, 3}, // POSG
	{2, 0, 1, 3}, // OSPG
	{3, 0, 1, 2}, // GSPO
}

// Dataset is an in-memory dataset. The zero value is not usable; call New.
type Dataset struct {
	ids    map[rdf.Term]eval.ID
	terms  []rdf.Term // terms[id]; entries 0 and 1 unused
	quads  map[eval.Quad]struct{}
	graphs map[eval.ID]int // named graph -> number of quads (0: created, empty)

	mu    sync.Mutex
	dirty bool
	idx   [4][]eval.Quad // keys permuted by perms[i]
}

var (
	_ eval.Dataset   = (*Dataset)(nil)
	_ eval.Updatable = (*Dataset)(nil)
)

// New returns an empty dataset.
func New() *Dataset {
	return &Dataset{
		ids:    map[rdf.Term]eval.ID{},
		terms:  make([]rdf.Term, 2),
		quads:  map[eval.Quad]struct{}{},
		graphs: map[eval.ID]int{},
	}
}

// Clone returns an independent copy (term IDs are kept).
func (d *Dataset) Clone() *Dataset {
	c := &Dataset{
		ids:    make(map[rdf.Term]eval.ID, len(d.ids)),
		terms:  slices.Clone(d.terms),
		quads:  make(map[eval.Quad]struct{}, len(d.quads)),
		graphs: make(map[eval.ID]int, len(d.graphs)),
		dirty:  true,
	}
	for k, v := range d.ids {
		c.ids[k] = v
	}
	for q := range d.quads {
		c.quads[q] = struct{}{}
	}
	for g, n := range d.graphs {
		c.graphs[g] = n
	}
	return c
}

// Len returns the number of quads.
func (d *Dataset) Len() int { return len(d.quads) }

// norm lower-cases language tags for the dictionary key: tags are case-insensitive (RDF 1.1
// Concepts 3.3), so "a"@EN and "a"@en are one term here, spelt as first added.
func norm(t rdf.Term) rdf.Term {
	if l, ok := t.(rdf.Literal); ok && l.Lang != "" {
		l.Lang = strings.ToLower(l.Lang)
		return l
	}
	return t
}

func (d *Dataset) intern(t rdf.Term) eval.ID {
	k := norm(t)
	if id, ok := d.ids[k]; ok {
		return id
	}
	id := eval.ID(len(d.terms))
	d.terms = append(d.terms, t)
	d.ids[k] = id
	return id
}

func (d *Dataset) graphID(g rdf.Term) eval.ID {
	if g == nil {
		return eval.DefaultGraph
	}
	return d.intern(g)
}

// Add adds q (Graph nil: the default graph).
func (d *Dataset) Add(q rdf.Quad) error {
	k := eval.Quad{d.intern(q.Subject), d.intern(q.Predicate), d.intern(q.Object), d.graphID(q.Graph)}
	if _, ok := d.quads[k]; ok {
		return nil
	}
	d.quads[k] = struct{}{}
	if k[3] != eval.DefaultGraph {
		d.graphs[k[3]]++
	}
	d.dirty = true
	return nil
}

// Has reports whether q is in the dataset (Graph nil: the default graph).
func (d *Dataset) Has(q rdf.Quad) bool {
	k, ok := d.key(q)
	if !ok {
		return false
	}
	_, ok = d.quads[k]
	return ok
}

// key returns the IDs of q's terms (Graph nil: the default graph), and false when one of
// them has none (so q is not in the dataset).
func (d *Dataset) key(q rdf.Quad) (k eval.Quad, ok bool) {
	k[3] = eval.DefaultGraph
	for i, t := range [4]rdf.Term{q.Subject, q.Predicate, q.Object, q.Graph} {
		if i == 3 && t == nil {
			break
		}
		if k[i], ok = d.ids[norm(t)]; !ok {
			return k, false
		}
	}
	return k, true
}

// Remove removes q when present.
func (d *Dataset) Remove(q rdf.Quad) error {
	k, ok := d.key(q)
	if !ok {
		return nil
	}
	if _, ok := d.quads[k]; !ok {
		return nil
	}
	delete(d.quads, k)
	if k[3] != eval.DefaultGraph {
		d.graphs[k[3]]--
		if d.graphs[k[3]] == 0 {
			// A graph emptied by removals stops existing, as in a quad store; only
			// CreateGraph keeps an empty graph.
			delete(d.graphs, k[3])
		}
	}
	d.dirty = true
	return nil
}

// CreateGraph records the empty named graph g.
func (d *Dataset) CreateGraph(g rdf.IRI) error {
	id := d.intern(g)
	if _, ok := d.graphs[id]; !ok {
		d.graphs[id] = 0
	}
	return nil
}

// DropGraph removes the named graph g and its quads.
func (d *Dataset) DropGraph(g rdf.IRI) error {
	id, ok := d.ids[g]
	if !ok {
		return nil
	}
	for q := range d.quads {
		if q[3] == id {
			delete(d.quads, q)
			d.dirty = true
		}
	}
	delete(d.graphs, id)
	return nil
}

// Load adds every quad r yields, into graph (nil: as read, the default graph for triples).
// Blank node labels are kept as read: load two documents with the same labels through
// different readers only if they may share nodes.
func (d *Dataset) Load(r rdf.Reader, graph rdf.Term) error {
	for {
		q, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if graph != nil {
			q.Graph = graph
		}
		if err := d.Add(q); err != nil {
			return err
		}
	}
}

// Quads returns every quad, in no particular order.
func (d *Dataset) Quads() []rdf.Quad {
	out := make([]rdf.Quad, 0, len(d.quads))
	for q := range d.quads {
		rq := rdf.Quad{Subject: d.terms[q[0]], Predicate: d.terms[q[1]], Object: d.terms[q[2]]}
		if q[3] != eval.DefaultGraph {
			rq.Graph = d.terms[q[3]]
		}
		out = append(out, rq)
	}
	return out
}

// LookupID implements eval.Dataset.
func (d *Dataset) LookupID(t rdf.Term) (eval.ID, bool, error) {
	id, ok := d.ids[norm(t)]
	return id, ok, nil
}

// Term implements eval.Dataset.
func (d *Dataset) Term(id eval.ID) (rdf.Term, error) {
	if id < 2 || int(id) >= len(d.terms) {
		return nil, errUnknownID(id)
	}
	return d.terms[id], nil
}

// NamedGraphs implements eval.Dataset: the graphs that hold a quad or were created.
func (d *Dataset) NamedGraphs() ([]eval.ID, error) {
	gs := make([]eval.ID, 0, len(d.graphs))
	for g := range d.graphs {
		gs = append(gs, g)
	}
	slices.Sort(gs)
	return gs, nil
}

func (d *Dataset) indexes() *[4][]eval.Quad {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.dirty || d.idx[0] == nil && len(d.quads) > 0 {
		for i, p := range perms {
			ix := make([]eval.Quad, 0, len(d.quads))
			for q := range d.quads {
				ix = append(ix, eval.Quad{q[p[0]], q[p[1]], q[p[2]], q[p[3]]})
			}
			slices.SortFunc(ix, cmpQuad)
			d.idx[i] = ix
		}
		d.dirty = false
	}
	return &d.idx
}

func cmpQuad(a, b eval.Quad) int {
	for i := range a {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// choose picks the index whose key starts with the most bound slots of p, and returns it
// with the length of that bound prefix.
func choose(p eval.Pattern) (ix, l int) {
	best, bl := 0, -1
	for i, perm := range perms {
		n := 0
		for n < 4 && p[perm[n]] != 0 {
			n++
		}
		if n > bl {
			best, bl = i, n
		}
	}
	return best, bl
}

// span returns the part of index ix whose first l key slots equal those of p.
func (d *Dataset) span(p eval.Pattern) ([]eval.Quad, int) {
	ixs := d.indexes()
	ix, l := choose(p)
	keys := ixs[ix]
	perm := perms[ix]
	var pre eval.Quad
	for i := 0; i < l; i++ {
		pre[i] = p[perm[i]]
	}
	cmpPre := func(k eval.Quad, _ eval.Quad) int {
		for i := 0; i < l; i++ {
			if k[i] != pre[i] {
				if k[i] < pre[i] {
					return -1
				}
				return 1
			}
		}
		return 0
	}
	lo, _ := slices.BinarySearchFunc(keys, pre, cmpPre)
	hi := lo
	// Gallop then bisect to the end of the range: ranges are often tiny.
	step := 1
	for hi+step <= len(keys) && cmpPre(keys[hi+step-1], pre) == 0 {
		hi += step
		step *= 2
	}
	n, _ := slices.BinarySearchFunc(keys[hi:min(hi+step, len(keys))], pre, func(k, x eval.Quad) int {
		if cmpPre(k, x) == 0 {
			return -1
		}
		return 1
	})
	hi += n
	return keys[lo:hi], ix
}

// Match implements eval.Dataset.
func (d *Dataset) Match(_ context.Context, p eval.Pattern) eval.QuadIter {
	keys, ix := d.span(p)
	return &iter{keys: keys, perm: &perms[ix], p: p}
}

// Estimate implements eval.Dataset: the size of the index range of the longest bound prefix
// (exact when the bound slots form a prefix of one index, an upper bound otherwise).
func (d *Dataset) Estimate(p eval.Pattern) (uint64, error) {
	keys, _ := d.span(p)
	return uint64(len(keys)), nil
}

type iter struct {
	keys []eval.Quad
	perm *[4]int
	p    eval.Pattern
	pos  int
	q    eval.Quad
}

func (it *iter) Next() bool {
	for it.pos < len(it.keys) {
		k := &it.keys[it.pos]
		it.pos++
		var q eval.Quad
		for i, s := range it.perm {
			q[s] = k[i]
		}
		if (it.p[0] == 0 || it.p[0] == q[0]) && (it.p[1] == 0 || it.p[1] == q[1]) &&
			(it.p[2] == 0 || it.p[2] == q[2]) && (it.p[3] == 0 || it.p[3] == q[3]) {
			it.q = q
			return true
		}
	}
	return false
}

func (it *iter) Quad() eval.Quad { return it.q }
func (it *iter) Err() error      { return nil }
func (it *iter) Close() error    { it.pos = len(it.keys); return nil }
