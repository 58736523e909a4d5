package uitdatabank

import (
	"github.com/uitwisselingsplatform/uwp/ingest/internal/ns"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// place maps a place onto dcterms:Location as udb3's PlaceJsonToTurtleConverter does.
func (c *converter) place(s rdf.IRI, doc map[string]any) {
	main, _ := doc["mainLanguage"].(string)
	c.common(s, ns.DCLocation, doc, "draft")
	name, ok := doc["name"]
	if !ok {
		c.fail("/name", "missing name")
	}
	c.langMap(s, ns.LOCNLocatorName, name, "/name", main)
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
	c.openingHours(s, doc)
	c.contactPoints(s, doc)
	c.bookingInfo(s, doc)
	c.labels(s, doc)
	c.prices(s, doc)
	c.videos(s, doc)
	c.images(s, doc, "mediaObject")
	c.sameAs(s, doc)
}
