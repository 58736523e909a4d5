package nt

import (
	"bytes"
	"io"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

const (
	// initialBufSize is the reader's buffer; it grows (doubling) only for longer lines.
	initialBufSize = 64 << 10
	// internSize is the number of slots of the direct-mapped caches of shared terms.
	internSize = 1024
	// maxEmptyReads is how many (0, nil) reads in a row count as a broken io.Reader.
	maxEmptyReads = 100
)

// Reader reads N-Triples or N-Quads. It implements rdf.Reader; create one with NewReader or
// NewQuadsReader. A Reader is not safe for concurrent use.
type Reader struct {
	src   io.Reader
	quads bool
	file  string

	buf     []byte // buf[r:w] is unread input
	r, w    int
	scanned int   // buf[r:scanned] holds no LF
	eof     bool  // src said io.EOF
	err     error // sticky error of src
	started bool  // the byte order mark check is done

	// The logical line being parsed: ln, numbered lineNo. rest is what follows a lone CR on
	// the same physical line (valid only while hasRest).
	ln      []byte
	lineNo  int
	next    int // number of the next logical line
	rest    []byte
	hasRest bool
	restLF  bool // the physical line holding rest ended with LF

	scratch []byte // unescaped IRI or literal
	label   []byte // "b" + blank node label

	lastSubj     []byte // bytes the last subject was read from (kind byte first)
	lastSubjTerm rdf.Term
	// Direct-mapped caches (a slot per hash, the newest entry wins) of predicates,
	// datatypes and graph names, and of language tags: cheaper than a map, and bounded.
	iriKeys  [internSize]string
	iriTerms [internSize]rdf.Term
	langs    [internSize / 16]string
}

// NewReader returns a reader of N-Triples: a statement with a graph name is a syntax error.
// opts.Base is ignored, since N-Triples allows only absolute IRIs; opts.File and opts.Line
// set the positions of syntax errors.
func NewReader(r io.Reader, opts rdf.ReadOptions) rdf.Reader { return newReader(r, opts, false) }

// NewQuadsReader returns a reader of N-Quads; a statement without a graph name is in the
// default graph (Graph == nil). The options are used as by NewReader.
func NewQuadsReader(r io.Reader, opts rdf.ReadOptions) rdf.Reader {
	return newReader(r, opts, true)
}

func newReader(src io.Reader, opts rdf.ReadOptions, quads bool) *Reader {
	line := opts.Line
	if line <= 0 {
		line = 1
	}
	return &Reader{
		src:   src,
		quads: quads,
		file:  opts.File,
		buf:   make([]byte, initialBufSize),
		next:  line,
	}
}

// Read returns the next statement. It returns io.EOF at the end of the input, an
// *rdf.SyntaxError (never Fatal) for a bad line, after which reading goes on with the next
// line, and the underlying reader's error, on this and every later call, if reading fails.
func (r *Reader) Read() (rdf.Quad, error) {
	for {
		if !r.nextLine() {
			if r.err != nil {
				return rdf.Quad{}, r.err
			}
			return rdf.Quad{}, io.EOF
		}
		q, ok, err := r.parseLine()
		if err != nil {
			return rdf.Quad{}, err
		}
		if ok {
			return q, nil
		}
	}
}

// nextLine sets ln and lineNo to the next logical line: the text up to LF, CR LF or a lone CR.
func (r *Reader) nextLine() bool {
	if !r.hasRest {
		phys, lf, ok := r.physicalLine()
		if !ok {
			return false
		}
		r.rest, r.hasRest, r.restLF = phys, true, lf
	}
	s := r.rest
	r.lineNo = r.next
	r.next++
	i := bytes.IndexByte(s, '\r')
	if i < 0 {
		r.ln, r.rest, r.hasRest = s, nil, false
		return true
	}
	r.ln, r.rest = s[:i], s[i+1:]
	if len(r.rest) == 0 && r.restLF {
		r.hasRest = false // CR LF ends one line
	}
	return true
}

// physicalLine returns the input up to the next LF (without it) and whether an LF ended it.
// The slice is valid until the next call.
func (r *Reader) physicalLine() (line []byte, lf, ok bool) {
	for {
		if i := bytes.IndexByte(r.buf[r.scanned:r.w], '\n'); i >= 0 {
			end := r.scanned + i
			line = r.buf[r.r:end]
			r.r, r.scanned = end+1, end+1
			return r.skipBOM(line), true, true
		}
		r.scanned = r.w
		if r.eof || r.err != nil {
			if r.r < r.w && r.err == nil {
				line = r.buf[r.r:r.w]
				r.r, r.scanned = r.w, r.w
				return r.skipBOM(line), false, true
			}
			return nil, false, false
		}
		r.fill()
	}
}

func (r *Reader) skipBOM(line []byte) []byte {
	if !r.started {
		r.started = true
		if bytes.HasPrefix(line, []byte("\xEF\xBB\xBF")) {
			return line[3:]
		}
	}
	return line
}

// fill reads more input, first moving unread bytes to the front and growing the buffer if
// it is full of one unfinished line.
func (r *Reader) fill() {
	if r.r > 0 {
		n := copy(r.buf, r.buf[r.r:r.w])
		r.scanned -= r.r
		r.r, r.w = 0, n
	}
	if r.w == len(r.buf) {
		nb := make([]byte, 2*len(r.buf))
		copy(nb, r.buf[:r.w])
		r.buf = nb
	}
	for empty := 0; ; empty++ {
		n, err := r.src.Read(r.buf[r.w:])
		r.w += n
		if err == io.EOF {
			r.eof = true
			return
		}
		if err != nil {
			r.err = err
			return
		}
		if n > 0 {
			return
		}
		if empty >= maxEmptyReads {
			r.err = io.ErrNoProgress
			return
		}
	}
}
