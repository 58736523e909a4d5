package web

import (
	"bytes"
	"encoding/json"
	"html/template"
	"net/http"

	"github.com/labstack/echo/v4"
)

// uiRoutes serves the query UI at /: a form that works without JavaScript (it GETs /sparql)
// and, with the embedded static/ui.js, runs queries in place and shows a results table whose
// IRIs link into the Linked Data pages.
func (s *Server) uiRoutes() {
	s.get("/", s.ui)
}

type uiExample struct{ Name, Query string }

func (s *Server) ui(c echo.Context) error {
	r := c.Request()
	if s.revalidate(c, "ui|"+r.URL.RawQuery) {
		return nil
	}
	prefixes := ""
	for _, ns := range s.cfg.Prefixes {
		prefixes += "PREFIX " + ns.Prefix + ": <" + ns.IRI + ">\n"
	}
	query := r.URL.Query().Get("query")
	if query == "" {
		query = prefixes + "\nSELECT ?s ?p ?o WHERE {\n  ?s ?p ?o\n} LIMIT 25\n"
	}
	examples := []uiExample{
		{"A few statements", "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 25"},
		{"Classes and their instances", "SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) LIMIT 50"},
		{"Properties in use", "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p ORDER BY DESC(?n) LIMIT 50"},
		{"Named graphs", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY DESC(?n)"},
		{"Labels", "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nSELECT ?s ?label WHERE { ?s rdfs:label ?label } LIMIT 50"},
		{"Describe a resource", "DESCRIBE ?s WHERE { ?s ?p ?o } LIMIT 1"},
	}
	bases, _ := json.Marshal(s.basesFor(r))
	v := struct {
		Service, Lang, Query, Prefixes string
		Examples                       []uiExample
		Bases                          template.JS
	}{s.cfg.Title, "en", query, prefixes, examples, template.JS(bases)}
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, "index.html", v); err != nil {
		return err
	}
	return c.HTMLBlob(http.StatusOK, buf.Bytes())
}
