// Package syntax is the abstract syntax tree of a parsed SPARQL 1.1 request: a Query
// (https://www.w3.org/TR/sparql11-query/#grammar) or an Update
// (https://www.w3.org/TR/sparql11-update/#grammar).
//
// # Basics
//
//   - Query holds the prologue, the query form (SELECT, CONSTRUCT, ASK, DESCRIBE), the dataset,
//     the WHERE pattern (a *Group), the solution modifiers and the trailing VALUES block.
//   - Update is a sequence of Operation values (InsertData, DeleteData, DeleteWhere, Modify,
//     Load, Clear, Create, Drop, Transfer for ADD/MOVE/COPY).
//   - Pattern is the sealed type of group elements (*Triples, *Group, *Union, *Optional, *Minus,
//     *GraphPattern, *Service, *Filter, *Bind, *Values, *SubSelect).
//   - Expr is the sealed type of expressions; Path the sealed type of property paths.
//   - Node is a variable or an RDF term (rdf.IRI, rdf.Literal, rdf.BlankNode) in a triple.
//
// Every node carries the Pos of its first token. The parser has already expanded the
// abbreviations of the grammar: prefixed names and relative IRIs are absolute rdf.IRI values,
// 'a' is rdf:type, blank node property lists and collections are plain triples over fresh
// blank nodes, and numeric and boolean literals carry their XSD datatype.
//
// # Caveats
//
// Blank nodes follow the contract of package rdf: a label _:x appears as BlankNode("bx") and an
// anonymous node ([] or a collection cell) as BlankNode("g<n>"). In WHERE patterns blank nodes
// act as undistinguished variables; package algebra turns them into variables.
// String methods print SPARQL that the parser reads back to an equal tree (up to positions and
// fresh blank node names).
package syntax
