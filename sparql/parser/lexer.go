package parser

import (
	"strings"
	"unicode/utf8"
)

// tokKind is the kind of a token of the SPARQL grammar's terminals
// (https://www.w3.org/TR/sparql11-query/#terminals).
type tokKind uint8

const (
	tEOF     tokKind = iota
	tIRI             // IRIREF; text is the unescaped IRI between < and >
	tPName           // PNAME_NS or PNAME_LN; text is the raw name, val the local part unescaped
	tBlank           // BLANK_NODE_LABEL; text is the label without _:
	tVar             // VAR1/VAR2; text is the name
	tString          // any string literal; text is the unescaped value
	tLang            // LANGTAG; text without @
	tInteger         // text is the lexical form (with sign when signed)
	tDecimal
	tDouble
	tNil     // ( WS* )
	tAnon    // [ WS* ]
	tKeyword // a bare word (keywords, 'a', true/false); text as written
	tPunct   // punctuation and operators; text is the operator
	tError   // bad input; text is the message
)

var kindNames = [...]string{
	tEOF: "end of input", tIRI: "IRI", tPName: "prefixed name", tBlank: "blank node",
	tVar: "variable", tString: "string", tLang: "language tag", tInteger: "integer",
	tDecimal: "decimal", tDouble: "double", tNil: "()", tAnon: "[]", tKeyword: "keyword",
	tPunct: "punctuation", tError: "error",
}

type token struct {
	kind tokKind
	pos  int // byte offset
	end  int
	text string
	// signed is set for numbers written with a leading + or -.
	signed bool
	// prefix is the prefix of a tPName (without the colon); text then holds the local part.
	prefix string
}

// lexer turns the source into tokens on demand.
type lexer struct {
	src string
	off int
}

func isWS(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (l *lexer) skipWS() {
	for l.off < len(l.src) {
		c := l.src[l.off]
		if isWS(c) {
			l.off++
		} else if c == '#' {
			for l.off < len(l.src) && l.src[l.off] != '\n' && l.src[l.off] != '\r' {
				l.off++
			}
		} else {
			return
		}
	}
}

func (l *lexer) errTok(start int, msg string) token {
	if l.off <= start {
		l.off = start + 1
	}
	return token{kind: tError, pos: start, end: l.off, text: msg}
}

// next returns the next token. After tEOF it keeps returning tEOF.
func (l *lexer) next() token {
	l.skipWS()
	start := l.off
	if l.off >= len(l.src) {
		return token{kind: tEOF, pos: start, end: start}
	}
	t := l.scan()
	t.pos = start
	t.end = l.off
	return t
}

func (l *lexer) peekByte(i int) byte {
	if l.off+i < len(l.src) {
		return l.src[l.off+i]
	}
	return 0
}

func (l *lexer) scan() token {
	start := l.off
	c := l.src[l.off]
	switch {
	case c == '<':
		if t, ok := l.scanIRI(); ok {
			return t
		}
		l.off = start + 1
		if l.peekByte(0) == '=' {
			l.off++
			return token{kind: tPunct, text: "<="}
		}
		return token{kind: tPunct, text: "<"}
	case c == '?' || c == '$':
		l.off++
		n := l.scanVarName()
		if n == "" {
			if c == '?' {
				return token{kind: tPunct, text: "?"}
			}
			return l.errTok(start, "bad variable name")
		}
		return token{kind: tVar, text: n}
	case c == '"' || c == '\'':
		return l.scanString(c)
	case c == '@':
		l.off++
		s := l.off
		for l.off < len(l.src) && isAlpha(l.src[l.off]) {
			l.off++
		}
		if l.off == s {
			return l.errTok(start, "bad language tag")
		}
		for l.off < len(l.src) && l.src[l.off] == '-' {
			j := l.off + 1
			for j < len(l.src) && (isAlpha(l.src[j]) || isDigit(l.src[j])) {
				j++
			}
			if j == l.off+1 {
				break
			}
			l.off = j
		}
		return token{kind: tLang, text: l.src[s:l.off]}
	case isDigit(c) || (c == '.' && isDigit(l.peekByte(1))):
		return l.scanNumber(false)
	case (c == '+' || c == '-') && (isDigit(l.peekByte(1)) || (l.peekByte(1) == '.' && isDigit(l.peekByte(2)))):
		l.off++
		t := l.scanNumber(true)
		t.text = string(c) + t.text
		return t
	case c == '(':
		if j := l.skipWSFrom(l.off + 1); j < len(l.src) && l.src[j] == ')' {
			l.off = j + 1
			return token{kind: tNil, text: "()"}
		}
		l.off++
		return token{kind: tPunct, text: "("}
	case c == '[':
		if j := l.skipWSFrom(l.off + 1); j < len(l.src) && l.src[j] == ']' {
			l.off = j + 1
			return token{kind: tAnon, text: "[]"}
		}
		l.off++
		return token{kind: tPunct, text: "["}
	case c == '_' && l.peekByte(1) == ':':
		l.off += 2
		return l.scanBlankLabel(start)
	case c == ':':
		return l.scanPName(start, "")
	}
	// Two-character operators.
	if l.off+1 < len(l.src) {
		switch two := l.src[l.off : l.off+2]; two {
		case "&&", "||", "!=", ">=", "^^":
			l.off += 2
			return token{kind: tPunct, text: two}
		}
	}
	if strings.IndexByte("{}()[];,.=<>!+-*/^|", c) >= 0 {
		l.off++
		return token{kind: tPunct, text: string(c)}
	}
	// A word: a keyword, or the prefix of a prefixed name.
	r, size := l.rune()
	if isPNCharsBase(r) {
		l.off += size
		for l.off < len(l.src) {
			r, size := l.rune()
			if isPNChars(r) {
				l.off += size
			} else if r == '.' {
				j := l.off
				for j < len(l.src) && l.src[j] == '.' {
					j++
				}
				r2, _ := utf8.DecodeRuneInString(l.src[j:])
				if j < len(l.src) && (isPNChars(r2) || r2 == ':') {
					l.off = j
				} else {
					break
				}
			} else {
				break
			}
		}
		word := l.src[start:l.off]
		if l.off < len(l.src) && l.src[l.off] == ':' {
			return l.scanPName(l.off, word)
		}
		if strings.IndexByte(word, '.') >= 0 {
			// Dots are allowed only inside a prefix; a keyword ends before the first one.
			l.off = start + strings.IndexByte(word, '.')
			word = l.src[start:l.off]
		}
		return token{kind: tKeyword, text: word}
	}
	l.off += size
	return l.errTok(start, "unexpected character "+quoteRune(r))
}

func quoteRune(r rune) string {
	if r == utf8.RuneError {
		return "(invalid UTF-8)"
	}
	return "'" + string(r) + "'"
}

func (l *lexer) rune() (rune, int) {
	c := l.src[l.off]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(l.src[l.off:])
}

func (l *lexer) skipWSFrom(j int) int {
	for j < len(l.src) {
		if isWS(l.src[j]) {
			j++
		} else if l.src[j] == '#' {
			for j < len(l.src) && l.src[j] != '\n' && l.src[j] != '\r' {
				j++
			}
		} else {
			break
		}
	}
	return j
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }
func isHex(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// isPNCharsBase implements PN_CHARS_BASE.
func isPNCharsBase(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
		return true
	case r < 0xC0:
		return false
	case r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF, r >= 0x370 && r <= 0x37D,
		r >= 0x37F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D, r >= 0x2070 && r <= 0x218F,
		r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF, r >= 0xF900 && r <= 0xFDCF,
		r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return r != utf8.RuneError
	}
	return false
}

// isPNCharsU implements PN_CHARS_U.
func isPNCharsU(r rune) bool { return r == '_' || isPNCharsBase(r) }

// isPNChars implements PN_CHARS.
func isPNChars(r rune) bool {
	return isPNCharsU(r) || r == '-' || r >= '0' && r <= '9' || r == 0xB7 ||
		r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}

// scanVarName reads VARNAME after ? or $.
func (l *lexer) scanVarName() string {
	s := l.off
	for l.off < len(l.src) {
		r, size := l.rune()
		ok := isPNCharsU(r) || r >= '0' && r <= '9'
		if l.off > s {
			ok = ok || r == 0xB7 || r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
		}
		if !ok {
			break
		}
		l.off += size
	}
	return l.src[s:l.off]
}

// scanIRI reads IRIREF, resolving \u escapes. It reports false when the text after < is not
// an IRI (so < is the less-than operator).
func (l *lexer) scanIRI() (token, bool) {
	j := l.off + 1
	var b strings.Builder
	plain := j
	for j < len(l.src) {
		c := l.src[j]
		switch {
		case c == '>':
			b.WriteString(l.src[plain:j])
			l.off = j + 1
			return token{kind: tIRI, text: b.String()}, true
		case c == '\\':
			r, n, ok := unescapeU(l.src[j:])
			if !ok {
				return token{}, false
			}
			if r <= 0x20 || strings.ContainsRune("<>\"{}|^`\\", r) {
				return token{}, false
			}
			b.WriteString(l.src[plain:j])
			b.WriteRune(r)
			j += n
			plain = j
		case c <= 0x20 || strings.IndexByte("<\"{}|^`", c) >= 0:
			return token{}, false
		default:
			j++
		}
	}
	return token{}, false
}

// unescapeU decodes \uXXXX or \UXXXXXXXX at the start of s.
func unescapeU(s string) (rune, int, bool) {
	if len(s) < 2 || s[0] != '\\' {
		return 0, 0, false
	}
	n := 0
	switch s[1] {
	case 'u':
		n = 4
	case 'U':
		n = 8
	default:
		return 0, 0, false
	}
	if len(s) < 2+n {
		return 0, 0, false
	}
	var r rune
	for i := 2; i < 2+n; i++ {
		c := s[i]
		if !isHex(c) {
			return 0, 0, false
		}
		r = r*16 + rune(hexVal(c))
	}
	if r > utf8.MaxRune || r >= 0xD800 && r <= 0xDFFF {
		return 0, 0, false
	}
	return r, 2 + n, true
}

func hexVal(c byte) int {
	switch {
	case isDigit(c):
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	default:
		return int(c-'A') + 10
	}
}

func (l *lexer) scanString(q byte) token {
	start := l.off
	long := l.off+2 < len(l.src) && l.src[l.off+1] == q && l.src[l.off+2] == q
	if long {
		l.off += 3
	} else {
		l.off++
	}
	var b strings.Builder
	for {
		if l.off >= len(l.src) {
			return l.errTok(start, "unterminated string")
		}
		c := l.src[l.off]
		switch {
		case c == q:
			if !long {
				l.off++
				return token{kind: tString, text: b.String()}
			}
			if l.off+2 < len(l.src) && l.src[l.off+1] == q && l.src[l.off+2] == q {
				// The closing quotes are the last three of a run of quotes.
				for l.off+3 < len(l.src) && l.src[l.off+3] == q {
					b.WriteByte(q)
					l.off++
				}
				l.off += 3
				return token{kind: tString, text: b.String()}
			}
			b.WriteByte(c)
			l.off++
		case c == '\\':
			if l.off+1 >= len(l.src) {
				return l.errTok(start, "unterminated string")
			}
			e := l.src[l.off+1]
			switch e {
			case 't':
				b.WriteByte('\t')
			case 'b':
				b.WriteByte('\b')
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 'f':
				b.WriteByte('\f')
			case '"', '\'', '\\':
				b.WriteByte(e)
			case 'u', 'U':
				r, n, ok := unescapeU(l.src[l.off:])
				if !ok {
					l.off += 2
					return l.errTok(start, "bad \\u escape in string")
				}
				b.WriteRune(r)
				l.off += n
				continue
			default:
				l.off += 2
				return l.errTok(start, "bad escape \\"+string(e)+" in string")
			}
			l.off += 2
		case !long && (c == '\n' || c == '\r'):
			return l.errTok(start, "newline in string")
		default:
			r, size := l.rune()
			if r == utf8.RuneError && size == 1 {
				l.off++
				return l.errTok(start, "invalid UTF-8 in string")
			}
			b.WriteString(l.src[l.off : l.off+size])
			l.off += size
		}
	}
}

func (l *lexer) scanNumber(signed bool) token {
	s := l.off
	for l.off < len(l.src) && isDigit(l.src[l.off]) {
		l.off++
	}
	kind := tInteger
	if l.off < len(l.src) && l.src[l.off] == '.' {
		j := l.off + 1
		for j < len(l.src) && isDigit(l.src[j]) {
			j++
		}
		if j > l.off+1 || l.isExponent(j) {
			// "1." is DECIMAL only if digits or an exponent follow; otherwise the dot ends a triple.
			if j > l.off+1 {
				kind = tDecimal
				l.off = j
			} else if l.isExponent(j) {
				l.off = j
			}
		}
	}
	if l.isExponent(l.off) {
		l.off++
		if l.src[l.off] == '+' || l.src[l.off] == '-' {
			l.off++
		}
		for l.off < len(l.src) && isDigit(l.src[l.off]) {
			l.off++
		}
		kind = tDouble
	}
	return token{kind: kind, text: l.src[s:l.off], signed: signed}
}

func (l *lexer) isExponent(j int) bool {
	if j >= len(l.src) || (l.src[j] != 'e' && l.src[j] != 'E') {
		return false
	}
	j++
	if j < len(l.src) && (l.src[j] == '+' || l.src[j] == '-') {
		j++
	}
	return j < len(l.src) && isDigit(l.src[j])
}

func (l *lexer) scanBlankLabel(start int) token {
	s := l.off
	if l.off < len(l.src) {
		r, size := l.rune()
		if isPNCharsU(r) || r >= '0' && r <= '9' {
			l.off += size
			for l.off < len(l.src) {
				r, size := l.rune()
				if isPNChars(r) {
					l.off += size
					continue
				}
				if r == '.' {
					j := l.off
					for j < len(l.src) && l.src[j] == '.' {
						j++
					}
					r2, _ := utf8.DecodeRuneInString(l.src[j:])
					if j < len(l.src) && isPNChars(r2) {
						l.off = j
						continue
					}
				}
				break
			}
		}
	}
	if l.off == s {
		return l.errTok(start, "bad blank node label")
	}
	return token{kind: tBlank, text: l.src[s:l.off]}
}

// scanPName reads the rest of a prefixed name; l.off is at the colon.
func (l *lexer) scanPName(start int, prefix string) token {
	if prefix != "" {
		r, _ := utf8.DecodeRuneInString(prefix)
		if !isPNCharsBase(r) || strings.HasSuffix(prefix, ".") {
			return l.errTok(start, "bad prefix "+prefix)
		}
	}
	l.off++ // colon
	var b strings.Builder
	first := true
	for l.off < len(l.src) {
		c := l.src[l.off]
		switch {
		case c == '%':
			if l.off+2 < len(l.src) && isHex(l.src[l.off+1]) && isHex(l.src[l.off+2]) {
				b.WriteString(l.src[l.off : l.off+3])
				l.off += 3
				first = false
				continue
			}
			return l.errTok(start, "bad % escape in prefixed name")
		case c == '\\':
			if l.off+1 < len(l.src) && strings.IndexByte("_~.-!$&'()*+,;=/?#@%", l.src[l.off+1]) >= 0 {
				b.WriteByte(l.src[l.off+1])
				l.off += 2
				first = false
				continue
			}
			return l.errTok(start, "bad \\ escape in prefixed name")
		case c == ':':
			b.WriteByte(c)
			l.off++
			first = false
			continue
		case c == '.':
			if first {
				return token{kind: tPName, prefix: prefix, text: b.String()}
			}
			// A dot belongs to the name only if more name follows.
			j := l.off
			for j < len(l.src) && l.src[j] == '.' {
				j++
			}
			if j < len(l.src) {
				r, _ := utf8.DecodeRuneInString(l.src[j:])
				if isPNChars(r) || r == ':' || r == '%' || r == '\\' {
					b.WriteString(l.src[l.off:j])
					l.off = j
					continue
				}
			}
			return token{kind: tPName, prefix: prefix, text: b.String()}
		}
		r, size := l.rune()
		ok := isPNChars(r)
		if first {
			ok = isPNCharsU(r) || r >= '0' && r <= '9'
		}
		if !ok {
			break
		}
		b.WriteString(l.src[l.off : l.off+size])
		l.off += size
		first = false
	}
	return token{kind: tPName, prefix: prefix, text: b.String()}
}
