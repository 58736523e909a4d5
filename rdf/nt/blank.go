package nt

import (
	"unicode/utf8"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// subjectBlank reads a blank node subject, shared like subjectIRI's.
func (r *Reader) subjectBlank(i int) (rdf.Term, int, error) {
	j, err := r.blankLabel(i)
	if err != nil {
		return nil, 0, err
	}
	// r.label is "b" + label; lastSubj keeps "_" + label.
	if len(r.lastSubj) == len(r.label) && r.lastSubj[0] == '_' && string(r.lastSubj[1:]) == string(r.label[1:]) {
		return r.lastSubjTerm, j, nil
	}
	t := rdf.Term(rdf.BlankNode(r.label))
	r.lastSubj = append(append(r.lastSubj[:0], '_'), r.label[1:]...)
	r.lastSubjTerm = t
	return t, j, nil
}

// blank reads BLANK_NODE_LABEL (https://www.w3.org/TR/n-triples/#grammar-production-BLANK_NODE_LABEL) at s[i] == '_':
//
//	BLANK_NODE_LABEL ::= '_:' (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?
//
// with PN_CHARS_U without ':' (see the package doc).
func (r *Reader) blank(i int) (rdf.Term, int, error) {
	j, err := r.blankLabel(i)
	if err != nil {
		return nil, 0, err
	}
	return rdf.BlankNode(r.label), j, nil
}

// blankLabel scans the blank node label at s[i] == '_' into r.label as "b" + label and
// returns the index after it.
func (r *Reader) blankLabel(i int) (int, error) {
	s := r.ln
	if i+1 >= len(s) || s[i+1] != ':' {
		return 0, r.errorf(i, "expected '_:' to start a blank node label, found %s", describe(s, i))
	}
	start := i + 2
	j := start
	if j >= len(s) {
		return 0, r.expected(j, "blank node label after '_:'")
	}
	if c := s[j]; c < 0x80 {
		if !labelFirst[c] {
			return 0, r.expected(j, "blank node label after '_:'")
		}
		j++
	} else {
		u, n := utf8.DecodeRune(s[j:])
		if u == utf8.RuneError && n == 1 {
			return 0, r.errorf(j, "expected UTF-8 text, found byte 0x%02X (invalid UTF-8) in blank node label", r.ln[j])
		}
		if !isPNCharsBase(u) {
			return 0, r.expected(j, "blank node label after '_:'")
		}
		j += n
	}
	end := j // end of the label without trailing dots
	for j < len(s) {
		c := s[j]
		if c < 0x80 {
			if labelChar[c] {
				j++
				end = j
				continue
			}
			if c == '.' {
				j++
				continue
			}
			break
		}
		u, n := utf8.DecodeRune(s[j:])
		if u == utf8.RuneError && n == 1 {
			return 0, r.errorf(j, "expected UTF-8 text, found byte 0x%02X (invalid UTF-8) in blank node label", r.ln[j])
		}
		if !isPNChars(u) {
			break
		}
		j += n
		end = j
	}
	r.label = append(append(r.label[:0], 'b'), s[start:end]...)
	return end, nil
}
