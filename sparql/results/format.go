package results

import (
	"fmt"
	"mime"
	"strconv"
	"strings"
)

// Format is a results syntax.
type Format uint8

// The results formats. Table is for terminals and has no reader.
const (
	JSON Format = iota + 1
	XML
	CSV
	TSV
	Table
)

// Formats lists every format in a stable order.
var Formats = []Format{JSON, XML, CSV, TSV, Table}

var formatInfo = [...]struct {
	name, ext, mediaType string
	aliases              []string
}{
	JSON:  {"json", ".srj", "application/sparql-results+json", []string{"srj", "application/json"}},
	XML:   {"xml", ".srx", "application/sparql-results+xml", []string{"srx", "application/xml", "text/xml"}},
	CSV:   {"csv", ".csv", "text/csv", nil},
	TSV:   {"tsv", ".tsv", "text/tab-separated-values", nil},
	Table: {"table", ".txt", "text/plain", []string{"text", "txt"}},
}

func (f Format) valid() bool { return f >= JSON && f <= Table }

// String returns the short name (json, xml, csv, tsv, table).
func (f Format) String() string {
	if !f.valid() {
		return "Format(" + strconv.Itoa(int(f)) + ")"
	}
	return formatInfo[f].name
}

// MediaType returns the registered media type.
func (f Format) MediaType() string {
	if !f.valid() {
		return ""
	}
	return formatInfo[f].mediaType
}

// ContentType returns the media type with a charset parameter, for a Content-Type header.
func (f Format) ContentType() string {
	if !f.valid() {
		return ""
	}
	if f == JSON {
		return f.MediaType() // JSON is UTF-8 by definition; a charset is not registered
	}
	return f.MediaType() + "; charset=utf-8"
}

// Ext returns the usual file extension with its dot.
func (f Format) Ext() string {
	if !f.valid() {
		return ""
	}
	return formatInfo[f].ext
}

// ParseFormat accepts a short name (json, xml, csv, tsv, table), a file extension with or
// without its dot (srj, .srx) or a media type, parameters allowed ("text/csv; charset=utf-8").
// Matching ignores case. An unknown name wraps ErrUnsupportedFormat.
func ParseFormat(s string) (Format, error) {
	k := strings.ToLower(strings.TrimSpace(s))
	if mt, _, err := mime.ParseMediaType(k); err == nil && strings.Contains(mt, "/") {
		k = mt
	}
	k = strings.TrimPrefix(k, ".")
	for _, f := range Formats {
		in := formatInfo[f]
		if k == in.name || k == in.mediaType || k == strings.TrimPrefix(in.ext, ".") {
			return f, nil
		}
		for _, a := range in.aliases {
			if k == a {
				return f, nil
			}
		}
	}
	return 0, fmt.Errorf("%w: %q", ErrUnsupportedFormat, s)
}

// acceptRange is one media range of an Accept header.
type acceptRange struct {
	typ, sub string
	q        float64
	order    int
}

// Negotiate picks the offered format an HTTP Accept header prefers
// (https://www.rfc-editor.org/rfc/rfc9110#section-12.5.1): each offer gets the q-value of
// the most specific range matching its media type (exact, then type/*, then */*); the
// highest non-zero q wins, ties going to the earlier offer. Aliases count as the format's
// media type when named exactly (application/json for JSON, application/xml and text/xml
// for XML, text/plain for Table); wildcards match only the registered media type. An empty header accepts anything, so the first offer wins. ok is false when
// nothing offered is acceptable.
func Negotiate(accept string, offered []Format) (f Format, ok bool) {
	if len(offered) == 0 {
		return 0, false
	}
	if strings.TrimSpace(accept) == "" {
		return offered[0], true
	}
	var ranges []acceptRange
	for i, part := range strings.Split(accept, ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		typ, sub, found := strings.Cut(mt, "/")
		if !found {
			continue
		}
		q := 1.0
		if qs, ok := params["q"]; ok {
			if v, err := strconv.ParseFloat(qs, 64); err == nil && v >= 0 && v <= 1 {
				q = v
			}
		}
		ranges = append(ranges, acceptRange{typ, sub, q, i})
	}
	best, bestQ := Format(0), 0.0
	for _, o := range offered {
		q := qualityFor(o, ranges)
		if q > bestQ {
			best, bestQ = o, q
		}
	}
	return best, bestQ > 0
}

// qualityFor returns the q of the most specific range matching any media type of f.
func qualityFor(f Format, ranges []acceptRange) float64 {
	if !f.valid() {
		return 0
	}
	types := []string{formatInfo[f].mediaType}
	for _, a := range formatInfo[f].aliases {
		if strings.Contains(a, "/") {
			types = append(types, a)
		}
	}
	best, bestSpec := 0.0, -1
	for k, t := range types {
		typ, sub, _ := strings.Cut(t, "/")
		for _, r := range ranges {
			spec := -1
			switch {
			case r.typ == typ && r.sub == sub:
				spec = 2
			case k > 0:
				// Aliases match only exactly: text/* must not pick XML through text/xml.
			case r.typ == typ && r.sub == "*":
				spec = 1
			case r.typ == "*" && r.sub == "*":
				spec = 0
			}
			if spec > bestSpec || (spec == bestSpec && spec >= 0 && r.q > best) {
				best, bestSpec = r.q, spec
			}
		}
	}
	return best
}
