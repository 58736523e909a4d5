// Package tickets converts ticketing exports (CSV, also semicolon- or tab-separated and with a
// BOM, and JSON lines) into OSLO Cultuurparticipatie participation data, pseudonymised at the
// door.
//
// # Basics
//
//   - Mapping binds an export's columns to the generic column set of
//     ../shared/oslo/MAPPING.md section 6 (order_id, ticket_id, event_id, performance_start,
//     price, sale_datetime, buyer_email, buyer_postal_code, buyer_birth_date, status, ...). It
//     is YAML; Builtin("generic") and Builtin("ticketmatic") are shipped (mappings/*.yaml),
//     LoadMapping reads one from a file, so a new vendor needs a file, not code.
//   - NewReader(r, mapping, Options) streams quads row by row and implements ingest.Reader.
//     It refuses to start without Options.Pseudonymizer (pseudo.ErrNoKey).
//
// Per row (one ticket) it writes, under Options.Base:
//
//	transactie/<HMAC(order)>   a cp:Transactie: cp:Transactie.ticket, .tijdstip (sale),
//	                           .aangekochtDoor (buyer), schema:price -> the order total
//	                           (schema:MonetaryAmount; written when the order's rows end)
//	ticket/<HMAC(ticket)>      a cp:Ticket: cp:Ticket.transactie, .geldigheid -> m8g:PeriodOfTime,
//	                           schema:price -> its own amount, schema:name = price category
//	participant/<HMAC(buyer)>  a cp:Participant: adms:identifier (with the structured id the
//	                           UWP shapes demand), platform:verwerktOp, platform:geboortejaar
//	                           (or schema:typicalAgeRange with Options.AgeBand), and the postal
//	                           code as locn:address -> locn:Address{locn:postCode, adminUnitL1}
//	deelname/<HMAC(ticket)>    a cp:Deelname (not for cancelled or refunded tickets):
//	                           cp:Deelname.activiteit (the mapping's activity template),
//	                           .participant, .tijdstip (scan time, else the performance),
//	                           cp:transactie, dcterms:type DeelnameType/bezoeker; the
//	                           Transactie cp:geefrechtop it.
//
// The output conforms to the UWP shapes (tested in package ingest). The AP's route for a
// postal code (ParticipantProfiel -> SociodemografischKenmerk.locatie -> dcterms:Location)
// would make the shapes demand a full Locatie (identifier, name) and a profile with cultural
// and general characteristics that exports do not have, hence the plain address.
//
// Order and ticket pseudonyms are scoped by vendor; the buyer's comes from the normalised
// e-mail address (shared across vendors) or else the vendor's customer id. Names, e-mail
// addresses, phone numbers, streets, barcodes and seats are never read into the output.
//
// Bad rows (missing required value, unreadable date or amount, unknown status, wrong field
// count, duplicate ticket) give an *ingest.Error with the row's line and the column's number
// and name, and no quads.
//
// # Caveats
//
// Sales channel and service fee have no AP property and are not written. An order whose rows
// do not follow each other gets one total per run of rows (the shapes then report two prices). Duplicate detection
// keeps one pseudonym per ticket in memory (about 100 bytes per ticket).
package tickets
