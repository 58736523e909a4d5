// Command gen writes the vocab packages: one package per namespace of table.go, the namespace
// list vocab/namespaces_gen.go and, for OSLO Cultuurparticipatie, the terms read from the
// vocabulary file with their Dutch labels and comments as doc comments.
//
// Run it with go generate ./vocab/... The vocabulary is found as -voc, else under $UWP_OSLO_DIR,
// else as ../shared/oslo relative to the repository root; it is read, never copied.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	voc := flag.String("voc", "", "OSLO Cultuurparticipatie vocabulary (Turtle); default: the shared OSLO directory")
	out := flag.String("out", "", "vocab directory to write into; default: vocab/ of the repository")
	flag.Parse()
	if err := run(*voc, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(voc, out string) error {
	root, err := repoRoot()
	if err != nil {
		return err
	}
	if voc == "" {
		voc = filepath.Join(osloDir(root), "cultuurparticipatie", "cultuurparticipatie-voc.ttl")
	}
	if out == "" {
		out = filepath.Join(root, "vocab")
	}
	files, err := generate(voc)
	if err != nil {
		return err
	}
	for name, src := range files {
		path := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, src, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// osloDir is $UWP_OSLO_DIR or ../shared/oslo beside the repository root.
func osloDir(root string) string {
	if d := os.Getenv("UWP_OSLO_DIR"); d != "" {
		return d
	}
	return filepath.Join(root, "..", "shared", "oslo")
}

// repoRoot walks up from the working directory to the directory holding go.mod.
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
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
