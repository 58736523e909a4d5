package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"sync"
)

// pageCache keeps rendered resource documents of the current data version, up to a byte
// budget: a popular page is rendered once per data version. Bodies are kept gzip-compressed
// (a page shrinks about 4x, so the budget holds 4x the pages, and a client that accepts gzip
// gets them without any compression work); a client that does not is served a decompressed
// copy, which costs a small fraction of rendering. A new data version empties the cache;
// reaching the budget evicts entries at random (Go's map order) until the new one fits, so
// the hit rate under uniform traffic stays near budget/working set instead of halving as it
// does when the whole cache is dropped.
type pageCache struct {
	mu      sync.Mutex
	version uint64
	m       map[string]cachedPage
	bytes   int
	budget  int // of m (the rest of the configured bytes is plainBudget)
	store   interface{ DataVersion() uint64 }

	// plain holds decompressed copies of compressed pages served to clients without gzip,
	// within plainBudget (evicted at random): a popular page then costs them no
	// decompression either. An entry lives only while its page is in m.
	plain       map[string][]byte
	plainBytes  int
	plainBudget int
}

// plainShare is the part of the budget given to decompressed copies (1/16: 2 MiB of the
// default 32, ~170 pages of 12 KB — the popular ones, not the working set).
const plainShare = 16

// cachedPage is one rendered document; body is gzip data when gz is set (bodies under
// gzipMin bytes are kept as they are).
type cachedPage struct {
	contentType string
	body        []byte
	gz          bool
	size        int // the uncompressed length when gz
}

// gzipMin is the body size below which compression does not pay (the gzip middleware's too).
const gzipMin = 512

func newPageCache(store interface{ DataVersion() uint64 }, budget int) *pageCache {
	c := &pageCache{store: store, budget: budget, m: map[string]cachedPage{}, plain: map[string][]byte{}}
	if budget > 0 {
		c.plainBudget = budget / plainShare
		c.budget -= c.plainBudget
	}
	return c
}

// reset empties the cache for data version v.
func (c *pageCache) reset(v uint64) {
	c.version, c.m, c.bytes = v, map[string]cachedPage{}, 0
	c.plain, c.plainBytes = map[string][]byte{}, 0
}

// getPlain returns the decompressed copy of the page under key, if one is kept.
func (c *pageCache) getPlain(key string) ([]byte, bool) {
	if !c.enabled() {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	b, ok := c.plain[key]
	return b, ok
}

// putPlain keeps body, the decompressed page under key, while that page is cached (get
// returned it in this data version) and the copy fits plainBudget.
func (c *pageCache) putPlain(key string, body []byte) {
	size := len(body) + len(key)
	if !c.enabled() || size > c.plainBudget/8 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[key]; !ok {
		return
	}
	if _, ok := c.plain[key]; ok {
		return
	}
	for k, old := range c.plain {
		if c.plainBytes+size <= c.plainBudget {
			break
		}
		delete(c.plain, k)
		c.plainBytes -= len(old) + len(k)
	}
	c.plain[key] = body
	c.plainBytes += size
}

func (c *pageCache) enabled() bool { return c != nil && c.budget > 0 }

func (c *pageCache) get(key string) (cachedPage, bool) {
	if c == nil || c.budget <= 0 {
		return cachedPage{}, false
	}
	v := c.store.DataVersion()
	c.mu.Lock()
	defer c.mu.Unlock()
	if v != c.version {
		c.reset(v)
		return cachedPage{}, false
	}
	p, ok := c.m[key]
	return p, ok
}

// put stores a page rendered at data version v (read before rendering, so that a page
// rendered across a change is dropped rather than served as the new version's).
func (c *pageCache) put(key string, v uint64, p cachedPage) {
	size := len(p.body) + len(key)
	if c == nil || c.budget <= 0 || size > c.budget/16 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v != c.version {
		if v < c.version {
			return
		}
		c.reset(v)
	}
	if _, ok := c.m[key]; ok {
		return
	}
	for k, old := range c.m {
		if c.bytes+size <= c.budget {
			break
		}
		delete(c.m, k)
		c.bytes -= len(old.body) + len(k)
		if b, ok := c.plain[k]; ok {
			delete(c.plain, k)
			c.plainBytes -= len(b) + len(k)
		}
	}
	c.m[key] = p
	c.bytes += size
}

var (
	gzipWriters = sync.Pool{New: func() any {
		w, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
		return w
	}}
	gzipReaders sync.Pool // *gzip.Reader
)

// compressPage makes the cache entry of a rendered body: gzip at the fastest level (the
// pages are small and repetitive; level 1 keeps most of the ratio at a fraction of the cost).
func compressPage(ct string, body []byte) cachedPage {
	if len(body) < gzipMin {
		return cachedPage{contentType: ct, body: bytes.Clone(body)}
	}
	var b bytes.Buffer
	b.Grow(len(body)/3 + 64)
	w := gzipWriters.Get().(*gzip.Writer)
	w.Reset(&b)
	_, _ = w.Write(body) // writes to a bytes.Buffer do not fail
	_ = w.Close()
	gzipWriters.Put(w)
	return cachedPage{contentType: ct, body: b.Bytes(), gz: true, size: len(body)}
}

// plain returns the page's body uncompressed.
func (p cachedPage) plain() ([]byte, error) {
	if !p.gz {
		return p.body, nil
	}
	r, _ := gzipReaders.Get().(*gzip.Reader)
	var err error
	if r == nil {
		r, err = gzip.NewReader(bytes.NewReader(p.body))
	} else {
		err = r.Reset(bytes.NewReader(p.body))
	}
	if err != nil {
		return nil, err
	}
	out := make([]byte, p.size)
	_, err = io.ReadFull(r, out)
	gzipReaders.Put(r)
	return out, err
}
