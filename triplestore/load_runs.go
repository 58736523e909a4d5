package triplestore

import (
	"bufio"
	"container/heap"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"sync"
)

// Sorted runs of a bulk load. Each full buffer of quads is split by area, permuted into
// every index order of its area, sorted, deduplicated and spilled to one temporary file per
// index (tuples delta-encoded as in blocks, the first relative to the zero tuple). The last
// buffer stays in memory. The merge then streams every index in order.
type runSet struct {
	dir   string
	files [numIndexes][]*os.File
	mem   [numIndexes][]tuple
	bufs  [numIndexes][]tuple // scratch for sorting, reused between runs
}

func (rs *runSet) close() {
	for ix := range rs.files {
		for _, f := range rs.files[ix] {
			f.Close()
			os.Remove(f.Name())
		}
		rs.files[ix] = nil
	}
}

// add sorts the quads of one buffer into runs; spill writes them to files, otherwise they
// are kept in memory (only for the last buffer).
func (rs *runSet) add(qs [][4]TermID, spill bool) error {
	// One goroutine per index: the orders are independent, and this keeps the sorting from
	// becoming the one slow stage of the reading pipeline.
	var wg sync.WaitGroup
	var errs [numIndexes]error
	for ix := range indexDefs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[ix] = rs.addIndex(ix, qs, spill)
		}()
	}
	wg.Wait()
	return errors.Join(errs[:]...)
}

func (rs *runSet) addIndex(ix int, qs [][4]TermID, spill bool) error {
	d := &indexDefs[ix]
	ts := rs.bufs[ix][:0]
	for i := range qs {
		if (qs[i][3] == DefaultGraph) != d.named {
			ts = append(ts, d.toTuple(&qs[i]))
		}
	}
	rs.bufs[ix] = ts
	if len(ts) == 0 {
		return nil
	}
	ts = sortTuples(ts, d.k)
	if !spill {
		rs.mem[ix] = ts
		rs.bufs[ix] = nil
		return nil
	}
	return rs.spill(ix, ts)
}

func (rs *runSet) spill(ix int, ts []tuple) error {
	f, err := os.CreateTemp(rs.dir, "uwp-run-*")
	if err != nil {
		return err
	}
	rs.files[ix] = append(rs.files[ix], f)
	w := bufio.NewWriterSize(f, 1<<20)
	k := indexDefs[ix].k
	var prev tuple
	var buf []byte
	for i := range ts {
		buf = appendTupleDelta(buf[:0], &prev, &ts[i], k)
		if _, err := w.Write(buf); err != nil {
			return err
		}
		prev = ts[i]
	}
	if err := w.Flush(); err != nil {
		return err
	}
	_, err = f.Seek(0, io.SeekStart)
	return err
}

// runIter yields the tuples of one run in order.
type runIter interface {
	next() (tuple, bool, error)
}

type memRun struct {
	ts []tuple
	i  int
}

func (m *memRun) next() (tuple, bool, error) {
	if m.i >= len(m.ts) {
		return tuple{}, false, nil
	}
	m.i++
	return m.ts[m.i-1], true, nil
}

type fileRun struct {
	r    *bufio.Reader
	k    int
	prev tuple
}

func (f *fileRun) next() (tuple, bool, error) {
	h, err := binary.ReadUvarint(f.r)
	if err == io.EOF {
		return tuple{}, false, nil
	}
	if err != nil {
		return tuple{}, false, err
	}
	cur := f.prev
	i := int(h & 3)
	cur[i] += TermID(h >> 2)
	for j := i + 1; j < f.k; j++ {
		v, err := binary.ReadUvarint(f.r)
		if err != nil {
			return tuple{}, false, io.ErrUnexpectedEOF
		}
		cur[j] = TermID(v)
	}
	f.prev = cur
	return cur, true, nil
}

// mergeIter merges runs, dropping duplicates across them.
type mergeIter struct {
	k     int
	heads []mergeHead
	last  tuple
	any   bool
}

type mergeHead struct {
	t  tuple
	it runIter
}

func (m *mergeIter) Len() int           { return len(m.heads) }
func (m *mergeIter) Less(i, j int) bool { return tupleLess(&m.heads[i].t, &m.heads[j].t, m.k) }
func (m *mergeIter) Swap(i, j int)      { m.heads[i], m.heads[j] = m.heads[j], m.heads[i] }
func (m *mergeIter) Push(x any)         { m.heads = append(m.heads, x.(mergeHead)) }
func (m *mergeIter) Pop() any {
	h := m.heads[len(m.heads)-1]
	m.heads = m.heads[:len(m.heads)-1]
	return h
}

func (rs *runSet) merger(ix int) (*mergeIter, error) {
	k := indexDefs[ix].k
	m := &mergeIter{k: k}
	var its []runIter
	for _, f := range rs.files[ix] {
		its = append(its, &fileRun{r: bufio.NewReaderSize(f, 64<<10), k: k}) // small: one per run and index
	}
	if len(rs.mem[ix]) > 0 {
		its = append(its, &memRun{ts: rs.mem[ix]})
	}
	for _, it := range its {
		t, ok, err := it.next()
		if err != nil {
			return nil, err
		}
		if ok {
			m.heads = append(m.heads, mergeHead{t, it})
		}
	}
	heap.Init(m)
	return m, nil
}

// next returns the next distinct tuple.
func (m *mergeIter) next() (tuple, bool, error) {
	for len(m.heads) > 0 {
		h := &m.heads[0]
		t := h.t
		nt, ok, err := h.it.next()
		if err != nil {
			return tuple{}, false, err
		}
		if ok {
			h.t = nt
			heap.Fix(m, 0)
		} else {
			heap.Pop(m)
		}
		if m.any && t == m.last {
			continue
		}
		m.any, m.last = true, t
		return t, true, nil
	}
	return tuple{}, false, nil
}
