// Package shacl validates an in-memory RDF graph against SHACL Core shapes
// (https://www.w3.org/TR/shacl/) and produces a sh:ValidationReport.
//
// # Basics
//
//   - Compile reads the shapes of a shapes graph into Shapes: node and property shapes, their
//     targets (sh:targetClass with rdfs:subClassOf, sh:targetNode, sh:targetSubjectsOf,
//     sh:targetObjectsOf and implicit class targets), paths (predicate, inverse, sequence,
//     alternative, zero-or-more, one-or-more, zero-or-one) and constraints. A malformed shape
//     is an error wrapping ErrBadShape that names the shape.
//   - Shapes.Validate checks a data graph and returns a Report: Conforms, and one Result per
//     violation with focus node, path, value, source shape, constraint component, severity and
//     messages. Report.Quads gives the sh:ValidationReport as RDF.
//   - Every constraint component of SHACL Core section 4 is implemented except none: class,
//     datatype, nodeKind, minCount, maxCount, min/maxExclusive, min/maxInclusive, minLength,
//     maxLength, pattern (with flags), languageIn, uniqueLang, equals, disjoint, lessThan,
//     lessThanOrEquals, not, and, or, xone, node, property, qualifiedValueShape (with
//     qualifiedMin/MaxCount and qualifiedValueShapesDisjoint), closed (with
//     ignoredProperties), hasValue and in. sh:deactivated, sh:severity and sh:message are
//     honoured.
//
// # Caveats
//
//   - SHACL-SPARQL and SHACL-AF (sh:sparql, rules, functions) are not implemented.
//   - sh:pattern uses Go's RE2 syntax, which covers the XPath regular expressions shapes use in
//     practice but has no back-references. Flags i, s, m and x are supported, q is too.
//   - Ordering comparisons (sh:minInclusive, sh:lessThan, ...) follow SPARQL's < for numbers,
//     strings, booleans and date/time values; other pairs are incomparable and so violate.
//   - Datatype checks verify the lexical form of the common XSD datatypes (numbers, boolean,
//     date, time, dateTime, gYear, gYearMonth, duration); others are accepted as written.
//   - Recursive shapes are supported: a shape reached again for the same focus node while it
//     is being checked counts as conforming, one of the choices SHACL leaves open.
//   - rdfs:subClassOf is read from the data graph, as the specification says. Options.Classes
//     adds an ontology's hierarchy for sh:class checks only (not for targets).
package shacl
