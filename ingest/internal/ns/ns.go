// Package ns holds the IRIs the ingest adapters emit, in one place so that they can move to
// the vocab package's constants once it exists. Prefixes follow ../shared/oslo/MAPPING.md
// section 2 exactly (https schema.org, www cidoc-crm, http adms).
package ns

import "github.com/uitwisselingsplatform/uwp/rdf"

// Namespaces.
const (
	RDF       = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	RDFS      = "http://www.w3.org/2000/01/rdf-schema#"
	XSD       = "http://www.w3.org/2001/XMLSchema#"
	CP        = "https://data.vlaanderen.be/ns/cultuurparticipatie#"
	CIDOC     = "http://www.cidoc-crm.org/cidoc-crm/"
	M8G       = "http://data.europa.eu/m8g/"
	DCTerms   = "http://purl.org/dc/terms/"
	Schema    = "https://schema.org/"
	LOCN      = "http://www.w3.org/ns/locn#"
	ADMS      = "http://www.w3.org/ns/adms#"
	Generiek  = "https://data.vlaanderen.be/ns/generiek#"
	PROV      = "http://www.w3.org/ns/prov#"
	SKOS      = "http://www.w3.org/2004/02/skos/core#"
	DCAT      = "http://www.w3.org/ns/dcat#"
	FOAF      = "http://xmlns.com/foaf/0.1/"
	GeoSPARQL = "http://www.opengis.net/ont/geosparql#"
	Platform  = "https://data.uitwisselingsplatform.be/ns/platform#"
	UDB       = "https://data.publiq.be/ns/uitdatabank#"
	OWL       = "http://www.w3.org/2002/07/owl#"

	Concept        = "https://data.cultuurparticipatie.be/id/concept/"
	LabelType      = Concept + "LabelType/"
	Aanwezigheid   = Concept + "Aanwezigheidsmodus/"
	PrijsCategorie = Concept + "PrijsCategorieType/"
	DeelnameType   = Concept + "DeelnameType/"
	WorkflowStatus = "https://data.publiq.be/concepts/workflowStatus/"
	AudienceType   = "https://data.publiq.be/concepts/audienceType/"

	// TaxonomyProduction and TaxonomyTest are the UiTdatabank taxonomy term bases.
	TaxonomyProduction = "https://taxonomy.uitdatabank.be/terms/"
	TaxonomyTest       = "https://taxonomy-test.uitdatabank.be/terms/"
)

// Terms.
const (
	Type = rdf.RDFType

	XSDAnyURI   rdf.IRI = XSD + "anyURI"
	XSDGYear    rdf.IRI = XSD + "gYear"
	XSDDateTime         = rdf.XSDDateTime
	XSDDecimal          = rdf.XSDDecimal
	XSDInteger          = rdf.XSDInteger
	XSDString           = rdf.XSDString

	E7Activity         rdf.IRI = CIDOC + "E7_Activity"
	E92SpacetimeVolume rdf.IRI = CIDOC + "E92_Spacetime_Volume"
	P4HasTimeSpan      rdf.IRI = CIDOC + "P4_has_time-span"
	P14CarriedOutBy    rdf.IRI = CIDOC + "P14_carried_out_by"
	P160Temporal       rdf.IRI = CIDOC + "P160_has_temporal_projection"
	P161Spatial        rdf.IRI = CIDOC + "P161_has_spatial_projection"

	PeriodOfTime rdf.IRI = M8G + "PeriodOfTime"
	StartTime    rdf.IRI = M8G + "startTime"
	EndTime      rdf.IRI = M8G + "endTime"

	DCTitle       rdf.IRI = DCTerms + "title"
	DCDescription rdf.IRI = DCTerms + "description"
	DCType        rdf.IRI = DCTerms + "type"
	DCCreated     rdf.IRI = DCTerms + "created"
	DCModified    rdf.IRI = DCTerms + "modified"
	DCIssued      rdf.IRI = DCTerms + "issued"
	DCLocation    rdf.IRI = DCTerms + "Location"
	DCPublisher   rdf.IRI = DCTerms + "publisher"
	DCCreator     rdf.IRI = DCTerms + "creator"
	DCSource      rdf.IRI = DCTerms + "source"
	DCIdentifier  rdf.IRI = DCTerms + "identifier"
	DCConformsTo  rdf.IRI = DCTerms + "conformsTo"

	CPThema                rdf.IRI = CP + "thema"
	CPRuimtetijd           rdf.IRI = CP + "ruimtetijd"
	CPLocatieType          rdf.IRI = CP + "Activiteit.locatieType"
	CPBoeking              rdf.IRI = CP + "Activiteit.boeking"
	CPBoekingsinfoUDB      rdf.IRI = CP + "Activiteit.Boekingsinfo" // udb3 types booking info with this (sic)
	CPPrijs                rdf.IRI = CP + "Activiteit.prijs"
	CPBeschikbaarheid      rdf.IRI = CP + "Activiteit.beschikbaarheid"
	CPBeschikbaarheidClass rdf.IRI = CP + "Beschikbaarheid"
	CPPrijscategorie       rdf.IRI = CP + "Prijsinfo.prijscategorie"
	CPOrganisator          rdf.IRI = CP + "Organisator"
	CPRealisatorNaam       rdf.IRI = CP + "Realisator.naam"

	CPTransactie              rdf.IRI = CP + "Transactie"
	CPTicket                  rdf.IRI = CP + "Ticket"
	CPDeelname                rdf.IRI = CP + "Deelname"
	CPParticipant             rdf.IRI = CP + "Participant"
	CPSocioKenmerk            rdf.IRI = CP + "SociodemografischKenmerk"
	CPTransactieTijdstip      rdf.IRI = CP + "Transactie.tijdstip"
	CPTransactieTicket        rdf.IRI = CP + "Transactie.ticket"
	CPTransactieAangekocht    rdf.IRI = CP + "Transactie.aangekochtDoor"
	CPGeefRechtOp             rdf.IRI = CP + "geefrechtop"
	CPTicketTransactie        rdf.IRI = CP + "Ticket.transactie"
	CPTicketGeldigheid        rdf.IRI = CP + "Ticket.geldigheid"
	CPDeelnameActiviteit      rdf.IRI = CP + "Deelname.activiteit"
	CPDeelnameParticipant     rdf.IRI = CP + "Deelname.participant"
	CPDeelnameTijdstip        rdf.IRI = CP + "Deelname.tijdstip"
	CPTransactieProp          rdf.IRI = CP + "transactie"
	CPSocioLocatie            rdf.IRI = CP + "SociodemografischKenmerk.locatie"
	CPParticipantNeemtDeelAan rdf.IRI = CP + "Participant.neemtDeelAan"
	CPParticipantHeeftProfiel rdf.IRI = CP + "Participant.heeftProfiel"

	SchemaContactPoint      rdf.IRI = Schema + "contactPoint"
	SchemaContactPointClass rdf.IRI = Schema + "ContactPoint"
	SchemaURL               rdf.IRI = Schema + "url"
	SchemaURLType           rdf.IRI = Schema + "URL"
	SchemaEmail             rdf.IRI = Schema + "email"
	SchemaTelephone         rdf.IRI = Schema + "telephone"
	SchemaPriceSpec         rdf.IRI = Schema + "PriceSpecification"
	SchemaPrice             rdf.IRI = Schema + "price"
	SchemaMonetaryAmount    rdf.IRI = Schema + "MonetaryAmount"
	SchemaCurrency          rdf.IRI = Schema + "currency"
	SchemaValue             rdf.IRI = Schema + "value"
	SchemaNumber            rdf.IRI = Schema + "Number"
	SchemaVideo             rdf.IRI = Schema + "video"
	SchemaVideoObject       rdf.IRI = Schema + "VideoObject"
	SchemaImage             rdf.IRI = Schema + "image"
	SchemaImageObject       rdf.IRI = Schema + "ImageObject"
	SchemaIdentifier        rdf.IRI = Schema + "identifier"
	SchemaEmbedURL          rdf.IRI = Schema + "embedUrl"
	SchemaCopyrightHolder   rdf.IRI = Schema + "copyrightHolder"
	SchemaDescription       rdf.IRI = Schema + "description"
	SchemaInLanguage        rdf.IRI = Schema + "inLanguage"
	SchemaHoursAvailable    rdf.IRI = Schema + "hoursAvailable"
	SchemaOpeningHoursSpec  rdf.IRI = Schema + "OpeningHoursSpecification"
	SchemaOpens             rdf.IRI = Schema + "opens"
	SchemaCloses            rdf.IRI = Schema + "closes"
	SchemaDayOfWeek         rdf.IRI = Schema + "dayOfWeek"
	SchemaVirtualLocation   rdf.IRI = Schema + "VirtualLocation"
	SchemaTypicalAgeRange   rdf.IRI = Schema + "typicalAgeRange"

	LOCNAddress           rdf.IRI = LOCN + "address"
	LOCNAddressClass      rdf.IRI = LOCN + "Address"
	LOCNGeometry          rdf.IRI = LOCN + "geometry"
	LOCNGeometryClass     rdf.IRI = LOCN + "Geometry"
	LOCNLocatorName       rdf.IRI = LOCN + "locatorName"
	LOCNThoroughfare      rdf.IRI = LOCN + "thoroughfare"
	LOCNLocatorDesignator rdf.IRI = LOCN + "locatorDesignator"
	LOCNPostCode          rdf.IRI = LOCN + "postCode"
	LOCNPostName          rdf.IRI = LOCN + "postName"
	LOCNAdminUnitL1       rdf.IRI = LOCN + "adminUnitL1"
	LOCNFullAddress       rdf.IRI = LOCN + "fullAddress"

	GeoAsGML      rdf.IRI = GeoSPARQL + "asGML"
	GeoGMLLiteral rdf.IRI = GeoSPARQL + "gmlLiteral"
	GeoAsWKT      rdf.IRI = GeoSPARQL + "asWKT"
	GeoWKTLiteral rdf.IRI = GeoSPARQL + "wktLiteral"

	ADMSIdentifier         rdf.IRI = ADMS + "identifier"
	ADMSIdentifierClass    rdf.IRI = ADMS + "Identifier"
	GenGestructureerd      rdf.IRI = Generiek + "gestructureerdeIdentificator"
	GenGestructureerdClass rdf.IRI = Generiek + "GestructureerdeIdentificator"
	GenNaamruimte          rdf.IRI = Generiek + "naamruimte"
	GenLokaleIdentificator rdf.IRI = Generiek + "lokaleIdentificator"
	SKOSNotation           rdf.IRI = SKOS + "notation"
	SKOSPrefLabel          rdf.IRI = SKOS + "prefLabel"

	PROVAtLocation        rdf.IRI = PROV + "atLocation"
	PROVInvalidatedAt     rdf.IRI = PROV + "invalidatedAtTime"
	PROVWasGeneratedBy    rdf.IRI = PROV + "wasGeneratedBy"
	PROVActivity          rdf.IRI = PROV + "Activity"
	PROVStartedAtTime     rdf.IRI = PROV + "startedAtTime"
	PROVEndedAtTime       rdf.IRI = PROV + "endedAtTime"
	PROVUsed              rdf.IRI = PROV + "used"
	PROVWasAssociatedWith rdf.IRI = PROV + "wasAssociatedWith"
	PROVWasAttributedTo   rdf.IRI = PROV + "wasAttributedTo"
	PROVEntity            rdf.IRI = PROV + "Entity"
	PROVSoftwareAgent     rdf.IRI = PROV + "SoftwareAgent"
	PROVValue             rdf.IRI = PROV + "value"

	DCATKeyword     rdf.IRI = DCAT + "keyword"
	DCATDataset     rdf.IRI = DCAT + "Dataset"
	DCATCatalog     rdf.IRI = DCAT + "Catalog"
	DCATDatasetProp rdf.IRI = DCAT + "dataset"
	FOAFHomepage    rdf.IRI = FOAF + "homepage"
	OWLSameAs       rdf.IRI = OWL + "sameAs"
	VoidTriples     rdf.IRI = "http://rdfs.org/ns/void#triples"
	VoidEntities    rdf.IRI = "http://rdfs.org/ns/void#entities"

	PlatformVirtueleLocatie rdf.IRI = Platform + "virtueleLocatie"
	PlatformGeboortejaar    rdf.IRI = Platform + "geboortejaar"
	PlatformVerwerktOp      rdf.IRI = Platform + "verwerktOp"
	PlatformBron            rdf.IRI = Platform + "bron"

	UDBWorkflowStatus rdf.IRI = UDB + "workflowStatus"
	UDBAudienceType   rdf.IRI = UDB + "audienceType"
	UDBAvailableFrom  rdf.IRI = UDB + "availableFrom"
)

// Participation terms used by the ticketing adapter.
const (
	SchemaName                 rdf.IRI = Schema + "name"
	CPParticipantProfiel       rdf.IRI = CP + "ParticipantProfiel"
	CPProfielSociodemografisch rdf.IRI = CP + "ParticipantProfiel.sociodemografisch"
)
