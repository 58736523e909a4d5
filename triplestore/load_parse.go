package triplestore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/uitwisselingsplatform/uwp/rdf"
	"github.com/uitwisselingsplatform/uwp/rdf/nt"
)

// parsed is a batch of statements of one source, delivered in document order.
type parsed struct {
	src   int
	quads []rdf.Quad
	// errs are the non-fatal syntax errors of the batch, in order (lenient loads go on).
	errs []error
	// err stops the load: a fatal syntax error, a non-fatal one in a strict load, an I/O
	// error, or cancellation.
	err error
}

const seqBatch = 8192 // statements per batch from a sequential reader

// parseSources reads the sources in order and returns their batches in document order.
// Each element of the returned channel is a channel that will deliver one batch; the
// channel closes after the last batch or after a batch carrying err.
func parseSources(ctx context.Context, srcs []LoadSource, opts LoadOptions, prog *loadCounters) <-chan chan parsed {
	out := make(chan chan parsed, 2*opts.Workers+2)
	type job struct {
		src  int
		data []byte
		line int
		res  chan parsed
	}
	jobs := make(chan job, opts.Workers)
	pool := sync.Pool{New: func() any { return make([]byte, 0, opts.ChunkSize+opts.ChunkSize/4) }}
	var wg sync.WaitGroup
	for w := 0; w < opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				src := &srcs[j.src]
				ro := rdf.ReadOptions{Base: src.Base, File: src.Name, Line: j.line}
				var r rdf.Reader
				if src.Format == rdf.NQuads {
					r = nt.NewQuadsReader(bytes.NewReader(j.data), ro)
				} else {
					r = nt.NewReader(bytes.NewReader(j.data), ro)
				}
				p := safeReadAll(ctx, r, j.src, opts.Lenient, prog, -1)
				pool.Put(j.data[:0]) //nolint:staticcheck // slices are fine in a pool here
				j.res <- p
			}
		}()
	}
	go func() {
		defer func() {
			close(jobs)
			wg.Wait()
			close(out)
		}()
		send := func(p parsed) bool {
			ch := make(chan parsed, 1)
			ch <- p
			select {
			case out <- ch:
				return true
			case <-ctx.Done():
				return false
			}
		}
		// readSeq reads a sequential reader in batches; false: the load stops.
		readSeq := func(r rdf.Reader, i int) bool {
			for {
				p := safeReadAll(ctx, r, i, opts.Lenient, prog, seqBatch)
				last := p.err != nil || len(p.quads) < seqBatch
				if p.err == io.EOF {
					p.err = nil
				}
				if !send(p) || p.err != nil {
					return false
				}
				if last {
					return true
				}
			}
		}
		for i := range srcs {
			src := &srcs[i]
			prog.source.Store(src.Name)
			if src.Reader != nil {
				if !readSeq(src.Reader, i) {
					return
				}
				continue
			}
			rc, err := src.Open()
			if err != nil {
				send(parsed{src: i, err: fmt.Errorf("triplestore: open %s: %w", src.Name, err)})
				return
			}
			rd := &countingReader{r: rc, n: &prog.bytes}
			var ok bool
			if src.Format == rdf.NTriples || src.Format == rdf.NQuads {
				ok = func() bool {
					line := 1
					var carry []byte
					for {
						buf := pool.Get().([]byte)[:0]
						buf = append(buf, carry...)
						eof := false
						hasNL := bytes.IndexByte(buf, '\n') >= 0
						// Fill up to ChunkSize and at least one LF, then cut after the last LF.
						for !eof && (len(buf) < opts.ChunkSize || !hasNL) {
							if cap(buf)-len(buf) < 16 {
								nb := make([]byte, len(buf), 2*cap(buf)+16)
								copy(nb, buf)
								buf = nb
							}
							n, err := rd.Read(buf[len(buf):cap(buf)])
							buf = buf[:len(buf)+n]
							if !hasNL && bytes.IndexByte(buf[len(buf)-n:], '\n') >= 0 {
								hasNL = true
							}
							if err == io.EOF {
								eof = true
							} else if err != nil {
								send(parsed{src: i, err: fmt.Errorf("triplestore: read %s: %w", src.Name, err)})
								return false
							}
						}
						cut := len(buf)
						if !eof {
							cut = bytes.LastIndexByte(buf, '\n') + 1
						}
						carry = append(carry[:0], buf[cut:]...)
						chunk := buf[:cut]
						if len(chunk) > 0 {
							ch := make(chan parsed, 1)
							select {
							case jobs <- job{src: i, data: chunk, line: line, res: ch}:
							case <-ctx.Done():
								return false
							}
							select {
							case out <- ch:
							case <-ctx.Done():
								return false
							}
							line += bytes.Count(chunk, []byte{'\n'})
						}
						if eof {
							return true
						}
					}
				}()
			} else {
				ok = func() bool {
					r, err := opts.NewReader(src.Format, rd, rdf.ReadOptions{Base: src.Base, File: src.Name})
					if err != nil {
						send(parsed{src: i, err: fmt.Errorf("triplestore: %s: %w", src.Name, err)})
						return false
					}
					return readSeq(r, i)
				}()
			}
			rc.Close()
			if !ok {
				return
			}
		}
	}()
	return out
}

// readAll reads up to max statements (all when max < 0). A sequential caller sees io.EOF
// in err only when max >= 0 and the input ended before max... it is cleared by the caller.
func readAll(ctx context.Context, r rdf.Reader, src int, lenient bool, prog *loadCounters, max int) parsed {
	p := parsed{src: src}
	for max < 0 || len(p.quads) < max {
		q, err := r.Read()
		if err == nil {
			p.quads = append(p.quads, q)
			if len(p.quads)&1023 == 0 {
				prog.statements.Add(1024)
				if ctx.Err() != nil {
					p.err = errCanceled
					return p
				}
			}
			continue
		}
		if err == io.EOF {
			if max >= 0 {
				p.err = io.EOF
			}
			break
		}
		var se *rdf.SyntaxError
		if lenient && errors.As(err, &se) && !se.Fatal {
			p.errs = append(p.errs, err)
			continue
		}
		p.err = err
		break
	}
	prog.statements.Add(uint64(len(p.quads) & 1023))
	return p
}

// safeReadAll is readAll turning a reader's panic into an error: parsing runs on goroutines
// of its own, where a panic would end the program.
func safeReadAll(ctx context.Context, r rdf.Reader, src int, lenient bool, prog *loadCounters, max int) (p parsed) {
	defer func() {
		if v := recover(); v != nil {
			p = parsed{src: src, err: fmt.Errorf("triplestore: reader panicked: %v", v)}
		}
	}()
	return readAll(ctx, r, src, lenient, prog, max)
}

type countingReader struct {
	r io.Reader
	n interface{ Add(int64) int64 }
}

func (c *countingReader) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	c.n.Add(int64(n))
	return n, err
}

// drain consumes what is left of the batches so that the parsing goroutines end.
func drain(batches <-chan chan parsed) {
	for ch := range batches {
		<-ch
	}
}
