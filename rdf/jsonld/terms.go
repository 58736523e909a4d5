package jsonld

import (
	"math"
	"strconv"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// wellFormedIRI accepts absolute IRIs without the characters N-Triples IRIREF forbids and
// without control characters. The
// toRdf algorithm drops statements with IRIs that are not well-formed.
func wellFormedIRI(s string) bool {
	if !rdf.IsAbsoluteIRI(s) || strings.Count(s, "#") > 1 {
		return false // a fragment cannot hold a second '#'
	}
	for _, c := range s {
		switch {
		case c <= 0x20, c >= 0x7f && c <= 0x9f, c == '<', c == '>', c == '"', c == '{', c == '}', c == '|', c == '^', c == '`', c == '\\':
			return false // controls are not ucschar (RFC 3987); the rest IRIREF forbids
		}
	}
	return true
}

// wellFormedLang is the BCP 47 shape the toRdf algorithm checks: alphanumeric subtags of 1-8
// characters separated by hyphens, the first alphabetic. It does not allocate: langCasing
// calls it on every string of a document.
func wellFormedLang(s string) bool {
	n, first := 0, true // length of the current subtag; still in the first subtag
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-':
			if n == 0 {
				return false
			}
			n, first = 0, false
			continue
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case c >= '0' && c <= '9' && !first:
		default:
			return false
		}
		if n++; n > 8 {
			return false
		}
	}
	return n > 0
}

// validLabel reports whether "b"+label is an N-Triples BLANK_NODE_LABEL: PN_CHARS and '.',
// not ending in '.'.
func validLabel(label string) bool {
	if strings.HasSuffix(label, ".") {
		return false
	}
	for _, r := range label {
		if !pnChars(r) && r != '.' {
			return false
		}
	}
	return true
}

// pnChars is PN_CHARS of the N-Triples grammar (https://www.w3.org/TR/n-triples/#grammar-production-PN_CHARS).
func pnChars(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '-':
		return true
	case r == 0xB7, r >= 0x300 && r <= 0x36F, r >= 0x203F && r <= 0x2040:
		return true
	case r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D,
		r >= 0x2070 && r <= 0x218F, r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return true
	}
	return false
}

// canonicalDouble is the canonical lexical form of xsd:double the toRdf algorithm asks for:
// shortest round-tripping mantissa with at least one fraction digit, "E", exponent without
// sign or leading zeros (1.1 -> "1.1E0", 1e21 -> "1.0E21", -0.00005 -> "-5.0E-5").
func canonicalDouble(f float64) string {
	s := strconv.FormatFloat(f, 'E', -1, 64)
	mant, exp, _ := strings.Cut(s, "E")
	if !strings.Contains(mant, ".") {
		mant += ".0"
	}
	e, _ := strconv.Atoi(exp)
	return mant + "E" + strconv.Itoa(e)
}

// canonicalInteger is the canonical xsd:integer form of an integral float64 below 1e21.
func canonicalInteger(f float64) string {
	if f == 0 {
		return "0" // also for -0
	}
	return strconv.FormatFloat(math.Trunc(f), 'f', 0, 64)
}
