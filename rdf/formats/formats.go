package formats

import (
	"bufio"
	"compress/bzip2"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Compression is a compression wrapper around an RDF file.
type Compression uint8

// The compressions Open understands.
const (
	None Compression = iota
	Gzip
	Bzip2
)

// NewReader returns a reader for the format.
func NewReader(f rdf.Format, r io.Reader, opts rdf.ReadOptions) (rdf.Reader, error) {
	if fn := readers[f]; fn != nil {
		return fn(r, opts), nil
	}
	return nil, fmt.Errorf("%w: no reader for %s", rdf.ErrUnsupportedFormat, f)
}

// NewWriter returns a writer for the format.
func NewWriter(f rdf.Format, w io.Writer, opts rdf.WriteOptions) (rdf.Writer, error) {
	if fn := writers[f]; fn != nil {
		return fn(w, opts), nil
	}
	return nil, fmt.Errorf("%w: no writer for %s", rdf.ErrUnsupportedFormat, f)
}

// Detect guesses the syntax and compression of a file from its name
// (data.ttl, dump.nq.gz, x.rdf.bz2). ok is false when the extension names no syntax.
func Detect(name string) (f rdf.Format, c Compression, ok bool) {
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".gz", ".gzip":
		c = Gzip
	case ".bz2":
		c = Bzip2
	}
	if c != None {
		name = strings.TrimSuffix(name, filepath.Ext(name))
		ext = strings.ToLower(filepath.Ext(name))
	}
	switch ext {
	case ".owl", ".xml":
		return rdf.RDFXML, c, true
	case ".json":
		return rdf.JSONLD, c, true
	}
	f, ok = rdf.ParseFormat(ext)
	return f, c, ok
}

// Decompress wraps r so that it yields the uncompressed bytes.
func Decompress(r io.Reader, c Compression) (io.Reader, error) {
	switch c {
	case None:
		return r, nil
	case Gzip:
		return gzip.NewReader(r)
	case Bzip2:
		return bzip2.NewReader(r), nil
	default:
		panic(fmt.Sprintf("unreachable: compression %d", c))
	}
}

// File is an opened RDF file: Reader yields uncompressed bytes; Close closes the file.
type File struct {
	io.Reader
	f    *os.File
	size int64
}

// Close closes the underlying file.
func (f *File) Close() error { return f.f.Close() }

// Size is the size of the file on disk (compressed), for progress reports.
func (f *File) Size() int64 { return f.size }

// Open opens path and undoes the compression its name or its first bytes announce.
func Open(path string) (*File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := fh.Stat()
	if err != nil {
		fh.Close()
		return nil, err
	}
	br := bufio.NewReaderSize(fh, 1<<16)
	_, c, _ := Detect(path)
	if c == None {
		// Sniff: a .nt file that is really gzip is better read than rejected.
		if magic, _ := br.Peek(3); len(magic) >= 2 && magic[0] == 0x1f && magic[1] == 0x8b {
			c = Gzip
		} else if len(magic) == 3 && string(magic) == "BZh" {
			c = Bzip2
		}
	}
	r, err := Decompress(br, c)
	if err != nil {
		fh.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &File{Reader: r, f: fh, size: st.Size()}, nil
}

// FileURL returns the file: URL of a local path, the default base IRI of a loaded file.
func FileURL(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	abs = filepath.ToSlash(abs)
	var b strings.Builder
	b.WriteString("file://")
	for i := 0; i < len(abs); i++ {
		c := abs[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("%<>\"{}|\\^`#?", c) >= 0 {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}
