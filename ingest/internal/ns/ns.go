// Package ns holds the IRIs the ingest adapters emit, in one place: the adapters' short names
// for the vocab packages' constants, plus the few IRIs vocab does not define (code list
// concepts, publiq's cp:Activiteit.Boekingsinfo, schema:URL and schema:Number datatypes). Prefixes follow ../shared/oslo/MAPPING.md
// section 2 exactly (https schema.org, www cidoc-crm, http adms).
package ns

import (
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/vocab/adms"
	"github.com/uitwisselingsplatform/uwp/vocab/cidoc"
	"github.com/uitwisselingsplatform/uwp/vocab/cp"
	"github.com/uitwisselingsplatform/uwp/vocab/dcat"
	"github.com/uitwisselingsplatform/uwp/vocab/dcterms"
	"github.com/uitwisselingsplatform/uwp/vocab/foaf"
	"github.com/uitwisselingsplatform/uwp/vocab/generiek"
	"github.com/uitwisselingsplatform/uwp/vocab/geosparql"
	"github.com/uitwisselingsplatform/uwp/vocab/locn"
	"github.com/uitwisselingsplatform/uwp/vocab/m8g"
	"github.com/uitwisselingsplatform/uwp/vocab/owl"
	"github.com/uitwisselingsplatform/uwp/vocab/platform"
	"github.com/uitwisselingsplatform/uwp/vocab/prov"
	"github.com/uitwisselingsplatform/uwp/vocab/rdfns"
	"github.com/uitwisselingsplatform/uwp/vocab/rdfs"
	"github.com/uitwisselingsplatform/uwp/vocab/schema"
	"github.com/uitwisselingsplatform/uwp/vocab/skos"
	"github.com/uitwisselingsplatform/uwp/vocab/udb"
	"github.com/uitwisselingsplatform/uwp/vocab/xsd"
)

// Namespaces.
const (
	RDF       = rdfns.Namespace
	RDFS      = rdfs.Namespace
	XSD       = xsd.Namespace
	CP        = cp.Namespace
	CIDOC     = cidoc.Namespace
	M8G       = m8g.Namespace
	DCTerms   = dcterms.Namespace
	Schema    = schema.Namespace
	LOCN      = locn.Namespace
	ADMS      = adms.Namespace
	Generiek  = generiek.Namespace
	PROV      = prov.Namespace
	SKOS      = skos.Namespace
	DCAT      = dcat.Namespace
	FOAF      = foaf.Namespace
	GeoSPARQL = geosparql.Namespace
	Platform  = platform.Namespace
	UDB       = udb.Namespace
	OWL       = owl.Namespace

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

	XSDAnyURI   = xsd.AnyURI
	XSDGYear    = xsd.GYear
	XSDDateTime = rdf.XSDDateTime
	XSDDecimal  = rdf.XSDDecimal
	XSDString   = rdf.XSDString

	E7Activity         = cidoc.E7Activity
	E92SpacetimeVolume = cidoc.E92SpacetimeVolume
	P14CarriedOutBy    = cidoc.P14CarriedOutBy
	P160Temporal       = cidoc.P160HasTemporalProjection
	P161Spatial        = cidoc.P161HasSpatialProjection

	PeriodOfTime = m8g.PeriodOfTime
	StartTime    = m8g.StartTime
	EndTime      = m8g.EndTime

	DCTitle       = dcterms.Title
	DCDescription = dcterms.Description
	DCType        = dcterms.Type
	DCCreated     = dcterms.Created
	DCModified    = dcterms.Modified
	DCLocation    = dcterms.Location
	DCCreator     = dcterms.Creator

	CPThema                        = cp.Thema
	CPRuimtetijd                   = cp.Ruimtetijd
	CPLocatieType                  = cp.ActiviteitLocatieType
	CPBoeking                      = cp.ActiviteitBoeking
	CPBoekingsinfoClass            = cp.Boekingsinfo
	CPBoekingsinfoUDB      rdf.IRI = CP + "Activiteit.Boekingsinfo" // udb3 types booking info with this (sic)
	CPPrijs                        = cp.ActiviteitPrijs
	CPBeschikbaarheid              = cp.ActiviteitBeschikbaarheid
	CPBeschikbaarheidClass         = cp.Beschikbaarheid
	CPPrijscategorie               = cp.PrijsinfoPrijscategorie
	CPOrganisator                  = cp.Organisator
	CPRealisatorNaam               = cp.RealisatorNaam

	CPTransactie           = cp.Transactie
	CPTicket               = cp.Ticket
	CPDeelname             = cp.Deelname
	CPParticipant          = cp.Participant
	CPTransactieTijdstip   = cp.TransactieTijdstip
	CPTransactieTicket     = cp.TransactieTicket
	CPTransactieAangekocht = cp.TransactieAangekochtDoor
	CPGeefRechtOp          = cp.Geefrechtop
	CPTicketTransactie     = cp.TicketTransactie
	CPTicketGeldigheid     = cp.TicketGeldigheid
	CPDeelnameActiviteit   = cp.DeelnameActiviteit
	CPDeelnameParticipant  = cp.DeelnameParticipant
	CPDeelnameTijdstip     = cp.DeelnameTijdstip
	CPTransactieProp       = cp.TransactieProp

	SchemaContactPoint              = schema.ContactPointProp
	SchemaContactPointClass         = schema.ContactPoint
	SchemaURL                       = schema.Url
	SchemaURLType           rdf.IRI = Schema + "URL"
	SchemaEmail                     = schema.Email
	SchemaTelephone                 = schema.Telephone
	SchemaPriceSpec                 = schema.PriceSpecification
	SchemaPrice                     = schema.Price
	SchemaMonetaryAmount            = schema.MonetaryAmount
	SchemaCurrency                  = schema.Currency
	SchemaValue                     = schema.Value
	SchemaNumber            rdf.IRI = Schema + "Number"
	SchemaVideo                     = schema.Video
	SchemaVideoObject               = schema.VideoObject
	SchemaImage                     = schema.Image
	SchemaImageObject               = schema.ImageObject
	SchemaIdentifier                = schema.Identifier
	SchemaEmbedURL                  = schema.EmbedUrl
	SchemaCopyrightHolder           = schema.CopyrightHolder
	SchemaDescription               = schema.Description
	SchemaInLanguage                = schema.InLanguage
	SchemaHoursAvailable            = schema.HoursAvailable
	SchemaOpeningHoursSpec          = schema.OpeningHoursSpecification
	SchemaOpens                     = schema.Opens
	SchemaCloses                    = schema.Closes
	SchemaDayOfWeek                 = schema.DayOfWeekProp
	SchemaVirtualLocation           = schema.VirtualLocation
	SchemaTypicalAgeRange           = schema.TypicalAgeRange

	LOCNAddress           = locn.AddressProp
	LOCNAddressClass      = locn.Address
	LOCNGeometry          = locn.GeometryProp
	LOCNGeometryClass     = locn.Geometry
	LOCNLocatorName       = locn.LocatorName
	LOCNThoroughfare      = locn.Thoroughfare
	LOCNLocatorDesignator = locn.LocatorDesignator
	LOCNPostCode          = locn.PostCode
	LOCNPostName          = locn.PostName
	LOCNAdminUnitL1       = locn.AdminUnitL1
	LOCNFullAddress       = locn.FullAddress

	GeoAsGML      = geosparql.AsGML
	GeoGMLLiteral = geosparql.GmlLiteral
	GeoAsWKT      = geosparql.AsWKT
	GeoWKTLiteral = geosparql.WktLiteral

	ADMSIdentifier         = adms.IdentifierProp
	ADMSIdentifierClass    = adms.Identifier
	GenGestructureerd      = generiek.GestructureerdeIdentificatorProp
	GenGestructureerdClass = generiek.GestructureerdeIdentificator
	GenNaamruimte          = generiek.Naamruimte
	GenLokaleIdentificator = generiek.LokaleIdentificator
	SKOSNotation           = skos.Notation
	SKOSPrefLabel          = skos.PrefLabel

	PROVAtLocation    = prov.AtLocation
	PROVInvalidatedAt = prov.InvalidatedAtTime

	DCATKeyword  = dcat.Keyword
	FOAFHomepage = foaf.Homepage
	OWLSameAs    = owl.SameAs

	PlatformVirtueleLocatie = platform.VirtueleLocatie
	PlatformGeboortejaar    = platform.Geboortejaar
	PlatformVerwerktOp      = platform.VerwerktOp
	PlatformBron            = platform.Bron

	UDBWorkflowStatus = udb.WorkflowStatus
	UDBAudienceType   = udb.AudienceType
	UDBAvailableFrom  = udb.AvailableFrom
)

// Participation terms used by the ticketing adapter.
const (
	SchemaName = schema.Name
)
