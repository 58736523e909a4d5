package web

import "sync"

// pageCache keeps rendered resource documents of the current data version, up to a byte
// budget: a popular page is rendered once per data version. A new version empties it; so
// does reaching the budget (simple, and pages are cheap to render again).
type pageCache struct {
	mu      sync.Mutex
	version uint64
	m       map[string]cachedPage
	bytes   int
	budget  int
	store   interface{ DataVersion() uint64 }
}

type cachedPage struct {
	contentType string
	body        []byte
}

func newPageCache(store interface{ DataVersion() uint64 }, budget int) *pageCache {
	return &pageCache{store: store, budget: budget, m: map[string]cachedPage{}}
}

func (c *pageCache) get(key string) (cachedPage, bool) {
	if c == nil || c.budget <= 0 {
		return cachedPage{}, false
	}
	v := c.store.DataVersion()
	c.mu.Lock()
	defer c.mu.Unlock()
	if v != c.version {
		c.version, c.m, c.bytes = v, map[string]cachedPage{}, 0
		return cachedPage{}, false
	}
	p, ok := c.m[key]
	return p, ok
}

// put stores a page rendered at data version v (read before rendering, so that a page
// rendered across a change is dropped rather than served as the new version's).
func (c *pageCache) put(key string, v uint64, p cachedPage) {
	if c == nil || c.budget <= 0 || len(p.body) > c.budget/16 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if v != c.version {
		if v < c.version {
			return
		}
		c.version, c.m, c.bytes = v, map[string]cachedPage{}, 0
	}
	if c.bytes+len(p.body) > c.budget {
		c.m, c.bytes = map[string]cachedPage{}, 0
	}
	if _, ok := c.m[key]; !ok {
		c.m[key] = p
		c.bytes += len(p.body) + len(key)
	}
}
