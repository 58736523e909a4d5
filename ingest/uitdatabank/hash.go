package uitdatabank

import (
	"encoding/json"
	"fmt"
	"hash/crc32"
	"slices"
	"strconv"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 512); return &b }}

// fragmentHash returns the 8 hex digits that name a nested node: crc32b of the node's source
// data as PHP's json_encode writes it after a recursive key sort (slashes escaped as \/,
// non-ASCII as \uXXXX), which is how udb3 names them (see ../shared/uitdatabank/README.md).
// Nodes udb3 builds from derived data (periods, amounts) hash the derived data instead, so
// their names match udb3 only by prefix.
func fragmentHash(v any) string {
	bp := bufPool.Get().(*[]byte)
	buf := appendCanonical((*bp)[:0], v)
	s := crc32.ChecksumIEEE(buf)
	*bp = buf
	bufPool.Put(bp)
	var out [8]byte
	const hex = "0123456789abcdef"
	for i := 7; i >= 0; i-- {
		out[i] = hex[s&0xf]
		s >>= 4
	}
	return string(out[:])
}

func appendCanonical(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...)
	case bool:
		return strconv.AppendBool(b, v)
	case json.Number:
		return append(b, v...)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case float64:
		return strconv.AppendFloat(b, v, 'g', -1, 64)
	case string:
		return appendPHPString(b, v)
	case []any:
		b = append(b, '[')
		for i, x := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendCanonical(b, x)
		}
		return append(b, ']')
	case map[string]any:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendPHPString(b, k)
			b = append(b, ':')
			b = appendCanonical(b, v[k])
		}
		return append(b, '}')
	default:
		panic(fmt.Sprintf("unreachable: %T", v))
	}
}

func appendPHPString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '"', '\\', '/':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				if c < 0x20 {
					b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
				} else {
					b = append(b, c)
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		units := []uint16{uint16(r)}
		if r >= 0x10000 {
			r1, r2 := utf16.EncodeRune(r)
			units = []uint16{uint16(r1), uint16(r2)}
		}
		for _, u := range units {
			b = append(b, '\\', 'u', hex[u>>12], hex[u>>8&0xf], hex[u>>4&0xf], hex[u&0xf])
		}
	}
	return append(b, '"')
}
