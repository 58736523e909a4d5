package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"
)

// Sentinel errors of the package.
var (
	// ErrUnauthorized: a write (or a read with Config.ReadToken) came without a valid token.
	ErrUnauthorized = errors.New("web: missing or invalid bearer token")
	// ErrTooLarge: an upload exceeded Config.MaxUploadBytes.
	ErrTooLarge = errors.New("web: upload too large")
)

// httpError answers with code and a plain-text message.
func httpError(code int, format string, args ...any) *echo.HTTPError {
	return echo.NewHTTPError(code, fmt.Sprintf(format, args...))
}

// errorHandler writes errors as plain text ("400 Bad Request: 3:7: expected ..."), or as the
// HTML 404 page for browsers asking for a Linked Data page.
func (s *Server) errorHandler(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	code := http.StatusInternalServerError
	msg := ""
	var he *echo.HTTPError
	if errors.As(err, &he) {
		code = he.Code
		msg = fmt.Sprint(he.Message)
		if he.Internal != nil {
			msg += ": " + he.Internal.Error()
		}
	} else {
		msg = "internal error"
		s.log.Error("request failed", "path", c.Request().URL.Path, "err", err)
	}
	if code == http.StatusUnauthorized {
		c.Response().Header().Set("WWW-Authenticate", `Bearer realm="uwp"`)
	}
	if code == http.StatusNotFound && wantsHTML(c.Request()) {
		if err := s.notFoundPage(c, msg); err == nil {
			return
		}
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(code)
		return
	}
	_ = c.String(code, fmt.Sprintf("%d %s: %s\n", code, http.StatusText(code), msg))
}
