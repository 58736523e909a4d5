package nt

// Character classes of the N-Triples grammar
// (https://www.w3.org/TR/n-triples/#n-triples-grammar), as lookup tables for ASCII and
// range checks for the rest.

var (
	// iriPlain: ASCII bytes IRIREF allows unescaped ([^#x00-#x20<>"{}|^`\]).
	iriPlain [256]bool
	// strPlain: ASCII bytes STRING_LITERAL_QUOTE allows unescaped ([^#x22#x5C#xA#xD]).
	strPlain [256]bool
	// labelFirst: ASCII bytes that may start a BLANK_NODE_LABEL (PN_CHARS_U | [0-9]).
	labelFirst [256]bool
	// labelChar: ASCII bytes of PN_CHARS.
	labelChar [256]bool
)

func init() {
	for c := 0x21; c < 0x80; c++ {
		switch c {
		case '<', '>', '"', '{', '}', '|', '^', '`', '\\':
		default:
			iriPlain[c] = true
		}
	}
	for c := 0; c < 0x80; c++ {
		switch c {
		case '"', '\\', '\n', '\r':
		default:
			strPlain[c] = true
		}
	}
	for c := 0; c < 0x80; c++ {
		b := byte(c)
		alpha := b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
		digit := b >= '0' && b <= '9'
		labelFirst[c] = alpha || digit || b == '_'
		labelChar[c] = alpha || digit || b == '_' || b == '-'
	}
}

// isPNCharsBase reports whether r (not ASCII) is in PN_CHARS_BASE.
func isPNCharsBase(r rune) bool {
	switch {
	case r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF,
		r >= 0x370 && r <= 0x37D, r >= 0x37F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D,
		r >= 0x2070 && r <= 0x218F, r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF,
		r >= 0xF900 && r <= 0xFDCF, r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return true
	}
	return false
}

// isPNChars reports whether r (not ASCII) is in PN_CHARS.
func isPNChars(r rune) bool {
	return isPNCharsBase(r) || r == 0xB7 || r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}

// iriForbidden reports whether IRIREF forbids r unescaped; such characters may not be
// spelled with UCHAR either, since the result would not be an IRI.
func iriForbidden(r rune) bool { return r < 0x80 && !iriPlain[r] }

// hasScheme reports whether b starts with an RFC 3986 scheme and a colon, i.e. whether the
// IRI is absolute.
func hasScheme(b []byte) bool {
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

// validLangTag reports whether s matches [a-zA-Z]+ ('-' [a-zA-Z0-9]+)* (LANGTAG without '@').
func validLangTag(s string) bool {
	if s == "" {
		return false
	}
	n, first := 0, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			n++
		case c >= '0' && c <= '9' && !first:
			n++
		case c == '-' && n > 0:
			n, first = 0, false
		default:
			return false
		}
	}
	return n > 0
}
