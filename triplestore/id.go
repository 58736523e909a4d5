package triplestore

import (
	"fmt"
	"strconv"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// TermID identifies a term inside one store. 0 means unbound ("any") in a Pattern and is
// never the ID of a term.
//
// Layout: the low 4 bits are a tag, the bits above a payload of at most 58 bits, so every ID
// is below 2^62 (index blocks rely on that: they shift deltas left by 2). Keeping the tag low keeps
// the IDs of dictionary terms (payload = a store-wide sequence number) small, so that the
// varints in index blocks stay short.
//
//	tag 0  reserved: only ID 0 (any)
//	tag 1  DefaultGraph (payload 0)
//	tag 2  IRI from the dictionary          payload = sequence number
//	tag 3  blank node from the dictionary   payload = sequence number
//	tag 4  literal from the dictionary      payload = sequence number
//	tag 5  inline xsd:integer, canonical lexical form, -2^56 <= v < 2^56; payload = zigzag(v)
//	tag 6  inline xsd:boolean "true"/"false"; payload 1/0
//	tag 7  inline simple literal (xsd:string) of at most 6 bytes;
//	       payload = bytes (little-endian, byte 0 lowest) | len<<48
//	tag 8  inline xsd:date of the exact form YYYY-MM-DD (no time zone);
//	       payload = (year*13+month)*32+day
//	tag 9  inline blank node labelled "l<n>" (n decimal, no leading zeros, n < 2^57); payload = n.
//	       The loader mints these as fresh store-scoped labels.
//
// Only canonical lexical forms are inlined, so a term's lexical form always round-trips
// exactly: "01"^^xsd:integer goes to the dictionary, "1"^^xsd:integer is inline.
type TermID uint64

// DefaultGraph is the TermID that names the default graph in a Pattern and in the G slot of
// quads returned by Match.
const DefaultGraph TermID = 1

const (
	tagBits = 4
	tagMask = 1<<tagBits - 1

	tagDefault = 1
	tagIRI     = 2
	tagBlank   = 3
	tagLiteral = 4
	tagInt     = 5
	tagBool    = 6
	tagString  = 7
	tagDate    = 8
	tagBlankN  = 9

	maxInlineString = 6
	inlineIntLimit  = 1 << 56
)

func (id TermID) tag() int        { return int(id & tagMask) }
func (id TermID) payload() uint64 { return uint64(id) >> tagBits }
func mkID(tag int, payload uint64) TermID {
	return TermID(payload<<tagBits | uint64(tag))
}

// isDict reports whether the ID's term lives in the dictionary (as opposed to inline).
func (id TermID) isDict() bool {
	t := id.tag()
	return t == tagIRI || t == tagBlank || t == tagLiteral
}

// Inline reports whether the term is encoded in the ID itself.
func (id TermID) Inline() bool { return id.tag() >= tagInt && id.tag() <= tagBlankN }

// Kind reports the kind of term the ID stands for; 0 for 0 and DefaultGraph.
func (id TermID) Kind() rdf.Kind {
	switch id.tag() {
	case tagIRI:
		return rdf.KindIRI
	case tagBlank, tagBlankN:
		return rdf.KindBlank
	case tagLiteral, tagInt, tagBool, tagString, tagDate:
		return rdf.KindLiteral
	}
	return 0
}

// String prints the tag and payload, for debugging and error messages.
func (id TermID) String() string {
	switch id {
	case 0:
		return "any"
	case DefaultGraph:
		return "default"
	}
	names := [...]string{tagIRI: "iri", tagBlank: "blank", tagLiteral: "lit", tagInt: "int", tagBool: "bool", tagString: "str", tagDate: "date", tagBlankN: "bnode"}
	t := id.tag()
	if t < len(names) && names[t] != "" {
		return fmt.Sprintf("%s:%d", names[t], id.payload())
	}
	return fmt.Sprintf("id(%#x)", uint64(id))
}

// inlineID returns the inline ID of t when t has one.
func inlineID(t rdf.Term) (TermID, bool) {
	switch t := t.(type) {
	case rdf.Literal:
		return inlineLiteral(t.Lexical, t.Datatype, t.Lang)
	case rdf.BlankNode:
		if n, ok := blankSeqNumber(string(t)); ok {
			return mkID(tagBlankN, n), true
		}
	}
	return 0, false
}

func inlineLiteral(lex string, dt rdf.IRI, lang string) (TermID, bool) {
	if lang != "" {
		return 0, false
	}
	switch dt {
	case rdf.XSDString, "":
		if len(lex) > maxInlineString {
			return 0, false
		}
		var p uint64
		for i := len(lex) - 1; i >= 0; i-- {
			p = p<<8 | uint64(lex[i])
		}
		return mkID(tagString, p|uint64(len(lex))<<48), true
	case rdf.XSDInteger:
		v, ok := canonicalInt(lex)
		if !ok {
			return 0, false
		}
		return mkID(tagInt, uint64(v<<1)^uint64(v>>63)), true
	case rdf.XSDBoolean:
		switch lex {
		case "true":
			return mkID(tagBool, 1), true
		case "false":
			return mkID(tagBool, 0), true
		}
	case rdf.XSDDate:
		if p, ok := canonicalDate(lex); ok {
			return mkID(tagDate, p), true
		}
	}
	return 0, false
}

// canonicalInt parses lex when it is the canonical form of an xsd:integer in the inline range.
func canonicalInt(lex string) (int64, bool) {
	s := lex
	if len(s) > 0 && s[0] == '-' {
		s = s[1:]
	}
	if len(s) == 0 || len(s) > 18 || (s[0] == '0' && (len(s) > 1 || len(lex) > 1)) {
		return 0, false
	}
	var v int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	if len(lex) > len(s) {
		v = -v
	}
	if v >= inlineIntLimit || v < -inlineIntLimit {
		return 0, false
	}
	return v, true
}

func canonicalDate(lex string) (uint64, bool) {
	if len(lex) != 10 || lex[4] != '-' || lex[7] != '-' {
		return 0, false
	}
	num := func(s string) (uint64, bool) {
		var v uint64
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return 0, false
			}
			v = v*10 + uint64(s[i]-'0')
		}
		return v, true
	}
	y, ok1 := num(lex[:4])
	m, ok2 := num(lex[5:7])
	d, ok3 := num(lex[8:])
	if !ok1 || !ok2 || !ok3 || y == 0 || m < 1 || m > 12 || d < 1 || d > 31 {
		return 0, false
	}
	return (y*13+m)*32 + d, true
}

// blankSeqNumber recognises the labels "l<n>" that have an inline form.
func blankSeqNumber(label string) (uint64, bool) {
	if len(label) < 2 || len(label) > 19 || label[0] != 'l' || (label[1] == '0' && len(label) > 2) {
		return 0, false
	}
	var n uint64
	for i := 1; i < len(label); i++ {
		c := label[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	if n >= 1<<57 {
		return 0, false
	}
	return n, true
}

// inlineTerm decodes an inline ID.
func inlineTerm(id TermID) (rdf.Term, bool) {
	p := id.payload()
	switch id.tag() {
	case tagInt:
		v := int64(p>>1) ^ -int64(p&1)
		return rdf.Literal{Lexical: strconv.FormatInt(v, 10), Datatype: rdf.XSDInteger}, true
	case tagBool:
		if p > 1 {
			return nil, false
		}
		return rdf.Literal{Lexical: strconv.FormatBool(p == 1), Datatype: rdf.XSDBoolean}, true
	case tagString:
		n := int(p >> 48)
		if n > maxInlineString {
			return nil, false
		}
		var b [maxInlineString]byte
		for i := 0; i < n; i++ {
			b[i] = byte(p >> (8 * i))
		}
		return rdf.Literal{Lexical: string(b[:n]), Datatype: rdf.XSDString}, true
	case tagDate:
		d := p % 32
		m := (p / 32) % 13
		y := p / 32 / 13
		if y == 0 || y > 9999 || m < 1 || d < 1 {
			return nil, false
		}
		return rdf.Literal{Lexical: fmt.Sprintf("%04d-%02d-%02d", y, m, d), Datatype: rdf.XSDDate}, true
	case tagBlankN:
		return rdf.BlankNode("l" + strconv.FormatUint(p, 10)), true
	}
	return nil, false
}
