package rdf

import "strings"

// Base is a parsed base IRI for resolving many references against it cheaply.
// The zero value (and a nil *Base) has no base: Resolve then accepts only absolute IRIs.
type Base struct {
	raw                          string
	scheme, authority, path, qry string
	hasAuthority, hasQuery       bool
}

// NewBase parses an absolute IRI for use as a base. An empty string gives a Base that
// resolves only absolute references.
func NewBase(iri string) *Base {
	b := &Base{raw: iri}
	if iri == "" {
		return b
	}
	r := splitRef(iri)
	b.scheme, b.authority, b.path, b.qry = r.scheme, r.authority, r.path, r.query
	b.hasAuthority, b.hasQuery = r.hasAuthority, r.hasQuery
	return b
}

// String returns the base IRI as given.
func (b *Base) String() string {
	if b == nil {
		return ""
	}
	return b.raw
}

// Resolve resolves a reference against the base as RFC 3986 section 5.2 says
// (https://www.rfc-editor.org/rfc/rfc3986#section-5.2). It reports ok == false when the
// reference is relative and there is no base to resolve it against.
func (b *Base) Resolve(ref string) (iri string, ok bool) {
	if hasScheme(ref) {
		// Fast path: an absolute IRI without dot segments is returned unchanged.
		if !strings.Contains(ref, "/.") {
			return ref, true
		}
	}
	if b == nil || b.scheme == "" {
		if !hasScheme(ref) {
			return "", false
		}
		b = &Base{}
	}
	r := splitRef(ref)
	var t refParts
	if r.scheme != "" {
		t = r
		t.path = removeDotSegments(r.path)
	} else {
		if r.hasAuthority {
			t.authority, t.hasAuthority = r.authority, true
			t.path = removeDotSegments(r.path)
			t.query, t.hasQuery = r.query, r.hasQuery
		} else {
			if r.path == "" {
				t.path = b.path
				if r.hasQuery {
					t.query, t.hasQuery = r.query, true
				} else {
					t.query, t.hasQuery = b.qry, b.hasQuery
				}
			} else {
				if r.path[0] == '/' {
					t.path = removeDotSegments(r.path)
				} else {
					t.path = removeDotSegments(b.merge(r.path))
				}
				t.query, t.hasQuery = r.query, r.hasQuery
			}
			t.authority, t.hasAuthority = b.authority, b.hasAuthority
		}
		t.scheme = b.scheme
	}
	t.fragment, t.hasFragment = r.fragment, r.hasFragment
	return t.String(), true
}

// merge implements RFC 3986 section 5.2.3.
func (b *Base) merge(path string) string {
	if b.hasAuthority && b.path == "" {
		return "/" + path
	}
	i := strings.LastIndexByte(b.path, '/')
	if i < 0 {
		return path
	}
	return b.path[:i+1] + path
}

// Resolve resolves ref against base (RFC 3986). See Base.Resolve.
func Resolve(base, ref string) (string, bool) { return NewBase(base).Resolve(ref) }

// IsAbsoluteIRI reports whether s starts with a scheme (ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":").
func IsAbsoluteIRI(s string) bool { return hasScheme(s) }

func hasScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
		case i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return true
		default:
			return false
		}
	}
	return false
}

type refParts struct {
	scheme, authority, path, query, fragment string
	hasAuthority, hasQuery, hasFragment      bool
}

func (t refParts) String() string {
	var sb strings.Builder
	sb.Grow(len(t.scheme) + len(t.authority) + len(t.path) + len(t.query) + len(t.fragment) + 6)
	if t.scheme != "" {
		sb.WriteString(t.scheme)
		sb.WriteByte(':')
	}
	if t.hasAuthority {
		sb.WriteString("//")
		sb.WriteString(t.authority)
	}
	sb.WriteString(t.path)
	if t.hasQuery {
		sb.WriteByte('?')
		sb.WriteString(t.query)
	}
	if t.hasFragment {
		sb.WriteByte('#')
		sb.WriteString(t.fragment)
	}
	return sb.String()
}

// splitRef splits a URI reference into its five components (RFC 3986 appendix B).
func splitRef(s string) refParts {
	var r refParts
	if i := strings.IndexByte(s, '#'); i >= 0 {
		r.fragment, r.hasFragment = s[i+1:], true
		s = s[:i]
	}
	if i := strings.IndexByte(s, '?'); i >= 0 {
		r.query, r.hasQuery = s[i+1:], true
		s = s[:i]
	}
	if hasScheme(s) {
		i := strings.IndexByte(s, ':')
		r.scheme = s[:i]
		s = s[i+1:]
	}
	if strings.HasPrefix(s, "//") {
		s = s[2:]
		i := strings.IndexByte(s, '/')
		if i < 0 {
			i = len(s)
		}
		r.authority, r.hasAuthority = s[:i], true
		s = s[i:]
	}
	r.path = s
	return r
}

// removeDotSegments implements RFC 3986 section 5.2.4.
func removeDotSegments(in string) string {
	if !strings.Contains(in, ".") {
		return in
	}
	out := make([]string, 0, 8)
	for len(in) > 0 {
		switch {
		case strings.HasPrefix(in, "../"):
			in = in[3:]
		case strings.HasPrefix(in, "./"):
			in = in[2:]
		case strings.HasPrefix(in, "/./"):
			in = in[2:]
		case in == "/.":
			in = "/"
		case strings.HasPrefix(in, "/../"):
			in = in[3:]
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case in == "/..":
			in = "/"
			if len(out) > 0 {
				out = out[:len(out)-1]
			}
		case in == "." || in == "..":
			in = ""
		default:
			start := 0
			if in[0] == '/' {
				start = 1
			}
			i := strings.IndexByte(in[start:], '/')
			if i < 0 {
				i = len(in)
			} else {
				i += start
			}
			out = append(out, in[:i])
			in = in[i:]
		}
	}
	return strings.Join(out, "")
}
