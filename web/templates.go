package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"

	"github.com/labstack/echo/v4"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// pages holds every HTML template; each page defines its own name (resource.html, ...).
var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"add": func(a, b int) int { return a + b },
}).ParseFS(templateFS, "templates/*.html"))

// staticFiles is the static/ directory (CSS, JS) served under /static/.
func staticFiles() fs.FS {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic(err)
	}
	return sub
}

// staticAsset is one embedded file with its validator.
type staticAsset struct {
	body        []byte
	contentType string
	etag        string
}

// staticAssets are the files of static/, read once.
var staticAssets = func() map[string]staticAsset {
	m := map[string]staticAsset{}
	err := fs.WalkDir(staticFiles(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(staticFiles(), p)
		if err != nil {
			return err
		}
		ct := mime.TypeByExtension(path.Ext(p))
		if ct == "" {
			ct = "application/octet-stream"
		}
		sum := sha256.Sum256(b)
		m[p] = staticAsset{b, ct, `"` + hex.EncodeToString(sum[:8]) + `"`}
		return nil
	})
	if err != nil {
		panic(err)
	}
	return m
}()

// static serves /static/FILE (GET and HEAD) with a content-hash ETag.
func (s *Server) static(c echo.Context) error {
	a, ok := staticAssets[c.Param("*")]
	if !ok {
		return httpError(http.StatusNotFound, "no static file %q", c.Param("*"))
	}
	h := c.Response().Header()
	h.Set("ETag", a.etag)
	h.Set("Cache-Control", "public, max-age=3600")
	if etagMatch(c.Request().Header.Get("If-None-Match"), a.etag) {
		return c.NoContent(http.StatusNotModified)
	}
	return c.Blob(http.StatusOK, a.contentType, a.body)
}

// notFoundPage renders the HTML 404 page.
func (s *Server) notFoundPage(c echo.Context, msg string) error {
	r := c.Request()
	v := struct {
		Service, Msg, Path, Query string
	}{s.cfg.Title, msg, r.URL.Path, "DESCRIBE <" + requestURL(r) + r.URL.Path + ">"}
	var b []byte
	w := &bufWriter{&b}
	if err := pages.ExecuteTemplate(w, "notfound.html", v); err != nil {
		return err
	}
	return c.HTMLBlob(http.StatusNotFound, b)
}

type bufWriter struct{ b *[]byte }

func (w *bufWriter) Write(p []byte) (int, error) { *w.b = append(*w.b, p...); return len(p), nil }
