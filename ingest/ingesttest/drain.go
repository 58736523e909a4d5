package ingesttest

import (
	"errors"
	"io"
	"testing"

	"github.com/uitwisselingsplatform/uwp/ingest"
	"github.com/uitwisselingsplatform/uwp/rdf"
)

// maxReads bounds Drain: a reader that has not ended by then never will.
const maxReads = 10_000_000

// Drain reads r to io.EOF or to a fatal *ingest.Error, calling check with every quad. It
// fails t on an error that is not an *ingest.Error and on a reader that does not end.
func Drain(t testing.TB, r ingest.Reader, check func(rdf.Quad)) {
	t.Helper()
	for range maxReads {
		q, err := r.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			var e *ingest.Error
			if !errors.As(err, &e) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if e.Fatal {
				return
			}
			continue
		}
		check(q)
	}
	t.Fatal("no end")
}
