// Package uitdatabank converts UiTdatabank JSON-LD (publiq's events, places and organizers)
// to OSLO Cultuurparticipatie quads, following publiq's own mapping (udb3-backend's
// EventJsonToTurtleConverter and friends; ../shared/oslo/MAPPING.md section 5): events become
// cidoc:E7_Activity, places dcterms:Location, organizers cp:Organisator.
//
// # Basics
//
//   - NewReader streams a single document, a JSON array of documents or a Search API page
//     ({"member": [...]}, fetched with embed=true) with encoding/json's token API: one
//     document is in memory at a time. Reader implements ingest.Reader.
//   - Convert converts one document held in memory.
//   - Options: Taxonomy picks the term host (TaxonomyProduction or TaxonomyTest), Base
//     rewrites entity IRIs onto publiq's RDF base, Graph puts the quads in a named graph.
//
// Nested nodes get fragment IRIs, <subject>#<class>-<crc32b>, never blank nodes. Where udb3
// hashes the node's source JSON (contact points, opening hours, booking info, videos) the
// hash matches udb3's (PHP json_encode of the key-sorted data); periods and amounts hash
// their own source data and match udb3 by prefix only.
//
// A document that cannot be converted gives an *ingest.Error with the JSON pointer of the bad
// value (e.g. /member/3/subEvent/1/startDate) and no quads; the next Read goes on with the
// next document. Input that is not JSON gives a fatal error.
//
// # Caveats
//
// As udb3 does, the output leaves out typicalAgeRange, status, bookingAvailability, facility
// terms and the booking period; the golden test against publiq's pairs holds us to that.
// Events without calendarType are treated as permanent; events at the nil place
// (00000000-0000-0000-0000-000000000000, online events) get no location.
package uitdatabank
