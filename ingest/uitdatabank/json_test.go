package uitdatabank

import (
	"bytes"
	"encoding/json"
)

type jsonRaw = json.RawMessage

func jsonUnmarshal(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	return d.Decode(v)
}

func joinRaw(ms []jsonRaw) string {
	parts := make([][]byte, len(ms))
	for i, m := range ms {
		parts[i] = m
	}
	return string(bytes.Join(parts, []byte(",")))
}
