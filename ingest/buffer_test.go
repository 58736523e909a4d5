package ingest

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// TestRecordBuffer_Read: the quads of a good record come out in order, a bad record's quads
// never do, reading goes on after a bad record, and a fatal error sticks.
func TestRecordBuffer_Read(t *testing.T) {
	var b RecordBuffer
	q := func(s string) rdf.Quad {
		return rdf.Quad{Subject: rdf.IRI("https://x/" + s), Predicate: rdf.RDFType, Object: rdf.IRI("https://x/C")}
	}
	records := []func() error{
		func() error { b.Add(q("a1"), q("a2")); return nil },
		func() error { return nil }, // a record with no quads
		func() error { b.Add(q("bad")); return &Error{Row: 3, Msg: "bad"} },
		func() error { b.Add(q("c1")); return nil },
		func() error { return &Error{Row: 5, Msg: "broken", Fatal: true} },
		func() error { t.Fatal("fill called after a fatal error"); return nil },
	}
	i := 0
	fill := func() error { i++; return records[i-1]() }
	var got []string
	for n := 0; n < 10; n++ {
		q, err := b.Read(fill)
		var e *Error
		switch {
		case err == nil:
			got = append(got, string(q.Subject.(rdf.IRI))[len("https://x/"):])
		case errors.As(err, &e):
			got = append(got, e.Msg)
		default:
			t.Fatalf("error %v", err)
		}
	}
	want := "a1 a2 bad c1 broken broken broken broken broken broken"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("got %s\nwant %s", s, want)
	}
	if b.Count.Quads != 3 {
		t.Errorf("%d quads counted, want 3", b.Count.Quads)
	}
	var end RecordBuffer
	if _, err := end.Read(func() error { return io.EOF }); err != io.EOF {
		t.Errorf("end: %v", err)
	}
}
