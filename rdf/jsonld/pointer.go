package jsonld

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
)

// locateBudget bounds the expansions locate may run; it only runs on documents that failed.
const locateBudget = 400

// locate finds the JSON pointer (RFC 6901) of the deepest value that still makes fails true
// when everything beside the path to it is pruned from doc. json-gold reports error codes
// but not where; this recovers the where by re-expanding ever smaller documents. Objects on
// the path keep their @context, and their string-valued entries when needed (they may be
// @type or an alias of it, which select type-scoped contexts); arrays are bisected, so a long
// @graph costs O(log n) expansions of shrinking halves.
func locate(doc any, fails func(any) bool) string {
	l := &locator{fails: fails, budget: locateBudget}
	return l.walk(doc, "", func(v any) any { return v })
}

type locator struct {
	fails  func(any) bool
	budget int
}

func (l *locator) try(doc any) bool {
	if l.budget <= 0 {
		return false
	}
	l.budget--
	return l.fails(doc)
}

// walk looks inside v, found at ptr; wrap rebuilds the pruned document around a replacement
// for v.
func (l *locator) walk(v any, ptr string, wrap func(any) any) string {
	switch x := v.(type) {
	case map[string]any:
		ctx, hasCtx := x["@context"]
		base := func() map[string]any {
			o := map[string]any{}
			if hasCtx {
				o["@context"] = ctx
			}
			return o
		}
		if hasCtx && l.try(wrap(base())) {
			return l.context(ctx, ptr+"/@context", func(c any) any { return wrap(map[string]any{"@context": c}) })
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			if k != "@context" {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		descend := func(o map[string]any, k string) string {
			return l.walk(x[k], ptr+"/"+escapePointer(k), func(nv any) any {
				o2 := make(map[string]any, len(o))
				for kk, vv := range o {
					o2[kk] = vv
				}
				o2[k] = nv
				return wrap(o2)
			})
		}
		for _, k := range keys {
			o := base()
			o[k] = x[k]
			if l.try(wrap(o)) {
				return descend(o, k)
			}
		}
		// Nothing fails alone: try each entry again next to the string-valued ones.
		var plain []string
		for _, k := range keys {
			if isStrings(x[k]) {
				plain = append(plain, k)
			}
		}
		for _, k := range keys {
			if isStrings(x[k]) {
				continue
			}
			o := base()
			for _, p := range plain {
				o[p] = x[p]
			}
			o[k] = x[k]
			if l.try(wrap(o)) {
				return descend(o, k)
			}
		}
		return ptr
	case []any:
		lo, hi := 0, len(x)
		for hi-lo > 1 {
			mid := (lo + hi) / 2
			if l.try(wrap(x[lo:mid:mid])) {
				hi = mid
			} else if l.try(wrap(x[mid:hi:hi])) {
				lo = mid
			} else {
				return ptr // only a combination of entries fails
			}
		}
		if hi-lo == 1 {
			i := lo
			return l.walk(x[i], ptr+"/"+strconv.Itoa(i), func(nv any) any { return wrap([]any{nv}) })
		}
		return ptr
	default:
		return ptr
	}
}

// context narrows an error in a local context down to the entry whose removal makes it go
// away: term definitions refer to each other, so pruning to one entry would change their
// meaning, but leaving one out only removes the culprit. rebuild makes a whole document around
// a replacement for ctx.
func (l *locator) context(ctx any, ptr string, rebuild func(any) any) string {
	switch x := ctx.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		without := func(skip string) map[string]any {
			o := make(map[string]any, len(x))
			for k, v := range x {
				if k != skip {
					o[k] = v
				}
			}
			return o
		}
		for _, k := range keys {
			if l.budget > 0 && !l.try(rebuild(without(k))) {
				return l.context(x[k], ptr+"/"+escapePointer(k), func(nv any) any {
					o := without("")
					o[k] = nv
					return rebuild(o)
				})
			}
		}
	case []any:
		for i := range x {
			rest := append(append([]any{}, x[:i]...), x[i+1:]...)
			if l.budget > 0 && !l.try(rebuild(rest)) {
				return l.context(x[i], ptr+"/"+strconv.Itoa(i), func(nv any) any {
					o := append([]any{}, x...)
					o[i] = nv
					return rebuild(o)
				})
			}
		}
	}
	return ptr
}

func isStrings(v any) bool {
	switch x := v.(type) {
	case string:
		return true
	case []any:
		for _, e := range x {
			if _, ok := e.(string); !ok {
				return false
			}
		}
		return true
	}
	return false
}

func escapePointer(tok string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(tok)
}

func unescapePointer(tok string) string {
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
}

// pointerOffset finds the byte offset in data where the value at ptr starts. With duplicate
// keys it finds the first.
func pointerOffset(data []byte, ptr string) (int64, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if ptr == "" {
		return skipSpace(data, 0), true
	}
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = unescapePointer(tok)
		open, err := dec.Token()
		if err != nil {
			return 0, false
		}
		switch open {
		case json.Delim('{'):
			for {
				if !dec.More() {
					return 0, false
				}
				key, err := dec.Token()
				if err != nil {
					return 0, false
				}
				if key == tok {
					break
				}
				if !skipValue(dec) {
					return 0, false
				}
				continue
			}
		case json.Delim('['):
			n, err := strconv.Atoi(tok)
			if err != nil || n < 0 {
				return 0, false
			}
			for i := 0; i < n; i++ {
				if !dec.More() || !skipValue(dec) {
					return 0, false
				}
			}
			if !dec.More() {
				return 0, false
			}
		default:
			return 0, false
		}
	}
	// The decoder stopped after the key or the previous value; skip to the value itself.
	off := dec.InputOffset()
	for off < int64(len(data)) {
		switch data[off] {
		case ' ', '\t', '\r', '\n', ':', ',':
			off++
			continue
		}
		break
	}
	return off, true
}

func skipValue(dec *json.Decoder) bool {
	var raw json.RawMessage
	return dec.Decode(&raw) == nil
}
