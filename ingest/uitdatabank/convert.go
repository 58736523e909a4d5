package uitdatabank

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/internal/ns"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// converter turns one decoded document into quads. It is reused between documents.
type converter struct {
	opts     Options
	taxonomy string
	out      []rdf.Quad
	ptr      string // JSON pointer of the current document
	verwerkt rdf.Literal
}

func newConverter(opts Options) *converter {
	c := &converter{opts: opts, taxonomy: opts.Taxonomy}
	if c.taxonomy == "" {
		c.taxonomy = ns.TaxonomyProduction
	}
	if !opts.ProcessedAt.IsZero() {
		c.verwerkt = rdf.NewTypedLiteral(opts.ProcessedAt.UTC().Format(time.RFC3339), ns.XSDDateTime)
	}
	return c
}

// badValue is a conversion error at a JSON pointer relative to the document.
type badValue struct {
	ptr string
	msg string
}

func (c *converter) fail(ptr, format string, args ...any) {
	panic(badValue{ptr, fmt.Sprintf(format, args...)})
}

// Convert converts one decoded document (a JSON object) and returns its quads. ptr is the
// document's JSON pointer in the input, used in errors. A bad document gives an
// *ingest.Error and no quads.
func (c *converter) convert(doc map[string]any, ptr string) (qs []rdf.Quad, err error) {
	c.out = c.out[:0]
	c.ptr = ptr
	defer func() {
		if r := recover(); r != nil {
			bv, ok := r.(badValue)
			if !ok {
				panic(r)
			}
			qs = nil
			err = &ingest.Error{File: c.opts.File, Pointer: ptr + bv.ptr, Msg: bv.msg}
		}
	}()
	c.document(doc)
	return c.out, nil
}

func (c *converter) add(s rdf.Term, p rdf.IRI, o rdf.Term) {
	c.out = append(c.out, rdf.Quad{Subject: s, Predicate: p, Object: o, Graph: c.opts.Graph})
}

func (c *converter) document(doc map[string]any) {
	if isStub(doc) {
		c.fail("", "document has only @id/@type (fetch Search API pages with embed=true)")
	}
	id, _ := doc["@id"].(string)
	if id == "" {
		c.fail("/@id", "missing @id")
	}
	kind := c.kindOf(doc, id)
	s := c.entityIRI(id, kind, "/@id")
	switch kind {
	case KindEvent:
		c.event(s, doc)
	case KindPlace:
		c.place(s, doc)
	case KindOrganizer:
		c.organizer(s, doc)
	default:
		panic(fmt.Sprintf("unreachable: %v", kind))
	}
}

func isStub(doc map[string]any) bool {
	for k := range doc {
		if k != "@id" && k != "@type" && k != "@context" {
			return false
		}
	}
	return true
}

func (c *converter) kindOf(doc map[string]any, id string) Kind {
	switch t, _ := doc["@type"].(string); t {
	case "Event":
		return KindEvent
	case "Place":
		return KindPlace
	case "Organizer", "Organization":
		return KindOrganizer
	}
	for _, k := range []Kind{KindEvent, KindPlace, KindOrganizer} {
		if strings.Contains(id, "/"+k.path()+"/") {
			return k
		}
	}
	if c.opts.Kind != KindAuto {
		return c.opts.Kind
	}
	c.fail("/@id", "cannot tell whether %q is an event, place or organizer (no @type)", id)
	return 0
}

// entityIRI rewrites an entity's @id onto Options.Base when set.
func (c *converter) entityIRI(id string, kind Kind, ptr string) rdf.IRI {
	if !rdf.IsAbsoluteIRI(id) {
		c.fail(ptr, "@id %q is not an absolute IRI", id)
	}
	if c.opts.Base == "" {
		return rdf.IRI(id)
	}
	seg := "/" + kind.path() + "/"
	i := strings.LastIndex(id, seg)
	if i < 0 {
		return rdf.IRI(id)
	}
	local := id[i+len(seg):]
	if j := strings.IndexAny(local, "/?#"); j >= 0 {
		local = local[:j]
	}
	return rdf.IRI(c.opts.Base + kind.path() + "/" + local)
}

// frag names a nested node of s.
// Nodes nested in nested nodes hang off the entity too (an IRI has one fragment).
func frag(s rdf.IRI, class string, source any) rdf.IRI {
	base := string(s)
	if i := strings.IndexByte(base, '#'); i >= 0 {
		base = base[:i]
	}
	return rdf.IRI(base + "#" + class + "-" + fragmentHash(source))
}

// common writes what every kind of entity has: type, created/modified, identifier,
// workflow status, processing time and the required name (onto the predicate name, in the
// document's main language, which it returns).
func (c *converter) common(s rdf.IRI, class, name rdf.IRI, doc map[string]any, defaultStatus string) (main string) {
	main, _ = doc["mainLanguage"].(string)
	c.add(s, ns.Type, class)
	for _, f := range [...]struct {
		key string
		p   rdf.IRI
	}{{"created", ns.DCCreated}, {"modified", ns.DCModified}} {
		if v, ok := doc[f.key]; ok {
			c.add(s, f.p, c.dateTime(v, "/"+f.key))
		}
	}
	c.identifier(s)
	status := defaultStatus
	if v, ok := doc["workflowStatus"]; ok {
		status = strings.ToLower(strings.ReplaceAll(c.str(v, "/workflowStatus"), "_", "-"))
	}
	c.add(s, ns.UDBWorkflowStatus, rdf.IRI(ns.WorkflowStatus+status))
	if status == "deleted" {
		if v, ok := doc["modified"]; ok {
			c.add(s, ns.PROVInvalidatedAt, c.dateTime(v, "/modified"))
		}
	}
	if v, ok := doc["availableFrom"]; ok {
		c.add(s, ns.UDBAvailableFrom, c.dateTime(v, "/availableFrom"))
	}
	c.processed(s)
	v, ok := doc["name"]
	if !ok {
		c.fail("/name", "missing name")
	}
	c.langMap(s, name, v, "/name", main)
	return main
}

// processed writes platform:verwerktOp when Options.ProcessedAt is set.
func (c *converter) processed(s rdf.IRI) {
	if c.verwerkt.Lexical != "" {
		c.add(s, ns.PlatformVerwerktOp, c.verwerkt)
	}
}

// identifier writes the adms:Identifier of s with its structured identifier (naamruimte is
// the IRI up to its last '/', lokaleIdentificator the rest).
func (c *converter) identifier(s rdf.IRI) {
	h := fragmentHash(string(s))
	root := string(s) // nested nodes (dummy organisers and locations) have a fragment already
	if i := strings.IndexByte(root, '#'); i >= 0 {
		root = root[:i]
	}
	id := rdf.IRI(root + "#identifier-" + h)
	gid := rdf.IRI(root + "#gestructureerdeIdentificator-" + h)
	c.add(s, ns.ADMSIdentifier, id)
	c.add(id, ns.Type, ns.ADMSIdentifierClass)
	c.add(id, ns.SKOSNotation, rdf.NewTypedLiteral(string(s), ns.XSDAnyURI))
	c.add(id, ns.GenGestructureerd, gid)
	if c.opts.Creator != "" {
		c.add(id, ns.DCCreator, c.opts.Creator)
	}
	if c.opts.Source != "" {
		c.add(id, ns.PlatformBron, c.opts.Source)
	}
	i := strings.LastIndexByte(string(s), '/')
	c.add(gid, ns.Type, ns.GenGestructureerdClass)
	c.add(gid, ns.GenNaamruimte, rdf.NewLiteral(string(s[:i+1])))
	c.add(gid, ns.GenLokaleIdentificator, rdf.NewLiteral(string(s[i+1:])))
}

// --- value helpers; each fails with the pointer of the bad value ---

func (c *converter) str(v any, ptr string) string {
	s, ok := v.(string)
	if !ok {
		c.fail(ptr, "expected a string, found %s", jsonKind(v))
	}
	return s
}

func (c *converter) obj(v any, ptr string) map[string]any {
	m, ok := v.(map[string]any)
	if !ok {
		c.fail(ptr, "expected an object, found %s", jsonKind(v))
	}
	return m
}

func (c *converter) arr(v any, ptr string) []any {
	a, ok := v.([]any)
	if !ok {
		c.fail(ptr, "expected an array, found %s", jsonKind(v))
	}
	return a
}

func (c *converter) number(v any, ptr string) string {
	switch n := v.(type) {
	case json.Number:
		return n.String()
	case float64:
		return fmt.Sprint(n)
	}
	c.fail(ptr, "expected a number, found %s", jsonKind(v))
	return ""
}

// dateTime checks an ISO 8601 date-time and keeps its lexical form.
func (c *converter) dateTime(v any, ptr string) rdf.Literal {
	s := c.str(v, ptr)
	if !validDateTime(s) {
		c.fail(ptr, "%q is not an ISO 8601 date-time", s)
	}
	return rdf.NewTypedLiteral(s, ns.XSDDateTime)
}

func validDateTime(s string) bool {
	for _, layout := range [...]string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04:05Z0700"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// langMap writes p with one language-tagged literal per entry of a {lang: text} object; a
// plain string is taken to be in the main language.
func (c *converter) langMap(s rdf.IRI, p rdf.IRI, v any, ptr, mainLang string) {
	if str, ok := v.(string); ok {
		if mainLang == "" {
			mainLang = "nl"
		}
		c.add(s, p, rdf.NewLangLiteral(str, mainLang))
		return
	}
	m := c.obj(v, ptr)
	for _, lang := range sortedKeys(m) {
		text := c.str(m[lang], ingest.JSONPointer(ptr, lang))
		c.add(s, p, rdf.NewLangLiteral(text, lang))
	}
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case json.Number, float64:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	default:
		return fmt.Sprintf("%T", v)
	}
}
