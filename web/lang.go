package web

import (
	"sort"
	"strconv"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// langPrefs parses Accept-Language (https://www.rfc-editor.org/rfc/rfc9110#section-12.5.4)
// into lowercase tags, most preferred first; "*" and q=0 entries are dropped.
func langPrefs(h string) []string {
	type lq struct {
		tag string
		q   float64
		i   int
	}
	var ls []lq
	for i, part := range strings.Split(h, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		tag = strings.ToLower(strings.TrimSpace(tag))
		if tag == "" || tag == "*" {
			continue
		}
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		if q > 0 {
			ls = append(ls, lq{tag, q, i})
		}
	}
	sort.SliceStable(ls, func(a, b int) bool { return ls[a].q > ls[b].q })
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.tag
	}
	return out
}

// langScore ranks a literal's language against the preferences: lower is better. An exact
// tag beats a prefix match ("nl" for "nl-be" and back), which beats no language, which beats
// any other language.
func langScore(lang string, prefs []string) int {
	lang = strings.ToLower(lang)
	for i, p := range prefs {
		if lang == p {
			return 2 * i
		}
		if lang != "" && (strings.HasPrefix(lang, p+"-") || strings.HasPrefix(p, lang+"-")) {
			return 2*i + 1
		}
	}
	if lang == "" {
		return 2 * len(prefs)
	}
	return 2*len(prefs) + 1
}

// labeler finds labels and descriptions in the store, caching per request.
type labeler struct {
	tx    *triplestore.Tx
	prefs []string
	cache map[rdf.Term]string
}

func newLabeler(tx *triplestore.Tx, prefs []string) *labeler {
	return &labeler{tx: tx, prefs: prefs, cache: map[rdf.Term]string{}}
}

// best returns the literal of t by the first predicate of preds that has one, choosing among
// its values by language; "" when there is none.
func (l *labeler) best(t rdf.Term, preds []rdf.IRI) (string, string) {
	for _, p := range preds {
		it := l.tx.MatchTerms(t, p, nil, nil)
		best, bestLang, score, n := "", "", 1<<30, 0
		for it.Next() && n < 64 {
			n++
			lit, ok := it.Quad().Object.(rdf.Literal)
			if !ok {
				continue
			}
			if s := langScore(lit.Lang, l.prefs); s < score {
				best, bestLang, score = lit.Lexical, lit.Lang, s
			}
		}
		it.Close()
		if best != "" {
			return best, bestLang
		}
	}
	return "", ""
}

// label returns a human label for t: its label in the store, else a compact name.
func (l *labeler) label(t rdf.Term) string {
	if s, ok := l.cache[t]; ok {
		return s
	}
	s := ""
	if t.Kind() != rdf.KindLiteral {
		s, _ = l.best(t, labelPreds)
	}
	if s == "" {
		s = shortName(t)
	}
	if len(l.cache) < 4096 {
		l.cache[t] = s
	}
	return s
}

// shortName is the last segment of an IRI (after # or the last /), or the term itself.
func shortName(t rdf.Term) string {
	switch x := t.(type) {
	case rdf.IRI:
		s := string(x)
		if i := strings.LastIndexAny(strings.TrimRight(s, "/#"), "#/"); i >= 0 && i < len(s)-1 {
			if n := strings.TrimRight(s[i+1:], "/#"); n != "" {
				return n
			}
		}
		return s
	case rdf.BlankNode:
		return "(blank node)"
	case rdf.Literal:
		return x.Lexical
	}
	return ""
}
