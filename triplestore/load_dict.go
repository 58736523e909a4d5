package triplestore

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"os"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// memDict is the dictionary of a load into an empty store. Terms get sequence numbers as
// they first appear; their encs (see termenc.go) are appended to a spill file in that order,
// from which the id->term bucket is later written sequentially. In memory it keeps only
// what lookups need:
//
//   - short encs (at most maxDirectKey bytes, most IRIs after the namespace split) as map
//     keys;
//   - for longer encs the 16-byte SHA-256 prefix (the same key the t2i bucket uses) with the
//     ID and the enc's offset in the spill file, so that a hash hit is verified against
//     the stored enc (a collision fails the load with ErrHashCollision instead of merging two
//     terms).
type memDict struct {
	short  *shortTable
	long   map[[16]byte]longTerm
	nsIDs  map[string]uint64
	dts    map[rdf.IRI]TermID // datatype IRIs already in the dictionary
	labels map[string]TermID  // blank nodes named outside any document (LoadSource.Graph)
	n      uint64             // terms so far

	blankSeq uint64
	blanks   map[string]TermID // the current document's blank node scope

	// Caches in front of the encoding: N-Triples repeats the subject line after line and
	// uses few predicates.
	lastSubj   rdf.IRI
	lastSubjID TermID
	preds      map[rdf.Term]TermID

	spill   *os.File
	pending []byte // records not yet written; they start at file offset fileOff
	fileOff int64
	off     int64 // bytes of records so far (written or pending)
	enc     []byte
	scratch []byte
	err     error
}

type longTerm struct {
	id  TermID
	off int64
}

func newMemDict(dir string, blankSeq uint64) (*memDict, error) {
	f, err := os.CreateTemp(dir, "uwp-dict-*")
	if err != nil {
		return nil, err
	}
	return &memDict{
		short:    newShortTable(),
		long:     make(map[[16]byte]longTerm, 1<<12),
		nsIDs:    map[string]uint64{},
		dts:      map[rdf.IRI]TermID{},
		labels:   map[string]TermID{},
		blankSeq: blankSeq,
		blanks:   map[string]TermID{},
		preds:    map[rdf.Term]TermID{},
		spill:    f,
		pending:  make([]byte, 0, 1<<20),
	}, nil
}

func (d *memDict) close() {
	if d.spill != nil {
		d.spill.Close()
		os.Remove(d.spill.Name())
		d.spill = nil
	}
}

// lookupOrAdd returns the ID of the term whose enc is d.enc, adding it when new.
func (d *memDict) lookupOrAdd(tag int) TermID {
	enc := d.enc
	if len(enc) <= maxDirectKey {
		if id, ok := d.short.get(enc); ok {
			return id
		}
		id := d.add(tag, enc)
		d.short.put(enc, id)
		return id
	}
	h := sha256.Sum256(enc)
	var key [16]byte
	copy(key[:], h[:16])
	if lt, ok := d.long[key]; ok {
		if !d.verify(lt.off, enc) {
			d.fail(ErrHashCollision)
		}
		return lt.id
	}
	off := d.off
	id := d.add(tag, enc)
	d.long[key] = longTerm{id, off}
	return id
}

func (d *memDict) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// add appends a record (uvarint(len) enc) to the spill file.
func (d *memDict) add(tag int, enc []byte) TermID {
	d.n++
	before := len(d.pending)
	d.pending = binary.AppendUvarint(d.pending, uint64(len(enc)))
	d.pending = append(d.pending, enc...)
	d.off += int64(len(d.pending) - before)
	if len(d.pending) >= 1<<20 {
		d.writePending()
	}
	return mkID(tag, d.n)
}

func (d *memDict) writePending() {
	if _, err := d.spill.Write(d.pending); err != nil {
		d.fail(err)
	}
	d.fileOff += int64(len(d.pending))
	d.pending = d.pending[:0]
}

// verify compares the spilled record at off with enc.
func (d *memDict) verify(off int64, enc []byte) bool {
	var hdr [binary.MaxVarintLen64]byte
	n := binary.PutUvarint(hdr[:], uint64(len(enc)))
	need := n + len(enc)
	var buf []byte
	if off >= d.fileOff {
		rel := int(off - d.fileOff)
		if rel+need > len(d.pending) {
			return false
		}
		buf = d.pending[rel : rel+need]
	} else {
		if cap(d.scratch) < need {
			d.scratch = make([]byte, need)
		}
		buf = d.scratch[:need]
		if _, err := d.spill.ReadAt(buf, off); err != nil {
			d.fail(err)
			return false
		}
	}
	return bytes.Equal(buf[:n], hdr[:n]) && bytes.Equal(buf[n:], enc)
}

// id returns the ID of a document term (blank nodes in the document's scope).
func (d *memDict) id(t rdf.Term) TermID {
	switch t := t.(type) {
	case rdf.IRI:
		return d.iri(string(t))
	case rdf.BlankNode:
		if id, ok := d.blanks[string(t)]; ok {
			return id
		}
		id := mkID(tagBlankN, d.blankSeq)
		d.blankSeq++
		d.blanks[string(t)] = id
		return id
	case rdf.Literal:
		if id, ok := inlineLiteral(t.Lexical, t.Datatype, t.Lang); ok {
			return id
		}
		var dt TermID
		if t.Lang == "" && t.Datatype != rdf.XSDString && t.Datatype != "" {
			var ok bool
			if dt, ok = d.dts[t.Datatype]; !ok {
				dt = d.iri(string(t.Datatype))
				d.dts[t.Datatype] = dt
			}
		}
		if len(t.Lang) > 255 {
			d.fail(fmt.Errorf("%w: language tag longer than 255 bytes", ErrBadQuad))
			return 0
		}
		d.enc = appendLiteralEnc(d.enc[:0], t.Lexical, dt, t.Lang)
		return d.lookupOrAdd(tagLiteral)
	default:
		panic(fmt.Sprintf("unreachable: %T", t))
	}
}

func (d *memDict) iri(iri string) TermID {
	name, local := splitIRI(iri)
	ns, ok := d.nsIDs[name]
	if !ok && name != "" { // namespace 0 is the empty one, never stored
		ns = uint64(len(d.nsIDs) + 1)
		d.nsIDs[name] = ns
	}
	d.enc = appendIRIEnc(d.enc[:0], ns, local)
	return d.lookupOrAdd(tagIRI)
}

// storeID returns the ID of a store-scoped term (LoadSource.Graph).
func (d *memDict) storeID(t rdf.Term) TermID {
	b, ok := t.(rdf.BlankNode)
	if !ok {
		return d.id(t)
	}
	if id, ok := inlineID(b); ok {
		if n := id.payload(); n >= d.blankSeq {
			d.blankSeq = n + 1
		}
		return id
	}
	d.enc = append(append(d.enc[:0], encBlank), b...)
	return d.lookupOrAdd(tagBlank)
}

func (d *memDict) quad(q *rdf.Quad, graph rdf.Term) ([4]TermID, error) {
	var out [4]TermID
	if err := validQuad(q); err != nil {
		return out, err
	}
	if s, ok := q.Subject.(rdf.IRI); ok {
		if s != d.lastSubj || d.lastSubjID == 0 {
			d.lastSubj, d.lastSubjID = s, d.iri(string(s))
		}
		out[0] = d.lastSubjID
	} else {
		out[0] = d.id(q.Subject)
	}
	if id, ok := d.preds[q.Predicate]; ok {
		out[1] = id
	} else {
		out[1] = d.id(q.Predicate)
		if len(d.preds) < 1<<12 {
			d.preds[q.Predicate] = out[1]
		}
	}
	out[2] = d.id(q.Object)
	out[3] = DefaultGraph
	switch {
	case q.Graph != nil && q.Graph != DefaultGraphIRI:
		out[3] = d.id(q.Graph)
	case graph != nil && graph != DefaultGraphIRI:
		out[3] = d.storeID(graph)
	}
	return out, d.err
}

// finish flushes the spill file and rewinds it for reading.
func (d *memDict) finish() error {
	d.writePending()
	if d.err != nil {
		return d.err
	}
	_, err := d.spill.Seek(0, io.SeekStart)
	return err
}

// forEach calls fn with every term's ID and enc in ID order (after finish). enc is valid
// only during the call.
func (d *memDict) forEach(fn func(id TermID, enc []byte) error) error {
	r := bufio.NewReaderSize(d.spill, 1<<20)
	var buf []byte
	for seq := uint64(1); seq <= d.n; seq++ {
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return fmt.Errorf("triplestore: dictionary spill file: %w", err)
		}
		if uint64(cap(buf)) < n {
			buf = make([]byte, n)
		}
		buf = buf[:n]
		if _, err := io.ReadFull(r, buf); err != nil {
			return fmt.Errorf("triplestore: dictionary spill file: %w", err)
		}
		if err := fn(mkID(tagOfEnc(buf[0]), seq), buf); err != nil {
			return err
		}
	}
	return nil
}
