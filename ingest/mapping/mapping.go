package mapping

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"time"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Mapping is a compiled mapping file.
type Mapping struct {
	Name    string // file name without extension
	Version string

	spec     *Spec
	dir      string
	prefixes map[string]string
	sources  map[string]*source
	maps     []*triplesMap
}

type source struct {
	name string
	spec SourceSpec
	maps []*triplesMap
}

type triplesMap struct {
	name    string
	subject *template // nil = blank node per record
	types   []rdf.IRI
	props   []*propertyMap
}

type objectKind uint8

const (
	objLiteral objectKind = iota + 1
	objIRI
	objLink
)

type propertyMap struct {
	predicate rdf.IRI
	kind      objectKind
	object    *template
	datatype  rdf.IRI
	lang      string
	split     string
	required  bool
}

// Sources returns the source names in order.
func (m *Mapping) Sources() []string {
	names := make([]string, 0, len(m.sources))
	for n := range m.sources {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Source returns the spec of a source, its File resolved against the mapping file's
// directory ("" when the mapping names none); ok is false for an unknown name.
func (m *Mapping) Source(name string) (spec SourceSpec, ok bool) {
	src, ok := m.sources[name]
	if !ok {
		return SourceSpec{}, false
	}
	spec = src.spec
	if spec.File != "" && !filepath.IsAbs(spec.File) {
		spec.File = filepath.Join(m.dir, spec.File)
	}
	return spec, true
}

// Options configure a Reader.
type Options struct {
	// File names the input in errors; "" uses the source's file name.
	File string
	// RunID prefixes blank node labels (subjects of mappings without a subject template), so
	// that runs never share blank nodes. "" means "run".
	RunID string
	// Graph, when not nil, is set on every quad.
	Graph rdf.Term
	// ProcessedAt is the value of the reference {$processedAt} (an xsd:dateTime, for
	// platform:verwerktOp); zero means the time NewReader was called.
	ProcessedAt time.Time
}

// Reader streams the quads that the mapping makes from one source. It implements
// ingest.Reader.
type Reader struct {
	m    *Mapping
	src  *source
	recs records
	opts Options
	buf  ingest.RecordBuffer
	n    int // records read, for blank node labels
	run  runRecord
}

// runRecord answers the run's own references ($processedAt, $runId) and passes the rest to
// the record.
type runRecord struct {
	record
	vals map[string]string
}

func (r *runRecord) values(ref string) []string {
	if len(ref) > 0 && ref[0] == '$' {
		if v, ok := r.vals[ref]; ok {
			return []string{v}
		}
		return nil
	}
	return r.record.values(ref)
}

// NewReader reads source (by name; "" when the mapping has one source) from r.
func (m *Mapping) NewReader(sourceName string, r io.Reader, opts Options) (*Reader, error) {
	if sourceName == "" {
		if len(m.sources) != 1 {
			return nil, fmt.Errorf("mapping %s has %d sources: name one", m.Name, len(m.sources))
		}
		sourceName = m.Sources()[0]
	}
	src, ok := m.sources[sourceName]
	if !ok {
		return nil, fmt.Errorf("mapping %s has no source %q", m.Name, sourceName)
	}
	if opts.File == "" {
		opts.File = src.spec.File
	}
	if opts.RunID == "" {
		opts.RunID = "run"
	}
	if opts.ProcessedAt.IsZero() {
		opts.ProcessedAt = time.Now()
	}
	rd := &Reader{m: m, src: src, opts: opts}
	rd.run.vals = map[string]string{
		"$processedAt": opts.ProcessedAt.UTC().Format(time.RFC3339),
		"$runId":       opts.RunID,
	}
	switch src.spec.Format {
	case "csv":
		recs, err := newCSVRecords(r, src.spec.Separator, opts.File)
		if err != nil {
			return nil, err
		}
		rd.recs = recs
	case "json":
		rd.recs = newJSONRecords(r, src.spec.Iterator, opts.File, false)
	case "jsonl":
		rd.recs = newJSONRecords(r, "", opts.File, true)
	}
	return rd, nil
}

// OpenAll opens every source's file (relative to the mapping file) and returns one Reader
// over all of them, sources in name order.
func (m *Mapping) OpenAll(opts Options) (ingest.Reader, []io.Closer, error) {
	var rs []*Reader
	var closers []io.Closer
	for _, name := range m.Sources() {
		spec, _ := m.Source(name)
		path := spec.File
		if path == "" {
			return nil, closers, fmt.Errorf("source %s has no file", name)
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, closers, err
		}
		closers = append(closers, f)
		o := opts
		o.File = path
		r, err := m.NewReader(name, f, o)
		if err != nil {
			return nil, closers, err
		}
		rs = append(rs, r)
	}
	return &multiReader{rs: rs}, closers, nil
}

type multiReader struct {
	rs []*Reader
	i  int
}

func (mr *multiReader) Read() (rdf.Quad, error) {
	for mr.i < len(mr.rs) {
		q, err := mr.rs[mr.i].Read()
		if err == io.EOF {
			mr.i++
			continue
		}
		return q, err
	}
	return rdf.Quad{}, io.EOF
}

func (mr *multiReader) Stats() ingest.Stats {
	var s ingest.Stats
	for _, r := range mr.rs {
		t := r.Stats()
		s.Records += t.Records
		s.Failed += t.Failed
		s.Quads += t.Quads
	}
	return s
}

// Stats reports the records and quads read so far.
func (r *Reader) Stats() ingest.Stats { return r.buf.Count }

// Read returns the next quad, io.EOF at the end, or an *ingest.Error for a bad record (which
// gives no quads; reading goes on unless the error is Fatal).
func (r *Reader) Read() (rdf.Quad, error) { return r.buf.Read(r.fill) }

// fill reads the next record into the buffer.
func (r *Reader) fill() error {
	rec, err := r.recs.next()
	if err == io.EOF {
		return io.EOF
	}
	r.buf.Count.Records++
	r.n++
	if err == nil {
		err = r.record(rec)
	}
	if err != nil {
		r.buf.Count.Failed++
	}
	return err
}

func (r *Reader) bad(rec record, ref, format string, args ...any) error {
	e := &ingest.Error{Msg: fmt.Sprintf(format, args...)}
	rec.locate(e, ref)
	return e
}

func (r *Reader) add(s rdf.Term, p rdf.IRI, o rdf.Term) {
	r.buf.Add(rdf.Quad{Subject: s, Predicate: p, Object: o, Graph: r.opts.Graph})
}

// subjectOf returns the subject of tm for the record.
func (r *Reader) subjectOf(tm *triplesMap, rec record) (rdf.Term, error) {
	if tm.subject == nil {
		return rdf.BlankNode(r.opts.RunID + "_" + tm.name + "_" + strconv.Itoa(r.n)), nil
	}
	vals, missing := tm.subject.expand(rec, "")
	if missing != "" {
		return nil, r.bad(rec, missing, "mapping %s: subject needs %q", tm.name, missing)
	}
	if len(vals) != 1 {
		return nil, r.bad(rec, tm.subject.firstRef(), "mapping %s: subject template gives %d IRIs, want 1", tm.name, len(vals))
	}
	if !rdf.IsAbsoluteIRI(vals[0]) {
		return nil, r.bad(rec, tm.subject.firstRef(), "mapping %s: subject %q is not an absolute IRI", tm.name, vals[0])
	}
	return rdf.IRI(vals[0]), nil
}

func (r *Reader) record(in record) error {
	r.run.record = in
	rec := &r.run
	for _, tm := range r.src.maps {
		s, err := r.subjectOf(tm, rec)
		if err != nil {
			return err
		}
		for _, ty := range tm.types {
			r.add(s, rdf.RDFType, ty)
		}
		for _, pm := range tm.props {
			vals, missing := pm.object.expand(rec, pm.split)
			if missing != "" {
				if pm.required {
					return r.bad(rec, missing, "mapping %s: %s needs a value for %q", tm.name, pm.predicate, missing)
				}
				continue
			}
			for _, v := range vals {
				switch pm.kind {
				case objLiteral:
					if !validLexical(v, pm.datatype) {
						return r.bad(rec, pm.object.firstRef(), "mapping %s: %q is not a valid %s", tm.name, v, pm.datatype)
					}
					if pm.lang != "" {
						r.add(s, pm.predicate, rdf.NewLangLiteral(v, pm.lang))
					} else {
						r.add(s, pm.predicate, rdf.NewTypedLiteral(v, pm.datatype))
					}
				case objIRI, objLink:
					if !rdf.IsAbsoluteIRI(v) {
						return r.bad(rec, pm.object.firstRef(), "mapping %s: %q is not an absolute IRI", tm.name, v)
					}
					r.add(s, pm.predicate, rdf.IRI(v))
				default:
					panic(fmt.Sprintf("unreachable: %v", pm.kind))
				}
			}
		}
	}
	return nil
}

var (
	reInteger = regexp.MustCompile(`^[+-]?[0-9]+$`)
	reDecimal = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$`)
	reDouble  = regexp.MustCompile(`^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?INF|NaN)$`)
	reGYear   = regexp.MustCompile(`^-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?$`)
)

// validLexical checks the lexical forms of the common XSD datatypes (XSD 1.1 Part 2, §3.3);
// other datatypes pass.
func validLexical(v string, dt rdf.IRI) bool {
	switch dt {
	case rdf.XSDInteger:
		return reInteger.MatchString(v)
	case rdf.XSDDecimal:
		return reDecimal.MatchString(v)
	case rdf.XSDDouble, "http://www.w3.org/2001/XMLSchema#float":
		return reDouble.MatchString(v)
	case rdf.XSDBoolean:
		return v == "true" || v == "false" || v == "1" || v == "0"
	case rdf.XSDDate:
		_, err := time.Parse("2006-01-02", v)
		return err == nil
	case rdf.XSDDateTime:
		for _, l := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999"} {
			if _, err := time.Parse(l, v); err == nil {
				return true
			}
		}
		return false
	case "http://www.w3.org/2001/XMLSchema#gYear":
		return reGYear.MatchString(v)
	}
	return true
}
