package rdf

import "testing"

// TestResolve_RFC3986Examples checks every example of RFC 3986 sections 5.4.1 and 5.4.2.
func TestResolve_RFC3986Examples(t *testing.T) {
	base := "http://a/b/c/d;p?q"
	cases := []struct{ ref, want string }{
		{"g:h", "g:h"}, {"g", "http://a/b/c/g"}, {"./g", "http://a/b/c/g"}, {"g/", "http://a/b/c/g/"},
		{"/g", "http://a/g"}, {"//g", "http://g"}, {"?y", "http://a/b/c/d;p?y"}, {"g?y", "http://a/b/c/g?y"},
		{"#s", "http://a/b/c/d;p?q#s"}, {"g#s", "http://a/b/c/g#s"}, {"g?y#s", "http://a/b/c/g?y#s"},
		{";x", "http://a/b/c/;x"}, {"g;x", "http://a/b/c/g;x"}, {"g;x?y#s", "http://a/b/c/g;x?y#s"},
		{"", "http://a/b/c/d;p?q"}, {".", "http://a/b/c/"}, {"./", "http://a/b/c/"}, {"..", "http://a/b/"},
		{"../", "http://a/b/"}, {"../g", "http://a/b/g"}, {"../..", "http://a/"}, {"../../", "http://a/"},
		{"../../g", "http://a/g"},
		// abnormal examples
		{"../../../g", "http://a/g"}, {"../../../../g", "http://a/g"}, {"/./g", "http://a/g"},
		{"/../g", "http://a/g"}, {"g.", "http://a/b/c/g."}, {".g", "http://a/b/c/.g"}, {"g..", "http://a/b/c/g.."},
		{"..g", "http://a/b/c/..g"}, {"./../g", "http://a/b/g"}, {"./g/.", "http://a/b/c/g/"},
		{"g/./h", "http://a/b/c/g/h"}, {"g/../h", "http://a/b/c/h"}, {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
		{"g;x=1/../y", "http://a/b/c/y"}, {"g?y/./x", "http://a/b/c/g?y/./x"}, {"g?y/../x", "http://a/b/c/g?y/../x"},
		{"g#s/./x", "http://a/b/c/g#s/./x"}, {"g#s/../x", "http://a/b/c/g#s/../x"}, {"http:g", "http:g"},
	}
	b := NewBase(base)
	for _, c := range cases {
		got, ok := b.Resolve(c.ref)
		if !ok || got != c.want {
			t.Errorf("Resolve(%q) = %q, %v; want %q", c.ref, got, ok, c.want)
		}
	}
}

func TestResolve_NoBase(t *testing.T) {
	if _, ok := NewBase("").Resolve("rel"); ok {
		t.Fatal("relative reference resolved without a base")
	}
	if got, ok := NewBase("").Resolve("http://x/y"); !ok || got != "http://x/y" {
		t.Fatalf("absolute reference: got %q %v", got, ok)
	}
	var nb *Base
	if got, ok := nb.Resolve("urn:x"); !ok || got != "urn:x" {
		t.Fatalf("nil base: got %q %v", got, ok)
	}
}

func TestResolve_EmptyPathWithAuthority(t *testing.T) {
	if got, _ := Resolve("http://example.org", "a"); got != "http://example.org/a" {
		t.Fatalf("got %q", got)
	}
	if got, _ := Resolve("file:///tmp/x.ttl", "y.ttl#a"); got != "file:///tmp/y.ttl#a" {
		t.Fatalf("got %q", got)
	}
}
