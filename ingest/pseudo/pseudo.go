package pseudo

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base32"
	"hash"
	"strings"
	"unicode"
)

// Domain separates the pseudonyms of different kinds of identifier.
type Domain string

// The domains the ticketing adapter uses.
const (
	Participant Domain = "participant"
	Order       Domain = "order"
	Ticket      Domain = "ticket"
)

var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// Pseudonymizer makes keyed pseudonyms. It is not safe for concurrent use (it reuses one
// HMAC state); make one per goroutine with the same key.
type Pseudonymizer struct {
	mac hash.Hash
	buf []byte
	sum []byte
}

// New returns a Pseudonymizer for the key; nil or empty is ErrNoKey, shorter than MinKeyLen
// ErrWeakKey.
func New(key []byte) (*Pseudonymizer, error) {
	if len(key) == 0 {
		return nil, ErrNoKey
	}
	if len(key) < MinKeyLen {
		return nil, ErrWeakKey
	}
	return &Pseudonymizer{mac: hmac.New(sha256.New, key)}, nil
}

// FromProvider asks the provider for the key and returns a Pseudonymizer.
func FromProvider(ctx context.Context, p KeyProvider) (*Pseudonymizer, error) {
	if p == nil {
		return nil, ErrNoKey
	}
	key, err := p.Key(ctx)
	if err != nil {
		return nil, err
	}
	return New(key)
}

// Token returns the pseudonym of value in domain: the lower-case base32 of the first 160 bits
// of HMAC-SHA256(key, domain "|" Normalise(value)); 32 characters, safe in IRIs. Scope
// identifiers that are only unique per vendor by putting the vendor into the domain (e.g.
// Order+"/ticketmatic").
func (p *Pseudonymizer) Token(d Domain, value string) string {
	p.buf = append(p.buf[:0], d...)
	p.buf = append(p.buf, '|')
	p.buf = appendNormalised(p.buf, value)
	p.mac.Reset()
	p.mac.Write(p.buf)
	p.sum = p.mac.Sum(p.sum[:0])
	var out [32]byte
	b32.Encode(out[:], p.sum[:20])
	for i, c := range out {
		if 'A' <= c && c <= 'Z' {
			out[i] = c + 'a' - 'A'
		}
	}
	return string(out[:])
}

// Normalise is what Token hashes: surrounding space trimmed, inner runs of space collapsed
// to one, letters lower-cased, so " Jan@Example.org " and "jan@example.org" agree.
func Normalise(s string) string { return string(appendNormalised(nil, s)) }

func appendNormalised(b []byte, s string) []byte {
	s = strings.TrimSpace(s)
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		if r < 0x80 {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b = append(b, byte(r))
			continue
		}
		b = append(b, string(unicode.ToLower(r))...)
	}
	return b
}
