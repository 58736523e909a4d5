package product

import (
	"crypto/rand"
	"encoding/base32"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/vocab/dcat"
	"github.com/uitwisselingsplatform/uwp/vocab/dcterms"
	"github.com/uitwisselingsplatform/uwp/vocab/owl"
	"github.com/uitwisselingsplatform/uwp/vocab/prov"
	"github.com/uitwisselingsplatform/uwp/vocab/rdfs"
	"github.com/uitwisselingsplatform/uwp/vocab/sd"
	"github.com/uitwisselingsplatform/uwp/vocab/void"
)

// NS is uwp's own small namespace for what DCAT, PROV and VoID have no term for: the run's
// record counts, its id and the adapter's name.
const NS = "https://w3id.org/uwp/ns#"

// Terms of NS.
const (
	RecordsRead   rdf.IRI = NS + "recordsRead"
	RecordsFailed rdf.IRI = NS + "recordsFailed"
	RunID         rdf.IRI = NS + "runId"
	Adapter       rdf.IRI = NS + "adapter"
)

// ErrBadName is returned by New for producer or dataset names that cannot be IRI segments.
var ErrBadName = errors.New("product: producer and dataset must be non-empty [A-Za-z0-9._-] names")

// Product describes one data product and the run that made it.
type Product struct {
	IRI      rdf.IRI // the dataset
	Graph    rdf.IRI // the named graph holding its quads
	Catalog  rdf.IRI // the catalogue graph holding its description
	Title    string
	Producer rdf.IRI // the organisation that produced the data (e.g. an OVO code IRI); may be empty
	Source   string  // file name or URL read
	Adapter  string  // e.g. "uitdatabank", "tickets/ticketmatic", "mapping/<name>"
	// MappingVersion is the version of the mapping file used, if any.
	MappingVersion string
	RunID          string
	Started, Ended time.Time
	Records        int // records read
	Failed         int // records that failed (lenient runs)
	Quads          int // quads in the graph
}

// New names a product under base (which should end in '/' or '#'), with a fresh run id and
// Started = now.
func New(base, producer, dataset string) (*Product, error) {
	if !validName(producer) || !validName(dataset) {
		return nil, ErrBadName
	}
	if !rdf.IsAbsoluteIRI(base) {
		return nil, fmt.Errorf("product: base %q is not an absolute IRI", base)
	}
	return &Product{
		IRI:     rdf.IRI(base + "product/" + producer + "/" + dataset),
		Graph:   rdf.IRI(base + "graph/" + producer + "/" + dataset),
		Catalog: rdf.IRI(base + "catalogue"),
		Title:   producer + "/" + dataset,
		RunID:   NewRunID(),
		Started: time.Now().UTC(),
	}, nil
}

func validName(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// NewRunID returns a fresh run id: "r" and 16 lower-case base32 characters, usable in IRIs
// and blank node labels.
func NewRunID() string {
	var b [10]byte
	rand.Read(b[:])
	return "r" + strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:]))
}

func (p *Product) runIRI() rdf.IRI { return rdf.IRI(string(p.IRI) + "/run") }

// Description returns the product's description in the catalogue graph. Every node is an IRI under
// p.IRI, so Replace can find and drop an old description.
func (p *Product) Description() []rdf.Quad {
	g := rdf.Term(p.Catalog)
	var qs []rdf.Quad
	add := func(s rdf.IRI, pr rdf.IRI, o rdf.Term) {
		qs = append(qs, rdf.Quad{Subject: s, Predicate: pr, Object: o, Graph: g})
	}
	lit := rdf.NewLiteral
	dt := func(t time.Time) rdf.Literal {
		return rdf.NewTypedLiteral(t.UTC().Format(time.RFC3339Nano), rdf.XSDDateTime)
	}
	n := func(i int) rdf.Literal { return rdf.NewTypedLiteral(strconv.Itoa(i), rdf.XSDInteger) }

	add(p.Catalog, rdf.RDFType, dcat.Catalog)
	add(p.Catalog, dcat.DatasetProp, p.IRI)
	add(p.IRI, rdf.RDFType, dcat.Dataset)
	add(p.IRI, rdf.RDFType, sd.NamedGraph)
	add(p.IRI, rdf.RDFType, prov.Entity)
	add(p.IRI, sd.Name, p.Graph)
	if p.Title != "" {
		add(p.IRI, dcterms.Title, lit(p.Title))
	}
	if p.Producer != "" {
		add(p.IRI, dcterms.Publisher, p.Producer)
		add(p.IRI, prov.WasAttributedTo, p.Producer)
	}
	if !p.Ended.IsZero() {
		add(p.IRI, dcterms.Modified, dt(p.Ended))
	}
	add(p.IRI, void.Triples, n(p.Quads))
	run := p.runIRI()
	add(p.IRI, prov.WasGeneratedBy, run)
	add(run, rdf.RDFType, prov.Activity)
	add(run, RunID, lit(p.RunID))
	if !p.Started.IsZero() {
		add(run, prov.StartedAtTime, dt(p.Started))
	}
	if !p.Ended.IsZero() {
		add(run, prov.EndedAtTime, dt(p.Ended))
	}
	if p.Adapter != "" {
		add(run, Adapter, lit(p.Adapter))
		add(run, rdfs.Label, lit("uwp ingest "+p.Adapter))
	}
	if p.MappingVersion != "" {
		add(run, owl.VersionInfo, lit(p.MappingVersion))
	}
	if p.Source != "" {
		add(run, dcterms.Source, lit(p.Source))
		add(p.IRI, dcterms.Source, lit(p.Source))
	}
	add(run, RecordsRead, n(p.Records))
	add(run, RecordsFailed, n(p.Failed))
	return qs
}
