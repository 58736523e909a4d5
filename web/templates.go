package web

import (
	"embed"
	"html/template"
	"io/fs"
	"net/http"

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
