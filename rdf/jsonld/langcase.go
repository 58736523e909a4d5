package jsonld

import "strings"

// langCasing undoes the lower-casing of language tags by json-gold's expansion, keeping tags
// as written as rdf/doc.go asks. It maps each lower-cased tag to the one spelling with capitals
// that the document uses for it, in a value or a key (language maps). A tag written in two
// different ways, or written only in lower case anywhere, stays lower case: both are the same
// tag to RDF 1.1, whose value space of language tags is lower case.
func langCasing(doc any) map[string]string {
	spellings := map[string]string{} // lower -> spelling, "" once ambiguous
	var visit func(s string)
	visit = func(s string) {
		if len(s) > 35 || !wellFormedLang(s) {
			return
		}
		low := strings.ToLower(s)
		prev, seen := spellings[low]
		switch {
		case !seen:
			spellings[low] = s
		case prev != s:
			spellings[low] = ""
		}
	}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			visit(x)
		case []any:
			for _, e := range x {
				walk(e)
			}
		case map[string]any:
			for k, e := range x {
				visit(k)
				walk(e)
			}
		}
	}
	walk(doc)
	out := map[string]string{}
	for low, s := range spellings {
		if s != "" && s != low {
			out[low] = s
		}
	}
	return out
}
