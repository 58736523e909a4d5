package results

import (
	"fmt"
	"unicode/utf8"
)

// ValidVarName reports whether s is a SPARQL variable name without its ? or $
// (the VARNAME production, https://www.w3.org/TR/sparql11-query/#rVARNAME).
func ValidVarName(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_' || (r >= '0' && r <= '9') || pnCharsBase(r):
		case i > 0 && (r == 0xB7 || (r >= 0x300 && r <= 0x36F) || r == 0x203F || r == 0x2040):
		default:
			return false
		}
	}
	return true
}

// pnCharsBase is PN_CHARS_BASE of the SPARQL grammar.
func pnCharsBase(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
		return true
	case r < 0xC0:
		return false
	case r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x2FF, r >= 0x370 && r <= 0x37D,
		r >= 0x37F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D, r >= 0x2070 && r <= 0x218F,
		r >= 0x2C00 && r <= 0x2FEF, r >= 0x3001 && r <= 0xD7FF, r >= 0xF900 && r <= 0xFDCF,
		r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return true
	}
	return false
}

// checkVars returns an error naming the first invalid or repeated variable.
func checkVars(vars []string) error {
	seen := make(map[string]bool, len(vars))
	for _, v := range vars {
		if !ValidVarName(v) {
			return fmt.Errorf("invalid variable name %q", v)
		}
		if seen[v] {
			return fmt.Errorf("variable %q appears twice", v)
		}
		seen[v] = true
	}
	return nil
}
