package shacl

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/vocab/sh"
)

// str is SPARQL's STR() for the string-based constraints; blank nodes have none.
func str(t rdf.Term) (string, bool) {
	switch t := t.(type) {
	case rdf.IRI:
		return string(t), true
	case rdf.Literal:
		return t.Lexical, true
	default:
		return "", false
	}
}

// lengthConstraint is sh:minLength or sh:maxLength
// (https://www.w3.org/TR/shacl/#MinLengthConstraintComponent).
type lengthConstraint struct {
	max bool
	n   int
}

func (c lengthConstraint) Component() rdf.IRI {
	if c.max {
		return sh.MaxLengthConstraintComponent
	}
	return sh.MinLengthConstraintComponent
}

func (c lengthConstraint) check(r *run, s *Shape, focus rdf.Term, values []rdf.Term) {
	for _, v := range values {
		text, ok := str(v)
		n := utf8.RuneCountInString(text)
		switch {
		case !ok:
			r.emit(s, focus, v, c, fmt.Sprintf("Value %s has no string form", describe(v)))
		case c.max && n > c.n:
			r.emit(s, focus, v, c, fmt.Sprintf("Value has more than %d characters (%d)", c.n, n))
		case !c.max && n < c.n:
			r.emit(s, focus, v, c, fmt.Sprintf("Value has less than %d characters (%d)", c.n, n))
		}
	}
}

func parseMinLength(c *compiler, s *Shape) ([]Constraint, error) {
	n, err := c.integerParam(s, sh.MinLength)
	if err != nil || n < 0 {
		return nil, err
	}
	return []Constraint{lengthConstraint{false, n}}, nil
}

func parseMaxLength(c *compiler, s *Shape) ([]Constraint, error) {
	n, err := c.integerParam(s, sh.MaxLength)
	if err != nil || n < 0 {
		return nil, err
	}
	return []Constraint{lengthConstraint{true, n}}, nil
}

// patternConstraint is sh:pattern with sh:flags
// (https://www.w3.org/TR/shacl/#PatternConstraintComponent).
type patternConstraint struct {
	pattern string
	re      *regexp.Regexp
}

func (patternConstraint) Component() rdf.IRI { return sh.PatternConstraintComponent }

func (c patternConstraint) check(r *run, s *Shape, focus rdf.Term, values []rdf.Term) {
	for _, v := range values {
		text, ok := str(v)
		if !ok || !c.re.MatchString(text) {
			r.emit(s, focus, v, c, fmt.Sprintf("Value %s does not match pattern %q", describe(v), c.pattern))
		}
	}
}

func parsePattern(c *compiler, s *Shape) ([]Constraint, error) {
	var flags string
	if f, err := c.oneValue(s, sh.Flags); err != nil {
		return nil, err
	} else if f != nil {
		l, ok := f.(rdf.Literal)
		if !ok {
			return nil, fmt.Errorf("sh:flags must be a literal, found %s", f)
		}
		flags = l.Lexical
	}
	var out []Constraint
	for _, p := range c.g.Objects(s.ID, sh.Pattern) {
		l, ok := p.(rdf.Literal)
		if !ok {
			return nil, fmt.Errorf("sh:pattern must be a literal, found %s", p)
		}
		re, err := compileXPathRegex(l.Lexical, flags)
		if err != nil {
			return nil, fmt.Errorf("sh:pattern %q: %v", l.Lexical, err)
		}
		out = append(out, patternConstraint{l.Lexical, re})
	}
	return out, nil
}

// compileXPathRegex maps an XPath regular expression with flags
// (https://www.w3.org/TR/xpath-functions/#flags) onto Go's RE2.
func compileXPathRegex(pattern, flags string) (*regexp.Regexp, error) {
	var goFlags string
	for _, f := range flags {
		switch f {
		case 'i', 's', 'm':
			if !strings.ContainsRune(goFlags, f) {
				goFlags += string(f)
			}
		case 'x':
			pattern = strings.Map(func(r rune) rune {
				if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
					return -1
				}
				return r
			}, pattern)
		case 'q':
			pattern = regexp.QuoteMeta(pattern)
		default:
			return nil, fmt.Errorf("unknown flag %q", f)
		}
	}
	if goFlags != "" {
		pattern = "(?" + goFlags + ")" + pattern
	}
	return regexp.Compile(pattern)
}

// languageInConstraint is sh:languageIn
// (https://www.w3.org/TR/shacl/#LanguageInConstraintComponent).
type languageInConstraint struct{ ranges []string }

func (languageInConstraint) Component() rdf.IRI { return sh.LanguageInConstraintComponent }

func (c languageInConstraint) check(r *run, s *Shape, focus rdf.Term, values []rdf.Term) {
	for _, v := range values {
		l, ok := v.(rdf.Literal)
		matched := false
		if ok && l.Lang != "" {
			for _, rg := range c.ranges {
				if langMatches(l.Lang, rg) {
					matched = true
					break
				}
			}
		}
		if !matched {
			r.emit(s, focus, v, c, fmt.Sprintf("Language of %s is not one of %s", describe(v), strings.Join(c.ranges, ", ")))
		}
	}
}

// langMatches is SPARQL's langMatches: basic filtering of RFC 4647 section 3.3.1.
func langMatches(tag, rg string) bool {
	if rg == "*" {
		return tag != ""
	}
	if len(tag) < len(rg) || !strings.EqualFold(tag[:len(rg)], rg) {
		return false
	}
	return len(tag) == len(rg) || tag[len(rg)] == '-'
}

func parseLanguageIn(c *compiler, s *Shape) ([]Constraint, error) {
	v, err := c.oneValue(s, sh.LanguageIn)
	if err != nil || v == nil {
		return nil, err
	}
	members, err := c.g.List(v)
	if err != nil {
		return nil, fmt.Errorf("sh:languageIn: %v", err)
	}
	k := languageInConstraint{}
	for _, m := range members {
		l, ok := m.(rdf.Literal)
		if !ok {
			return nil, fmt.Errorf("sh:languageIn members must be literals, found %s", m)
		}
		k.ranges = append(k.ranges, l.Lexical)
	}
	return []Constraint{k}, nil
}

// uniqueLangConstraint is sh:uniqueLang true
// (https://www.w3.org/TR/shacl/#UniqueLangConstraintComponent).
type uniqueLangConstraint struct{}

func (uniqueLangConstraint) Component() rdf.IRI { return sh.UniqueLangConstraintComponent }

func (c uniqueLangConstraint) check(r *run, s *Shape, focus rdf.Term, values []rdf.Term) {
	count := map[string]int{}
	var order []string
	for _, v := range values {
		if l, ok := v.(rdf.Literal); ok && l.Lang != "" {
			k := strings.ToLower(l.Lang)
			if count[k] == 0 {
				order = append(order, k)
			}
			count[k]++
		}
	}
	for _, k := range order {
		if count[k] > 1 {
			r.emit(s, focus, nil, c, fmt.Sprintf("Language %q used by %d values", k, count[k]))
		}
	}
}

func parseUniqueLang(c *compiler, s *Shape) ([]Constraint, error) {
	b, err := c.boolParam(s, sh.UniqueLang)
	if err != nil || !b || !s.IsProperty() {
		return nil, err
	}
	return []Constraint{uniqueLangConstraint{}}, nil
}
