package jsonld

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/piprate/json-gold/ld"
)

// loader is the only ld.DocumentLoader the package installs: it serves the caller's contexts
// from memory and refuses everything else, so JSON-LD processing never touches the network.
type loader struct {
	docs   map[string][]byte
	parsed map[string]any // parse once: json-gold asks again for every scoped context
}

func newLoader(docs map[string][]byte) *loader {
	return &loader{docs: docs, parsed: map[string]any{}}
}

// LoadDocument implements ld.DocumentLoader.
func (l *loader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	if doc, ok := l.parsed[u]; ok {
		return &ld.RemoteDocument{DocumentURL: u, Document: doc}, nil
	}
	raw, ok := l.lookup(u)
	if !ok {
		return nil, &missingContext{u}
	}
	doc, err := decodeJSON(raw)
	if err != nil {
		return nil, fmt.Errorf("jsonld: context %s: %w", u, err)
	}
	l.parsed[u] = doc
	return &ld.RemoteDocument{DocumentURL: u, Document: doc}, nil
}

// lookup finds u in the supplied documents, forgiving the differences that do not matter in
// practice: a trailing slash (https://schema.org vs https://schema.org/) and http vs https.
func (l *loader) lookup(u string) ([]byte, bool) {
	for _, v := range variants(u) {
		if raw, ok := l.docs[v]; ok {
			return raw, true
		}
	}
	return nil, false
}

func variants(u string) []string {
	slash := u + "/"
	if strings.HasSuffix(u, "/") {
		slash = strings.TrimSuffix(u, "/")
	}
	out := []string{u, slash}
	for _, v := range []string{u, slash} {
		switch {
		case strings.HasPrefix(v, "http://"):
			out = append(out, "https://"+strings.TrimPrefix(v, "http://"))
		case strings.HasPrefix(v, "https://"):
			out = append(out, "http://"+strings.TrimPrefix(v, "https://"))
		}
	}
	return out
}

// decodeJSON decodes exactly one JSON value; trailing data is an error.
func decodeJSON(raw []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("data after the JSON value at offset %d", dec.InputOffset())
	}
	return v, nil
}
