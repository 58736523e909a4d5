package expr

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"hash"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// Hash functions, https://www.w3.org/TR/sparql11-query/#func-hash: the lower-case hex digest
// of the UTF-8 form of a simple literal or xsd:string, as a simple literal.

// MD5 implements MD5.
func MD5(t rdf.Term) (rdf.Term, error) { return digest(t, md5.New) }

// SHA1 implements SHA1.
func SHA1(t rdf.Term) (rdf.Term, error) { return digest(t, sha1.New) }

// SHA256 implements SHA256.
func SHA256(t rdf.Term) (rdf.Term, error) { return digest(t, sha256.New) }

// SHA384 implements SHA384.
func SHA384(t rdf.Term) (rdf.Term, error) { return digest(t, sha512.New384) }

// SHA512 implements SHA512.
func SHA512(t rdf.Term) (rdf.Term, error) { return digest(t, sha512.New) }

func digest(t rdf.Term, h func() hash.Hash) (rdf.Term, error) {
	s, err := simpleString(t)
	if err != nil {
		return nil, err
	}
	d := h()
	d.Write([]byte(s))
	return rdf.NewLiteral(hex.EncodeToString(d.Sum(nil))), nil
}
