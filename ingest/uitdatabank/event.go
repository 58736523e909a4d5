package uitdatabank

import (
	"strings"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/ingest/internal/ns"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// nilPlace is the location UiTdatabank gives online-only events.
const nilPlace = "00000000-0000-0000-0000-000000000000"

// event maps an event onto cidoc:E7_Activity as udb3's EventJsonToTurtleConverter does
// (../shared/oslo/MAPPING.md section 5).
func (c *converter) event(s rdf.IRI, doc map[string]any) {
	main := c.common(s, ns.E7Activity, ns.DCTitle, doc, "draft")
	if v, ok := doc["description"]; ok {
		c.langMap(s, ns.DCDescription, v, "/description", main)
	}
	c.terms(s, doc)

	audience := "everyone"
	if v, ok := doc["audience"]; ok {
		a := c.obj(v, "/audience")
		if t, ok := a["audienceType"]; ok {
			audience = c.str(t, "/audience/audienceType")
		}
	}
	c.add(s, ns.UDBAudienceType, rdf.IRI(ns.AudienceType+audience))

	mode := "offline"
	if v, ok := doc["attendanceMode"]; ok {
		mode = c.str(v, "/attendanceMode")
	}
	switch mode {
	case "offline":
		c.add(s, ns.CPLocatieType, rdf.IRI(ns.Aanwezigheid+"fysiek"))
	case "online", "mixed":
		if mode == "online" {
			c.add(s, ns.CPLocatieType, rdf.IRI(ns.Aanwezigheid+"online"))
		} else {
			c.add(s, ns.CPLocatieType, rdf.IRI(ns.Aanwezigheid+"hybride"))
		}
		url, _ := doc["onlineUrl"].(string)
		vl := frag(s, "virtualLocation", url)
		c.add(s, ns.PlatformVirtueleLocatie, vl)
		c.add(vl, ns.Type, ns.SchemaVirtualLocation)
		if url != "" {
			// udb3 types it schema:URL; the UWP VirtualLocationShape demands xsd:string.
			c.add(vl, ns.SchemaURL, rdf.NewLiteral(url))
		}
	default:
		c.fail("/attendanceMode", "unknown attendanceMode %q (want offline, online or mixed)", mode)
	}

	loc := c.location(s, doc, main)
	c.calendar(s, doc, loc)

	if v, ok := doc["organizer"]; ok {
		c.eventOrganizer(s, v, main)
	}
	c.offer(s, doc)
}

// location returns the event's place (nil for online-only events): the place IRI, or a
// nested dcterms:Location for a dummy location without @id.
func (c *converter) location(s rdf.IRI, doc map[string]any, main string) rdf.Term {
	v, ok := doc["location"]
	if !ok {
		return nil
	}
	m := c.obj(v, "/location")
	if id, ok := m["@id"]; ok {
		ids := c.str(id, "/location/@id")
		if strings.HasSuffix(ids, nilPlace) {
			return nil
		}
		return c.entityIRI(ids, KindPlace, "/location/@id")
	}
	// A dummy location is described in place, with what the UWP LocatieShape demands.
	l := frag(s, "location", m)
	c.add(l, ns.Type, ns.DCLocation)
	c.identifier(l)
	c.processed(l)
	if n, ok := m["name"]; ok {
		c.langMap(l, ns.LOCNLocatorName, n, "/location/name", main)
	}
	if a, ok := m["address"]; ok {
		c.address(l, a, "/location/address")
	}
	return l
}

// calendar writes cp:ruimtetijd per occurrence (single, multiple, periodic) or
// prov:atLocation (permanent, and documents without calendarType).
func (c *converter) calendar(s rdf.IRI, doc map[string]any, loc rdf.Term) {
	ct := "permanent"
	if v, ok := doc["calendarType"]; ok {
		ct = c.str(v, "/calendarType")
	}
	switch ct {
	case "permanent":
		if loc != nil {
			c.add(s, ns.PROVAtLocation, loc)
		}
	case "single", "multiple":
		if v, ok := doc["subEvent"]; ok {
			for i, se := range c.arr(v, "/subEvent") {
				ptr := ingest.JSONPointer("/subEvent", i)
				m := c.obj(se, ptr)
				c.spacetime(s, m["startDate"], m["endDate"], ptr, loc)
			}
			return
		}
		fallthrough
	case "periodic":
		if _, ok := doc["startDate"]; !ok {
			c.fail("/startDate", "calendarType %s needs a startDate", ct)
		}
		c.spacetime(s, doc["startDate"], doc["endDate"], "", loc)
	default:
		c.fail("/calendarType", "unknown calendarType %q (want single, multiple, periodic or permanent)", ct)
	}
}

func (c *converter) spacetime(s rdf.IRI, start, end any, ptr string, loc rdf.Term) {
	src := map[string]any{"startDate": start}
	if end != nil {
		src["endDate"] = end
	}
	if start == nil {
		c.fail(ptr+"/startDate", "missing startDate")
	}
	st := c.dateTime(start, ptr+"/startDate")
	p := frag(s, "periodOfTime", src)
	if loc != nil {
		src["location"] = loc.String()
	}
	rt := frag(s, "e92_Spacetime_Volume", src)
	c.add(s, ns.CPRuimtetijd, rt)
	c.add(rt, ns.Type, ns.E92SpacetimeVolume)
	if loc != nil {
		c.add(rt, ns.P161Spatial, loc)
	}
	c.add(rt, ns.P160Temporal, p)
	c.add(p, ns.Type, ns.PeriodOfTime)
	c.add(p, ns.StartTime, st)
	if end != nil {
		c.add(p, ns.EndTime, c.dateTime(end, ptr+"/endDate"))
	}
}

// eventOrganizer links the organizer, or describes a dummy organizer without @id in place.
func (c *converter) eventOrganizer(s rdf.IRI, v any, main string) {
	m := c.obj(v, "/organizer")
	if id, ok := m["@id"]; ok {
		c.add(s, ns.P14CarriedOutBy, c.entityIRI(c.str(id, "/organizer/@id"), KindOrganizer, "/organizer/@id"))
		return
	}
	o := frag(s, "organisator", m)
	c.add(s, ns.P14CarriedOutBy, o)
	c.add(o, ns.Type, ns.CPOrganisator)
	c.identifier(o)
	c.processed(o)
	if n, ok := m["name"]; ok {
		c.langMap(o, ns.CPRealisatorNaam, n, "/organizer/name", main)
	}
	c.contactPointsAt(o, m, "/organizer")
}
