package expr

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

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
	return Bool(re.MatchString(l.Lexical)), nil
}

// Replace implements REPLACE(arg, pattern, replacement[, flags]) as XPath fn:replace: $N
// in the replacement is the N-th group ($0 the match), \$ and \\ are a literal $ and \.
// A pattern that matches the empty string is ErrBadRegex (XPath err:FORX0003). The result
// keeps the argument's language tag.
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
	if re.MatchString("") {
		return nil, fmt.Errorf("%w: pattern matches the empty string", ErrBadRegex)
	}
	var tmpl string
	if fl, _ := simpleString(flags); strings.Contains(fl, "q") {
		// With q the replacement is literal too (XPath 3.1 fn:replace).
		tmpl = strings.ReplaceAll(rep, "$", "$$")
	} else if tmpl, err = replacementTemplate(rep, re.NumSubexp()); err != nil {
		return nil, err
	}
	return withLexical(l, re.ReplaceAllString(l.Lexical, tmpl)), nil
}

func regexArgs(pattern, flags rdf.Term) (*regexp.Regexp, error) {
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

// replacementTemplate turns an XPath replacement string into a regexp.Expand template.
func replacementTemplate(s string, groups int) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			if i+1 < len(s) && (s[i+1] == '\\' || s[i+1] == '$') {
				if s[i+1] == '$' {
					b.WriteString("$$")
				} else {
					b.WriteByte('\\')
				}
				i++
				continue
			}
			return "", fmt.Errorf("%w: bad escape in replacement %q", ErrBadRegex, s)
		case '$':
			j := i + 1
			if j >= len(s) || s[j] < '0' || s[j] > '9' {
				return "", fmt.Errorf("%w: $ without group number in replacement %q", ErrBadRegex, s)
			}
			n := int(s[j] - '0')
			j++
			// XPath takes as many further digits as still name an existing group.
			for j < len(s) && s[j] >= '0' && s[j] <= '9' && n*10+int(s[j]-'0') <= groups {
				n = n*10 + int(s[j]-'0')
				j++
			}
			fmt.Fprintf(&b, "${%d}", n)
			i = j - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

var regexCache struct {
	sync.Mutex
	m map[[2]string]*regexp.Regexp
}

const regexCacheSize = 512

// CompileRegex compiles an XPath regular expression with XPath flags into a Go regexp,
// caching the result (a bounded cache shared by all queries; regexps are safe for
// concurrent use). Errors wrap ErrBadRegex.
func CompileRegex(pattern, flags string) (*regexp.Regexp, error) {
	key := [2]string{pattern, flags}
	regexCache.Lock()
	re, ok := regexCache.m[key]
	regexCache.Unlock()
	if ok {
		return re, nil
	}
	src, err := translateRegex(pattern, flags)
	if err != nil {
		return nil, err
	}
	re, err = regexp.Compile(src)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadRegex, err)
	}
	regexCache.Lock()
	if regexCache.m == nil || len(regexCache.m) >= regexCacheSize {
		regexCache.m = make(map[[2]string]*regexp.Regexp)
	}
	regexCache.m[key] = re
	regexCache.Unlock()
	return re, nil
}

// translateRegex rewrites XPath regex syntax (https://www.w3.org/TR/xpath-functions/#regex-syntax)
// into RE2 syntax: the flags become (?s)(?m)(?i); x strips whitespace outside character
// classes; q quotes everything; \d, \w and their complements get XPath's Unicode meaning;
// \i and \c approximate XML name characters. Back-references, character class subtraction
// and \p{IsBlock} block escapes have no RE2 equivalent and are ErrBadRegex.
func translateRegex(p, flags string) (string, error) {
	var prefix strings.Builder
	quote, extended, dotAll := false, false, false
	for _, f := range flags {
		switch f {
		case 's', 'm', 'i':
			dotAll = dotAll || f == 's'
			if !strings.ContainsRune(prefix.String(), f) {
				prefix.WriteString("(?" + string(f) + ")")
			}
		case 'x':
			extended = true
		case 'q':
			quote = true
		default:
			return "", fmt.Errorf("%w: unknown flag %q", ErrBadRegex, f)
		}
	}
	if quote {
		if strings.Contains(flags, "i") {
			return "(?i)" + regexp.QuoteMeta(p), nil
		}
		return regexp.QuoteMeta(p), nil
	}
	var b strings.Builder
	b.WriteString(prefix.String())
	depth := 0 // inside a character class when > 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\':
			if i+1 >= len(p) {
				return "", fmt.Errorf("%w: trailing backslash", ErrBadRegex)
			}
			i++
			e := p[i]
			switch e {
			case 'd':
				b.WriteString(classOr(depth, `\p{Nd}`, false))
			case 'D':
				b.WriteString(classOr(depth, `\P{Nd}`, false))
			case 'w':
				b.WriteString(classOr(depth, `\p{L}\p{M}\p{N}\p{S}`, true))
			case 'W':
				b.WriteString(classOr(depth, `\p{P}\p{Z}\p{C}`, true))
			case 'i':
				b.WriteString(classOr(depth, `\p{L}_:`, true))
			case 'c':
				b.WriteString(classOr(depth, `\p{L}\p{Nd}\p{Mn}\p{Mc}._:\-`, true))
			case 'I', 'C':
				if depth > 0 {
					return "", fmt.Errorf("%w: \\%c inside a character class", ErrBadRegex, e)
				}
				if e == 'I' {
					b.WriteString(`[^\p{L}_:]`)
				} else {
					b.WriteString(`[^\p{L}\p{Nd}\p{Mn}\p{Mc}._:\-]`)
				}
			case 'p', 'P':
				if strings.HasPrefix(p[i+1:], "{Is") {
					return "", fmt.Errorf("%w: Unicode block escapes are not supported", ErrBadRegex)
				}
				b.WriteByte('\\')
				b.WriteByte(e)
			case 'n', 'r', 't', '\\', '|', '.', '?', '*', '+', '(', ')', '{', '}', '$', '-', '[', ']', '^':
				b.WriteByte('\\')
				b.WriteByte(e)
			case 's', 'S':
				b.WriteByte('\\')
				b.WriteByte(e)
			default:
				if e >= '1' && e <= '9' {
					return "", fmt.Errorf("%w: back-references are not supported", ErrBadRegex)
				}
				return "", fmt.Errorf("%w: unknown escape \\%c", ErrBadRegex, e)
			}
		case c == '[':
			if depth > 0 {
				return "", fmt.Errorf("%w: character class subtraction is not supported", ErrBadRegex)
			}
			depth++
			b.WriteByte(c)
			// A ] right after [ or [^ is literal in RE2 but an error in XPath; let RE2 decide.
		case c == ']' && depth > 0:
			depth--
			b.WriteByte(c)
		case c == '.' && depth == 0 && !dotAll:
			// XPath's . excludes both line ends; RE2's excludes only \n.
			b.WriteString(`[^\n\r]`)
		case extended && depth == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r'):
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), nil
}

// classOr returns the class items s bare inside a class, or as a class of its own outside
// one (a single \p escape needs no brackets).
func classOr(depth int, s string, multi bool) string {
	if depth > 0 || !multi {
		return s
	}
	return "[" + s + "]"
}
