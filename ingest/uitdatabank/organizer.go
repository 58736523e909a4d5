package uitdatabank

import (
	"github.com/uitwisselingsplatform/uwp/ingest/internal/ns"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// organizer maps an organizer onto cp:Organisator as udb3's OrganizerJsonToTurtleConverter does.
func (c *converter) organizer(s rdf.IRI, doc map[string]any) {
	main := c.common(s, ns.CPOrganisator, ns.CPRealisatorNaam, doc, "active")
	if v, ok := doc["url"]; ok {
		c.add(s, ns.FOAFHomepage, rdf.NewLiteral(c.str(v, "/url")))
	}
	if v, ok := doc["description"]; ok {
		c.langMap(s, ns.DCDescription, v, "/description", main)
	}
	if v, ok := doc["address"]; ok {
		c.address(s, v, "/address")
	}
	if v, ok := doc["geo"]; ok {
		c.geo(s, v, "/geo")
	}
	c.contactPoints(s, doc)
	c.labels(s, doc)
	c.images(s, doc, "images")
	c.sameAs(s, doc)
}
