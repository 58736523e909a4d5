package turtle

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// termFormatter writes terms in Turtle's abbreviated forms: relative IRIs against the base,
// prefixed names, short numbers and booleans, long strings.
type termFormatter struct {
	base    *rdf.Base
	baseIRI string
	ns      []rdf.Namespace // valid prefixes, longest namespace IRI first
}

func newTermFormatter(opts rdf.WriteOptions) *termFormatter {
	f := &termFormatter{baseIRI: opts.Base}
	if opts.Base != "" && rdf.IsAbsoluteIRI(opts.Base) {
		f.base = rdf.NewBase(opts.Base)
	} else {
		f.baseIRI = ""
	}
	seen := map[string]bool{}
	for _, n := range opts.Prefixes {
		if !validPrefix(n.Prefix) || seen[n.Prefix] || !rdf.IsAbsoluteIRI(n.IRI) {
			continue
		}
		seen[n.Prefix] = true
		f.ns = append(f.ns, n)
	}
	sort.SliceStable(f.ns, func(i, j int) bool { return len(f.ns[i].IRI) > len(f.ns[j].IRI) })
	return f
}

// validPrefix reports whether p is a PN_PREFIX (or empty).
func validPrefix(p string) bool {
	for i, r := range p {
		switch {
		case i == 0 && !isPNCharsBase(r):
			return false
		case !isPNChars(r) && r != '.':
			return false
		}
	}
	return !strings.HasSuffix(p, ".")
}

// header writes @base and @prefix lines.
func (f *termFormatter) header(b *strings.Builder, ordered []rdf.Namespace) {
	if f.baseIRI != "" {
		b.WriteString("@base ")
		b.WriteString(rdf.IRI(f.baseIRI).String())
		b.WriteString(" .\n")
	}
	seen := map[string]bool{}
	for _, n := range ordered {
		if !validPrefix(n.Prefix) || seen[n.Prefix] || !rdf.IsAbsoluteIRI(n.IRI) {
			continue
		}
		seen[n.Prefix] = true
		fmt.Fprintf(b, "@prefix %s: %s .\n", n.Prefix, rdf.IRI(n.IRI).String())
	}
	if f.baseIRI != "" || len(seen) > 0 {
		b.WriteByte('\n')
	}
}

func (f *termFormatter) term(b *strings.Builder, t rdf.Term) {
	switch t := t.(type) {
	case rdf.IRI:
		f.iri(b, t)
	case rdf.BlankNode:
		b.WriteString("_:")
		b.WriteString(blankLabel(string(t)))
	case rdf.Literal:
		f.literal(b, t)
	default:
		panic(fmt.Sprintf("unreachable: %T", t))
	}
}

func (f *termFormatter) iri(b *strings.Builder, i rdf.IRI) {
	s := string(i)
	for _, n := range f.ns {
		if strings.HasPrefix(s, n.IRI) {
			if local, ok := pnLocal(s[len(n.IRI):]); ok {
				b.WriteString(n.Prefix)
				b.WriteByte(':')
				b.WriteString(local)
				return
			}
		}
	}
	if f.base != nil && strings.HasPrefix(s, f.baseIRI) {
		rel := s[len(f.baseIRI):]
		if r, ok := f.base.Resolve(rel); ok && r == s {
			b.WriteByte('<')
			rdf.WriteIRIEscaped(b, rel)
			b.WriteByte('>')
			return
		}
	}
	b.WriteByte('<')
	rdf.WriteIRIEscaped(b, s)
	b.WriteByte('>')
}

// pnLocal returns s written as a PN_LOCAL, or false if s cannot be one without
// backslash escapes (https://www.w3.org/TR/turtle/#grammar-production-PN_LOCAL): a name
// like ex:a\/b is legal but harder to read than the full IRI, so the writer avoids it.
func pnLocal(s string) (string, bool) {
	for i, r := range s {
		last := i+utf8.RuneLen(r) == len(s)
		switch {
		case r == utf8.RuneError:
			return "", false
		case r == ':' || isPNCharsU(r) || isDigit(r):
		case i > 0 && !last && r == '.':
		case i > 0 && isPNChars(r): // '-', U+00B7 and combining marks may end but not start
		case r == '%' && i+2 < len(s) && isHex(rune(s[i+1])) && isHex(rune(s[i+2])):
			// kept as written: the reader does not decode %XX either
		default:
			return "", false
		}
	}
	return s, true
}

// blankLabel returns a valid BLANK_NODE_LABEL for a label: labels of ASCII letters and
// digits are kept, anything else is encoded injectively (other characters as _hex_).
func blankLabel(l string) string {
	plain := l != ""
	for i := 0; i < len(l); i++ {
		if !isAlnum(rune(l[i])) {
			plain = false
			break
		}
	}
	if plain {
		return l
	}
	var b strings.Builder
	b.WriteByte('_')
	for _, r := range l {
		if isAlnum(r) {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "_%x_", r)
		}
	}
	return b.String()
}

func (f *termFormatter) literal(b *strings.Builder, l rdf.Literal) {
	switch l.Datatype {
	case xsd + "integer":
		if isInteger(l.Lexical) {
			b.WriteString(l.Lexical)
			return
		}
	case xsd + "decimal":
		if isDecimal(l.Lexical) {
			b.WriteString(l.Lexical)
			return
		}
	case xsd + "double":
		if isDouble(l.Lexical) {
			b.WriteString(l.Lexical)
			return
		}
	case xsd + "boolean":
		if l.Lexical == "true" || l.Lexical == "false" {
			b.WriteString(l.Lexical)
			return
		}
	}
	quoteString(b, l.Lexical)
	switch {
	case l.Lang != "":
		b.WriteByte('@')
		b.WriteString(l.Lang)
	case l.Datatype != rdf.XSDString && l.Datatype != "":
		b.WriteString("^^")
		f.iri(b, l.Datatype)
	}
}

// quoteString writes a string literal: """long""" when it spans lines, "short" otherwise.
func quoteString(b *strings.Builder, s string) {
	if !strings.Contains(s, "\n") {
		b.WriteByte('"')
		rdf.WriteStringEscaped(b, s)
		b.WriteByte('"')
		return
	}
	b.WriteString(`"""`)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\r':
			b.WriteString(`\r`)
		case '\n':
			b.WriteByte('\n')
		default:
			if c < 0x20 && c != '\t' || c == 0x7f {
				fmt.Fprintf(b, `\u%04X`, c)
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteString(`"""`)
}

func digits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

func trimSign(s string) string {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		return s[1:]
	}
	return s
}

// isInteger matches INTEGER ::= [+-]? [0-9]+
func isInteger(s string) bool {
	s = trimSign(s)
	return s != "" && digits(s) == len(s)
}

// isDecimal matches DECIMAL ::= [+-]? [0-9]* '.' [0-9]+
func isDecimal(s string) bool {
	s = trimSign(s)
	s = s[digits(s):]
	if s == "" || s[0] != '.' {
		return false
	}
	s = s[1:]
	return s != "" && digits(s) == len(s)
}

// isDouble matches DOUBLE ::= [+-]? ([0-9]+ '.' [0-9]* EXPONENT | '.' [0-9]+ EXPONENT | [0-9]+ EXPONENT)
func isDouble(s string) bool {
	s = trimSign(s)
	n := digits(s)
	s = s[n:]
	if s != "" && s[0] == '.' {
		m := digits(s[1:])
		if n == 0 && m == 0 {
			return false
		}
		s = s[1+m:]
	} else if n == 0 {
		return false
	}
	if s == "" || s[0] != 'e' && s[0] != 'E' {
		return false
	}
	s = trimSign(s[1:])
	return s != "" && digits(s) == len(s)
}
