package web

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// TestRapper_ParsesOurAnswers has Raptor's rapper (an independent parser) read the Turtle
// and RDF/XML the server writes for a resource, VoID and a CONSTRUCT query, and checks
// that it finds the same statements we do. Required under CI=true.
func TestRapper_ParsesOurAnswers(t *testing.T) {
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		if ciRequired() {
			t.Fatal("rapper is not installed (Debian package raptor2-utils)")
		}
		t.Skip("rapper is not installed")
	}
	ts := newTestServer(t, Config{}, cityData+`ex:odd <http://ex.org/p> "tab\there \"quoted\" \\ back", "ünïcödé"@nl-BE, "<b>&amp;</b>"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral> .`)
	for _, c := range []struct {
		path, accept, syntax string
		f                    rdf.Format
	}{
		{"/doc/gent", "text/turtle", "turtle", rdf.Turtle},
		{"/doc/gent", "application/rdf+xml", "rdfxml", rdf.RDFXML},
		{"/doc/odd", "text/turtle", "turtle", rdf.Turtle},
		{"/doc/odd", "application/rdf+xml", "rdfxml", rdf.RDFXML},
		{"/.well-known/void", "text/turtle", "turtle", rdf.Turtle},
		{"/.well-known/void", "application/rdf+xml", "rdfxml", rdf.RDFXML},
		{"/sparql?query=" + q("CONSTRUCT WHERE { ?s ?p ?o }"), "text/turtle", "turtle", rdf.Turtle},
		{"/sparql?query=" + q("CONSTRUCT WHERE { ?s ?p ?o }"), "application/rdf+xml", "rdfxml", rdf.RDFXML},
		{"/sparql", "text/turtle", "turtle", rdf.Turtle},
	} {
		code, body, _ := ts.get(t, "GET", c.path, "", "Accept", c.accept)
		wantStatus(t, c.path, code, 200, body)
		cmd := exec.Command(rapper, "-q", "-i", c.syntax, "-o", "ntriples", "-", "http://base.example/")
		cmd.Stdin = strings.NewReader(body)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil || errb.Len() > 0 {
			t.Errorf("rapper rejects %s as %s: %v\n%s\n%s", c.path, c.syntax, err, errb.String(), body)
			continue
		}
		// Language tags compare case-insensitively (rapper lower-cases them in RDF/XML).
		theirs := lowerLangs(parseRDF(t, rdf.NTriples, out.String()))
		ours := lowerLangs(parseRDF(t, c.f, body))
		if len(ours) == 0 || !rdf.Isomorphic(ours, theirs) {
			t.Errorf("%s as %s: rapper reads other statements:\n%s", c.path, c.syntax, rdf.Diff(ours, theirs))
		}
	}
}

func lowerLangs(qs []rdf.Quad) []rdf.Quad {
	for i, q := range qs {
		if l, ok := q.Object.(rdf.Literal); ok && l.Lang != "" {
			l.Lang = strings.ToLower(l.Lang)
			qs[i].Object = l
		}
	}
	return qs
}
