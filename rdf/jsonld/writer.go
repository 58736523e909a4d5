package jsonld

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/piprate/json-gold/ld"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// writer buffers quads and writes one document on Close.
type writer struct {
	out    io.Writer
	opts   rdf.WriteOptions
	loader *loader

	quads  []rdf.Quad
	closed bool
}

// Write implements rdf.Writer. It checks the quad's shape and buffers it.
func (w *writer) Write(q rdf.Quad) error {
	if w.closed {
		return ErrClosed
	}
	if err := checkQuad(q); err != nil {
		return err
	}
	w.quads = append(w.quads, q)
	return nil
}

func checkQuad(q rdf.Quad) error {
	switch q.Subject.(type) {
	case rdf.IRI, rdf.BlankNode:
	default:
		return fmt.Errorf("jsonld: subject of %v is not an IRI or blank node", q)
	}
	if _, ok := q.Predicate.(rdf.IRI); !ok {
		return fmt.Errorf("jsonld: predicate of %v is not an IRI", q)
	}
	if q.Object == nil {
		return fmt.Errorf("jsonld: quad without object")
	}
	switch q.Graph.(type) {
	case nil, rdf.IRI, rdf.BlankNode:
	default:
		return fmt.Errorf("jsonld: graph of %v is not an IRI or blank node", q)
	}
	// JSON text is UTF-8: encoding/json would silently turn bad bytes into U+FFFD.
	for _, t := range [...]rdf.Term{q.Subject, q.Predicate, q.Object, q.Graph} {
		var s string
		switch x := t.(type) {
		case rdf.IRI:
			s = string(x)
		case rdf.BlankNode:
			s = string(x)
		case rdf.Literal:
			s = x.Lexical + string(x.Datatype) + x.Lang
		}
		if !utf8.ValidString(s) {
			return fmt.Errorf("jsonld: %v is not valid UTF-8", t)
		}
	}
	return nil
}

// Close implements rdf.Writer: Serialize RDF as JSON-LD, compact, check that the result
// reads back to the same quads, write indented JSON.
func (w *writer) Close() error {
	if w.closed {
		return ErrClosed
	}
	w.closed = true
	defer func() { w.quads = nil }()
	qs := w.sorted()
	ctx, err := w.context()
	if err != nil {
		return err
	}
	out, err := w.encode(qs, ctx)
	if err != nil {
		return err
	}
	if !isEmptyContext(ctx) && !w.readsBack(out, qs) {
		// Compaction made something that reads back as other data: under @vocab an IRI
		// http://ex/a:b becomes the key a:b, an absolute IRI when read; json-gold has more
		// such gaps (see testdata/w3c-compact-expected-failures.txt). Correct data comes
		// first: write the document without the context.
		if out, err = w.encode(qs, map[string]any{}); err != nil {
			return err
		}
	}
	_, err = w.out.Write(out)
	return err
}

func (w *writer) encode(qs []rdf.Quad, ctx any) ([]byte, error) {
	doc, err := w.document(qs, ctx)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("jsonld: %w", err)
	}
	return buf.Bytes(), nil
}

// readsBack reports whether out reads back to qs, comparing with blank nodes masked: that
// catches every change of an IRI or literal and every lost or extra statement, in time
// O(n log n), where an isomorphism check can take much longer on symmetric data.
func (w *writer) readsBack(out []byte, qs []rdf.Quad) bool {
	r := &reader{in: bytes.NewReader(out), loader: w.loader}
	var back []rdf.Quad
	for {
		q, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return false
		}
		back = append(back, q)
	}
	if len(back) != len(qs) {
		return false
	}
	a, b := masked(qs), masked(back)
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// masked returns the sorted N-Quads lines of qs with every blank node written _:.
func masked(qs []rdf.Quad) []string {
	mask := func(t rdf.Term) string {
		switch t.(type) {
		case nil:
			return ""
		case rdf.BlankNode:
			return "_:"
		}
		return t.String()
	}
	out := make([]string, len(qs))
	for i, q := range qs {
		out[i] = mask(q.Subject) + " " + mask(q.Predicate) + " " + mask(q.Object) + " " + mask(q.Graph)
	}
	sort.Strings(out)
	return out
}

func (w *writer) document(qs []rdf.Quad, ctx any) (doc map[string]any, err error) {
	defer func() {
		if p := recover(); p != nil { // a panic never crosses the package API
			doc, err = nil, fmt.Errorf("jsonld: internal error: %v", p)
		}
	}()
	opts := ld.NewJsonLdOptions("")
	opts.DocumentLoader = w.loader
	opts.ProcessingMode = ld.JsonLd_1_1
	expanded := fromRDF(qs)
	out, err := safeCompact(expanded, ctx, opts)
	var lde *ld.JsonLdError
	var bug *compactPanic
	if errors.As(err, &bug) || errors.As(err, &lde) && lde.Code == ld.IRIConfusedWithPrefix {
		// Either json-gold failed on the context, or the data holds an IRI whose scheme is a
		// term of the caller's context (xsd:x and the term xsd), which JSON-LD cannot write
		// with that context (mapping the term to null in a second context would do, but
		// json-gold then crashes reading the document). Correct data comes first: write the
		// document without the context.
		out, err = safeCompact(expanded, map[string]any{}, opts)
	}
	if err != nil {
		return nil, fmt.Errorf("jsonld: compacting with the context: %w", err)
	}
	return out, nil
}

// compactPanic is a panic in json-gold's compaction, turned into an error.
type compactPanic struct{ v any }

func (p *compactPanic) Error() string { return fmt.Sprintf("json-gold panicked: %v", p.v) }

func safeCompact(expanded []any, ctx any, opts *ld.JsonLdOptions) (out map[string]any, err error) {
	defer func() {
		if p := recover(); p != nil {
			out, err = nil, &compactPanic{p}
		}
	}()
	return compact(expanded, ctx, opts)
}

// compact runs the Compaction Algorithm (https://www.w3.org/TR/json-ld11-api/#compaction-algorithm)
// on already expanded input. ld.JsonLdProcessor.Compact would expand it again first, and
// expansion lower-cases language tags, which rdf/doc.go wants kept as written.
func compact(expanded []any, ctx any, opts *ld.JsonLdOptions) (map[string]any, error) {
	active, err := ld.NewContext(nil, opts).Parse(ctx)
	if err != nil {
		return nil, err
	}
	compacted, err := ld.NewJsonLdApi().Compact(active, "", expanded, opts.CompactArrays)
	if err != nil {
		return nil, err
	}
	var out map[string]any
	switch x := compacted.(type) {
	case map[string]any:
		out = x
	case []any:
		out = map[string]any{}
		if len(x) > 0 {
			key, err := active.CompactIri("@graph", nil, false, false)
			if err != nil {
				return nil, err
			}
			out[key] = x
		}
	default:
		out = map[string]any{}
	}
	if list, ok := ctx.([]any); ok && len(list) == 1 && opts.CompactArrays {
		ctx = list[0]
	}
	if !isEmptyContext(ctx) {
		out["@context"] = ctx
	}
	return out, nil
}

// sorted sorts and deduplicates the buffered quads by their N-Quads form, so that the order
// of values in the output does not depend on the order of Writes.
func (w *writer) sorted() []rdf.Quad {
	keys := make([]string, len(w.quads))
	idx := make([]int, len(w.quads))
	for i, q := range w.quads {
		keys[i] = q.String()
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	out := make([]rdf.Quad, 0, len(idx))
	for n, i := range idx {
		if n > 0 && keys[i] == keys[idx[n-1]] {
			continue
		}
		out = append(out, w.quads[i])
	}
	return out
}

func nodeValue(t rdf.Term) string {
	switch x := t.(type) {
	case rdf.IRI:
		return string(x)
	case rdf.BlankNode:
		return "_:" + string(x)
	default:
		panic(fmt.Sprintf("unreachable: %T", t))
	}
}

// context is the compaction context: opts.Context, else one made of opts.Prefixes and
// opts.Base. The empty prefix becomes @vocab (JSON-LD has no empty term).
func (w *writer) context() (any, error) {
	if w.opts.Context != nil {
		ctx, err := decodeJSON(w.opts.Context)
		if err != nil {
			return nil, fmt.Errorf("jsonld: WriteOptions.Context: %w", err)
		}
		if m, ok := ctx.(map[string]any); ok {
			if inner, ok := m["@context"]; ok {
				return inner, nil
			}
		}
		return ctx, nil
	}
	ctx := map[string]any{}
	clash := w.schemes()
	for _, ns := range w.opts.Prefixes {
		if clash[ns.Prefix] || w.misreads(ns) {
			// An IRI ex:x would read back as a compact IRI (compaction refuses: "IRI confused
			// with prefix"), or a term made with this namespace would read back as something
			// else: the prefix is left out.
			continue
		}
		if ns.Prefix == "" {
			ctx["@vocab"] = ns.IRI
		} else {
			ctx[ns.Prefix] = ns.IRI
		}
	}
	if w.opts.Base != "" && w.relativizes(w.opts.Base) {
		ctx["@base"] = w.opts.Base
	}
	return ctx, nil
}

// relativizes reports whether every IRI the compaction may write relative to base resolves
// back to itself. json-gold's ld.RemoveBase gets some IRIs wrong (http://a against
// http://a/b/c gives ../../ , which resolves to http://a/); @base is then left out and every
// IRI is written absolute.
func (w *writer) relativizes(base string) bool {
	ok := func(t rdf.Term) (good bool) {
		iri, isIRI := t.(rdf.IRI)
		if !isIRI {
			return true
		}
		defer func() {
			if recover() != nil {
				good = false // RemoveBase panics on some IRIs, e.g. http://example.org//#0
			}
		}()
		rel := ld.RemoveBase(base, string(iri))
		if strings.HasPrefix(rel, "@") || looksAbsolute(rel) {
			return false // would read back as a keyword or as an absolute or compact IRI
		}
		return ld.Resolve(base, rel) == string(iri)
	}
	for _, q := range w.quads {
		if !ok(q.Subject) || !ok(q.Object) || !ok(q.Graph) {
			return false
		}
	}
	return true
}

// misreads reports whether some IRI of the data, written with ns, would read back as another
// term: under @vocab (the empty prefix) a local part with ':' reads as an absolute or compact
// IRI and one starting with '@' as a keyword; a compact IRI ex://x reads as an absolute IRI.
func (w *writer) misreads(ns rdf.Namespace) bool {
	bad := func(t rdf.Term) bool {
		var s string
		switch x := t.(type) {
		case rdf.IRI:
			s = string(x)
		case rdf.Literal:
			s = string(x.Datatype)
		default:
			return false
		}
		local, ok := strings.CutPrefix(s, ns.IRI)
		if !ok {
			return false
		}
		if ns.Prefix == "" {
			return strings.Contains(local, ":") || strings.HasPrefix(local, "@")
		}
		return strings.HasPrefix(local, "//")
	}
	for _, q := range w.quads {
		if bad(q.Subject) || bad(q.Predicate) || bad(q.Object) || bad(q.Graph) {
			return true
		}
	}
	return false
}

// looksAbsolute reports whether a relative reference has a ':' before any '/', '?' or '#',
// so that JSON-LD would take it for an absolute or compact IRI.
func looksAbsolute(rel string) bool {
	i := strings.IndexAny(rel, ":/?#")
	return i >= 0 && rel[i] == ':'
}

// schemes returns the IRI schemes used by the buffered quads.
func (w *writer) schemes() map[string]bool {
	out := map[string]bool{}
	add := func(t rdf.Term) {
		var s string
		switch x := t.(type) {
		case rdf.IRI:
			s = string(x)
		case rdf.Literal:
			s = string(x.Datatype)
		default:
			return
		}
		if scheme, _, ok := strings.Cut(s, ":"); ok {
			out[scheme] = true
		}
	}
	for _, q := range w.quads {
		add(q.Subject)
		add(q.Predicate)
		add(q.Object)
		add(q.Graph)
	}
	return out
}

func isEmptyContext(ctx any) bool {
	switch x := ctx.(type) {
	case nil:
		return true
	case map[string]any:
		return len(x) == 0
	case []any:
		return len(x) == 0
	}
	return false
}
