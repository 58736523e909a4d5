package rdfxml

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"
)

// source is the byte reader under encoding/xml. It does two jobs:
//
//   - It remembers the underlying reader's error, so that I/O errors can be told apart from
//     the XML errors encoding/xml reports without a type of their own.
//   - It keeps the bytes from the start of the line of the current token, so that error
//     columns can count runes (rdf.SyntaxError's contract) where encoding/xml counts bytes.
//
// encoding/xml reads through ReadByte when its reader has one, so it adds no buffering of its
// own and offsets agree. A declared non-UTF-8 encoding makes it read through Read (into the
// charset decoder); offsets then count decoded bytes, and columns fall back to bytes.
type source struct {
	br      *bufio.Reader
	err     error
	buf     []byte // bytes read since the start of the marked line (or since lineRunes)
	bufOff  int64  // offset of buf[0]
	runes   int    // runes of the marked line dropped from buf to bound its size
	decoded bool   // reads go through a charset decoder
}

// maxLineBuf bounds the bytes kept for a line that has no end in sight.
const maxLineBuf = 1 << 16

func newSource(r io.Reader) *source { return &source{br: bufio.NewReader(r)} }

func (s *source) ReadByte() (byte, error) {
	b, err := s.br.ReadByte()
	if err != nil {
		if err != io.EOF {
			s.err = err
		}
		return b, err
	}
	s.buf = append(s.buf, b)
	return b, nil
}

func (s *source) Read(p []byte) (int, error) {
	s.decoded = true
	n, err := s.br.Read(p)
	if err != nil && err != io.EOF {
		s.err = err
	}
	return n, err
}

// mark forgets the bytes before the line that holds offset off.
func (s *source) mark(off int64) {
	if s.decoded {
		s.buf, s.bufOff = s.buf[:0], off
		return
	}
	i := int(off - s.bufOff)
	if i <= 0 || i > len(s.buf) {
		return
	}
	j := bytes.LastIndexByte(s.buf[:i], '\n') + 1
	if j > 0 {
		s.runes = 0
	} else if i > maxLineBuf {
		// A very long line (a one-line document): count what goes instead of keeping it.
		for j = i - maxLineBuf/2; j > 0 && !utf8.RuneStart(s.buf[j]); j-- {
		}
		s.runes += utf8.RuneCount(s.buf[:j])
	}
	if j > 0 {
		// Move the rest down, so the buffer's capacity is reused.
		s.buf = s.buf[:copy(s.buf, s.buf[j:])]
		s.bufOff += int64(j)
	}
}

// column returns the 1-based rune column of offset off, or byteCol when the bytes of its line
// are not at hand.
func (s *source) column(off int64, byteCol int) int {
	i := int(off - s.bufOff)
	if s.decoded || i < 0 || i > len(s.buf) {
		if byteCol < 1 {
			return 1
		}
		return byteCol
	}
	// buf starts at the start of a line, or s.runes runes into it.
	line, before := s.buf[:i], s.runes
	if j := bytes.LastIndexByte(line, '\n'); j >= 0 {
		line, before = line[j+1:], 0
	}
	return before + utf8.RuneCount(line) + 1
}

// since returns the bytes read from offset off on, or nil when they are not at hand.
func (s *source) since(off int64) []byte {
	i := int(off - s.bufOff)
	if s.decoded || i < 0 || i > len(s.buf) {
		return nil
	}
	return s.buf[i:]
}
