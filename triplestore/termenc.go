package triplestore

import (
	"crypto/sha256"
	"encoding/binary"
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Encoded dictionary terms ("enc"): the value in the id->term bucket and, when at most
// maxDirectKey bytes long, the key in the term->id bucket.
//
//	IRI            0x01 uvarint(namespace id) local-part
//	blank node     0x02 label
//	simple literal 0x03 lexical                      (datatype xsd:string)
//	lang literal   0x04 len(lang) lang lexical       (datatype rdf:langString)
//	typed literal  0x05 uvarint(datatype TermID) lexical
//
// IRIs are split after their last '/', '#' or ':' (an IRI ending in '/' is split at the '/'
// before); the namespace part is stored once in the namespace buckets. Datatypes are IRIs of
// the dictionary, referenced by TermID. Namespace id 0 is the empty namespace (an IRI with no
// '/', '#' or ':'); it has no entry in the namespace buckets.
//
// Term->id keys longer than maxDirectKey are replaced by 0xFF followed by the first 16 bytes
// of the SHA-256 of the enc; a lookup then verifies the enc stored under the ID.
const (
	encIRI    = 0x01
	encBlank  = 0x02
	encSimple = 0x03
	encLang   = 0x04
	encTyped  = 0x05
	encHashed = 0xFF

	maxDirectKey = 32
)

// splitIRI returns the namespace and local part of an IRI.
func splitIRI(iri string) (ns, local string) {
	s := iri
	if strings.HasSuffix(s, "/") {
		s = s[:len(s)-1]
	}
	i := strings.LastIndexAny(s, "/#:")
	if i < 0 {
		return "", iri
	}
	return iri[:i+1], iri[i+1:]
}

// appendIRIEnc appends the enc of an IRI whose namespace has id ns.
func appendIRIEnc(b []byte, ns uint64, local string) []byte {
	b = append(b, encIRI)
	b = binary.AppendUvarint(b, ns)
	return append(b, local...)
}

func appendLiteralEnc(b []byte, lex string, dt TermID, lang string) []byte {
	switch {
	case lang != "":
		b = append(b, encLang, byte(len(lang)))
		b = append(b, lang...)
	case dt == 0:
		b = append(b, encSimple)
	default:
		b = append(b, encTyped)
		b = binary.AppendUvarint(b, uint64(dt))
	}
	return append(b, lex...)
}

// t2iKey returns the term->id key of an enc, hashing long encs. It may return enc itself.
func t2iKey(dst, enc []byte) []byte {
	if len(enc) <= maxDirectKey {
		return enc
	}
	h := sha256.Sum256(enc)
	dst = append(dst[:0], encHashed)
	return append(dst, h[:16]...)
}

// encView is a decoded enc. Strings alias the enc bytes' copy made by decodeEnc.
type encView struct {
	kind  byte
	ns    uint64
	dt    TermID
	lang  string
	value string // local part, label or lexical form
}

func decodeEnc(enc []byte) (encView, bool) {
	if len(enc) == 0 {
		return encView{}, false
	}
	v := encView{kind: enc[0]}
	rest := enc[1:]
	switch enc[0] {
	case encIRI:
		n, k := binary.Uvarint(rest)
		if k <= 0 {
			return v, false
		}
		v.ns, rest = n, rest[k:]
	case encBlank, encSimple:
	case encLang:
		if len(rest) < 1 || int(rest[0]) > len(rest)-1 || rest[0] == 0 {
			return v, false
		}
		v.lang, rest = string(rest[1:1+rest[0]]), rest[1+rest[0]:]
	case encTyped:
		n, k := binary.Uvarint(rest)
		if k <= 0 || TermID(n).tag() != tagIRI {
			return v, false
		}
		v.dt, rest = TermID(n), rest[k:]
	default:
		return v, false
	}
	v.value = string(rest)
	return v, true
}

// tagForTerm is the dictionary tag of a term's kind.
func tagForTerm(t rdf.Term) int {
	switch t.Kind() {
	case rdf.KindIRI:
		return tagIRI
	case rdf.KindBlank:
		return tagBlank
	default:
		return tagLiteral
	}
}
