package jsonld

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

func TestReader_RemoteContextRefused(t *testing.T) {
	doc := `{"@context": "https://schema.org/", "name": "x"}`
	_, err := readAll(t, NewReader(strings.NewReader(doc), rdf.ReadOptions{}))
	if !errors.Is(err, ErrRemoteContext) {
		t.Fatalf("got %v, want ErrRemoteContext", err)
	}
	var je *Error
	if !errors.As(err, &je) || je.Pointer != "/@context" || je.Code != "loading remote context failed" || !je.Fatal {
		t.Errorf("got %#v", je)
	}
	if !strings.Contains(err.Error(), "https://schema.org/") {
		t.Errorf("the error does not name the URL: %v", err)
	}
	// Supplied, the same context works without the network.
	qs, err := readAll(t, NewReaderWithContexts(strings.NewReader(doc), rdf.ReadOptions{Base: "http://example.org/"},
		map[string][]byte{"https://schema.org/": []byte(`{"@context": {"@vocab": "https://schema.org/"}}`)}))
	if err != nil || len(qs) != 1 || qs[0].Predicate != rdf.IRI("https://schema.org/name") {
		t.Errorf("got %v, %v", qs, err)
	}
}

func TestReader_BadSuppliedContext(t *testing.T) {
	doc := `{"@context": "http://example.org/ctx", "p": "x"}`
	for _, ctx := range []string{`{"@context": `, `[1]`, `{"@context": {"p": 5}}`} {
		_, err := readAll(t, NewReaderWithContexts(strings.NewReader(doc), rdf.ReadOptions{},
			map[string][]byte{"http://example.org/ctx": []byte(ctx)}))
		var je *Error
		if !errors.As(err, &je) {
			t.Errorf("context %s: got %v", ctx, err)
		}
	}
}

func TestReader_FatalErrorRepeats(t *testing.T) {
	r := NewReader(strings.NewReader(`{"@id": 5}`), rdf.ReadOptions{})
	_, err1 := r.Read()
	_, err2 := r.Read()
	if err1 == nil || err1 != err2 {
		t.Errorf("got %v then %v", err1, err2)
	}
}

func TestReader_IOError(t *testing.T) {
	boom := errors.New("boom")
	_, err := readAll(t, NewReader(iotest.ErrReader(boom), rdf.ReadOptions{}))
	if !errors.Is(err, boom) {
		t.Errorf("got %v", err)
	}
}

func TestReader_StartLine(t *testing.T) {
	_, err := readAll(t, NewReader(strings.NewReader("{\n  \"a\": ]"), rdf.ReadOptions{File: "x.jsonld", Line: 10}))
	if err == nil || err.Error() != "x.jsonld:11:8: invalid JSON: invalid character ']' looking for beginning of value" {
		t.Errorf("got %v", err)
	}
}

func TestReader_ColumnCountsRunes(t *testing.T) {
	_, err := readAll(t, NewReader(strings.NewReader(`{"é€": x}`), rdf.ReadOptions{}))
	var se *rdf.SyntaxError
	if !errors.As(err, &se) || se.Line != 1 || se.Col != 8 {
		t.Errorf("got %v", err)
	}
}

func TestReader_NoBaseDropsRelative(t *testing.T) {
	doc := `{"@id": "rel", "http://example.org/p": [{"@id": "other"}, "kept"]}`
	qs, err := readAll(t, NewReader(strings.NewReader(doc), rdf.ReadOptions{}))
	if err != nil || len(qs) != 0 {
		t.Errorf("relative subject: got %v, %v", qs, err)
	}
	doc = `{"@id": "http://example.org/s", "http://example.org/p": [{"@id": "other"}, "kept"]}`
	qs, err = readAll(t, NewReader(strings.NewReader(doc), rdf.ReadOptions{}))
	if err != nil || len(qs) != 1 || qs[0].Object != rdf.NewLiteral("kept") {
		t.Errorf("relative object: got %v, %v", qs, err)
	}
}

func TestReader_Duplicates(t *testing.T) {
	doc := `[{"@id": "http://example.org/s", "http://example.org/p": ["a", "a"]},
	         {"@id": "http://example.org/s", "http://example.org/p": "a"}]`
	qs, err := readAll(t, NewReader(strings.NewReader(doc), rdf.ReadOptions{}))
	if err != nil || len(qs) != 1 {
		t.Errorf("got %v, %v", qs, err)
	}
}

func TestReader_EOFAfterEnd(t *testing.T) {
	r := NewReader(strings.NewReader(`{}`), rdf.ReadOptions{})
	for i := 0; i < 2; i++ {
		if _, err := r.Read(); err != io.EOF {
			t.Fatalf("Read %d: %v", i, err)
		}
	}
}

func TestPointerOffset(t *testing.T) {
	data := []byte(`{"a": [1, {"b/c": "x", "~d": [ "y" ]}], "e": {"a": 2}}`)
	for ptr, want := range map[string]string{
		"":            `{"a"`,
		"/a":          `[1,`,
		"/a/0":        `1,`,
		"/a/1":        `{"b/c"`,
		"/a/1/b~1c":   `"x"`,
		"/a/1/~0d/0":  `"y"`,
		"/e/a":        `2}`,
		"/missing":    "",
		"/a/7":        "",
		"/a/1/b~1c/0": "",
	} {
		off, ok := pointerOffset(data, ptr)
		got := ""
		if ok {
			got = string(data[off : off+int64(len(want))])
		}
		if got != want {
			t.Errorf("%q: got %q, want %q", ptr, got, want)
		}
	}
}

func TestLocate(t *testing.T) {
	doc := map[string]any{"a": []any{1.0, map[string]any{"@type": "T", "bad": 2.0, "good": 3.0}, 4.0}}
	// "fails" when a 2.0 is left anywhere in the pruned document and the object keeps its @type.
	var has func(any) bool
	has = func(v any) bool {
		switch x := v.(type) {
		case float64:
			return x == 2
		case []any:
			for _, e := range x {
				if has(e) {
					return true
				}
			}
		case map[string]any:
			if _, ok := x["bad"]; ok && x["@type"] != "T" {
				return false
			}
			for _, e := range x {
				if has(e) {
					return true
				}
			}
		}
		return false
	}
	if got := locate(doc, has); got != "/a/1/bad" {
		t.Errorf("got %q", got)
	}
}

func TestLocate_Budget(t *testing.T) {
	var doc any = "leaf"
	for i := 0; i < 2*locateBudget; i++ {
		doc = map[string]any{"k": doc}
	}
	calls := 0
	locate(doc, func(any) bool { calls++; return true })
	if calls > locateBudget {
		t.Errorf("%d calls", calls)
	}
}

func TestReader_ByteOrderMark(t *testing.T) {
	qs, err := readAll(t, NewReader(strings.NewReader("\xef\xbb\xbf"+`{"@id": "http://example.org/s", "http://example.org/p": "o"}`), rdf.ReadOptions{}))
	if err != nil || len(qs) != 1 {
		t.Errorf("got %v, %v", qs, err)
	}
}

func TestReader_ContextURLVariants(t *testing.T) {
	contexts := map[string][]byte{"https://schema.org/": []byte(`{"@context": {"@vocab": "https://schema.org/"}}`)}
	for _, url := range []string{"https://schema.org/", "https://schema.org", "http://schema.org", "http://schema.org/"} {
		doc := `{"@context": "` + url + `", "@id": "http://example.org/s", "name": "x"}`
		qs, err := readAll(t, NewReaderWithContexts(strings.NewReader(doc), rdf.ReadOptions{}, contexts))
		if err != nil || len(qs) != 1 {
			t.Errorf("%s: got %v, %v", url, qs, err)
		}
	}
	doc := `{"@context": "https://schema.org/other", "name": "x"}`
	if _, err := readAll(t, NewReaderWithContexts(strings.NewReader(doc), rdf.ReadOptions{}, contexts)); !errors.Is(err, ErrRemoteContext) {
		t.Errorf("got %v", err)
	}
}
