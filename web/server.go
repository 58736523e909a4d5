package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"github.com/uitwisselingsplatform/uwp/triplestore"
	"github.com/uitwisselingsplatform/uwp/vocab"
)

// Server is uwp's HTTP server over one store. It does not own the store: after Shutdown
// returns, no request uses it any more and the caller closes it.
type Server struct {
	cfg   Config
	store *triplestore.Store
	e     *echo.Echo
	log   *slog.Logger
	met   *metrics
	bases []string

	verMu   sync.Mutex
	lastVer uint64
	lastMod time.Time

	subjects subjectIndex
	labels   *labelCache
	rendered *pageCache
	found    foundCache
	voidMu   sync.Mutex
	voidV    uint64
	voidSt   *voidStats

	baseCtx context.Context
	cancel  context.CancelFunc
	srvMu   sync.Mutex
	srv     *http.Server
	closed  bool
}

// New builds a server over store with the given configuration.
func New(cfg Config, store *triplestore.Store) *Server {
	cfg.defaults()
	if cfg.Prefixes == nil {
		cfg.Prefixes = vocab.Prefixes()
	}
	s := &Server{cfg: cfg, store: store, log: cfg.Logger, met: newMetrics(), bases: cfg.BaseIRIs}
	s.labels = newLabelCache(store, 1<<16)
	s.rendered = newPageCache(store, cfg.PageCacheBytes)
	s.found.max = 1 << 16
	s.baseCtx, s.cancel = context.WithCancel(context.Background())
	s.lastVer = store.DataVersion()
	s.lastMod = time.Now().UTC().Truncate(time.Second)
	if st, err := os.Stat(store.Path()); err == nil {
		s.lastMod = st.ModTime().UTC().Truncate(time.Second)
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.HTTPErrorHandler = s.errorHandler
	e.Use(s.observe)
	e.Use(middleware.Recover())
	if len(cfg.CORSOrigins) > 0 {
		e.Use(middleware.CORSWithConfig(middleware.CORSConfig{
			AllowOrigins:  cfg.CORSOrigins,
			AllowMethods:  []string{http.MethodGet, http.MethodHead, http.MethodPost},
			AllowHeaders:  []string{"Accept", "Accept-Language", "Content-Type", "If-None-Match", "If-Modified-Since"},
			ExposeHeaders: []string{"ETag", "Last-Modified", "Location", "Content-Location", "Link"},
			MaxAge:        86400,
		}))
	}
	e.Use(middleware.GzipWithConfig(middleware.GzipConfig{Level: 5, MinLength: gzipMin, Skipper: selfEncoded}))
	s.e = e
	s.routes()
	return s
}

// get registers h for GET and HEAD.
func (s *Server) get(path string, h echo.HandlerFunc) {
	s.e.Match([]string{http.MethodGet, http.MethodHead}, path, h)
}

// Handler returns the server's http.Handler (for tests and embedding).
func (s *Server) Handler() http.Handler { return s.e }

// Serve answers requests on ln until Shutdown; it returns nil after a graceful shutdown.
func (s *Server) Serve(ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.e,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		BaseContext:       func(net.Listener) context.Context { return s.baseCtx },
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	s.srvMu.Lock()
	if s.closed {
		s.srvMu.Unlock()
		ln.Close()
		return nil
	}
	s.srv = srv
	s.srvMu.Unlock()
	err := srv.Serve(ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops accepting connections and waits for in-flight requests to finish, at most
// until ctx ends or Config.ShutdownTimeout passes; then it cancels the requests still
// running (their queries stop) and closes their connections.
func (s *Server) Shutdown(ctx context.Context) error {
	s.srvMu.Lock()
	srv := s.srv
	s.closed = true // a Serve that has not started yet returns at once
	s.srvMu.Unlock()
	if srv == nil {
		s.cancel()
		return nil
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(ctx)
	if err != nil {
		s.cancel()
		srv.Close()
		return fmt.Errorf("web: shutdown: %w", err)
	}
	s.cancel()
	return nil
}

func (s *Server) routes() {
	s.get("/healthz", s.healthz)
	s.get("/metrics", s.metricsHandler)
	s.get("/static/*", s.static)
	s.gspRoutes()
	s.sparqlRoutes()
	s.uiRoutes()
	s.ldRoutes()
}

func (s *Server) healthz(c echo.Context) error {
	if err := s.store.View(func(*triplestore.Tx) error { return nil }); err != nil {
		return echo.NewHTTPError(http.StatusServiceUnavailable, "store unavailable: "+err.Error())
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.String(http.StatusOK, "ok\n")
}

// selfEncodedRoutes answer with bodies they encode themselves: resource documents, whose
// page cache holds gzip bodies that are sent as they are (no compression per request).
var selfEncodedRoutes = map[string]bool{"/doc/*": true}

// selfEncoded is the gzip middleware's skipper: on a route of selfEncodedRoutes it adds the
// Vary header the middleware would and marks the request for encodesGzip.
func selfEncoded(c echo.Context) bool {
	if !selfEncodedRoutes[c.Path()] {
		return false
	}
	c.Response().Header().Add(echo.HeaderVary, echo.HeaderAcceptEncoding)
	c.Set(selfEncodedKey, true)
	return true
}

const selfEncodedKey = "uwp.selfEncoded"

// encodesGzip reports whether the handler should send a gzip body itself: its route skips
// the middleware and the client accepts gzip (tested as the middleware does).
func encodesGzip(c echo.Context) bool {
	on, _ := c.Get(selfEncodedKey).(bool)
	return on && strings.Contains(c.Request().Header.Get(echo.HeaderAcceptEncoding), "gzip")
}
