package rdftest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the W3C test tree: $UWP_W3C_DIR if set, else ../shared/w3c relative to the
// directory holding go.mod (found by walking up from the working directory). When the tree
// is missing the test is skipped, or fails under CI=true.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("UWP_W3C_DIR")
	if dir == "" {
		root, err := repoRoot()
		if err != nil {
			missing(tb, err.Error())
			return ""
		}
		dir = filepath.Join(root, "..", "shared", "w3c")
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		missing(tb, "W3C test suite not found at "+dir+" (set UWP_W3C_DIR)")
		return ""
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		tb.Fatal(err)
	}
	return abs
}

func missing(tb testing.TB, msg string) {
	tb.Helper()
	if os.Getenv("CI") == "true" {
		tb.Fatal(msg)
	}
	tb.Skip(msg)
}

func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
