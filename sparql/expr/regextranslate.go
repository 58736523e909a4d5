package expr

import (
	"fmt"
	"regexp"
	"strings"
)

// translation is an XPath pattern rewritten for a Go engine.
type translation struct {
	src      string // for RE2, or for regexp2 when backrefs
	probe    string // src with each back-reference made an empty group, for RE2 to check
	backrefs bool   // src has back-references: only regexp2 runs it
	groups   int    // capturing groups
}

// translateRegex rewrites XPath regex syntax (https://www.w3.org/TR/xpath-functions-31/#regex-syntax)
// into RE2 syntax: the flags become (?s)(?m)(?i); x strips whitespace outside character
// classes; q quotes everything; \d, \w and their complements get XPath's Unicode meaning;
// \i and \c approximate XML name characters. Back-references (5.6.1) become regexp2
// conditionals (?(N)\N), which match the empty string when group N took no part in the
// match, as XPath says. Character class subtraction and \p{IsBlock} block escapes have no
// RE2 equivalent and are ErrBadRegex.
func translateRegex(p, flags string) (translation, error) {
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
			return translation{}, fmt.Errorf("%w: unknown flag %q", ErrBadRegex, f)
		}
	}
	if quote {
		if strings.Contains(flags, "i") {
			return translation{src: "(?i)" + regexp.QuoteMeta(p)}, nil
		}
		return translation{src: regexp.QuoteMeta(p)}, nil
	}
	if extended {
		p = stripRegexSpace(p)
	}
	var b, probe strings.Builder
	b.WriteString(prefix.String())
	probe.WriteString(prefix.String())
	write := func(s string) {
		b.WriteString(s)
		probe.WriteString(s)
	}
	var tr translation
	var open []int          // the groups open at this point, 0 for a non-capturing one
	closed := []bool{false} // closed[n]: group n's ) comes before this point
	depth := 0              // inside a character class when > 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '\\':
			if i+1 >= len(p) {
				return translation{}, fmt.Errorf("%w: trailing backslash", ErrBadRegex)
			}
			i++
			e := p[i]
			switch e {
			case 'd':
				write(classOr(depth, `\p{Nd}`, false))
			case 'D':
				write(classOr(depth, `\P{Nd}`, false))
			case 'w':
				write(classOr(depth, `\p{L}\p{M}\p{N}\p{S}`, true))
			case 'W':
				write(classOr(depth, `\p{P}\p{Z}\p{C}`, true))
			case 'i':
				write(classOr(depth, `\p{L}_:`, true))
			case 'c':
				write(classOr(depth, `\p{L}\p{Nd}\p{Mn}\p{Mc}._:\-`, true))
			case 'I', 'C':
				if depth > 0 {
					return translation{}, fmt.Errorf("%w: \\%c inside a character class", ErrBadRegex, e)
				}
				if e == 'I' {
					write(`[^\p{L}_:]`)
				} else {
					write(`[^\p{L}\p{Nd}\p{Mn}\p{Mc}._:\-]`)
				}
			case 'p', 'P':
				if strings.HasPrefix(p[i+1:], "{Is") {
					return translation{}, fmt.Errorf("%w: Unicode block escapes are not supported", ErrBadRegex)
				}
				write(`\` + string(e))
			case 'n', 'r', 't', '\\', '|', '.', '?', '*', '+', '(', ')', '{', '}', '$', '-', '[', ']', '^', 's', 'S':
				write(`\` + string(e))
			default:
				if e < '1' || e > '9' {
					return translation{}, fmt.Errorf("%w: unknown escape \\%c", ErrBadRegex, e)
				}
				if depth > 0 {
					return translation{}, fmt.Errorf("%w: back-reference \\%c inside a character class", ErrBadRegex, e)
				}
				// 5.6.1: \N takes further digits while the longer number still names a
				// group opened before it; that group must also be closed before it.
				n, opened := int(e-'0'), len(closed)-1
				for i+1 < len(p) && p[i+1] >= '0' && p[i+1] <= '9' && n*10+int(p[i+1]-'0') <= opened {
					n = n*10 + int(p[i+1]-'0')
					i++
				}
				switch {
				case n > opened:
					return translation{}, fmt.Errorf("%w: back-reference \\%d to a group that does not exist before it (err:FORX0002)", ErrBadRegex, n)
				case !closed[n]:
					return translation{}, fmt.Errorf("%w: back-reference \\%d inside the group it refers to (err:FORX0002)", ErrBadRegex, n)
				}
				tr.backrefs = true
				fmt.Fprintf(&b, `(?(%d)\%d)`, n, n)
				probe.WriteString(`(?:)`)
			}
		case c == '[':
			if depth > 0 {
				return translation{}, fmt.Errorf("%w: character class subtraction is not supported", ErrBadRegex)
			}
			depth++
			write("[")
			// A ] right after [ or [^ is literal in RE2 but an error in XPath; let RE2 decide.
		case c == ']' && depth > 0:
			depth--
			write("]")
		case c == '(' && depth == 0:
			if i+1 < len(p) && p[i+1] == '?' {
				open = append(open, 0)
			} else {
				open = append(open, len(closed))
				closed = append(closed, false)
			}
			write("(")
		case c == ')' && depth == 0:
			if k := len(open) - 1; k >= 0 {
				if open[k] > 0 {
					closed[open[k]] = true
				}
				open = open[:k]
			}
			write(")")
		case c == '.' && depth == 0 && !dotAll:
			// XPath's . excludes both line ends; RE2's excludes only \n.
			write(`[^\n\r]`)
		default:
			b.WriteByte(c)
			probe.WriteByte(c)
		}
	}
	tr.src, tr.probe, tr.groups = b.String(), probe.String(), len(closed)-1
	return tr, nil
}

// stripRegexSpace removes the whitespace of an x-flagged pattern: all of it outside character
// classes, a backslash's next character included ("\ d" is \d), as the x flag of XPath F&O
// 3.1 5.6.2 says.
func stripRegexSpace(p string) string {
	var b strings.Builder
	depth, escaped := 0, false
	for i := 0; i < len(p); i++ {
		c := p[i]
		if depth == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			continue
		}
		b.WriteByte(c)
		switch {
		case escaped:
			escaped = false
		case c == '\\':
			escaped = true
		case c == '[':
			depth++
		case c == ']' && depth > 0:
			depth--
		}
	}
	return b.String()
}

// classOr returns the class items s bare inside a class, or as a class of its own outside
// one (a single \p escape needs no brackets).
func classOr(depth int, s string, multi bool) string {
	if depth > 0 || !multi {
		return s
	}
	return "[" + s + "]"
}
