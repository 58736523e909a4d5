package uitdatabank

import (
	"regexp"
	"strings"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/internal/ns"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// terms maps taxonomy terms: eventtype (and place types, which carry no domain) to
// dcterms:type, theme to cp:thema; facilities have no AP property and are left out.
func (c *converter) terms(s rdf.IRI, doc map[string]any) {
	if v, ok := doc["terms"]; ok {
		for i, t := range c.arr(v, "/terms") {
			ptr := ingest.JSONPointer("/terms", i)
			c.term(s, c.obj(t, ptr), ptr)
		}
	}
	// The Entry API's legacy top-level "theme" object.
	if v, ok := doc["theme"]; ok {
		m := c.obj(v, "/theme")
		m["domain"] = "theme"
		c.term(s, m, "/theme")
	}
}

func (c *converter) term(s rdf.IRI, m map[string]any, ptr string) {
	idv, ok := m["id"]
	if !ok {
		c.fail(ptr+"/id", "term without id")
	}
	id := c.str(idv, ptr+"/id")
	domain, _ := m["domain"].(string)
	iri := rdf.IRI(c.taxonomy + id)
	switch domain {
	case "", "eventtype":
		c.add(s, ns.DCType, iri)
	case "theme":
		c.add(s, ns.CPThema, iri)
	}
}

// streetNumber splits "Hoornblaas 107" into thoroughfare and house number; udb3 keeps only
// the leading digits of the number ("41-43" -> "41").
var streetNumber = regexp.MustCompile(`^(\D*?)\s*(\d+)`)

// address writes locn:address: one locn:Address holding every language version.
func (c *converter) address(s rdf.IRI, v any, ptr string) {
	m := c.obj(v, ptr)
	if _, flat := m["streetAddress"]; flat { // an address without language versions
		m = map[string]any{"nl": m}
	}
	a := frag(s, "address", m)
	c.add(s, ns.LOCNAddress, a)
	c.add(a, ns.Type, ns.LOCNAddressClass)
	for _, lang := range sortedKeys(m) {
		lp := ingest.JSONPointer(ptr, lang)
		la := c.obj(m[lang], lp)
		get := func(k string) string {
			if v, ok := la[k]; ok {
				return c.str(v, ingest.JSONPointer(lp, k))
			}
			return ""
		}
		street, postal, city, country := get("streetAddress"), get("postalCode"), get("addressLocality"), get("addressCountry")
		if country != "" {
			c.add(a, ns.LOCNAdminUnitL1, rdf.NewLiteral(country))
		}
		if postal != "" {
			c.add(a, ns.LOCNPostCode, rdf.NewLiteral(postal))
		}
		if city != "" {
			c.add(a, ns.LOCNPostName, rdf.NewLangLiteral(city, lang))
		}
		if sm := streetNumber.FindStringSubmatch(street); sm != nil && strings.TrimSpace(sm[1]) != "" {
			c.add(a, ns.LOCNThoroughfare, rdf.NewLangLiteral(strings.TrimSpace(sm[1]), lang))
			c.add(a, ns.LOCNLocatorDesignator, rdf.NewLiteral(sm[2]))
		}
		full := street + ", " + strings.TrimSpace(postal+" "+city) + ", " + country
		c.add(a, ns.LOCNFullAddress, rdf.NewLangLiteral(full, lang))
	}
}

// geo writes locn:geometry with a GML point in CRS84 (longitude first), as udb3 does.
func (c *converter) geo(s rdf.IRI, v any, ptr string) {
	m := c.obj(v, ptr)
	lat := c.number(m["latitude"], ptr+"/latitude")
	lon := c.number(m["longitude"], ptr+"/longitude")
	g := frag(s, "geometry", m)
	c.add(s, ns.LOCNGeometry, g)
	c.add(g, ns.Type, ns.LOCNGeometryClass)
	gml := "<gml:Point srsName='http://www.opengis.net/def/crs/OGC/1.3/CRS84'><gml:coordinates>" +
		lon + ", " + lat + "</gml:coordinates></gml:Point>"
	c.add(g, ns.GeoAsGML, rdf.NewTypedLiteral(gml, ns.GeoGMLLiteral))
	if c.opts.WKT {
		c.add(g, ns.GeoAsWKT, rdf.NewTypedLiteral("POINT("+lon+" "+lat+")", ns.GeoWKTLiteral))
	}
}

var weekdays = map[string]rdf.IRI{
	"monday": ns.Schema + "Monday", "tuesday": ns.Schema + "Tuesday", "wednesday": ns.Schema + "Wednesday",
	"thursday": ns.Schema + "Thursday", "friday": ns.Schema + "Friday", "saturday": ns.Schema + "Saturday",
	"sunday": ns.Schema + "Sunday",
}

// openingHours writes cp:Activiteit.beschikbaarheid -> cp:Beschikbaarheid -> schema:hoursAvailable.
func (c *converter) openingHours(s rdf.IRI, doc map[string]any) {
	v, ok := doc["openingHours"]
	if !ok {
		return
	}
	hours := c.arr(v, "/openingHours")
	if len(hours) == 0 {
		return
	}
	b := frag(s, "beschikbaarheid", hours)
	c.add(s, ns.CPBeschikbaarheid, b)
	c.add(b, ns.Type, ns.CPBeschikbaarheidClass)
	for i, h := range hours {
		ptr := ingest.JSONPointer("/openingHours", i)
		m := c.obj(h, ptr)
		o := frag(s, "openingHoursSpecification", m)
		c.add(b, ns.SchemaHoursAvailable, o)
		c.add(o, ns.Type, ns.SchemaOpeningHoursSpec)
		if v, ok := m["opens"]; ok {
			c.add(o, ns.SchemaOpens, rdf.NewLiteral(c.str(v, ptr+"/opens")))
		}
		if v, ok := m["closes"]; ok {
			c.add(o, ns.SchemaCloses, rdf.NewLiteral(c.str(v, ptr+"/closes")))
		}
		if v, ok := m["dayOfWeek"]; ok {
			for j, d := range c.arr(v, ptr+"/dayOfWeek") {
				dp := ingest.JSONPointer(ptr+"/dayOfWeek", j)
				day, ok := weekdays[strings.ToLower(c.str(d, dp))]
				if !ok {
					c.fail(dp, "unknown day of week %q", d)
				}
				c.add(o, ns.SchemaDayOfWeek, day)
			}
		}
	}
}

func (c *converter) contactPoints(s rdf.IRI, doc map[string]any) { c.contactPointsAt(s, doc, "") }

// contactPointsAt writes one schema:ContactPoint per phone number, e-mail address and URL.
func (c *converter) contactPointsAt(s rdf.IRI, parent map[string]any, base string) {
	v, ok := parent["contactPoint"]
	if !ok {
		return
	}
	ptr := base + "/contactPoint"
	m := c.obj(v, ptr)
	for _, f := range [...]struct {
		key string
		p   rdf.IRI
	}{{"url", ns.SchemaURL}, {"email", ns.SchemaEmail}, {"phone", ns.SchemaTelephone}} {
		vs, ok := m[f.key]
		if !ok {
			continue
		}
		for i, x := range c.arr(vs, ptr+"/"+f.key) {
			val := c.str(x, ingest.JSONPointer(ptr+"/"+f.key, i))
			cp := frag(s, "contactPoint", map[string]any{f.key: val})
			c.add(s, ns.SchemaContactPoint, cp)
			c.add(cp, ns.Type, ns.SchemaContactPointClass)
			c.add(cp, f.p, rdf.NewLiteral(val))
		}
	}
}

// bookingInfo writes cp:Activiteit.boeking with one contact point. udb3 types the booking
// node cp:Activiteit.Boekingsinfo; the UWP shapes demand the class cp:Boekingsinfo, which we
// write (decision 3 of package oslo). Like udb3 we leave the availability period out.
func (c *converter) bookingInfo(s rdf.IRI, doc map[string]any) {
	v, ok := doc["bookingInfo"]
	if !ok {
		return
	}
	m := c.obj(v, "/bookingInfo")
	var props []rdf.Quad
	for _, f := range [...]struct {
		key string
		p   rdf.IRI
	}{{"url", ns.SchemaURL}, {"phone", ns.SchemaTelephone}, {"email", ns.SchemaEmail}} {
		if x, ok := m[f.key]; ok {
			props = append(props, rdf.Quad{Predicate: f.p, Object: rdf.NewLiteral(c.str(x, "/bookingInfo/"+f.key))})
		}
	}
	for _, k := range [...]string{"availabilityStarts", "availabilityEnds"} {
		if x, ok := m[k]; ok {
			c.dateTime(x, "/bookingInfo/"+k)
		}
	}
	if len(props) == 0 {
		return
	}
	h := fragmentHash(m)
	b := rdf.IRI(string(s) + "#boekingsinfo-" + h)
	cp := rdf.IRI(string(s) + "#contactPoint-" + h)
	c.add(s, ns.CPBoeking, b)
	c.add(b, ns.Type, ns.CPBoekingsinfoClass)
	c.add(b, ns.SchemaContactPoint, cp)
	c.add(cp, ns.Type, ns.SchemaContactPointClass)
	for _, q := range props {
		c.add(cp, q.Predicate.(rdf.IRI), q.Object)
	}
}

// labels writes dcat:keyword literals typed with the LabelType concept.
func (c *converter) labels(s rdf.IRI, doc map[string]any) {
	for _, f := range [...]struct{ key, typ string }{{"labels", "publiek"}, {"hiddenLabels", "verborgen"}} {
		v, ok := doc[f.key]
		if !ok {
			continue
		}
		for i, l := range c.arr(v, "/"+f.key) {
			label := c.str(l, ingest.JSONPointer("/"+f.key, i))
			c.add(s, ns.DCATKeyword, rdf.NewTypedLiteral(label, rdf.IRI(ns.LabelType+f.typ)))
		}
	}
}

// prices writes cp:Activiteit.prijs per priceInfo entry.
func (c *converter) prices(s rdf.IRI, doc map[string]any) {
	v, ok := doc["priceInfo"]
	if !ok {
		return
	}
	for i, p := range c.arr(v, "/priceInfo") {
		ptr := ingest.JSONPointer("/priceInfo", i)
		m := c.obj(p, ptr)
		price := c.number(m["price"], ptr+"/price")
		currency := "EUR"
		if cur, ok := m["priceCurrency"]; ok {
			currency = c.str(cur, ptr+"/priceCurrency")
		}
		cat := "tarief"
		if catv, ok := m["category"]; ok && c.str(catv, ptr+"/category") == "base" {
			cat = "basis"
		}
		ps := frag(s, "priceSpecification", m)
		amt := frag(s, "monetaryAmount", map[string]any{"price": m["price"], "priceCurrency": currency})
		c.add(s, ns.CPPrijs, ps)
		c.add(ps, ns.Type, ns.SchemaPriceSpec)
		c.add(ps, ns.SchemaPrice, amt)
		if n, ok := m["name"]; ok {
			c.langMap(ps, ns.SKOSPrefLabel, n, ptr+"/name", "")
		}
		c.add(ps, ns.CPPrijscategorie, rdf.IRI(ns.PrijsCategorie+cat))
		c.add(amt, ns.Type, ns.SchemaMonetaryAmount)
		c.add(amt, ns.SchemaCurrency, rdf.NewLiteral(currency))
		c.add(amt, ns.SchemaValue, rdf.NewTypedLiteral(price, ns.SchemaNumber))
	}
}

// videos writes schema:video per entry.
func (c *converter) videos(s rdf.IRI, doc map[string]any) {
	v, ok := doc["videos"]
	if !ok {
		return
	}
	for i, x := range c.arr(v, "/videos") {
		ptr := ingest.JSONPointer("/videos", i)
		m := c.obj(x, ptr)
		o := frag(s, "videoObject", m)
		c.add(s, ns.SchemaVideo, o)
		c.add(o, ns.Type, ns.SchemaVideoObject)
		c.optString(o, ns.SchemaIdentifier, m, "id", ptr, "")
		c.optString(o, ns.SchemaURL, m, "url", ptr, ns.SchemaURLType)
		c.optString(o, ns.SchemaEmbedURL, m, "embedUrl", ptr, ns.SchemaURLType)
		c.optString(o, ns.SchemaCopyrightHolder, m, "copyrightHolder", ptr, "")
		c.optString(o, ns.SchemaInLanguage, m, "language", ptr, "")
	}
}

// images writes schema:image per media object; its identifier is the last segment of @id.
func (c *converter) images(s rdf.IRI, doc map[string]any, key string) {
	v, ok := doc[key]
	if !ok {
		return
	}
	for i, x := range c.arr(v, "/"+key) {
		ptr := ingest.JSONPointer("/"+key, i)
		m := c.obj(x, ptr)
		if t, _ := m["@type"].(string); t != "" && t != "schema:ImageObject" {
			continue // media objects may be other things; only images map
		}
		o := frag(s, "imageObject", m)
		c.add(s, ns.SchemaImage, o)
		c.add(o, ns.Type, ns.SchemaImageObject)
		if id, ok := m["@id"]; ok {
			ids := c.str(id, ptr+"/@id")
			c.add(o, ns.SchemaIdentifier, rdf.NewLiteral(ids[strings.LastIndexByte(ids, '/')+1:]))
		} else {
			c.optString(o, ns.SchemaIdentifier, m, "id", ptr, "")
		}
		c.optString(o, ns.SchemaURL, m, "contentUrl", ptr, ns.SchemaURLType)
		c.optString(o, ns.SchemaCopyrightHolder, m, "copyrightHolder", ptr, "")
		c.optString(o, ns.SchemaDescription, m, "description", ptr, "")
		c.optString(o, ns.SchemaInLanguage, m, "inLanguage", ptr, "")
	}
}

func (c *converter) sameAs(s rdf.IRI, doc map[string]any) {
	v, ok := doc["sameAs"]
	if !ok {
		return
	}
	for i, x := range c.arr(v, "/sameAs") {
		if iri := c.str(x, ingest.JSONPointer("/sameAs", i)); rdf.IsAbsoluteIRI(iri) {
			c.add(s, ns.OWLSameAs, rdf.IRI(iri))
		}
	}
}

func (c *converter) optString(o rdf.IRI, p rdf.IRI, m map[string]any, key, ptr string, dt rdf.IRI) {
	if v, ok := m[key]; ok {
		c.add(o, p, rdf.NewTypedLiteral(c.str(v, ptr+"/"+key), dt))
	}
}

// offer maps the parts events and places share as udb3 offers: opening hours, contact
// points, booking info, labels, prices, videos, images and sameAs.
func (c *converter) offer(s rdf.IRI, doc map[string]any) {
	c.openingHours(s, doc)
	c.contactPoints(s, doc)
	c.bookingInfo(s, doc)
	c.labels(s, doc)
	c.prices(s, doc)
	c.videos(s, doc)
	c.images(s, doc, "mediaObject")
	c.sameAs(s, doc)
}
