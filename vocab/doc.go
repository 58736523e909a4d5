// Package vocab names the namespaces uwp reads and writes, and its sub-packages hold their
// terms as rdf.IRI constants: cp.ActiviteitPrijs, schema.PriceSpecification,
// dcterms.Title, sh.MinCount, locn.AddressProp.
//
// # Basics
//
//   - One sub-package per namespace, named after its usual prefix (dcterms, schema, locn,
//     adms, generiek, cidoc, m8g, cp, platform, sh, ...); the RDF namespace itself is rdfns so
//     that it does not shadow package rdf. Each has the constants Namespace and Prefix.
//   - Identifiers come from local names: separators start a new word (cp:Activiteit.prijs ->
//     ActiviteitPrijs, cidoc:P14_carried_out_by -> P14CarriedOutBy). A property whose name
//     would equal a class's takes the suffix Prop (locn:address -> locn.AddressProp,
//     adms:identifier -> adms.IdentifierProp, schema:contactPoint -> schema.ContactPointProp).
//   - Namespaces (and Prefixes, a copy) is the prefix list writers declare.
//   - The packages are generated: go generate ./vocab/... runs vocab/internal/gen, which holds
//     the term table and reads the OSLO Cultuurparticipatie vocabulary (../shared/oslo, or
//     $UWP_OSLO_DIR) for package cp with the vocabulary's Dutch labels as doc comments.
//
// # Caveats
//
// schema is the https form (https://schema.org/), as the UWP shapes and UiTdatabank write it;
// cidoc is the www form. locn.Postcode and geo.Lon exist because the UWP shapes use those
// misspellings (LOCN has postCode, WGS84 has long); see package oslo for the decisions.
package vocab

//go:generate go run ./internal/gen
