package rdfxml

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// charsetReader lets encoding/xml read the encodings besides UTF-8 that RDF/XML files in the
// wild declare: ISO-8859-1 (and its alias Latin-1) and US-ASCII.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii":
		return &latin1Reader{r: bufio.NewReader(in)}, nil
	}
	return nil, fmt.Errorf("unsupported XML encoding %q", label)
}

// latin1Reader decodes ISO-8859-1 bytes into UTF-8.
type latin1Reader struct {
	r    *bufio.Reader
	rest []byte
}

func (l *latin1Reader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		if len(l.rest) > 0 {
			c := copy(p[n:], l.rest)
			l.rest = l.rest[c:]
			n += c
			continue
		}
		b, err := l.r.ReadByte()
		if err != nil {
			if n > 0 {
				return n, nil
			}
			return 0, err
		}
		if b < utf8.RuneSelf {
			p[n] = b
			n++
			continue
		}
		var enc [2]byte
		utf8.EncodeRune(enc[:], rune(b))
		l.rest = append(l.rest[:0], enc[:]...)
		if n > 0 && l.r.Buffered() == 0 {
			break
		}
	}
	return n, nil
}
