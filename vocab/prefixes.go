package vocab

import (
	"strings"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Prefixes returns a copy of Namespaces that the caller may modify.
func Prefixes() []rdf.Namespace { return append([]rdf.Namespace(nil), Namespaces...) }

// Compact returns prefix:local for an IRI in one of the Namespaces whose local part is
// non-empty, and ok false otherwise. It does not check that local is a valid PN_LOCAL.
func Compact(iri rdf.IRI) (curie string, ok bool) {
	s := string(iri)
	best := -1
	for i, ns := range Namespaces {
		if strings.HasPrefix(s, ns.IRI) && len(s) > len(ns.IRI) && (best < 0 || len(ns.IRI) > len(Namespaces[best].IRI)) {
			best = i
		}
	}
	if best < 0 {
		return "", false
	}
	return Namespaces[best].Prefix + ":" + s[len(Namespaces[best].IRI):], true
}
