package web

import (
	"fmt"

	"github.com/labstack/echo/v4"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// serviceDescription answers GET /sparql without a query
// (https://www.w3.org/TR/sparql11-service-description/).
func (s *Server) serviceDescription(c echo.Context) error {
	r := c.Request()
	f, ok := negotiateRDF(r, false)
	if !ok {
		f = rdf.Turtle // browsers following a link ask for HTML: give them the Turtle
	}
	c.Response().Header().Add("Vary", "Accept")
	if s.revalidate(c, fmt.Sprintf("sd|%d", f)) {
		return nil
	}
	root := requestURL(r)
	sd := func(l string) rdf.IRI { return rdf.IRI(sdNS + l) }
	svc := rdf.BlankNode("service")
	var qs []rdf.Quad
	add := func(s, p, o rdf.Term) { qs = append(qs, rdf.Quad{Subject: s, Predicate: p, Object: o}) }
	add(svc, rdfType, sd("Service"))
	add(svc, sd("endpoint"), rdf.IRI(root+"/sparql"))
	add(svc, sd("supportedLanguage"), sd("SPARQL11Query"))
	add(svc, sd("supportedLanguage"), sd("SPARQL11Update"))
	for _, rf := range []string{"SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle", "N-Triples", "N-Quads", "TriG", "JSON-LD", "RDF_XML"} {
		add(svc, sd("resultFormat"), rdf.IRI("http://www.w3.org/ns/formats/"+rf))
	}
	if s.cfg.UnionDefaultGraph {
		add(svc, sd("feature"), sd("UnionDefaultGraph"))
	}
	ds := rdf.BlankNode("dataset")
	add(svc, sd("defaultDataset"), ds)
	add(ds, rdfType, sd("Dataset"))
	add(ds, rdf.IRI(voidNS+"sparqlEndpoint"), rdf.IRI(root+"/sparql"))
	dg := rdf.BlankNode("defaultGraph")
	add(ds, sd("defaultGraph"), dg)
	add(dg, rdfType, sd("Graph"))
	err := s.store.View(func(tx *triplestore.Tx) error {
		st, err := tx.Stats()
		if err != nil {
			return err
		}
		add(dg, rdf.IRI(voidNS+"triples"), rdf.NewTypedLiteral(fmt.Sprint(st.Graphs[triplestore.DefaultGraph]), rdf.XSDInteger))
		gs, err := tx.Graphs()
		if err != nil {
			return err
		}
		for i, id := range gs {
			if i >= 1000 {
				break // a service description is no graph catalogue
			}
			t, err := tx.Term(id)
			if err != nil {
				return err
			}
			ng, g := rdf.BlankNode(fmt.Sprintf("ng%d", i)), rdf.BlankNode(fmt.Sprintf("g%d", i))
			add(ds, sd("namedGraph"), ng)
			add(ng, sd("name"), t)
			add(ng, sd("graph"), g)
			add(g, rdfType, sd("Graph"))
			add(g, rdf.IRI(voidNS+"triples"), rdf.NewTypedLiteral(fmt.Sprint(st.Graphs[id]), rdf.XSDInteger))
		}
		return nil
	})
	if err != nil {
		return err
	}
	return s.writeRDFWith(c, f, false, []rdf.Namespace{{Prefix: "void", IRI: voidNS}, {Prefix: "sd", IRI: sdNS}}, func(w rdf.Writer) error {
		for _, q := range qs {
			if err := w.Write(q); err != nil {
				return err
			}
		}
		return nil
	})
}
