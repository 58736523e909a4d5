package expr

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// String functions, https://www.w3.org/TR/sparql11-query/#func-strings.

// stringLit returns a string literal argument: a simple literal, xsd:string or a
// language-tagged string.
func stringLit(t rdf.Term) (rdf.Literal, error) {
	l, ok := t.(rdf.Literal)
	if !ok {
		if t == nil {
			return l, ErrUnbound
		}
		return l, ErrTypeError
	}
	if l.Lang == "" && l.Datatype != rdf.XSDString {
		return l, ErrTypeError
	}
	return l, nil
}

// simpleString returns the lexical form of a simple literal or xsd:string.
func simpleString(t rdf.Term) (string, error) {
	l, err := stringLit(t)
	if err != nil {
		return "", err
	}
	if l.Lang != "" {
		return "", ErrTypeError
	}
	return l.Lexical, nil
}

// compatible implements argument compatibility
// (https://www.w3.org/TR/sparql11-query/#func-arg-compatibility): both simple or xsd:string,
// both language-tagged with the same tag, or the first tagged and the second simple.
func compatible(a, b rdf.Term) (rdf.Literal, rdf.Literal, error) {
	x, err := stringLit(a)
	if err != nil {
		return x, x, err
	}
	y, err := stringLit(b)
	if err != nil {
		return x, y, err
	}
	if y.Lang != "" && !strings.EqualFold(x.Lang, y.Lang) {
		return x, y, ErrBadArgument
	}
	return x, y, nil
}

// withLexical returns a literal of l's datatype and language with a new lexical form.
func withLexical(l rdf.Literal, s string) rdf.Literal {
	l.Lexical = s
	return l
}

// StrLen implements STRLEN: the length in characters (code points).
func StrLen(t rdf.Term) (rdf.Term, error) {
	l, err := stringLit(t)
	if err != nil {
		return nil, err
	}
	return Int(int64(utf8.RuneCountInString(l.Lexical))).Literal(), nil
}

// Substr implements SUBSTR(str, start) when length is nil and SUBSTR(str, start, length)
// otherwise, as XPath fn:substring: characters count from 1, positions are rounded, and
// the result keeps the argument's language tag.
func Substr(str, start, length rdf.Term) (rdf.Term, error) {
	l, err := stringLit(str)
	if err != nil {
		return nil, err
	}
	sn, err := ParseNumber(start)
	if err != nil {
		return nil, err
	}
	from := xpathRound(sn.Float64())
	to := math.Inf(1)
	if length != nil {
		ln, err := ParseNumber(length)
		if err != nil {
			return nil, err
		}
		to = from + xpathRound(ln.Float64())
	}
	var b strings.Builder
	p := 1.0
	for _, r := range l.Lexical {
		if p >= from && p < to {
			b.WriteRune(r)
		}
		p++
	}
	return withLexical(l, b.String()), nil
}

// xpathRound is fn:round on doubles: half rounds towards positive infinity.
func xpathRound(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return f
	}
	return math.Floor(f + 0.5)
}

// UCase implements UCASE.
func UCase(t rdf.Term) (rdf.Term, error) {
	l, err := stringLit(t)
	if err != nil {
		return nil, err
	}
	return withLexical(l, strings.ToUpper(l.Lexical)), nil
}

// LCase implements LCASE.
func LCase(t rdf.Term) (rdf.Term, error) {
	l, err := stringLit(t)
	if err != nil {
		return nil, err
	}
	return withLexical(l, strings.ToLower(l.Lexical)), nil
}

// StrStarts implements STRSTARTS.
func StrStarts(a, b rdf.Term) (rdf.Term, error) {
	x, y, err := compatible(a, b)
	if err != nil {
		return nil, err
	}
	return Bool(strings.HasPrefix(x.Lexical, y.Lexical)), nil
}

// StrEnds implements STRENDS.
func StrEnds(a, b rdf.Term) (rdf.Term, error) {
	x, y, err := compatible(a, b)
	if err != nil {
		return nil, err
	}
	return Bool(strings.HasSuffix(x.Lexical, y.Lexical)), nil
}

// Contains implements CONTAINS.
func Contains(a, b rdf.Term) (rdf.Term, error) {
	x, y, err := compatible(a, b)
	if err != nil {
		return nil, err
	}
	return Bool(strings.Contains(x.Lexical, y.Lexical)), nil
}

// StrBefore implements STRBEFORE: the part before the first match, with the first
// argument's tag; an empty simple literal when there is no match.
func StrBefore(a, b rdf.Term) (rdf.Term, error) {
	x, y, err := compatible(a, b)
	if err != nil {
		return nil, err
	}
	i := strings.Index(x.Lexical, y.Lexical)
	if i < 0 {
		return rdf.NewLiteral(""), nil
	}
	return withLexical(x, x.Lexical[:i]), nil
}

// StrAfter implements STRAFTER: the part after the first match, with the first argument's
// tag; an empty simple literal when there is no match.
func StrAfter(a, b rdf.Term) (rdf.Term, error) {
	x, y, err := compatible(a, b)
	if err != nil {
		return nil, err
	}
	i := strings.Index(x.Lexical, y.Lexical)
	if i < 0 {
		return rdf.NewLiteral(""), nil
	}
	return withLexical(x, x.Lexical[i+len(y.Lexical):]), nil
}

// EncodeForURI implements ENCODE_FOR_URI: every byte of the UTF-8 form outside the RFC 3986
// unreserved set is percent-encoded (upper-case hex).
func EncodeForURI(t rdf.Term) (rdf.Term, error) {
	l, err := stringLit(t)
	if err != nil {
		return nil, err
	}
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(l.Lexical); i++ {
		c := l.Lexical[i]
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return rdf.NewLiteral(b.String()), nil
}

// Concat implements CONCAT: the result carries the common language tag when every
// argument has the same one, and is a simple literal otherwise. CONCAT() is "".
func Concat(args ...rdf.Term) (rdf.Term, error) {
	var b strings.Builder
	lang, same := "", true
	for i, a := range args {
		l, err := stringLit(a)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			lang = l.Lang
		} else if l.Lang != lang {
			same = false
		}
		b.WriteString(l.Lexical)
	}
	if same && lang != "" {
		return rdf.NewLangLiteral(b.String(), lang), nil
	}
	return rdf.NewLiteral(b.String()), nil
}

// LangMatches implements langMatches with RFC 4647 basic filtering
// (https://www.rfc-editor.org/rfc/rfc4647#section-3.3.1): "*" matches every non-empty tag;
// otherwise the range matches a tag equal to it or starting with it followed by "-",
// ignoring case.
func LangMatches(tag, rng rdf.Term) (rdf.Term, error) {
	t, err := simpleString(tag)
	if err != nil {
		return nil, err
	}
	r, err := simpleString(rng)
	if err != nil {
		return nil, err
	}
	if r == "*" {
		return Bool(t != ""), nil
	}
	if r == "" {
		return Bool(t == ""), nil
	}
	if len(t) < len(r) || !strings.EqualFold(t[:len(r)], r) {
		return False, nil
	}
	return Bool(len(t) == len(r) || t[len(r)] == '-'), nil
}
