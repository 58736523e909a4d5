package main

import "github.com/uitwisselingsplatform/uwp/rdf"

// defaultPrefixes are declared in Turtle, TriG, RDF/XML and JSON-LD output: the namespaces of
// the platform's data (OSLO Cultuurparticipatie and what it builds on).
var defaultPrefixes = []rdf.Namespace{
	{Prefix: "rdf", IRI: "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
	{Prefix: "rdfs", IRI: "http://www.w3.org/2000/01/rdf-schema#"},
	{Prefix: "xsd", IRI: "http://www.w3.org/2001/XMLSchema#"},
	{Prefix: "owl", IRI: "http://www.w3.org/2002/07/owl#"},
	{Prefix: "skos", IRI: "http://www.w3.org/2004/02/skos/core#"},
	{Prefix: "dcterms", IRI: "http://purl.org/dc/terms/"},
	{Prefix: "dcat", IRI: "http://www.w3.org/ns/dcat#"},
	{Prefix: "foaf", IRI: "http://xmlns.com/foaf/0.1/"},
	{Prefix: "schema", IRI: "https://schema.org/"},
	{Prefix: "locn", IRI: "http://www.w3.org/ns/locn#"},
	{Prefix: "adms", IRI: "http://www.w3.org/ns/adms#"},
	{Prefix: "cidoc", IRI: "http://www.cidoc-crm.org/cidoc-crm/"},
	{Prefix: "m8g", IRI: "http://data.europa.eu/m8g/"},
	{Prefix: "cp", IRI: "https://data.vlaanderen.be/ns/cultuurparticipatie#"},
	{Prefix: "platform", IRI: "https://data.uitwisselingsplatform.be/ns/platform#"},
	{Prefix: "geosparql", IRI: "http://www.opengis.net/ont/geosparql#"},
}
