package web

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// latencyBuckets are the upper bounds (seconds) of the request latency histogram.
var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

// metrics are the server's counters, written by hand in the Prometheus text exposition format
// (https://prometheus.io/docs/instrumenting/exposition_formats/). Label values are route
// patterns, methods and status codes, so their number stays small.
type metrics struct {
	mu       sync.Mutex
	requests map[reqKey]uint64
	latency  map[string]*histogram // by route
	running  atomic.Int64          // queries being evaluated
	queries  atomic.Uint64
	timeouts atomic.Uint64
}

type reqKey struct {
	route, method string
	status        int
}

type histogram struct {
	counts []uint64 // per bucket, not cumulative; last is +Inf
	sum    float64
	n      uint64
}

func newMetrics() *metrics {
	return &metrics{requests: map[reqKey]uint64{}, latency: map[string]*histogram{}}
}

func (m *metrics) observe(route, method string, status int, d time.Duration) {
	sec := d.Seconds()
	m.mu.Lock()
	defer m.mu.Unlock()
	m.requests[reqKey{route, method, status}]++
	h := m.latency[route]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(latencyBuckets)+1)}
		m.latency[route] = h
	}
	i := sort.SearchFloat64s(latencyBuckets, sec)
	h.counts[i]++
	h.sum += sec
	h.n++
}

// write renders the metrics; storeSize and quads are sampled by the caller.
func (m *metrics) write(b *strings.Builder, storeSize int64, quads uint64, version uint64) {
	m.mu.Lock()
	keys := make([]reqKey, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, c := keys[i], keys[j]
		if a.route != c.route {
			return a.route < c.route
		}
		if a.method != c.method {
			return a.method < c.method
		}
		return a.status < c.status
	})
	b.WriteString("# HELP uwp_http_requests_total HTTP requests by route pattern, method and status.\n# TYPE uwp_http_requests_total counter\n")
	for _, k := range keys {
		fmt.Fprintf(b, "uwp_http_requests_total{route=%s,method=%s,status=\"%d\"} %d\n", quoteLabel(k.route), quoteLabel(k.method), k.status, m.requests[k])
	}
	routes := make([]string, 0, len(m.latency))
	for r := range m.latency {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	b.WriteString("# HELP uwp_http_request_duration_seconds HTTP request latency by route pattern.\n# TYPE uwp_http_request_duration_seconds histogram\n")
	for _, r := range routes {
		h := m.latency[r]
		var cum uint64
		for i, ub := range latencyBuckets {
			cum += h.counts[i]
			fmt.Fprintf(b, "uwp_http_request_duration_seconds_bucket{route=%s,le=\"%s\"} %d\n", quoteLabel(r), strconv.FormatFloat(ub, 'g', -1, 64), cum)
		}
		cum += h.counts[len(latencyBuckets)]
		fmt.Fprintf(b, "uwp_http_request_duration_seconds_bucket{route=%s,le=\"+Inf\"} %d\n", quoteLabel(r), cum)
		fmt.Fprintf(b, "uwp_http_request_duration_seconds_sum{route=%s} %s\n", quoteLabel(r), strconv.FormatFloat(h.sum, 'g', -1, 64))
		fmt.Fprintf(b, "uwp_http_request_duration_seconds_count{route=%s} %d\n", quoteLabel(r), h.n)
	}
	m.mu.Unlock()
	fmt.Fprintf(b, "# HELP uwp_queries_running SPARQL queries and updates being evaluated.\n# TYPE uwp_queries_running gauge\nuwp_queries_running %d\n", m.running.Load())
	fmt.Fprintf(b, "# HELP uwp_queries_total SPARQL queries and updates started.\n# TYPE uwp_queries_total counter\nuwp_queries_total %d\n", m.queries.Load())
	fmt.Fprintf(b, "# HELP uwp_query_timeouts_total SPARQL requests that ran out of time.\n# TYPE uwp_query_timeouts_total counter\nuwp_query_timeouts_total %d\n", m.timeouts.Load())
	fmt.Fprintf(b, "# HELP uwp_store_size_bytes Size of the store file.\n# TYPE uwp_store_size_bytes gauge\nuwp_store_size_bytes %d\n", storeSize)
	fmt.Fprintf(b, "# HELP uwp_store_quads Quads in the store, all graphs.\n# TYPE uwp_store_quads gauge\nuwp_store_quads %d\n", quads)
	fmt.Fprintf(b, "# HELP uwp_store_data_version Data version of the store (bumped by every change).\n# TYPE uwp_store_data_version gauge\nuwp_store_data_version %d\n", version)
}

// quoteLabel quotes a label value as the exposition format wants (\\, \", \n escaped).
func quoteLabel(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

func (s *Server) metricsHandler(c echo.Context) error {
	size, _ := s.store.Size()
	var quads uint64
	_ = s.store.View(func(tx *triplestore.Tx) error {
		st, err := tx.Stats()
		quads = st.Quads
		return err
	})
	var b strings.Builder
	s.met.write(&b, size, quads, s.store.DataVersion())
	h := c.Response().Header()
	h.Set("Cache-Control", "no-store")
	return c.Blob(http.StatusOK, "text/plain; version=0.0.4; charset=utf-8", []byte(b.String()))
}

// observe is the outermost middleware: access log and request metrics.
func (s *Server) observe(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		req, res := c.Request(), c.Response()
		route := c.Path()
		if route == "" {
			route = "(unmatched)"
		}
		d := time.Since(start)
		s.met.observe(route, req.Method, res.Status, d)
		s.log.LogAttrs(req.Context(), levelFor(res.Status), "http",
			slogStr("method", req.Method), slogStr("path", req.URL.RequestURI()), slogInt("status", res.Status),
			slogInt64("bytes", res.Size), slogDur("dur", d), slogStr("route", route),
			slogStr("remote", c.RealIP()), slogStr("ua", req.UserAgent()))
		return nil
	}
}
