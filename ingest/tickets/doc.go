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
//	                           .aangekochtDoor (buyer), schema:price -> schema:MonetaryAmount
//	                           (one per ticket: value, currency, schema:name = price category)
//	ticket/<HMAC(ticket)>      a cp:Ticket: cp:Ticket.transactie, .geldigheid -> m8g:PeriodOfTime
//	participant/<HMAC(buyer)>  a cp:Participant: adms:identifier, platform:geboortejaar (or
//	                           schema:typicalAgeRange with Options.AgeBand), postal code via
//	                           cp:Participant.heeftProfiel / ParticipantProfiel.sociodemografisch /
//	                           SociodemografischKenmerk.locatie / locn:address / locn:postCode
//	deelname/<HMAC(ticket)>    a cp:Deelname (not for cancelled or refunded tickets):
//	                           cp:Deelname.activiteit (the mapping's activity template),
//	                           .participant, .tijdstip (scan time, else the performance),
//	                           cp:transactie; the Transactie cp:geefrechtop it.
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
// Sales channel and service fee have no AP property and are not written. Duplicate detection
// keeps one pseudonym per ticket in memory (about 100 bytes per ticket).
package tickets
