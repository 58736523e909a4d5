package turtle

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// tokKind is the kind of a lexical token of Turtle / TriG
// (https://www.w3.org/TR/turtle/#sec-grammar-grammar, https://www.w3.org/TR/trig/#sec-grammar).
type tokKind uint8

const (
	tEOF     tokKind = iota
	tIRI             // IRIREF, val is the unescaped, unresolved reference
	tPName           // PNAME_NS or PNAME_LN: prefix in pfx, unescaped local part in val
	tBlank           // BLANK_NODE_LABEL, val is "b" + the label (see the rdf package doc)
	tLang            // LANGTAG (also @prefix / @base), val without @
	tString          // any of the four string forms, val unescaped
	tInteger         // INTEGER
	tDecimal         // DECIMAL
	tDouble          // DOUBLE
	tWord            // bare word: a, true, false, PREFIX, BASE, GRAPH
	tDot
	tSemi
	tComma
	tLBracket
	tRBracket
	tLParen
	tRParen
	tLBrace
	tRBrace
	tHatHat
)

type token struct {
	kind      tokKind
	val, pfx  string
	line, col int
}

// String describes the token for "expected X, found Y" messages.
func (t token) String() string {
	switch t.kind {
	case tEOF:
		return "end of input"
	case tIRI:
		return "IRI <" + t.val + ">"
	case tPName:
		return "prefixed name " + t.pfx + ":" + t.val
	case tBlank:
		return "blank node _:" + t.val[1:]
	case tLang:
		return "'@" + t.val + "'"
	case tString:
		return "string literal"
	case tInteger, tDecimal, tDouble:
		return "number " + t.val
	case tWord:
		return "'" + t.val + "'"
	}
	return "'" + punct[t.kind] + "'"
}

var punct = map[tokKind]string{
	tDot: ".", tSemi: ";", tComma: ",", tLBracket: "[", tRBracket: "]", tLParen: "(", tRParen: ")",
	tLBrace: "{", tRBrace: "}", tHatHat: "^^",
}

const (
	runeEOF     = -1
	runeInvalid = -2 // a byte that is not valid UTF-8
)

// lexer turns a byte stream into tokens. It reads runes from a bufio.Reader and keeps a
// small lookahead buffer, so it never holds more of the document than one token.
type lexer struct {
	r         *bufio.Reader
	la        []rune // lookahead: la[head] is the next rune
	head      int
	line, col int // position of la[head]
	file      string
	ioErr     error
	buf       []byte // text of the token being scanned, reused across tokens
}

// put appends a rune to the token text.
func (l *lexer) put(r rune) {
	if r < utf8.RuneSelf {
		l.buf = append(l.buf, byte(r))
		return
	}
	l.buf = utf8.AppendRune(l.buf, r)
}

func newLexer(r io.Reader, file string, line int) *lexer {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 64<<10)
	}
	if line <= 0 {
		line = 1
	}
	l := &lexer{r: br, line: line, col: 1, file: file, la: make([]rune, 0, 16)}
	if l.peek(0) == 0xFEFF {
		// A byte order mark is not in the grammar, but editors write one; it is not data.
		l.head++
	}
	return l
}

// peek returns the rune k places ahead without consuming it.
func (l *lexer) peek(k int) rune {
	if k < len(l.la)-l.head {
		return l.la[l.head+k]
	}
	return l.fill(k)
}

// fill reads runes into the lookahead buffer until it holds k+1 of them.
func (l *lexer) fill(k int) rune {
	for len(l.la)-l.head <= k {
		if l.ioErr != nil {
			return runeEOF
		}
		r, size, err := l.r.ReadRune()
		if err != nil {
			l.ioErr = err
			return runeEOF
		}
		if r == utf8.RuneError && size == 1 {
			r = runeInvalid
		}
		l.la = append(l.la, r)
	}
	return l.la[l.head+k]
}

// next consumes and returns one rune.
func (l *lexer) next() rune {
	r := l.peek(0)
	if r == runeEOF {
		return r
	}
	l.head++
	if l.head == len(l.la) {
		l.head, l.la = 0, l.la[:0]
	}
	if r == '\n' {
		l.line++
		l.col = 1
	} else {
		l.col++
	}
	return r
}

func (l *lexer) errAt(line, col int, msg string) *rdf.SyntaxError {
	return &rdf.SyntaxError{File: l.file, Line: line, Col: col, Msg: msg}
}

func (l *lexer) errHere(msg string) *rdf.SyntaxError { return l.errAt(l.line, l.col, msg) }

func describe(r rune) string {
	switch r {
	case runeEOF:
		return "end of input"
	case runeInvalid:
		return "invalid UTF-8"
	}
	return strconv.QuoteRune(r)
}

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	for {
		switch l.peek(0) {
		case ' ', '\t', '\r', '\n':
			l.next()
		case '#':
			for {
				r := l.peek(0)
				if r == '\n' || r == '\r' || r == runeEOF {
					break
				}
				l.next()
			}
		default:
			return
		}
	}
}

// token reads the next token. A lexical error consumes at least one rune, so a caller that
// skips bad tokens always makes progress.
func (l *lexer) token() (token, error) {
	l.skipSpace()
	t := token{line: l.line, col: l.col}
	r := l.peek(0)
	switch r {
	case runeEOF:
		if l.ioErr != nil && l.ioErr != io.EOF {
			return t, l.ioErr
		}
		t.kind = tEOF
		return t, nil
	case '<':
		l.next()
		return l.iri(t)
	case '"', '\'':
		return l.str(t)
	case '@':
		l.next()
		return l.lang(t)
	case '_':
		if l.peek(1) == ':' {
			l.next()
			l.next()
			return l.blankLabel(t)
		}
	case '.':
		if isDigit(l.peek(1)) {
			return l.number(t)
		}
		l.next()
		t.kind = tDot
		return t, nil
	case '+', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return l.number(t)
	case ':':
		return l.pname(t, "")
	case ';', ',', '[', ']', '(', ')', '{', '}':
		l.next()
		switch r {
		case ';':
			t.kind = tSemi
		case ',':
			t.kind = tComma
		case '[':
			t.kind = tLBracket
		case ']':
			t.kind = tRBracket
		case '(':
			t.kind = tLParen
		case ')':
			t.kind = tRParen
		case '{':
			t.kind = tLBrace
		default:
			t.kind = tRBrace
		}
		return t, nil
	case '^':
		l.next()
		if l.peek(0) != '^' {
			return t, l.errHere("expected '^^', found " + describe(l.peek(0)))
		}
		l.next()
		t.kind = tHatHat
		return t, nil
	}
	if isPNCharsBase(r) {
		return l.word(t)
	}
	l.next()
	return t, l.errAt(t.line, t.col, "unexpected "+describe(r))
}

// nameRun scans (PN_CHARS | '.' | extra)* not ending in '.', appending to sb. extra lets
// PN_LOCAL add ':' and the escapes; it returns false on a bad escape.
func (l *lexer) nameRun(local bool) error {
	for {
		r := l.peek(0)
		switch {
		case r == '.':
			// A dot belongs to the name only if a name character follows the dots.
			k := 1
			for l.peek(k) == '.' {
				k++
			}
			n := l.peek(k)
			if !(isPNChars(n) || local && (n == ':' || n == '%' || n == '\\')) {
				return nil
			}
			for ; k > 0; k-- {
				l.put(l.next())
			}
		case isPNChars(r):
			l.put(l.next())
		case local && r == ':':
			l.put(l.next())
		case local && r == '%':
			if err := l.percent(); err != nil {
				return err
			}
		case local && r == '\\':
			if err := l.localEsc(); err != nil {
				return err
			}
		default:
			return nil
		}
	}
}

func (l *lexer) percent() error {
	line, col := l.line, l.col
	l.next()
	a, b := l.peek(0), l.peek(1)
	if !isHex(a) || !isHex(b) {
		return l.errAt(line, col, "expected two hex digits after '%'")
	}
	l.next()
	l.next()
	l.buf = append(l.buf, '%')
	l.put(a)
	l.put(b)
	return nil
}

func (l *lexer) localEsc() error {
	line, col := l.line, l.col
	l.next()
	r := l.peek(0)
	if r < 0 || !strings.ContainsRune("_~.-!$&'()*+,;=/?#@%", r) {
		return l.errAt(line, col, "invalid escape in local name: \\"+describe(r))
	}
	l.put(l.next())
	return nil
}

// word scans a bare word or a prefixed name that starts with PN_CHARS_BASE.
func (l *lexer) word(t token) (token, error) {
	l.buf = l.buf[:0]
	l.put(l.next())
	l.nameRun(false)
	name := string(l.buf)
	if l.peek(0) == ':' {
		return l.pname(t, name)
	}
	t.kind, t.val = tWord, name
	return t, nil
}

// pname scans ':' PN_LOCAL? after the prefix.
func (l *lexer) pname(t token, prefix string) (token, error) {
	l.next() // ':'
	l.buf = l.buf[:0]
	r := l.peek(0)
	switch {
	case isPNCharsU(r) || r == ':' || isDigit(r):
		l.put(l.next())
	case r == '%':
		if err := l.percent(); err != nil {
			return t, err
		}
	case r == '\\':
		if err := l.localEsc(); err != nil {
			return t, err
		}
	default:
		t.kind, t.pfx = tPName, prefix
		return t, nil
	}
	if err := l.nameRun(true); err != nil {
		return t, err
	}
	t.kind, t.pfx, t.val = tPName, prefix, string(l.buf)
	return t, nil
}

func (l *lexer) blankLabel(t token) (token, error) {
	r := l.peek(0)
	if !isPNCharsU(r) && !isDigit(r) {
		return t, l.errHere("expected blank node label after '_:', found " + describe(r))
	}
	l.buf = append(l.buf[:0], 'b')
	l.put(l.next())
	l.nameRun(false)
	t.kind, t.val = tBlank, string(l.buf)
	return t, nil
}

// lang scans [a-zA-Z]+ ('-' [a-zA-Z0-9]+)* after '@'.
func (l *lexer) lang(t token) (token, error) {
	l.buf = l.buf[:0]
	for isAlpha(l.peek(0)) {
		l.put(l.next())
	}
	if len(l.buf) == 0 {
		return t, l.errHere("expected language tag after '@', found " + describe(l.peek(0)))
	}
	for l.peek(0) == '-' {
		if !isAlnum(l.peek(1)) {
			l.next()
			return t, l.errHere("expected letters or digits after '-' in language tag")
		}
		l.put(l.next())
		for isAlnum(l.peek(0)) {
			l.put(l.next())
		}
	}
	t.kind, t.val = tLang, string(l.buf)
	return t, nil
}

// number scans INTEGER, DECIMAL or DOUBLE.
func (l *lexer) number(t token) (token, error) {
	l.buf = l.buf[:0]
	if r := l.peek(0); r == '+' || r == '-' {
		l.put(l.next())
	}
	intDigits := 0
	for isDigit(l.peek(0)) {
		l.put(l.next())
		intDigits++
	}
	t.kind = tInteger
	if l.peek(0) == '.' && (isDigit(l.peek(1)) || (isExp(l.peek(1)) && intDigits > 0)) {
		// "1.e5" is a DOUBLE; "1." followed by anything else ends the integer.
		l.put(l.next())
		t.kind = tDecimal
		for isDigit(l.peek(0)) {
			l.put(l.next())
		}
	}
	if t.kind == tInteger && intDigits == 0 {
		return t, l.errHere("expected digits, found " + describe(l.peek(0)))
	}
	if isExp(l.peek(0)) {
		l.put(l.next())
		if r := l.peek(0); r == '+' || r == '-' {
			l.put(l.next())
		}
		if !isDigit(l.peek(0)) {
			return t, l.errHere("expected exponent digits, found " + describe(l.peek(0)))
		}
		for isDigit(l.peek(0)) {
			l.put(l.next())
		}
		t.kind = tDouble
	} else if t.kind == tDecimal && l.buf[len(l.buf)-1] == '.' {
		return t, l.errHere("expected digits or exponent after '.'")
	}
	t.val = string(l.buf)
	return t, nil
}

// iri scans the rest of an IRIREF after '<'.
func (l *lexer) iri(t token) (token, error) {
	l.buf = l.buf[:0]
	for {
		line, col := l.line, l.col
		r := l.next()
		switch {
		case r == '>':
			t.kind, t.val = tIRI, string(l.buf)
			return t, nil
		case r == '\\':
			c, err := l.uchar(line, col)
			if err != nil {
				return t, err
			}
			if !iriChar(c) {
				return t, l.errAt(line, col, "escaped character "+describe(c)+" is not allowed in an IRI")
			}
			l.put(c)
		case r == runeEOF:
			return t, l.errAt(line, col, "expected '>', found end of input")
		case !iriChar(r):
			return t, l.errAt(line, col, describe(r)+" is not allowed in an IRI")
		default:
			l.put(r)
		}
	}
}

func iriChar(r rune) bool {
	return r > 0x20 && !strings.ContainsRune("<>\"{}|^`\\", r)
}

// uchar reads 'u' XXXX or 'U' XXXXXXXX after a backslash.
func (l *lexer) uchar(line, col int) (rune, error) {
	n := 0
	switch l.peek(0) {
	case 'u':
		n = 4
	case 'U':
		n = 8
	default:
		return 0, l.errAt(line, col, "invalid escape \\"+describe(l.peek(0)))
	}
	l.next()
	var v rune
	for i := 0; i < n; i++ {
		r := l.peek(0)
		if !isHex(r) {
			return 0, l.errAt(line, col, "expected hex digit in escape, found "+describe(r))
		}
		l.next()
		v = v<<4 | hexVal(r)
	}
	if v >= 0xD800 && v <= 0xDFFF || v > 0x10FFFF {
		return 0, l.errAt(line, col, "escape is not a Unicode scalar value")
	}
	return v, nil
}

// str scans one of the four string forms.
func (l *lexer) str(t token) (token, error) {
	q := l.next()
	long := false
	if l.peek(0) == q && l.peek(1) == q {
		l.next()
		l.next()
		long = true
	} else if l.peek(0) == q {
		l.next()
		t.kind = tString
		return t, nil
	}
	l.buf = l.buf[:0]
	for {
		line, col := l.line, l.col
		r := l.next()
		switch r {
		case q:
			if !long {
				t.kind, t.val = tString, string(l.buf)
				return t, nil
			}
			if l.peek(0) == q && l.peek(1) == q {
				// The grammar lets content end in no quote, so the first three close.
				l.next()
				l.next()
				t.kind, t.val = tString, string(l.buf)
				return t, nil
			}
			l.put(r)
		case '\\':
			var c rune
			switch e := l.peek(0); e {
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 'f':
				c = '\f'
			case '"', '\'', '\\':
				c = e
			case 'u', 'U':
				v, err := l.uchar(line, col)
				if err != nil {
					return t, err
				}
				l.put(v)
				continue
			default:
				l.next()
				return t, l.errAt(line, col, "invalid escape \\"+describe(e))
			}
			l.next()
			l.put(c)
		case '\n', '\r':
			if !long {
				return t, l.errAt(line, col, "line break in a short string (use \"\"\" or \\n)")
			}
			l.put(r)
		case runeEOF:
			return t, l.errAt(line, col, "unterminated string")
		case runeInvalid:
			return t, l.errAt(line, col, "invalid UTF-8 in string")
		default:
			l.put(r)
		}
	}
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
func isAlpha(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
func isAlnum(r rune) bool { return isAlpha(r) || isDigit(r) }
func isExp(r rune) bool   { return r == 'e' || r == 'E' }
func isHex(r rune) bool   { return isDigit(r) || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F' }

func hexVal(r rune) rune {
	switch {
	case r <= '9':
		return r - '0'
	case r >= 'a':
		return r - 'a' + 10
	}
	return r - 'A' + 10
}

// isPNCharsBase implements PN_CHARS_BASE (https://www.w3.org/TR/turtle/#grammar-production-PN_CHARS_BASE).
func isPNCharsBase(r rune) bool {
	switch {
	case isAlpha(r):
		return true
	case r < 0xC0:
		return false
	}
	return r <= 0xD6 || r >= 0xD8 && r <= 0xF6 || r >= 0xF8 && r <= 0x2FF ||
		r >= 0x370 && r <= 0x37D || r >= 0x37F && r <= 0x1FFF || r >= 0x200C && r <= 0x200D ||
		r >= 0x2070 && r <= 0x218F || r >= 0x2C00 && r <= 0x2FEF || r >= 0x3001 && r <= 0xD7FF ||
		r >= 0xF900 && r <= 0xFDCF || r >= 0xFDF0 && r <= 0xFFFD || r >= 0x10000 && r <= 0xEFFFF
}

func isPNCharsU(r rune) bool { return r == '_' || isPNCharsBase(r) }

// isPNChars implements PN_CHARS.
func isPNChars(r rune) bool {
	return isPNCharsU(r) || r == '-' || isDigit(r) || r == 0xB7 ||
		r >= 0x300 && r <= 0x36F || r >= 0x203F && r <= 0x2040
}
