// Package web is uwp's HTTP server: the echo wiring of the SPARQL 1.1 Protocol (/sparql), the
// Graph Store HTTP Protocol (/data), Linked Data pages for the configured base IRIs (/id/...,
// /doc/...), the sitemap, robots.txt, VoID, a query UI, /healthz and /metrics.
//
// # Basics
//
//   - Config is the plain configuration (the cmd layer reads it from flags, UWP_* variables
//     and the config file and hands it down). HashToken makes its token digests.
//
//   - Server (New, Handler, Serve, Shutdown) owns the routes and the middleware: structured
//     access log (log/slog), hand-written Prometheus metrics, gzip, CORS for reads, HEAD
//     wherever GET is, and validators (ETag, Last-Modified) derived from the store's
//     DataVersion so that If-None-Match / If-Modified-Since answer 304 without touching data.
//
//   - Writes (GSP PUT/POST/DELETE, SPARQL Update) need "Authorization: Bearer TOKEN" where the
//     SHA-256 of TOKEN (hex) is one of Config.TokenHashes; the comparison is constant-time.
//
//   - Uploads are spooled (decompressed) to a temporary file first, so that no write
//     transaction waits on the network. Every upload (PUT, POST, every syntax) and graph
//     DELETE then goes through the store's loader (triplestore.Store.Load with Replace and
//     AllInGraph), which is atomic and keeps memory bounded by Config.UploadTxQuads: larger
//     writes go into a copy of the store that is renamed in. A syntax error changes nothing
//     and answers 400 with line:col. A SPARQL update made only of CLEAR and DROP takes the
//     same path (clear.go).
//
//   - Linked Data: Config.BaseIRIs map IRIs B+"id/x" to /id/x (303 to /doc/x) and other IRIs
//     under B to their own path; /page?uri= describes any IRI. Pages come from one read
//     transaction: outgoing statements with nested blank nodes, hash IRIs, incoming links
//     grouped per property from the OSP/POS indexes with capped counts.
//
//   - Resource pages are written by writeResourcePage (render.go), not by executing
//     templates/resource.html: html/template calls its escapers through reflection on every
//     action, which cost a quarter of a page. The template stays the definition and a test
//     holds the two to the same bytes. Statements are read at the ID level and decoded once
//     per request (termDecoder); labels of linked resources come from a per-version cache or
//     an ID-level scan that decodes only label and description objects.
//
//   - Rendered resource documents are cached per data version (Config.PageCacheBytes),
//     gzip-compressed: a gzip client gets the cached bytes (/doc/* skips the gzip middleware
//     and encodes itself), another a decompressed copy (popular pages' copies are kept in
//     1/16 of the budget). The IRI a document path resolves to is
//     cached per version too, so a cached page costs no store reads.
//
//   - SPARQL goes through engine.Dataset (the store as eval.Dataset) inside one read (query)
//     or write (update) transaction per request, bounded by the request's deadline.
//
// # Caveats
//
//   - bbolt keeps a write transaction's dirty pages in memory until commit, so a very large
//     upload needs memory in proportion to the pages it changes (as the store's incremental
//     loader does); the request body itself is never held in memory.
//   - Blank nodes of an upload get labels unique to that upload ("u<random>.<label>").
//   - Hash URIs are served from the document IRI: the page of D also describes the IRIs D#x
//     linked from or to D, and the conventional D#it, D#this, D#id, D#me. For documents
//     outside id/ (vocabularies) it also finds unlinked D#x through the sitemap's subject
//     index, which costs one scan of the subject indexes per data version.
//   - Empty named graphs are not recorded by the store: a graph exists while it holds quads.
package web
