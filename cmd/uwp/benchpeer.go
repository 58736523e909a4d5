package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/viper"

	"github.com/uitwisselingsplatform/uwp/engine"
	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/formats"
	"github.com/uitwisselingsplatform/uwp/sparql"
	"github.com/uitwisselingsplatform/uwp/triplestore"
)

func init() {
	register(&command{
		name: "benchpeer",
		args: "DATA.nt REPS WARMUP TIMEOUT_S Q.rq...",
		summary: `Speak the peer protocol of ../shared/bench (used by scripts/bench-peer.sh).
Loads DATA.nt into the store in --data (which should be empty) and prints LOAD, RSS and META
lines, then one Q line per query.`,
		run: runBenchPeer,
	})
}

func runBenchPeer(ctx context.Context, cfg *viper.Viper, args []string, e *env) error {
	if len(args) < 4 {
		return fmt.Errorf("%w: need DATA.nt REPS WARMUP TIMEOUT_S [Q.rq...]", errUsage)
	}
	data, queries := args[0], args[4:]
	for _, a := range args[1:4] {
		if _, err := strconv.Atoi(a); err != nil {
			return fmt.Errorf("%w: REPS, WARMUP and TIMEOUT_S are integers, got %q", errUsage, a)
		}
	}
	dir := cfg.GetString("data")
	s, err := openStore(dir, true)
	if err != nil {
		return err
	}
	defer s.Close()
	f, _, ok := formats.Detect(data)
	if !ok {
		f = rdf.NTriples
	}
	start := time.Now()
	st, err := s.Load(ctx, []triplestore.LoadSource{{
		Name: data, Format: f,
		Open: func() (io.ReadCloser, error) { return formats.Open(data) },
	}}, triplestore.LoadOptions{NewReader: formats.NewReader, TempDir: dir})
	if err != nil {
		return err
	}
	el := time.Since(start)
	fmt.Fprintf(e.stdout, "LOAD\t%.3f\t%d\n", el.Seconds(), st.Statements)
	fmt.Fprintf(e.stdout, "RSS\tload\t%d\n", maxRSSkB())
	if size, err := s.Size(); err == nil {
		fmt.Fprintf(e.stdout, "META\tdbsize_mb\t%d\n", size>>20)
		fmt.Fprintf(e.stdout, "META\tbytes_per_triple\t%.1f\n", float64(size)/float64(max(st.Statements, 1)))
	}
	timeout, _ := strconv.Atoi(args[3])
	reps, _ := strconv.Atoi(args[1])
	warmup, _ := strconv.Atoi(args[2])
	for _, qf := range queries {
		name := strings.TrimSuffix(filepath.Base(qf), ".rq")
		src, err := os.ReadFile(qf)
		if err != nil {
			return err
		}
		var times []string
		count, status := int64(-1), "ok"
		for r := 0; r < warmup+reps; r++ {
			t0 := time.Now()
			n, err := benchQuery(ctx, s, string(src), formats.FileURL(qf), time.Duration(timeout)*time.Second)
			el := time.Since(t0)
			if err != nil {
				count, times = -1, nil
				status = strings.ReplaceAll(strings.ReplaceAll(err.Error(), "\t", " "), "\n", " ")
				if errors.Is(err, context.DeadlineExceeded) {
					status = fmt.Sprintf("timeout after %ds", timeout)
				}
				break
			}
			count = n
			if r >= warmup {
				times = append(times, fmt.Sprintf("%.3f", float64(el.Microseconds())/1000))
			}
		}
		fmt.Fprintf(e.stdout, "Q\t%s\t%d\t%s\t%s\n", name, count, strings.Join(times, ","), status)
	}
	fmt.Fprintf(e.stdout, "RSS\tqueries\t%d\n", maxRSSkB())
	return nil
}

// benchQuery runs one query in a read transaction and counts its answer as the bench protocol
// says: rows for SELECT (every value decoded), 1/0 for ASK, distinct triples for CONSTRUCT and
// DESCRIBE.
func benchQuery(ctx context.Context, s *triplestore.Store, src, base string, timeout time.Duration) (int64, error) {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	var n int64
	err := s.View(func(tx *triplestore.Tx) error {
		res, err := sparql.Query(ctx, engine.New(tx), src, sparql.Options{Base: base})
		if err != nil {
			return err
		}
		defer res.Close()
		switch {
		case res.Solutions != nil:
			for res.Solutions.Next() {
				n++
			}
			return res.Solutions.Err()
		case res.Triples != nil:
			seen := map[rdf.Quad]struct{}{}
			for res.Triples.Next() {
				seen[res.Triples.Quad()] = struct{}{}
			}
			n = int64(len(seen))
			return res.Triples.Err()
		default:
			if res.Boolean {
				n = 1
			}
			return nil
		}
	})
	return n, err
}

// maxRSSkB is the peak resident set size of this process in kB (Linux reports ru_maxrss in kB).
func maxRSSkB() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return int64(ru.Maxrss)
}
