package tickets

import (
	"strings"
	"time"
)

// defaultLayouts are tried after a mapping's own date_layouts.
var defaultLayouts = []string{
	"2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02 15:04", "2006-01-02T15:04",
	"02/01/2006 15:04:05", "02/01/2006 15:04", "02-01-2006 15:04:05", "02-01-2006 15:04", "2006-01-02",
}

// dateTime reads a date-time and returns it as xsd:dateTime: a value with an offset is kept as
// written; one without is read in the mapping's time zone and written with its offset.
func (r *Reader) dateTime(s string) (string, bool) {
	if t, ok := r.times[s]; ok {
		return t, true
	}
	t, ok := r.parseDateTime(s)
	if ok {
		if r.times == nil || len(r.times) > 4096 {
			r.times = make(map[string]string, 64)
		}
		r.times[s] = t
	}
	return t, ok
}

func (r *Reader) parseDateTime(s string) (string, bool) {
	if len(s) > 19 && s[10] == 'T' {
		if _, err := time.Parse(time.RFC3339Nano, s); err == nil {
			return s, true
		}
	}
	for _, layouts := range [2][]string{r.m.DateLayouts, defaultLayouts} {
		for _, l := range layouts {
			if len(l) != len(s) {
				continue
			}
			if t, err := time.ParseInLocation(l, s, r.m.loc); err == nil {
				return t.Format(time.RFC3339), true
			}
		}
	}
	return "", false
}

// decimal reads an amount as exports write it ("12.50", "12,50", "€ 1.234,50", "-3") and
// returns its xsd:decimal lexical form.
func decimal(s string) (string, bool) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "€"))
	s = strings.TrimSpace(strings.TrimSuffix(s, "EUR"))
	if strings.Contains(s, ",") {
		if strings.Contains(s, ".") {
			s = strings.ReplaceAll(s, ".", "") // 1.234,50
		}
		s = strings.Replace(s, ",", ".", 1)
	}
	digits, dot := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot && digits > 0:
			dot = true
		case (c == '-' || c == '+') && i == 0:
		default:
			return "", false
		}
	}
	if digits == 0 || s[len(s)-1] == '.' {
		return "", false
	}
	return s, true
}
