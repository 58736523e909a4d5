package product

import (
	"slices"
	"strconv"
	"time"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
	"github.com/uitwisselingsplatform/uwp/vocab/dcat"
	"github.com/uitwisselingsplatform/uwp/vocab/dcterms"
	"github.com/uitwisselingsplatform/uwp/vocab/owl"
	"github.com/uitwisselingsplatform/uwp/vocab/prov"
	"github.com/uitwisselingsplatform/uwp/vocab/sd"
	"github.com/uitwisselingsplatform/uwp/vocab/void"
)

// List returns the products described in the catalogue graph, sorted by IRI.
func List(st *triplestore.Store, catalog rdf.IRI) ([]Product, error) {
	var out []Product
	err := st.View(func(tx *triplestore.Tx) error {
		out = nil
		it := tx.MatchTerms(nil, rdf.RDFType, dcat.Dataset, catalog)
		var ids []rdf.IRI
		for it.Next() {
			if s, ok := it.Quad().Subject.(rdf.IRI); ok {
				ids = append(ids, s)
			}
		}
		if err := it.Err(); err != nil {
			return err
		}
		it.Close()
		slices.Sort(ids)
		for _, id := range ids {
			p := Product{IRI: id, Catalog: catalog}
			props, err := properties(tx, id, catalog)
			if err != nil {
				return err
			}
			p.Graph, _ = props[sd.Name].(rdf.IRI)
			p.Title = lexical(props[dcterms.Title])
			p.Producer, _ = props[dcterms.Publisher].(rdf.IRI)
			p.Quads = integer(props[void.Triples])
			p.Source = lexical(props[dcterms.Source])
			if run, ok := props[prov.WasGeneratedBy].(rdf.IRI); ok {
				rp, err := properties(tx, run, catalog)
				if err != nil {
					return err
				}
				p.RunID = lexical(rp[RunID])
				p.Adapter = lexical(rp[Adapter])
				p.MappingVersion = lexical(rp[owl.VersionInfo])
				p.Started = timeOf(rp[prov.StartedAtTime])
				p.Ended = timeOf(rp[prov.EndedAtTime])
				p.Records = integer(rp[RecordsRead])
				p.Failed = integer(rp[RecordsFailed])
			}
			out = append(out, p)
		}
		return nil
	})
	return out, err
}

// properties returns one object per predicate of s in graph g.
func properties(tx *triplestore.Tx, s rdf.IRI, g rdf.IRI) (map[rdf.IRI]rdf.Term, error) {
	m := map[rdf.IRI]rdf.Term{}
	it := tx.MatchTerms(s, nil, nil, g)
	defer it.Close()
	for it.Next() {
		q := it.Quad()
		if p, ok := q.Predicate.(rdf.IRI); ok {
			m[p] = q.Object
		}
	}
	return m, it.Err()
}

func lexical(t rdf.Term) string {
	if l, ok := t.(rdf.Literal); ok {
		return l.Lexical
	}
	return ""
}

func integer(t rdf.Term) int {
	n, _ := strconv.Atoi(lexical(t))
	return n
}

func timeOf(t rdf.Term) time.Time {
	v, _ := time.Parse(time.RFC3339Nano, lexical(t))
	return v
}
