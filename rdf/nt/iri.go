package nt

import (
	"unicode/utf8"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// iriRef scans IRIREF (https://www.w3.org/TR/n-triples/#grammar-production-IRIREF) at s[i] == '<' and returns its value, unescaped, and the index after '>'.
// The value aliases r.ln or r.scratch: it is valid until the next call.
func (r *Reader) iriRef(i int) ([]byte, int, error) {
	s := r.ln
	j := i + 1
	for j < len(s) {
		c := s[j]
		if iriPlain[c] {
			j++
			continue
		}
		if c >= 0x80 {
			if c, n := utf8.DecodeRune(s[j:]); c == utf8.RuneError && n == 1 {
				return nil, 0, r.errorf(j, "expected UTF-8 text, found byte 0x%02X (invalid UTF-8) in IRI", r.ln[j])
			} else {
				j += n
			}
			continue
		}
		break
	}
	var v []byte
	if j < len(s) && s[j] == '>' {
		v = s[i+1 : j]
		j++
	} else {
		var err error
		if v, j, err = r.iriRefSlow(i, j); err != nil {
			return nil, 0, err
		}
	}
	if !hasScheme(v) {
		return nil, 0, r.errorf(i, "expected an absolute IRI, found relative IRI <%s> (N-Triples and N-Quads have no base IRI)", v)
	}
	return v, j, nil
}

// iriRefSlow goes on from s[j], the first byte the fast path of iriRef could not take.
func (r *Reader) iriRefSlow(i, j int) ([]byte, int, error) {
	s := r.ln
	b := append(r.scratch[:0], s[i+1:j]...)
	defer func() { r.scratch = b[:0] }()
	for {
		if j >= len(s) {
			return nil, 0, r.errorf(i, "expected '>' to end the IRI, found end of line")
		}
		c := s[j]
		switch {
		case c == '>':
			return b, j + 1, nil
		case c == '\\':
			u, n, err := r.uchar(j)
			if err != nil {
				return nil, 0, err
			}
			if iriForbidden(u) {
				return nil, 0, r.errorf(j, "expected a character an IRI may contain, found escape %s of %U", s[j:j+n], u)
			}
			b = utf8.AppendRune(b, u)
			j += n
		case c >= 0x80:
			u, n := utf8.DecodeRune(s[j:])
			if u == utf8.RuneError && n == 1 {
				return nil, 0, r.errorf(j, "expected UTF-8 text, found byte 0x%02X (invalid UTF-8) in IRI", r.ln[j])
			}
			b = append(b, s[j:j+n]...)
			j += n
		case iriPlain[c]:
			b = append(b, c)
			j++
		default:
			return nil, 0, r.errorf(j, "expected '>' to end the IRI, found %s (not allowed in an IRI; escape it as %%%02X)", describe(s, j), c)
		}
	}
}

// uchar decodes UCHAR at s[j] == '\\' and returns the code point and the escape's length.
func (r *Reader) uchar(j int) (rune, int, error) {
	s := r.ln
	if j+1 >= len(s) || (s[j+1] != 'u' && s[j+1] != 'U') {
		return 0, 0, r.errorf(j, "expected \\u or \\U escape, found %s", describe(s, j))
	}
	n := 4
	if s[j+1] == 'U' {
		n = 8
	}
	var v uint32 // not rune: eight hex digits overflow an int32
	for k := 0; k < n; k++ {
		p := j + 2 + k
		if p >= len(s) {
			return 0, 0, r.errorf(j, "expected %d hex digits after \\%c, found end of line", n, s[j+1])
		}
		var d byte
		switch c := s[p]; {
		case c >= '0' && c <= '9':
			d = c - '0'
		case c >= 'a' && c <= 'f':
			d = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			d = c - 'A' + 10
		default:
			return 0, 0, r.errorf(p, "expected hex digit in \\%c escape, found %s", s[j+1], describe(s, p))
		}
		v = v<<4 | uint32(d)
	}
	if v > utf8.MaxRune || v >= 0xD800 && v <= 0xDFFF {
		return 0, 0, r.errorf(j, "expected a Unicode character, found escape %s", s[j:j+2+n])
	}
	return rune(v), 2 + n, nil
}

// subjectIRI reads an IRI subject, sharing the term with the previous line's subject when
// the bytes are the same (consecutive lines about one subject are the rule in dumps).
func (r *Reader) subjectIRI(i int) (rdf.Term, int, error) {
	v, j, err := r.iriRef(i)
	if err != nil {
		return nil, 0, err
	}
	if len(r.lastSubj) == len(v)+1 && r.lastSubj[0] == '<' && string(r.lastSubj[1:]) == string(v) {
		return r.lastSubjTerm, j, nil
	}
	t := rdf.Term(rdf.IRI(v))
	r.lastSubj = append(append(r.lastSubj[:0], '<'), v...)
	r.lastSubjTerm = t
	return t, j, nil
}

// iriTerm reads an IRI object.
func (r *Reader) iriTerm(i int) (rdf.Term, int, error) {
	v, j, err := r.iriRef(i)
	if err != nil {
		return nil, 0, err
	}
	return rdf.IRI(v), j, nil
}

// internedIRI reads an IRI that is likely to repeat (predicate, datatype, graph name) and
// returns a shared term for it.
func (r *Reader) internedIRI(i int) (rdf.Term, int, error) {
	v, j, err := r.iriRef(i)
	if err != nil {
		return nil, 0, err
	}
	h := internHash(v) & (internSize - 1)
	if r.iriKeys[h] == string(v) && r.iriTerms[h] != nil {
		return r.iriTerms[h], j, nil
	}
	iri := rdf.IRI(v)
	t := rdf.Term(iri)
	r.iriKeys[h], r.iriTerms[h] = string(iri), t
	return t, j, nil
}

// internHash is a cheap hash for the term caches: IRIs of one vocabulary share long
// prefixes, so it mixes the length with bytes from the end.
func internHash(v []byte) int {
	n := len(v)
	h := uint(n) * 0x9E3779B1
	for i := max(0, n-8); i < n; i++ {
		h = (h ^ uint(v[i])) * 0x01000193
	}
	return int(h ^ h>>15)
}
