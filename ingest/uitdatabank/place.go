package uitdatabank

import (
	"github.com/uitwisselingsplatform/uwp/ingest/internal/ns"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// place maps a place onto dcterms:Location as udb3's PlaceJsonToTurtleConverter does.
func (c *converter) place(s rdf.IRI, doc map[string]any) {
	main := c.common(s, ns.DCLocation, ns.LOCNLocatorName, doc, "draft")
	if v, ok := doc["description"]; ok {
		c.langMap(s, ns.DCDescription, v, "/description", main)
	}
	c.terms(s, doc)
	if v, ok := doc["address"]; ok {
		c.address(s, v, "/address")
	}
	if v, ok := doc["geo"]; ok {
		c.geo(s, v, "/geo")
	}
	c.offer(s, doc)
}
