package w3c

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the root of the W3C suites (the directory holding rdf/ and sparql/). It looks
// at $UWP_W3C_DIR, else at ../shared/w3c relative to the directory holding go.mod (found by
// walking up from the working directory). A missing suite skips the test, or fails it when
// CI=true.
func Dir(t testing.TB) string {
	t.Helper()
	dir, ok := Find()
	if ok {
		return dir
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("W3C test suite not found (looked at %q; set UWP_W3C_DIR)", dir)
	}
	t.Skipf("W3C test suite not found (looked at %q; set UWP_W3C_DIR)", dir)
	return ""
}

// Find looks for the suite as Dir does, without a test: it returns the absolute directory
// and true, or the place it looked and false. Fuzz targets use it to seed their corpus.
func Find() (string, bool) {
	dir := os.Getenv("UWP_W3C_DIR")
	if dir == "" {
		if root, ok := moduleRoot(); ok {
			dir = filepath.Join(root, "..", "shared", "w3c")
		}
	}
	if dir != "" {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			if abs, err := filepath.Abs(dir); err == nil {
				return abs, true
			}
		}
	}
	return dir, false
}

func moduleRoot() (string, bool) {
	wd, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for d := wd; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d, true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", false
		}
		d = parent
	}
}
