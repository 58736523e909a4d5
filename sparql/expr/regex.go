package expr

import (
	"fmt"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Regex implements REGEX(text, pattern) when flags is nil and REGEX(text, pattern, flags)
// otherwise (https://www.w3.org/TR/sparql11-query/#func-regex, XPath fn:matches). text may
// carry a language tag; pattern and flags must be simple literals. Flags are XPath's
// s, m, i, x and q.
func Regex(text, pattern, flags rdf.Term) (rdf.Term, error) {
	l, err := stringLit(text)
	if err != nil {
		return nil, err
	}
	re, err := regexArgs(pattern, flags)
	if err != nil {
		return nil, err
	}
	ok, err := re.MatchString(l.Lexical)
	if err != nil {
		return nil, err
	}
	return Bool(ok), nil
}

// Replace implements REPLACE(arg, pattern, replacement[, flags]) as XPath fn:replace
// (https://www.w3.org/TR/xpath-functions-31/#func-replace): $N in the replacement is the
// N-th group ($0 the match), \$ and \\ are a literal $ and \. A pattern that matches the
// empty string is ErrBadRegex (XPath err:FORX0003). The result keeps the argument's
// language tag.
func Replace(arg, pattern, replacement, flags rdf.Term) (rdf.Term, error) {
	l, err := stringLit(arg)
	if err != nil {
		return nil, err
	}
	re, err := regexArgs(pattern, flags)
	if err != nil {
		return nil, err
	}
	rep, err := simpleString(replacement)
	if err != nil {
		return nil, err
	}
	if empty, err := re.MatchString(""); err != nil {
		return nil, err
	} else if empty {
		return nil, fmt.Errorf("%w: pattern matches the empty string", ErrBadRegex)
	}
	var parts []replacementPart
	if fl, _ := simpleString(flags); strings.Contains(fl, "q") {
		// With q the replacement is literal too (XPath 3.1 fn:replace).
		parts = []replacementPart{{text: rep, group: -1}}
	} else if parts, err = parseReplacement(rep, re.NumSubexp()); err != nil {
		return nil, err
	}
	s, err := re.replaceAll(l.Lexical, parts)
	if err != nil {
		return nil, err
	}
	return withLexical(l, s), nil
}

func regexArgs(pattern, flags rdf.Term) (*Pattern, error) {
	p, err := simpleString(pattern)
	if err != nil {
		return nil, err
	}
	f := ""
	if flags != nil {
		if f, err = simpleString(flags); err != nil {
			return nil, err
		}
	}
	return CompileRegex(p, f)
}

// replacementPart is a piece of a parsed fn:replace replacement string: literal text when
// group < 0, else the text of that group (empty when the group took no part in the match
// or does not exist).
type replacementPart struct {
	text  string
	group int
}

// parseReplacement splits an XPath replacement string into literal text and group
// references, for a pattern with groups capturing groups.
func parseReplacement(s string, groups int) ([]replacementPart, error) {
	var parts []replacementPart
	start := 0 // of the literal text not yet in parts
	literal := func(end int) {
		if end > start {
			parts = append(parts, replacementPart{text: s[start:end], group: -1})
		}
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 >= len(s) || (s[i+1] != '\\' && s[i+1] != '$') {
				return nil, fmt.Errorf("%w: bad escape in replacement %q", ErrBadRegex, s)
			}
			literal(i)
			start = i + 1 // the escaped character starts the next literal text
			i++
		case '$':
			j := i + 1
			if j >= len(s) || s[j] < '0' || s[j] > '9' {
				return nil, fmt.Errorf("%w: $ without group number in replacement %q", ErrBadRegex, s)
			}
			n := int(s[j] - '0')
			j++
			// XPath takes as many further digits as still name an existing group.
			for j < len(s) && s[j] >= '0' && s[j] <= '9' && n*10+int(s[j]-'0') <= groups {
				n = n*10 + int(s[j]-'0')
				j++
			}
			literal(i)
			parts = append(parts, replacementPart{group: n})
			start = j
			i = j - 1
		}
	}
	literal(len(s))
	return parts, nil
}

// expand writes parts to b; group(n) is the text of group n, empty when it took no part in
// the match or does not exist.
func expand(b *strings.Builder, parts []replacementPart, group func(n int) string) {
	for _, p := range parts {
		if p.group < 0 {
			b.WriteString(p.text)
		} else {
			b.WriteString(group(p.group))
		}
	}
}
