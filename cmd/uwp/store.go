package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/uitwisselingsplatform/uwp/triplestore"
)

// storeFile is the store's file inside the data directory.
const storeFile = "uwp.db"

// storePath returns the store file of a data directory.
func storePath(dataDir string) string { return filepath.Join(dataDir, storeFile) }

// openStore opens the store in dataDir. Writers create the directory and the file; readers
// get (nil, nil) when there is no store yet, which every command treats as an empty store.
func openStore(dataDir string, write bool) (*triplestore.Store, error) {
	p := storePath(dataDir)
	if !write {
		if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
	} else if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return nil, err
	}
	s, err := triplestore.Open(p, &triplestore.Options{ReadOnly: !write, Timeout: 2 * time.Second})
	if err != nil {
		// bbolt locks the file: a timeout here most likely means a running `uwp serve`.
		return nil, fmt.Errorf("opening the store %s (is another uwp process using it?): %w", p, err)
	}
	return s, nil
}
