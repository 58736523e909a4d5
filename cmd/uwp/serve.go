package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/vocab"
	"github.com/uitwisselingsplatform/uwp/web"
)

func init() {
	register(&command{
		name: "serve",
		summary: `Serve the store over HTTP: SPARQL 1.1 Protocol at /sparql, the Graph Store Protocol at
/data, Linked Data pages for the base IRIs (/id/... -> /doc/...), /sitemap.xml, /robots.txt,
VoID at /.well-known/void, a query UI at /, /healthz and Prometheus /metrics. Writes need
"Authorization: Bearer TOKEN" where sha256(TOKEN) is listed in --token-sha256
(printf %s TOKEN | sha256sum). Stops gracefully on SIGINT/SIGTERM.`,
		flags: func(fs *pflag.FlagSet) {
			fs.String("addr", "127.0.0.1:8080", "listen address HOST:PORT (port 0 picks a free one)")
			fs.StringSlice("base-iri", nil, "IRI prefix published as Linked Data, e.g. https://data.example.org/ (repeatable; default: the server's URL)")
			fs.StringSlice("token-sha256", nil, "hex SHA-256 of a bearer token allowed to write (repeatable)")
			fs.StringSlice("cors-origins", []string{"*"}, `origins allowed to read cross-origin ("" turns CORS off)`)
			fs.String("cache-control", "public, max-age=0, must-revalidate", "Cache-Control of data answers")
			fs.Bool("direct", false, "answer /id/... with 200 and Content-Location instead of 303 See Other")
			fs.Duration("query-timeout", 30*time.Second, "default SPARQL timeout")
			fs.Duration("max-query-timeout", 5*time.Minute, "cap on the timeout request parameter")
			fs.Duration("slow-query", 2*time.Second, "log queries slower than this")
			fs.Bool("union-default-graph", false, "SPARQL default graph = union of all graphs")
			fs.Int("sitemap-page-size", 50000, "URLs per sitemap page")
			fs.Int("incoming-limit", 1000, "incoming triples in a resource's RDF view")
			fs.Int("page-cache", 32<<20, "bytes of rendered resource documents kept per data version (negative: none)")
			fs.Int64("max-upload", 0, "largest accepted upload in bytes after decompression (0: no cap)")
			fs.Int("upload-tx-quads", 1<<16, "quads an upload writes per transaction; larger uploads go through a copy of the store, in bounded memory")
			fs.String("title", "uwp", "service name shown in pages")
			fs.Duration("shutdown-timeout", 30*time.Second, "how long shutdown waits for requests in flight")
			fs.String("log-format", "text", "access log format: text or json")
		},
		run: runServe,
	})
}

// serveConfig turns the resolved settings into web.Config.
func serveConfig(cfg *viper.Viper, e *env) (web.Config, error) {
	var c web.Config
	for _, b := range cfg.GetStringSlice("base-iri") {
		if !rdf.IsAbsoluteIRI(b) {
			return c, fmt.Errorf("%w: --base-iri needs an absolute IRI, got %q", errUsage, b)
		}
		if !strings.HasSuffix(b, "/") {
			b += "/"
		}
		c.BaseIRIs = append(c.BaseIRIs, b)
	}
	for _, h := range cfg.GetStringSlice("token-sha256") {
		h = strings.ToLower(strings.TrimSpace(h))
		if len(h) != 64 || strings.Trim(h, "0123456789abcdef") != "" {
			return c, fmt.Errorf("%w: --token-sha256 wants 64 hex digits (printf %%s TOKEN | sha256sum)", errUsage)
		}
		c.TokenHashes = append(c.TokenHashes, h)
	}
	c.CORSOrigins = []string{}
	for _, o := range cfg.GetStringSlice("cors-origins") {
		if o = strings.TrimSpace(o); o != "" {
			c.CORSOrigins = append(c.CORSOrigins, o)
		}
	}
	c.CacheControl = cfg.GetString("cache-control")
	c.Direct = cfg.GetBool("direct")
	c.QueryTimeout = cfg.GetDuration("query-timeout")
	c.MaxQueryTimeout = cfg.GetDuration("max-query-timeout")
	c.SlowQuery = cfg.GetDuration("slow-query")
	c.UnionDefaultGraph = cfg.GetBool("union-default-graph")
	c.SitemapPageSize = cfg.GetInt("sitemap-page-size")
	c.IncomingLimit = cfg.GetInt("incoming-limit")
	c.MaxUploadBytes = cfg.GetInt64("max-upload")
	c.UploadTxQuads = cfg.GetInt("upload-tx-quads")
	c.PageCacheBytes = cfg.GetInt("page-cache")
	if c.PageCacheBytes == 0 {
		c.PageCacheBytes = -1 // 0 on the command line means none
	}
	c.Title = cfg.GetString("title")
	c.ShutdownTimeout = cfg.GetDuration("shutdown-timeout")
	c.TempDir = cfg.GetString("data")
	c.Prefixes = vocab.Namespaces
	var h slog.Handler
	switch cfg.GetString("log-format") {
	case "json":
		h = slog.NewJSONHandler(e.stderr, nil)
	case "text", "":
		h = slog.NewTextHandler(e.stderr, nil)
	default:
		return c, fmt.Errorf("%w: --log-format is text or json", errUsage)
	}
	c.Logger = slog.New(h)
	return c, nil
}

func runServe(ctx context.Context, cfg *viper.Viper, args []string, e *env) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: serve takes no arguments", errUsage)
	}
	wc, err := serveConfig(cfg, e)
	if err != nil {
		return err
	}
	s, err := openStore(cfg.GetString("data"), true)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.GetString("addr"))
	if err != nil {
		s.Close()
		return err
	}
	srv := web.New(wc, s)
	fmt.Fprintf(e.stdout, "uwp serving %s at http://%s/\n", cfg.GetString("data"), ln.Addr())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err = <-done:
	case <-ctx.Done():
		fmt.Fprintln(e.stderr, "uwp serve: shutting down")
		err = srv.Shutdown(context.Background())
		if serr := <-done; err == nil {
			err = serr
		}
	}
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	return err
}
