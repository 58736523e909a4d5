package w3c

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/turtle"
)

func TestReadNQuadsFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.nq")
	doc := "# comment\n<http://ex/s> <http://ex/p> \"a\\\"b\\u00E9\"@en <http://ex/g> .\n\n" +
		"_:x <http://ex/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n" +
		"_:x.y <http://ex/p> _:z.\n"
	os.WriteFile(path, []byte(doc), 0o644)
	qs, err := ReadNQuadsFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []rdf.Quad{
		{Subject: rdf.IRI("http://ex/s"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.NewLangLiteral("a\"bé", "en"), Graph: rdf.IRI("http://ex/g")},
		{Subject: rdf.BlankNode("bx"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.NewTypedLiteral("1", rdf.XSDInteger)},
		{Subject: rdf.BlankNode("bx.y"), Predicate: rdf.IRI("http://ex/p"), Object: rdf.BlankNode("bz")},
	}
	if len(qs) != len(want) {
		t.Fatalf("got %d quads: %v", len(qs), qs)
	}
	for i := range want {
		if qs[i] != want[i] {
			t.Errorf("quad %d = %v, want %v", i, qs[i], want[i])
		}
	}
	for _, bad := range []string{"<http://ex/s> <http://ex/p> .\n", "<http://ex/s> <http://ex/p> \"x\\q\" .\n", "<http://ex/s> <http://ex/p> <http://ex/o>\n"} {
		os.WriteFile(path, []byte(bad), 0o644)
		if _, err := ReadNQuadsFile(path); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestCompareResult(t *testing.T) {
	path := filepath.Join(t.TempDir(), "want.nt")
	os.WriteFile(path, []byte("_:a <http://ex/p> \"o\" .\n"), 0o644)
	tc := Test{Result: path}
	got, err := ReadAll(turtle.NewReader(strings.NewReader(`[] <http://ex/p> "o" .`), rdf.ReadOptions{}))
	if err != nil || len(got) != 1 {
		t.Fatalf("ReadAll: %v, %v", got, err)
	}
	if err := CompareResult(tc, got); err != nil {
		t.Errorf("isomorphic graphs: %v", err)
	}
	got[0].Object = rdf.NewLiteral("other")
	if err := CompareResult(tc, got); err == nil {
		t.Error("different graphs: no error")
	}
}
