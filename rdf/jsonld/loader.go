package jsonld

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

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
	raw, ok := l.docs[u]
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrRemoteContext, u)
	}
	doc, err := decodeJSON(raw)
	if err != nil {
		return nil, fmt.Errorf("jsonld: context %s: %w", u, err)
	}
	l.parsed[u] = doc
	return &ld.RemoteDocument{DocumentURL: u, Document: doc}, nil
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
