package vocab_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/vocab"
	"github.com/uitwisselingsplatform/uwp/vocab/cp"
	"github.com/uitwisselingsplatform/uwp/vocab/locn"
	"github.com/uitwisselingsplatform/uwp/vocab/schema"
)

func TestNamespaces_Unique(t *testing.T) {
	prefixes, iris := map[string]bool{}, map[string]bool{}
	for _, ns := range vocab.Namespaces {
		if prefixes[ns.Prefix] || iris[ns.IRI] {
			t.Errorf("duplicate binding %s: <%s>", ns.Prefix, ns.IRI)
		}
		prefixes[ns.Prefix], iris[ns.IRI] = true, true
		if !strings.HasSuffix(ns.IRI, "#") && !strings.HasSuffix(ns.IRI, "/") {
			t.Errorf("%s: namespace <%s> ends in neither # nor /", ns.Prefix, ns.IRI)
		}
	}
	if len(vocab.Namespaces) != 28 {
		t.Errorf("%d namespaces, want 28", len(vocab.Namespaces))
	}
}

func TestPrefixes_Copy(t *testing.T) {
	p := vocab.Prefixes()
	p[0].Prefix = "changed"
	if vocab.Namespaces[0].Prefix == "changed" {
		t.Error("Prefixes shares its array with Namespaces")
	}
}

func TestTerms(t *testing.T) {
	for got, want := range map[rdf.IRI]string{
		cp.ActiviteitPrijs:        "https://data.vlaanderen.be/ns/cultuurparticipatie#Activiteit.prijs",
		cp.Transactie:             "https://data.vlaanderen.be/ns/cultuurparticipatie#Transactie",
		cp.TransactieProp:         "https://data.vlaanderen.be/ns/cultuurparticipatie#transactie",
		locn.AddressProp:          "http://www.w3.org/ns/locn#address",
		schema.PriceSpecification: "https://schema.org/PriceSpecification",
	} {
		if string(got) != want {
			t.Errorf("got <%s>, want <%s>", got, want)
		}
	}
}

func TestCompact(t *testing.T) {
	for in, want := range map[rdf.IRI]string{
		cp.ActiviteitPrijs:              "cp:Activiteit.prijs",
		"http://www.w3.org/ns/shacl#in": "sh:in",
		"https://schema.org/":           "",
		"http://example.org/x":          "",
	} {
		got, ok := vocab.Compact(in)
		if got != want || ok != (want != "") {
			t.Errorf("Compact(%s) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func ExampleCompact() {
	s, _ := vocab.Compact(cp.ActiviteitBoeking)
	fmt.Println(s)
	// Output: cp:Activiteit.boeking
}
