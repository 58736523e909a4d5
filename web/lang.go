package web

import (
	"sort"
	"strconv"
	"strings"
	"sync"

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

// labeler finds labels and descriptions in the store, caching per request and, through the
// server's labelCache, per data version across requests (predicates, classes and popular
// resources repeat on every page).
type labeler struct {
	tx     *triplestore.Tx
	prefs  []string
	langs  string // the preferences as one cache key part
	shared *labelCache
	cache  map[rdf.Term]texts
	preds  map[triplestore.TermID]rdf.IRI // IDs of labelPreds and descPreds, looked up once
	dec    *termDecoder                   // when set, the IDs of terms it decoded need no lookup
	// version is the data version read before tx began (0: unknown, nothing is shared).
	version uint64
}

// texts are a resource's chosen label and description.
type texts struct {
	label, labelLang, desc string
}

func newLabeler(tx *triplestore.Tx, prefs []string, shared *labelCache) *labeler {
	return &labeler{tx: tx, prefs: prefs, langs: strings.Join(prefs, ","), shared: shared, cache: map[rdf.Term]texts{}}
}

// maxLabelScan bounds the statements read to find a resource's label and description.
const maxLabelScan = 256

// texts reads t's label and description in one scan of its statements (one seek of the SPO
// index): the first predicate of labelPreds (descPreds) that has literals wins, and among
// its values the one whose language the preferences rank best.
func (l *labeler) texts(t rdf.Term) texts {
	if x, ok := l.cache[t]; ok {
		return x
	}
	if x, ok := l.shared.get(t, l.langs); ok {
		l.cache[t] = x
		return x
	}
	var x texts
	if t.Kind() != rdf.KindLiteral {
		x = l.scan(t)
	}
	l.cache[t] = x
	l.shared.put(t, l.langs, x)
	return x
}

// scan reads t's statements at the ID level (one seek of the SPO index) and decodes only
// the objects of label and description predicates: a linked resource's other statements
// cost no dictionary reads. Errors leave the texts empty (the page falls back to a name).
func (l *labeler) scan(t rdf.Term) texts {
	if l.preds == nil {
		l.preds = l.shared.textPreds(l.tx, l.version)
	}
	var c textChooser
	if len(l.preds) == 0 {
		return c.texts()
	}
	var id triplestore.TermID
	var ok bool
	var err error
	if l.dec != nil {
		id, ok, err = l.dec.id(t)
	} else {
		id, ok, err = l.tx.LookupID(t)
	}
	if err != nil || !ok {
		return c.texts()
	}
	it := l.tx.Match(triplestore.Pattern{id, 0, 0, 0})
	defer it.Close()
	for n := 0; n < maxLabelScan && it.Next(); n++ {
		q := it.Quad()
		p, ok := l.preds[q[1]]
		if !ok {
			continue
		}
		o, err := l.tx.Term(q[2])
		if err != nil {
			return texts{}
		}
		c.add(p, o, l.prefs)
	}
	return c.texts()
}

// seed records the texts of a resource whose statements the caller has read already (the
// described resource, its hash IRIs and blank nodes), sparing their store lookups.
func (l *labeler) seed(t rdf.Term, props []triple) {
	if _, ok := l.cache[t]; ok {
		return
	}
	var c textChooser
	for i, tr := range props {
		if i == maxLabelScan {
			return // the store holds more than the scan would read: look it up as usual
		}
		c.add(tr.p, tr.o, l.prefs)
	}
	l.cache[t] = c.texts()
}

// textChooser picks a label and a description among a resource's statements: the first
// predicate of labelPreds (descPreds) that has literals wins, and among its values the one
// whose language the preferences rank best.
type textChooser struct {
	lab, desc textPick
	set       bool
}

type textPick struct {
	rank, score int
	lex, lang   string
}

func (c *textChooser) add(pred, obj rdf.Term, prefs []string) {
	if !c.set {
		c.lab, c.desc, c.set = textPick{rank: 1 << 30}, textPick{rank: 1 << 30}, true
	}
	lit, ok := obj.(rdf.Literal)
	if !ok {
		return
	}
	p, _ := pred.(rdf.IRI)
	consider := func(tp *textPick, rank int) {
		s := langScore(lit.Lang, prefs)
		if rank < tp.rank || (rank == tp.rank && s < tp.score) {
			*tp = textPick{rank, s, lit.Lexical, lit.Lang}
		}
	}
	if r := indexOf(labelPreds, p); r >= 0 {
		consider(&c.lab, r)
	} else if r := indexOf(descPreds, p); r >= 0 {
		consider(&c.desc, r)
	}
}

func (c *textChooser) texts() texts {
	return texts{label: c.lab.lex, labelLang: c.lab.lang, desc: c.desc.lex}
}

func indexOf(ps []rdf.IRI, p rdf.IRI) int {
	for i, q := range ps {
		if q == p {
			return i
		}
	}
	return -1
}

// label returns a human label for t: its label in the store, else a compact name.
func (l *labeler) label(t rdf.Term) string {
	if s := l.texts(t).label; s != "" {
		return s
	}
	return shortName(t)
}

// labelCache holds chosen texts for one data version; a new version, or more than max
// entries, empties it.
type labelCache struct {
	mu      sync.Mutex
	version uint64
	m       map[labelKey]texts
	max     int
	preds   map[triplestore.TermID]rdf.IRI // textPreds of version predsV
	predsV  uint64
	store   interface{ DataVersion() uint64 }
}

type labelKey struct {
	t     rdf.Term
	langs string
}

func newLabelCache(store interface{ DataVersion() uint64 }, max int) *labelCache {
	return &labelCache{store: store, max: max, m: map[labelKey]texts{}}
}

// textPreds returns the IDs of labelPreds and descPreds, looked up once per data version:
// version must have been read before tx began (tx then sees that version or a later one, and
// a lookup filed under an older version than the current one is never used again). The map is
// shared: callers only read it.
func (c *labelCache) textPreds(tx *triplestore.Tx, version uint64) map[triplestore.TermID]rdf.IRI {
	lookup := func() map[triplestore.TermID]rdf.IRI {
		m := map[triplestore.TermID]rdf.IRI{}
		for _, ps := range [][]rdf.IRI{labelPreds, descPreds} {
			for _, p := range ps {
				if id, ok, err := tx.LookupID(p); err == nil && ok {
					m[id] = p
				}
			}
		}
		return m
	}
	if c == nil || version == 0 {
		return lookup()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.preds != nil && c.predsV == version {
		return c.preds
	}
	m := lookup()
	if version > c.predsV || c.preds == nil {
		c.preds, c.predsV = m, version
	}
	return m
}

func (c *labelCache) get(t rdf.Term, langs string) (texts, bool) {
	if c == nil {
		return texts{}, false
	}
	v := c.store.DataVersion()
	c.mu.Lock()
	defer c.mu.Unlock()
	if v != c.version {
		c.version, c.m = v, map[labelKey]texts{}
		return texts{}, false
	}
	x, ok := c.m[labelKey{t, langs}]
	return x, ok
}

func (c *labelCache) put(t rdf.Term, langs string, x texts) {
	if c == nil {
		return
	}
	v := c.store.DataVersion()
	c.mu.Lock()
	defer c.mu.Unlock()
	if v != c.version || len(c.m) >= c.max {
		c.version, c.m = v, map[labelKey]texts{}
	}
	c.m[labelKey{t, langs}] = x
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
