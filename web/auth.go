package web

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// HashToken returns the lowercase hex SHA-256 digest of a bearer token, the form
// Config.TokenHashes holds (the same as `printf %s TOKEN | sha256sum`).
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// authorized reports whether the request carries a token whose digest is configured: as
// "Authorization: Bearer TOKEN", or, for SPARQL clients that only speak Basic authentication,
// as the password of "Authorization: Basic" (any user name). Every configured digest is
// compared, in constant time, so timing tells nothing about which (or whether one) matched.
func (s *Server) authorized(r *http.Request) bool {
	auth := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(auth, " ")
	switch {
	case ok && strings.EqualFold(scheme, "Bearer"):
		tok = strings.TrimSpace(tok)
	case ok && strings.EqualFold(scheme, "Basic"):
		_, tok, ok = r.BasicAuth()
		if !ok {
			return false
		}
	default:
		return false
	}
	if tok == "" {
		return false
	}
	got := sha256.Sum256([]byte(tok))
	match := 0
	for _, h := range s.cfg.TokenHashes {
		want, err := hex.DecodeString(strings.TrimSpace(h))
		if err != nil || len(want) != sha256.Size {
			continue
		}
		match |= subtle.ConstantTimeCompare(got[:], want)
	}
	return match == 1
}

// requireWrite fails with 401 unless the request may write.
func (s *Server) requireWrite(c echo.Context) error {
	if len(s.cfg.TokenHashes) == 0 {
		return httpError(http.StatusForbidden, "writes are disabled: the server has no token configured (--token-sha256)")
	}
	if !s.authorized(c.Request()) {
		return echo.NewHTTPError(http.StatusUnauthorized, ErrUnauthorized.Error())
	}
	return nil
}
