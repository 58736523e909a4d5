package triplestore

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"io"
	"sync"
)

// Long literals are stored compressed in the id->term bucket; that text is most of a
// typical store's size (descriptions, reviews, comments).
//
// Stored form: the enc's kind byte with encCompressed set, the enc's header unchanged
// (language tag or datatype ID), then the lexical form as a raw DEFLATE stream written with
// flate.HuffmanOnly (cheap to write and read; about 40% smaller on natural-language text).
// Only lexical forms of at least minCompress bytes are compressed, and only when that saves
// at least an eighth. The term->id key is always that of the uncompressed enc.
const (
	encCompressed = 0x80
	minCompress   = 96
)

var flateWriters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.HuffmanOnly)
	return w
}}

var flateReaders = sync.Pool{New: func() any { return flate.NewReader(bytes.NewReader(nil)) }}

// encHeaderLen returns the length of an enc's kind byte and header (before the value).
func encHeaderLen(enc []byte) (int, bool) {
	if len(enc) == 0 {
		return 0, false
	}
	switch enc[0] &^ encCompressed {
	case encIRI, encTyped:
		_, k := binary.Uvarint(enc[1:])
		if k <= 0 {
			return 0, false
		}
		return 1 + k, true
	case encBlank, encSimple:
		return 1, true
	case encLang:
		if len(enc) < 2 || int(enc[1]) > len(enc)-2 {
			return 0, false
		}
		return 2 + int(enc[1]), true
	}
	return 0, false
}

// storedEnc returns the form of enc to store in i2t (enc itself or a compressed copy).
func storedEnc(enc []byte) []byte {
	if len(enc) < minCompress || (enc[0] != encSimple && enc[0] != encLang && enc[0] != encTyped) {
		return enc
	}
	h, ok := encHeaderLen(enc)
	if !ok || len(enc)-h < minCompress {
		return enc
	}
	var buf bytes.Buffer
	buf.Grow(len(enc))
	buf.Write(enc[:h])
	w := flateWriters.Get().(*flate.Writer)
	w.Reset(&buf)
	w.Write(enc[h:])
	w.Close()
	flateWriters.Put(w)
	out := buf.Bytes()
	if len(out) > len(enc)-len(enc)/8 {
		return enc
	}
	out[0] |= encCompressed
	return out
}

// plainEnc undoes storedEnc. It returns stored itself when it is not compressed.
func plainEnc(stored []byte) ([]byte, error) {
	if len(stored) == 0 || stored[0]&encCompressed == 0 {
		return stored, nil
	}
	h, ok := encHeaderLen(stored)
	if !ok {
		return nil, fmt.Errorf("%w: bad compressed term", ErrCorrupt)
	}
	out := make([]byte, h, h+3*(len(stored)-h))
	copy(out, stored[:h])
	out[0] &^= encCompressed
	r := flateReaders.Get().(io.ReadCloser)
	defer flateReaders.Put(r)
	if err := r.(flate.Resetter).Reset(bytes.NewReader(stored[h:]), nil); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Write(out)
	if _, err := buf.ReadFrom(r); err != nil {
		return nil, fmt.Errorf("%w: bad compressed term: %v", ErrCorrupt, err)
	}
	return buf.Bytes(), nil
}
