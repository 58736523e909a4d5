package triplestore

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// bulkCommitBytes bounds the data written per bbolt transaction while building a new file,
// which bounds the dirty pages held in memory.
const bulkCommitBytes = 48 << 20

// bulkLoad loads into an empty store by building a new file and renaming it over the old.
func (s *Store) bulkLoad(ctx context.Context, batches <-chan chan parsed, srcs []LoadSource, opts LoadOptions) (LoadStats, error) {
	var st LoadStats
	start := time.Now()
	var oldVersion, oldBlank uint64
	{
		tx, err := s.beginLocked(false)
		if err != nil {
			return st, err
		}
		oldVersion, _ = binary.Uvarint(tx.meta.Get(keyDataVersion))
		oldBlank, _ = binary.Uvarint(tx.meta.Get(keyBlankSeq))
		tx.Rollback()
	}
	rs := &runSet{dir: opts.TempDir}
	defer rs.close()
	dict, err := newMemDict(opts.TempDir, oldBlank)
	if err != nil {
		return st, err
	}
	defer dict.close()

	// Encode in this goroutine; sort and spill full buffers in another.
	sortCh := make(chan [][4]TermID, 1)
	freeCh := make(chan [][4]TermID, 2)
	freeCh <- make([][4]TermID, 0, opts.RunQuads)
	freeCh <- make([][4]TermID, 0, opts.RunQuads)
	var sortErr error
	var sortWG sync.WaitGroup
	sortWG.Add(1)
	go func() {
		defer sortWG.Done()
		for qs := range sortCh {
			if sortErr == nil {
				sortErr = rs.add(qs, true)
			}
			freeCh <- qs[:0]
		}
	}()
	buf := <-freeCh
	encodeErr := func() error {
		cur := -1
		for ch := range batches {
			p := <-ch
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := reportSkipped(&st, p, opts); err != nil {
				return err
			}
			if p.src != cur {
				cur = p.src
				clear(dict.blanks)
			}
			g, all := srcs[p.src].Graph, srcs[p.src].AllInGraph
			for i := range p.quads {
				if all {
					p.quads[i].Graph = nil
				}
				if skip, err := badQuad(&st, opts, srcs[p.src].Name, &p.quads[i]); skip || err != nil {
					if err != nil {
						return err
					}
					continue
				}
				q, err := dict.quad(&p.quads[i], g)
				if err != nil {
					return fmt.Errorf("%s: %w", srcs[p.src].Name, err)
				}
				buf = append(buf, q)
				st.Statements++
				if len(buf) == opts.RunQuads {
					sortCh <- buf
					buf = <-freeCh
				}
			}
		}
		return ctx.Err()
	}()
	close(sortCh)
	sortWG.Wait()
	if encodeErr != nil {
		return st, encodeErr
	}
	if sortErr != nil {
		return st, fmt.Errorf("triplestore: spilling sorted runs: %w", sortErr)
	}
	if st.Statements == 0 {
		if opts.Finish == nil {
			return st, nil // nothing to load: leave the (empty) store and its version alone
		}
		tx, err := s.beginLocked(true)
		if err != nil {
			return st, err
		}
		if err := opts.Finish(tx, st); err != nil {
			tx.Rollback()
			return st, err
		}
		return st, tx.Commit()
	}
	if err := rs.add(buf, false); err != nil {
		return st, err
	}
	buf = nil
	if err := dict.finish(); err != nil {
		return st, err
	}

	st.ReadPhase = time.Since(start)
	tmp := s.path + ".load"
	os.Remove(tmp)
	added, err := buildFile(ctx, tmp, rs, dict, oldVersion+1)
	if err != nil {
		os.Remove(tmp)
		return st, err
	}
	st.Added = added
	version := oldVersion + 1
	if opts.Finish != nil {
		if version, err = finishFile(tmp, opts.Finish, st); err != nil {
			os.Remove(tmp)
			return st, err
		}
	}
	st.WritePhase = time.Since(start) - st.ReadPhase
	if err := s.swapFile(tmp, version); err != nil {
		os.Remove(tmp)
		return st, err
	}
	st.SwapPhase = time.Since(start) - st.ReadPhase - st.WritePhase
	return st, nil
}

// finishFile runs LoadOptions.Finish in a transaction on the finished new file at path and
// syncs it; it returns the file's data version.
func finishFile(path string, finish func(*Tx, LoadStats) error, st LoadStats) (uint64, error) {
	fs, err := Open(path, &Options{NoSync: true})
	if err != nil {
		return 0, err
	}
	err = fs.Update(func(tx *Tx) error { return finish(tx, st) })
	dv := fs.DataVersion()
	if cerr := fs.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncFile(path)
	}
	return dv, err
}

// blockPut is one Put for the file builder.
type blockPut struct {
	bucket     []byte
	key, value []byte
	seq        uint64 // when non-zero: set the bucket's sequence (no Put)
}

// buildFile writes a complete store file from the runs and the dictionary and returns the
// number of quads.
func buildFile(ctx context.Context, path string, rs *runSet, dict *memDict, dataVersion uint64) (uint64, error) {
	// A large initial mmap avoids remapping while the file grows: bbolt copies every dirty
	// node's keys and values on each remap.
	db, err := bolt.Open(path, 0o644, &bolt.Options{NoSync: true, NoFreelistSync: true, FreelistType: bolt.FreelistMapType, InitialMmapSize: 1 << 34})
	if err != nil {
		return 0, err
	}
	defer db.Close()
	// Grow the file in small steps (the default 16 MiB leaves up to that much slack at the
	// end) without an fsync per step: the file is synced once when complete.
	db.AllocSize = 1 << 20
	db.NoGrowSync = true
	if err := db.Update(initBuckets); err != nil {
		return 0, err
	}

	puts := make(chan []blockPut, 64)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	errs := make([]error, numIndexes+2)
	stats := make([]*statsDelta, numIndexes)
	send := func(batch []blockPut) bool {
		select {
		case puts <- batch:
			return true
		case <-ctx.Done():
			return false
		}
	}
	wg.Add(2)
	go func() {
		defer wg.Done()
		errs[numIndexes] = writeI2T(dict, send)
	}()
	go func() {
		defer wg.Done()
		errs[numIndexes+1] = writeT2I(dict, send)
	}()
	for ix := range indexDefs {
		stats[ix] = newStatsDelta()
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[ix] = mergeIndex(rs, ix, stats[ix], send)
		}()
	}
	go func() { wg.Wait(); close(puts) }()
	// Flush written pages to disk as we go, so that the final sync has little left to do
	// and the disk works while the CPUs merge.
	syncDone := make(chan struct{})
	syncStopped := make(chan struct{})
	go func() {
		defer close(syncStopped)
		t := time.NewTicker(time.Second)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				db.Sync()
			case <-syncDone:
				return
			}
		}
	}()
	var stopOnce sync.Once
	stopSync := func() { stopOnce.Do(func() { close(syncDone); <-syncStopped }) }
	defer stopSync()

	writeErr := func() error {
		tx, err := db.Begin(true)
		if err != nil {
			return err
		}
		defer func() {
			if tx != nil {
				tx.Rollback()
			}
		}()
		buckets := map[string]*bolt.Bucket{}
		bucket := func(name []byte) *bolt.Bucket {
			b := buckets[string(name)]
			if b == nil {
				b = tx.Bucket(name)
				b.FillPercent = 1.0
				buckets[string(name)] = b
			}
			return b
		}
		written := 0
		for batch := range puts {
			for _, p := range batch {
				b := bucket(p.bucket)
				if p.seq != 0 {
					if err := b.SetSequence(p.seq); err != nil {
						return err
					}
					continue
				}
				if err := b.Put(p.key, p.value); err != nil {
					return err
				}
				written += len(p.key) + len(p.value) + 16
			}
			if written >= bulkCommitBytes {
				if err := tx.Commit(); err != nil {
					tx = nil
					return err
				}
				if tx, err = db.Begin(true); err != nil {
					return err
				}
				clear(buckets)
				written = 0
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		// Statistics and meta.
		total := newStatsDelta()
		for _, d := range stats {
			mergeDelta(total, d)
		}
		total.terms = int64(dict.n)
		if err := total.flush(tx.Bucket(bktStats)); err != nil {
			return err
		}
		meta := tx.Bucket(bktMeta)
		if err := meta.Put(keyDataVersion, binary.AppendUvarint(nil, dataVersion)); err != nil {
			return err
		}
		if err := meta.Put(keyBlankSeq, binary.AppendUvarint(nil, dict.blankSeq)); err != nil {
			return err
		}
		err = tx.Commit()
		tx = nil
		return err
	}()
	if writeErr != nil {
		cancel()
		for range puts {
		}
		return 0, writeErr
	}
	for _, err := range errs {
		if err != nil {
			return 0, err
		}
	}
	stopSync()
	if err := db.Sync(); err != nil {
		return 0, err
	}
	var quads uint64
	for _, d := range stats {
		quads += uint64(d.quads)
	}
	return quads, db.Close()
}

func mergeDelta(dst, src *statsDelta) {
	dst.quads += src.quads
	dst.subjects += src.subjects
	dst.objects += src.objects
	dst.terms += src.terms
	for p, x := range src.preds {
		y := dst.pred(p)
		for i := range x {
			y[i] += x[i]
		}
	}
	for g, n := range src.graphs {
		dst.graphs[g] += n
	}
}

// mergeIndex merges the runs of one index into blocks and counts the statistics that index
// order makes cheap (see addArea for which index counts what).
func mergeIndex(rs *runSet, ix int, st *statsDelta, send func([]blockPut) bool) error {
	d := &indexDefs[ix]
	k := d.k
	m, err := rs.merger(ix)
	if err != nil {
		return err
	}
	name := []byte(d.name)
	var batch []blockPut
	var block []tuple
	var deltas []byte
	var prev tuple
	first := true
	flush := func() bool {
		if len(block) == 0 {
			return true
		}
		key := putKey(make([]byte, 0, 8*k), &block[0], k)
		val := binary.AppendUvarint(make([]byte, 0, len(deltas)+3), uint64(len(block)-1))
		val = append(val, deltas...)
		batch = append(batch, blockPut{bucket: name, key: key, value: val})
		block, deltas = block[:0], deltas[:0]
		if len(batch) >= 64 {
			if !send(batch) {
				return false
			}
			batch = nil
		}
		return true
	}
	for {
		t, ok, err := m.next()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		// Statistics.
		switch ix {
		case ixSPO, ixSPOG:
			st.quads++
			q := d.toQuad(&t)
			st.graphs[q[3]]++
			ps := st.pred(t[1])
			ps[0]++
			if first || t[0] != prev[0] {
				st.subjects++
			}
			if first || t[0] != prev[0] || t[1] != prev[1] {
				ps[1]++
			}
		case ixPOS, ixPOSG:
			if first || t[0] != prev[0] || t[1] != prev[1] {
				st.pred(t[0])[2]++
			}
		case ixOSP, ixOSPG:
			if first || t[0] != prev[0] {
				st.objects++
			}
		}
		// Blocks.
		if len(block) > 0 {
			deltas = appendTupleDelta(deltas, &block[len(block)-1], &t, k)
		}
		block = append(block, t)
		if len(block) > blockBulk || len(deltas) >= blockBytes*2/3 {
			if !flush() {
				return context.Canceled
			}
		}
		prev, first = t, false
	}
	if !flush() {
		return context.Canceled
	}
	if len(batch) > 0 && !send(batch) {
		return context.Canceled
	}
	return nil
}

// writeI2T writes the id->term bucket in blocks (see i2t.go), compressing long literals on
// all cores (batches are compressed in parallel and assembled in order).
func writeI2T(dict *memDict, send func([]blockPut) bool) error {
	const batchSize = 2048
	type job struct {
		first uint64   // sequence number of encs[0]
		encs  [][]byte // stored forms after compression
		done  chan struct{}
	}
	jobs := make(chan *job, 4)
	ordered := make(chan *job, 8)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				for i, enc := range j.encs {
					j.encs[i] = storedEnc(enc)
				}
				close(j.done)
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer func() { close(jobs); close(ordered) }()
		cur := &job{first: 1, done: make(chan struct{})}
		emit := func(next uint64) {
			jobs <- cur
			ordered <- cur
			cur = &job{first: next, done: make(chan struct{})}
		}
		err := dict.forEach(func(id TermID, enc []byte) error {
			cur.encs = append(cur.encs, slices.Clone(enc))
			if len(cur.encs) == batchSize {
				emit(id.payload() + 1)
			}
			return nil
		})
		emit(0)
		readErr <- err
	}()
	var batch []blockPut
	var block []byte
	var blockFirst uint64
	var blockN int
	flush := func() {
		if len(block) > 0 {
			batch = append(batch, blockPut{bucket: bktI2T, key: i2tKey(make([]byte, 0, 8), blockFirst), value: block})
			block = nil
		}
	}
	canceled := false
	for j := range ordered {
		<-j.done
		for i, stored := range j.encs {
			if block == nil || blockN >= i2tBlockMax || len(block) >= i2tBlockBytes {
				flush()
				blockFirst, blockN = j.first+uint64(i), 0
				block = make([]byte, 0, i2tBlockBytes+256)
			}
			block = binary.AppendUvarint(block, uint64(len(stored)))
			block = append(block, stored...)
			blockN++
		}
		if len(batch) >= 64 && !canceled {
			canceled = !send(batch)
			batch = nil
		}
	}
	flush()
	batch = append(batch, blockPut{bucket: bktI2T, seq: dict.n})
	if !canceled {
		canceled = !send(batch)
	}
	wg.Wait()
	if err := <-readErr; err != nil {
		return err
	}
	if canceled {
		return context.Canceled
	}
	return nil
}

// writeT2I writes the term->id, ns and nsid buckets in key order.
func writeT2I(dict *memDict, send func([]blockPut) bool) error {
	var batch []blockPut
	push := func(p blockPut) error {
		batch = append(batch, p)
		if len(batch) >= 1024 {
			if !send(batch) {
				return context.Canceled
			}
			batch = nil
		}
		return nil
	}
	// Short keys come sorted out of the table, hashed keys (0xFF prefix) sort after them.
	var w t2iBlockWriter
	add := func(key []byte, id TermID) error {
		if bk, bv := w.add(key, id); bk != nil {
			return push(blockPut{bucket: bktT2I, key: bk, value: bv})
		}
		return nil
	}
	short := dict.short.sorted()
	for _, x := range short {
		if err := add(dict.short.key(x), x.id); err != nil {
			return err
		}
	}
	short = nil
	type kv struct {
		k  [16]byte
		id TermID
	}
	long := make([]kv, 0, len(dict.long))
	for h, lt := range dict.long {
		long = append(long, kv{h, lt.id})
	}
	dict.long = nil
	slices.SortFunc(long, func(a, b kv) int { return bytes.Compare(a.k[:], b.k[:]) })
	var key []byte
	for _, x := range long {
		key = append(append(key[:0], encHashed), x.k[:]...)
		if err := add(key, x.id); err != nil {
			return err
		}
	}
	long = nil
	if bk, bv := w.finish(); bk != nil {
		if err := push(blockPut{bucket: bktT2I, key: bk, value: bv}); err != nil {
			return err
		}
	}
	type nsv struct{ k, v []byte }
	var nss []nsv
	for name, id := range dict.nsIDs {
		nss = append(nss, nsv{[]byte(name), binary.AppendUvarint(nil, id)})
	}
	slices.SortFunc(nss, func(a, b nsv) int { return bytes.Compare(a.k, b.k) })
	for _, x := range nss {
		batch = append(batch, blockPut{bucket: bktNS, key: x.k, value: x.v})
	}
	slices.SortFunc(nss, func(a, b nsv) int { return bytes.Compare(a.v, b.v) })
	for _, x := range nss {
		batch = append(batch, blockPut{bucket: bktNSID, key: x.v, value: x.k})
	}
	if len(nss) > 0 {
		batch = append(batch, blockPut{bucket: bktNS, seq: uint64(len(nss))})
	}
	if !send(batch) {
		return context.Canceled
	}
	return nil
}

// swapFile replaces the store's file by the finished file at tmp. It does not wait for
// readers: transactions begun before the swap finish on the old file, which is closed after
// the last of them; transactions begun after it see the new file. DataVersion changes after
// the new file is current, so a caller that reads DataVersion before beginning a
// transaction never pairs the new version with the old data.
func (s *Store) swapFile(tmp string, dataVersion uint64) error {
	if err := os.Rename(tmp, s.path); err != nil {
		return err
	}
	dirErr := syncDir(filepath.Dir(s.path))
	db, _, err := s.openDB(s.path)
	if err != nil {
		// The store's path holds the new file, which cannot be opened: close the store
		// rather than go on writing to the old file, which no longer has a name.
		return errors.Join(err, s.retire(nil))
	}
	if err := s.retire(newHandle(db)); err != nil {
		dirErr = errors.Join(dirErr, err)
	}
	s.dataVersion.Store(dataVersion)
	return dirErr
}

// syncDir makes a rename in dir durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
