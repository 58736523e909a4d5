// Package jsonld reads and writes JSON-LD 1.1 (https://www.w3.org/TR/json-ld11/) as RDF quads.
//
// # Basics
//
//   - NewReader returns an rdf.Reader. It expands the document with the JSON-LD 1.1 Expansion
//     Algorithm and turns the expanded form into quads following the Deserialize JSON-LD to
//     RDF Algorithm (https://www.w3.org/TR/json-ld11-api/#deserialize-json-ld-to-rdf-algorithm).
//   - NewWriter returns an rdf.Writer. On Close it runs the Serialize RDF as JSON-LD Algorithm
//     (https://www.w3.org/TR/json-ld11-api/#serialize-rdf-as-json-ld-algorithm) and compacts the
//     result with rdf.WriteOptions.Context, or with a context built from
//     rdf.WriteOptions.Prefixes when no Context is given. Output is indented JSON in a stable
//     order (nodes sorted by @id, values by their N-Quads form), so golden files can compare it.
//     Before writing, it reads its output back; if that gives other quads (json-gold's
//     compaction has gaps, see Caveats) it writes the document without the context instead,
//     which has no such gaps. This check halves the Writer's speed; correct data comes first.
//   - Options carries what rdf.ReadOptions and rdf.WriteOptions have no room for: remote
//     contexts supplied by the caller, keyed by URL. NewReaderWithContexts and
//     NewWriterWithContexts are shorthands.
//   - Error is a JSON-LD processing error (an error code of the JSON-LD API, such as "invalid IRI
//     mapping") with the RFC 6901 JSON pointer of the offending value and its line:col.
//
// # Whole documents
//
// JSON-LD cannot be streamed: a context may come after the data it governs and @graph may be
// anywhere. The Reader reads all of its input on the first Read, converts it, then hands the
// quads out one by one. The Writer buffers every quad and writes the document on Close.
// Memory use is a small multiple of the document size.
//
// # Blank nodes
//
// As rdf/doc.go requires, a blank node written _:x comes back as BlankNode("bx") and one the
// document leaves unnamed (a node object without @id, a list cell) as BlankNode("g<n>"). A
// label that is not a valid N-Triples label (JSON-LD allows any string after "_:") is mapped
// to a fresh "g<n>" node, the same one every time it appears in the document.
//
// # No network
//
// The package never fetches anything. A remote context ("@context": "https://...") must be
// supplied through Options.Contexts; otherwise processing fails with an error wrapping
// ErrRemoteContext that names the URL.
//
// # Conformance
//
// go test runs the toRdf tests of the W3C JSON-LD 1.1 API suite against the Reader, its
// fromRdf and compact tests against the Writer's two steps, and a round trip (quads -> JSON-LD
// -> quads, isomorphic) of every W3C Turtle and TriG evaluation result. The expected failures
// are listed with reasons under testdata/; those of toRdf and compact are all in json-gold
// (IRI resolution corner cases, missing context validation, @included and property-valued
// indexes not compacted).
//
// # Caveats
//
//   - json-gold's expansion lower-cases language tags (the JSON-LD API allows it). The Reader
//     restores the spelling the document uses ("en-US"), unless it spells the same tag in two
//     ways; then the tag stays lower case (RDF 1.1 compares tags case-insensitively).
//   - Numbers follow the toRdf algorithm: a JSON number with a fractional part, or of magnitude
//     1e21 or more, becomes an xsd:double in canonical form ("1.1E0"); any other number an
//     xsd:integer ("5"). JSON numbers are IEEE doubles, so integers beyond 2^53 lose precision:
//     write them as strings with an explicit @type to keep every digit.
//   - Per the toRdf algorithm, statements whose subject, predicate, object or graph is a
//     relative IRI that no base resolves, or a malformed IRI, are dropped rather than reported,
//     as are blank node predicates (generalized RDF) and literals with a malformed language tag.
//     A value object whose @type is not one IRI is an error (invalid typed value), as the
//     Expansion Algorithm requires; json-gold does not check it, the Reader does.
//   - rdf:JSON literals (@type: @json) are read; their lexical form is the JSON Canonicalization
//     Scheme (RFC 8785) form of the value. The Writer writes an rdf:JSON literal as an @json
//     value when its lexical form is in that canonical form, and as a typed string otherwise
//     (also when it is not JSON at all), so that every literal reads back unchanged.
//   - The Writer declares opts.Base as @base only when every IRI it would write relative to it
//     reads back as itself, and leaves out a prefix that is also an IRI scheme in the data
//     (JSON-LD would read ex:x as a compact IRI).
//   - @direction is dropped (rdfDirection is null, the API default).
//   - Expansion and compaction are done by github.com/piprate/json-gold; the conversion to and
//     from quads is this package's own, so that blank node labels follow the rule above.
package jsonld
