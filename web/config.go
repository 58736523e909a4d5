package web

import (
	"log/slog"
	"time"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Config configures a Server. The zero value serves with the defaults each field names.
type Config struct {
	// BaseIRIs are the IRI prefixes published as Linked Data, e.g. "https://data.example.org/":
	// the IRI <base>id/x is answered at /id/x and documented at /doc/x. Empty means the
	// server's own URL (http://host:port/ as the request names it).
	BaseIRIs []string
	// TokenHashes are the lowercase hex SHA-256 digests of the bearer tokens allowed to write.
	// Empty means nobody may write.
	TokenHashes []string
	// CORSOrigins are the origins allowed to read cross-origin; nil means "*", an empty
	// non-nil slice turns CORS off.
	CORSOrigins []string
	// CacheControl is sent on cacheable GET answers; "" means "public, max-age=0, must-revalidate".
	CacheControl string
	// Direct makes /id/... answer 200 with Content-Location and Vary: Accept instead of 303.
	Direct bool
	// QueryTimeout is the default query timeout (0: 30s); MaxQueryTimeout caps the timeout
	// parameter (0: 5 minutes).
	QueryTimeout, MaxQueryTimeout time.Duration
	// SlowQuery logs queries slower than this at level WARN (0: 2s).
	SlowQuery time.Duration
	// UnionDefaultGraph makes SPARQL's default graph the union of all graphs.
	UnionDefaultGraph bool
	// SitemapPageSize is the number of URLs per sitemap page (0: 50,000, the protocol's cap).
	SitemapPageSize int
	// IncomingLimit bounds the incoming triples of an RDF resource view (0: 1,000);
	// IncomingPageSize is the page size of incoming links per property in HTML (0: 20).
	IncomingLimit, IncomingPageSize int
	// OutgoingLimit bounds the outgoing triples shown (0: 10,000).
	OutgoingLimit int
	// PageCacheBytes is the memory for rendered resource documents of the current data
	// version (0: 32 MiB; negative: no cache).
	PageCacheBytes int
	// MaxUploadBytes caps a (decompressed) upload; 0 means no cap.
	MaxUploadBytes int64
	// TempDir holds spooled uploads; "" means os.TempDir().
	TempDir string
	// UploadTxQuads bounds the quads an upload or graph deletion writes per transaction
	// (triplestore.LoadOptions.TxQuads); larger ones go through a copy of the store. 0 means
	// the store's default.
	UploadTxQuads int
	// Prefixes are declared in RDF output and offered in the query editor; nil means
	// vocab.Prefixes().
	Prefixes []rdf.Namespace
	// Title names the service in pages and the service description (""= "uwp").
	Title string
	// Logger receives the access log and errors; nil means slog.Default().
	Logger *slog.Logger
	// ShutdownTimeout bounds how long Shutdown waits for in-flight requests (0: 30s).
	ShutdownTimeout time.Duration
}

func (c *Config) defaults() {
	if c.CORSOrigins == nil {
		c.CORSOrigins = []string{"*"}
	}
	if c.CacheControl == "" {
		c.CacheControl = "public, max-age=0, must-revalidate"
	}
	if c.QueryTimeout <= 0 {
		c.QueryTimeout = 30 * time.Second
	}
	if c.MaxQueryTimeout <= 0 {
		c.MaxQueryTimeout = 5 * time.Minute
	}
	if c.QueryTimeout > c.MaxQueryTimeout {
		c.QueryTimeout = c.MaxQueryTimeout
	}
	if c.SlowQuery <= 0 {
		c.SlowQuery = 2 * time.Second
	}
	if c.SitemapPageSize <= 0 || c.SitemapPageSize > 50000 {
		c.SitemapPageSize = 50000
	}
	if c.IncomingLimit <= 0 {
		c.IncomingLimit = 1000
	}
	if c.IncomingPageSize <= 0 {
		c.IncomingPageSize = 20
	}
	if c.OutgoingLimit <= 0 {
		c.OutgoingLimit = 10000
	}
	if c.PageCacheBytes == 0 {
		c.PageCacheBytes = 32 << 20
	}
	if c.Title == "" {
		c.Title = "uwp"
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
	if c.ShutdownTimeout <= 0 {
		c.ShutdownTimeout = 30 * time.Second
	}
}
