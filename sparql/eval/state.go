package eval

import (
	"context"
	"encoding/binary"
	"fmt"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/sparql/algebra"
)

// query is the state of one query evaluation: the dataset, the variable table, the overlay
// of computed terms, the memory account and the cancellation check.
type query struct {
	ctx  context.Context
	ds   Dataset
	opts Options

	vars  map[algebra.Var]int
	names []algebra.Var

	ticks  int
	budget int64
	mem    int64

	overlay      map[rdf.Term]ID
	overlayTerms []rdf.Term
	cache        map[ID]rdf.Term

	slab []ID

	levelHashes map[hashKey]*levelHash // hashed BGP levels kept for the whole query (bgphash.go)
	hashMem     int64
	lookupC     uint64 // the dataset's lookup cost (bgphash.go)

	sinks    map[*algebra.Filter]algebra.Op // filters evaluated as another operator (sink.go)
	compiled map[algebra.Op]any
	seedOK   map[seedKey]bool

	extended  map[int]bool // slots bound by Extend
	bnodeKeys map[string]rdf.BlankNode

	named    []ID   // the named graphs of the query's dataset
	defaults graphs // the default graph of the query's dataset

	now      time.Time
	base     *rdf.Base
	bnodePre string
	bnodeSeq int
}

// graphs is an active graph: the set-union of the listed graphs, or with all set the union
// of every graph of the dataset.
type graphs struct {
	all bool
	ids []ID
}

var querySeq atomic.Uint64

func newQuery(ctx context.Context, ds Dataset, opts Options) *query {
	q := &query{
		ctx:       ctx,
		ds:        ds,
		opts:      opts,
		vars:      map[algebra.Var]int{},
		budget:    opts.budget(),
		overlay:   map[rdf.Term]ID{},
		cache:     map[ID]rdf.Term{},
		compiled:  map[algebra.Op]any{},
		seedOK:    map[seedKey]bool{},
		extended:  map[int]bool{},
		bnodeKeys: map[string]rdf.BlankNode{},
		now:       opts.Now,
		bnodePre:  "e" + strconv.FormatUint(uint64(time.Now().UnixNano())%1e9, 36) + strconv.FormatUint(querySeq.Add(1), 36) + "x",
	}
	if q.now.IsZero() {
		q.now = time.Now()
	}
	if opts.Base != "" {
		q.base = rdf.NewBase(opts.Base)
	}
	return q
}

// slot returns the slot of v, adding it to the table.
func (q *query) slot(v algebra.Var) int {
	if i, ok := q.vars[v]; ok {
		return i
	}
	i := len(q.names)
	q.vars[v] = i
	q.names = append(q.names, v)
	return i
}

// newRow returns a zeroed Binding, carved from a slab to spare the allocator.
func (q *query) newRow() Binding {
	n := len(q.names)
	if n == 0 {
		return Binding{}
	}
	if len(q.slab) < n {
		q.slab = make([]ID, n*256)
	}
	r := q.slab[:n:n]
	q.slab = q.slab[n:]
	return r
}

func (q *query) copyRow(b Binding) Binding {
	r := q.newRow()
	copy(r, b)
	return r
}

func (q *query) rowSize() int64 { return int64(len(q.names))*8 + 32 }

// tick is called once per unit of work; every 1024 calls it checks the context, so a
// cancelled or timed-out query stops promptly even inside a cross product.
func (q *query) tick() error {
	q.ticks++
	if q.ticks&1023 == 0 {
		return q.ctx.Err()
	}
	return nil
}

// grow counts n bytes against the memory budget.
func (q *query) grow(n int64) error {
	q.mem += n
	if q.mem > q.budget {
		return fmt.Errorf("%w (%d bytes)", ErrMemoryBudget, q.budget)
	}
	return nil
}

// release gives back n bytes when a materialising operator is done.
func (q *query) release(n int64) { q.mem -= n }

// term decodes an ID (0 gives nil).
func (q *query) term(id ID) (rdf.Term, error) {
	if id == 0 {
		return nil, nil
	}
	if id&overlayBit != 0 {
		return q.overlayTerms[id&^overlayBit], nil
	}
	if t, ok := q.cache[id]; ok {
		return t, nil
	}
	t, err := q.ds.Term(id)
	if err != nil {
		return nil, err
	}
	if len(q.cache) > 1<<16 {
		clear(q.cache)
	}
	q.cache[id] = t
	return t, nil
}

// id returns the ID of t: the dataset's when it has one, otherwise a transient overlay ID
// (so one term has one ID throughout the query, and joins may compare IDs).
func (q *query) id(t rdf.Term) (ID, error) {
	if t == nil {
		return 0, nil
	}
	if id, ok := q.overlay[t]; ok {
		return id, nil
	}
	id, ok, err := q.ds.LookupID(t)
	if err != nil {
		return 0, err
	}
	if ok {
		return id, nil
	}
	id = overlayBit | ID(len(q.overlayTerms))
	q.overlayTerms = append(q.overlayTerms, t)
	q.overlay[t] = id
	return id, nil
}

// freshBNode returns a blank node label no other query or document uses.
func (q *query) freshBNode() rdf.BlankNode {
	q.bnodeSeq++
	return rdf.BlankNode(q.bnodePre + strconv.Itoa(q.bnodeSeq))
}

// key encodes the slots idx of b (all slots when idx is nil) as a map key.
func key(b Binding, idx []int) string {
	var buf []byte
	if idx == nil {
		buf = make([]byte, 0, len(b)*8)
		for _, x := range b {
			buf = binary.LittleEndian.AppendUint64(buf, uint64(x))
		}
	} else {
		buf = make([]byte, 0, len(idx)*8)
		for _, i := range idx {
			buf = binary.LittleEndian.AppendUint64(buf, uint64(b[i]))
		}
	}
	return string(buf)
}
