// Package shared finds the reference data under ../shared (UiTdatabank fixtures, OSLO
// shapes) for tests: $UWP_SHARED_DIR, else ../shared relative to the directory holding go.mod.
// A missing directory skips the test, or fails it when CI=true.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the absolute path of ../shared/<sub>.
func Dir(t testing.TB, sub string) string {
	t.Helper()
	root := os.Getenv("UWP_SHARED_DIR")
	if root == "" {
		if mod, ok := moduleRoot(); ok {
			root = filepath.Join(mod, "..", "shared")
		}
	}
	dir := filepath.Join(root, sub)
	if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
		if abs, err := filepath.Abs(dir); err == nil {
			return abs
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("reference data %s not found (looked at %q; set UWP_SHARED_DIR)", sub, dir)
	}
	t.Skipf("reference data %s not found (looked at %q; set UWP_SHARED_DIR)", sub, dir)
	return ""
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
