package uitdatabank

import (
	"time"

	"github.com/uitwisselingsplatform/uwp/ingest/internal/ns"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Kind is the kind of UiTdatabank document.
type Kind uint8

// The document kinds. KindAuto finds the kind from @type, else from the @id path
// (/events/, /places/, /organizers/).
const (
	KindAuto Kind = iota
	KindEvent
	KindPlace
	KindOrganizer
)

func (k Kind) String() string {
	switch k {
	case KindAuto:
		return "auto"
	case KindEvent:
		return "event"
	case KindPlace:
		return "place"
	case KindOrganizer:
		return "organizer"
	default:
		return "Kind(?)"
	}
}

func (k Kind) path() string {
	switch k {
	case KindEvent:
		return "events"
	case KindPlace:
		return "places"
	case KindOrganizer:
		return "organizers"
	default:
		return ""
	}
}

// Taxonomy bases for Options.Taxonomy.
const (
	TaxonomyProduction = ns.TaxonomyProduction
	TaxonomyTest       = ns.TaxonomyTest
)

// Options configure a Reader. The zero value reads documents as they are, with production
// taxonomy IRIs.
type Options struct {
	// File names the input in errors.
	File string
	// Base, when set (ending in '/'), rewrites every entity IRI (the document's own @id and
	// linked places and organizers) to Base + "events|places|organizers/" + id, as publiq's
	// RDF endpoint does. Empty keeps the @id values.
	Base string
	// Taxonomy is the base of term IRIs; empty means TaxonomyProduction.
	Taxonomy string
	// Kind is used for documents whose kind neither @type nor @id tells.
	Kind Kind
	// Graph, when not nil, is set on every quad.
	Graph rdf.Term
	// Creator (the OVO code IRI of the data owner) and Source (the data product IRI) are
	// added to every adms:Identifier as dcterms:creator and platform:bron when set.
	Creator, Source rdf.IRI
	// ProcessedAt, when not zero, is written as platform:verwerktOp on every entity.
	ProcessedAt time.Time
	// WKT adds geosparql:asWKT beside the GML point that udb3 writes.
	WKT bool
}
