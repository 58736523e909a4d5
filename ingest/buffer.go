package ingest

import (
	"errors"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// RecordBuffer is the record-at-a-time core the adapters' Readers share: it holds the quads
// of the record being read and hands them out one at a time, so that a bad record gives no
// quads at all. The zero value is ready to use.
type RecordBuffer struct {
	// Count is what Stats reports: Read counts Quads; the adapter counts Records and Failed.
	Count Stats
	quads []rdf.Quad
	pos   int
	fatal error
}

// Add appends quads of the record being read.
func (b *RecordBuffer) Add(qs ...rdf.Quad) { b.quads = append(b.quads, qs...) }

// Read returns the next quad of the current record. When they are used up it calls fill,
// which reads one more record and Adds its quads (nil: the record may have given none, and
// fill is called again), returns io.EOF at the end of the input, or returns an error for a
// bad record: Read drops what fill added and returns the error. After an error that is a
// Fatal *Error, every later Read returns it again without calling fill.
func (b *RecordBuffer) Read(fill func() error) (rdf.Quad, error) {
	for b.pos >= len(b.quads) {
		if b.fatal != nil {
			return rdf.Quad{}, b.fatal
		}
		b.quads, b.pos = b.quads[:0], 0
		if err := fill(); err != nil {
			b.quads = b.quads[:0]
			var e *Error
			if errors.As(err, &e) && e.Fatal {
				b.fatal = err
			}
			return rdf.Quad{}, err
		}
	}
	q := b.quads[b.pos]
	b.pos++
	b.Count.Quads++
	return q, nil
}
