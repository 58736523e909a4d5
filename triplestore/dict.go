package triplestore

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// The dictionary maps terms to TermIDs and back:
//
//	i2t  blocks of terms with consecutive sequence numbers (see i2t.go) -> encs (see termenc.go)
//	t2i  blocks of (key, TermID) entries in key order (see t2i.go); the key of a term is its
//	     enc, or 0xFF + the 16-byte SHA-256 prefix of a long enc
//	ns   key = namespace string -> uvarint(namespace id)
//	nsid key = uvarint(namespace id) -> namespace string
//
// Dictionary terms get sequence numbers from the i2t bucket's sequence. Terms are never
// removed from the dictionary (removing a quad leaves its terms), so IDs stay stable.

// LookupID returns the ID of t without creating it. ok is false when the store has never
// seen t. Inline terms always have an ID. The zero Graph of the default graph is not a term:
// use DefaultGraph.
func (tx *Tx) LookupID(t rdf.Term) (TermID, bool, error) {
	if err := tx.check(false); err != nil {
		return 0, false, err
	}
	return tx.termID(t, false)
}

// ID returns the ID of t, adding t to the dictionary when it is new. Write transactions only.
func (tx *Tx) ID(t rdf.Term) (TermID, error) {
	if err := tx.check(true); err != nil {
		return 0, err
	}
	id, _, err := tx.termID(t, true)
	return id, err
}

func (tx *Tx) termID(t rdf.Term, create bool) (TermID, bool, error) {
	if t == nil {
		return 0, false, fmt.Errorf("%w: nil term", ErrBadQuad)
	}
	if id, ok := inlineID(t); ok {
		if create && id.tag() == tagBlankN {
			tx.noteBlank(id)
		}
		return id, true, nil
	}
	enc := tx.encBuf[:0]
	switch t := t.(type) {
	case rdf.IRI:
		nsName, local := splitIRI(string(t))
		ns, ok, err := tx.namespace(nsName, create)
		if !ok || err != nil {
			return 0, false, err
		}
		enc = appendIRIEnc(enc, ns, local)
	case rdf.BlankNode:
		enc = append(append(enc, encBlank), t...)
	case rdf.Literal:
		var dt TermID
		if t.Lang == "" && t.Datatype != rdf.XSDString && t.Datatype != "" {
			var ok bool
			var err error
			dt, ok, err = tx.termID(t.Datatype, create)
			if !ok || err != nil {
				return 0, false, err
			}
		}
		if len(t.Lang) > 255 {
			return 0, false, fmt.Errorf("%w: language tag longer than 255 bytes", ErrBadQuad)
		}
		enc = appendLiteralEnc(enc, t.Lexical, dt, t.Lang)
	default:
		panic(fmt.Sprintf("unreachable: %T", t))
	}
	tx.encBuf = enc
	return tx.encID(enc, tagForTerm(t), create)
}

// encID finds (or with create, adds) the dictionary entry of enc.
func (tx *Tx) encID(enc []byte, tag int, create bool) (TermID, bool, error) {
	key := t2iKey(tx.keyBuf, enc)
	hashed := len(enc) > maxDirectKey
	if hashed {
		tx.keyBuf = key
	}
	id, found, err := tx.t2iGet(key)
	if err != nil {
		return 0, false, err
	}
	if found {
		if hashed {
			stored, err := tx.storedTerm(id)
			if err != nil {
				return 0, false, err
			}
			if stored == nil {
				return 0, false, fmt.Errorf("%w: term->id names missing %v", ErrCorrupt, id)
			}
			plain, err := plainEnc(stored)
			if err != nil {
				return 0, false, err
			}
			if !bytes.Equal(plain, enc) {
				return 0, false, ErrHashCollision
			}
		}
		return id, true, nil
	}
	if !create {
		return 0, false, nil
	}
	seq, err := tx.i2t.NextSequence()
	if err != nil {
		return 0, false, err
	}
	id = mkID(tag, seq)
	// bbolt keeps Put's slices until the transaction ends: hand it copies.
	if err := tx.putTerm(seq, storedEnc(enc)); err != nil {
		return 0, false, err
	}
	// The term->id entry waits for Commit, which writes all of them in key order: bbolt
	// splits nodes only at commit, so many random inserts into one region of the bucket
	// within a transaction would otherwise grow one node without bound (quadratic time).
	if tx.pendT2I == nil {
		tx.pendT2I = map[string]TermID{}
	}
	tx.pendT2I[string(key)] = id
	tx.delta.terms++
	tx.changed = true
	return id, true, nil
}

func (tx *Tx) namespace(name string, create bool) (uint64, bool, error) {
	if name == "" {
		return 0, true, nil // namespace 0 is the empty one, never stored (bbolt keys are non-empty)
	}
	if id, ok := tx.h.nsID(name); ok {
		return id, true, nil
	}
	if id, ok := tx.nsNew[name]; ok {
		return id, true, nil
	}
	if v := tx.ns.Get([]byte(name)); v != nil {
		id, k := binary.Uvarint(v)
		if k <= 0 {
			return 0, false, fmt.Errorf("%w: bad namespace value", ErrCorrupt)
		}
		if !tx.btx.Writable() {
			tx.h.nsRemember(name, id)
		}
		return id, true, nil
	}
	if !create {
		return 0, false, nil
	}
	id, err := tx.ns.NextSequence()
	if err != nil {
		return 0, false, err
	}
	// Written at Commit in key order (see flushT2I).
	if tx.nsNew == nil {
		tx.nsNew = map[string]uint64{}
		tx.nsNewID = map[uint64]string{}
	}
	tx.nsNew[name] = id
	tx.nsNewID[id] = name
	tx.changed = true
	return id, true, nil
}

func (tx *Tx) namespaceName(id uint64) (string, error) {
	if id == 0 {
		return "", nil
	}
	if n, ok := tx.h.nsName(id); ok {
		return n, nil
	}
	if n, ok := tx.nsNewID[id]; ok {
		return n, nil
	}
	v := tx.nsid.Get(binary.AppendUvarint(nil, id))
	if v == nil {
		return "", fmt.Errorf("%w: missing namespace %d", ErrCorrupt, id)
	}
	name := string(v)
	if !tx.btx.Writable() {
		tx.h.nsRemember(name, id)
	}
	return name, nil
}

// Term returns the term of an ID. It fails with ErrUnknownTerm for 0, DefaultGraph and IDs
// the dictionary does not hold.
func (tx *Tx) Term(id TermID) (rdf.Term, error) {
	if err := tx.check(false); err != nil {
		return nil, err
	}
	return tx.term(id)
}

func (tx *Tx) term(id TermID) (rdf.Term, error) {
	if t, ok := inlineTerm(id); ok {
		return t, nil
	}
	if !id.isDict() {
		return nil, fmt.Errorf("%w: %v", ErrUnknownTerm, id)
	}
	tc := tx.termCache()
	if t, ok := tc.cachedTerm(id); ok {
		return t, nil
	}
	enc, err := tx.storedTerm(id)
	if err != nil {
		return nil, err
	}
	if enc == nil {
		return nil, fmt.Errorf("%w: %v", ErrUnknownTerm, id)
	}
	t, err := tx.decodeTerm(id, enc)
	if err == nil {
		tc.keep(id, t)
	}
	return t, err
}

func (tx *Tx) decodeTerm(id TermID, stored []byte) (rdf.Term, error) {
	if len(stored) > 1 && stored[0] == encIRI && id.tag() == tagIRI {
		// The common case without encView's copy of the local part: the concatenation
		// reads the bytes in place.
		if n, k := binary.Uvarint(stored[1:]); k > 0 {
			ns, err := tx.nsNameCached(n)
			if err != nil {
				return nil, err
			}
			return rdf.IRI(ns + string(stored[1+k:])), nil
		}
	}
	enc, err := plainEnc(stored)
	if err != nil {
		return nil, err
	}
	v, ok := decodeEnc(enc)
	if !ok || tagOfEnc(v.kind) != id.tag() {
		return nil, fmt.Errorf("%w: bad dictionary entry for %v", ErrCorrupt, id)
	}
	switch v.kind {
	case encIRI:
		ns, err := tx.nsNameCached(v.ns)
		if err != nil {
			return nil, err
		}
		return rdf.IRI(ns + v.value), nil
	case encBlank:
		return rdf.BlankNode(v.value), nil
	case encSimple:
		return rdf.Literal{Lexical: v.value, Datatype: rdf.XSDString}, nil
	case encLang:
		return rdf.Literal{Lexical: v.value, Datatype: rdf.RDFLangString, Lang: v.lang}, nil
	case encTyped:
		dt, err := tx.term(v.dt)
		if err != nil {
			return nil, err
		}
		iri, ok := dt.(rdf.IRI)
		if !ok {
			return nil, fmt.Errorf("%w: datatype of %v is not an IRI", ErrCorrupt, id)
		}
		return rdf.Literal{Lexical: v.value, Datatype: iri}, nil
	}
	return nil, fmt.Errorf("%w: bad dictionary entry for %v", ErrCorrupt, id)
}

func tagOfEnc(kind byte) int {
	switch kind {
	case encIRI:
		return tagIRI
	case encBlank:
		return tagBlank
	case encSimple, encLang, encTyped:
		return tagLiteral
	}
	return -1
}

// flushNamespaces writes the namespaces created by the transaction, in key order.
func (tx *Tx) flushNamespaces() error {
	if len(tx.nsNew) == 0 {
		return nil
	}
	names := make([]string, 0, len(tx.nsNew))
	ids := make([][]byte, 0, len(tx.nsNew))
	for name, id := range tx.nsNew {
		names = append(names, name)
		ids = append(ids, binary.AppendUvarint(nil, id))
	}
	slices.Sort(names)
	for _, name := range names {
		if err := tx.ns.Put([]byte(name), binary.AppendUvarint(nil, tx.nsNew[name])); err != nil {
			return err
		}
	}
	slices.SortFunc(ids, bytes.Compare)
	for _, k := range ids {
		id, _ := binary.Uvarint(k)
		if err := tx.nsid.Put(k, []byte(tx.nsNewID[id])); err != nil {
			return err
		}
	}
	return nil
}
