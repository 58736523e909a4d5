package triplestore

import (
	"context"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/uitwisselingsplatform/uwp/rdf"
)

// TestSpace_Report loads UWP_SPACE_NT (an N-Triples file) and logs the bytes each bucket
// takes per triple. A measuring tool for layout work: skipped unless the variable is set.
func TestSpace_Report(t *testing.T) {
	path := os.Getenv("UWP_SPACE_NT")
	if path == "" {
		t.Skip("set UWP_SPACE_NT to an N-Triples file")
	}
	s := openTemp(t)
	defer s.Close()
	src := LoadSource{Name: path, Format: rdf.NTriples, Open: func() (io.ReadCloser, error) { return os.Open(path) }}
	st, err := s.Load(context.Background(), []LoadSource{src}, LoadOptions{TempDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	n := float64(st.Statements)
	size, _ := s.Size()
	t.Logf("%d triples, file %.1f bytes/triple, load %v (read %v, write %v, swap %v)", st.Statements, float64(size)/n, st.Elapsed, st.ReadPhase, st.WritePhase, st.SwapPhase)
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	t.Logf("CPU user %.2fs sys %.2fs", time.Duration(ru.Utime.Nano()).Seconds(), time.Duration(ru.Stime.Nano()).Seconds())
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "VmHWM") {
				t.Log(l)
			}
		}
	}
	if more := os.Getenv("UWP_SPACE_MORE"); more != "" {
		src := LoadSource{Name: more, Format: rdf.NTriples, Open: func() (io.ReadCloser, error) { return os.Open(more) }}
		st, err := s.Load(context.Background(), []LoadSource{src}, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		size, _ := s.Size()
		t.Logf("incremental: %d more triples (%d new) in %v: %.0f triples/s; file now %.1f bytes/triple",
			st.Statements, st.Added, st.Elapsed, float64(st.Statements)/st.Elapsed.Seconds(), float64(size)/(n+float64(st.Added)))
		if b, err := os.ReadFile("/proc/self/status"); err == nil {
			for _, l := range strings.Split(string(b), "\n") {
				if strings.HasPrefix(l, "VmHWM") {
					t.Log("after incremental ", l)
				}
			}
		}
	}
	if os.Getenv("UWP_SPACE_CHECK") != "" {
		if err := s.Check(); err != nil {
			t.Fatal(err)
		}
		t.Log("Check passed")
	}
	h, err := s.acquire()
	if err != nil {
		t.Fatal(err)
	}
	defer s.release(h)
	db := h.db
	db.View(func(tx *bolt.Tx) error {
		t.Logf("free pages %d, pending %d, page size %d: %.1f B/triple free", db.Stats().FreePageN, db.Stats().PendingPageN, db.Info().PageSize, float64(db.Stats().FreePageN*db.Info().PageSize)/n)
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			bs := b.Stats()
			alloc := bs.BranchAlloc + bs.LeafAlloc
			inuse := bs.BranchInuse + bs.LeafInuse
			t.Logf("%-6s keys %9d  alloc %6.1f B/triple  inuse %6.1f B/triple", name, bs.KeyN, float64(alloc)/n, float64(inuse)/n)
			return nil
		})
	})
}
