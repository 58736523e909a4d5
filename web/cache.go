package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
)

// version returns the store's data version and the time it last changed. The time is the
// store file's modification time at start and the moment a new version was first seen
// afterwards, kept strictly increasing in whole seconds so that If-Modified-Since (which has
// one-second resolution) never hides a change.
func (s *Server) version() (uint64, time.Time) {
	v := s.store.DataVersion()
	s.verMu.Lock()
	defer s.verMu.Unlock()
	if v != s.lastVer {
		t := time.Now().UTC().Truncate(time.Second)
		if !t.After(s.lastMod) {
			t = s.lastMod.Add(time.Second)
		}
		s.lastVer, s.lastMod = v, t
	}
	return s.lastVer, s.lastMod
}

// etag is a weak validator for one representation (variant: route, resource, format, ...) at
// a data version. Weak, because gzip and other encodings change the bytes, not the meaning.
func etag(version uint64, variant string) string {
	// FNV-1a, 64 bit (hash/fnv's New64a), inline: every GET of data computes one.
	h := uint64(14695981039346656037)
	for i := 0; i < len(variant); i++ {
		h ^= uint64(variant[i])
		h *= 1099511628211
	}
	b := make([]byte, 0, 40)
	b = append(b, `W/"`...)
	b = strconv.AppendUint(b, version, 16)
	b = append(b, '-')
	b = strconv.AppendUint(b, h, 16)
	return string(append(b, '"'))
}

// revalidate sets ETag, Last-Modified and Cache-Control for a GET or HEAD that reads data
// and reports whether the client's copy is fresh, in which case it has answered 304.
// https://www.rfc-editor.org/rfc/rfc9110#section-13.2.2: If-None-Match wins over
// If-Modified-Since.
func (s *Server) revalidate(c echo.Context, variant string) bool {
	req := c.Request()
	if req.Method != http.MethodGet && req.Method != http.MethodHead {
		return false
	}
	v, mod := s.version()
	tag := etag(v, variant)
	h := c.Response().Header()
	h.Set("ETag", tag)
	h.Set("Last-Modified", mod.Format(http.TimeFormat))
	h.Set("Cache-Control", s.cfg.CacheControl)
	fresh := false
	if inm := req.Header.Get("If-None-Match"); inm != "" {
		fresh = etagMatch(inm, tag)
	} else if ims := req.Header.Get("If-Modified-Since"); ims != "" {
		if t, err := http.ParseTime(ims); err == nil && !mod.After(t) {
			fresh = true
		}
	}
	if fresh {
		_ = c.NoContent(http.StatusNotModified)
	}
	return fresh
}

// etagMatch is the weak comparison of If-None-Match against tag.
func etagMatch(header, tag string) bool {
	tag = strings.TrimPrefix(tag, "W/")
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == tag {
			return true
		}
	}
	return false
}
