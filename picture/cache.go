package picture

import (
	"container/list"
	"sync"
)

// Key names one encoding of one picture: the sha256 of its data, the box
// it was fitted to, and how it was encoded: InlineID is the id an inline
// picture was sent under (its bytes name it), 0 for the overlay's.
type Key struct {
	Hash        [32]byte
	Box         Box
	Protocol    Protocol
	Passthrough bool
	InlineID    uint32
}

// Cache keeps encoded pictures, the least recently used dropped first
// once their bytes pass a cap. It is safe for concurrent use: the reader
// renders in commands that may overlap.
type Cache struct {
	mu    sync.Mutex
	max   int64
	size  int64
	order *list.List // of *cacheEntry, most recent first
	items map[Key]*list.Element
}

type cacheEntry struct {
	key Key
	pic Picture
}

// NewCache makes a cache of at most maxBytes of encoded output. A picture
// bigger than the whole cap is never kept.
func NewCache(maxBytes int64) *Cache {
	return &Cache{max: maxBytes, order: list.New(), items: map[Key]*list.Element{}}
}

// Get returns the picture cached under k.
func (c *Cache) Get(k Key) (Picture, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[k]
	if !ok {
		return Picture{}, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*cacheEntry).pic, true
}

// Put caches p under k, dropping the least recently used pictures until
// the total fits the cap.
func (c *Cache) Put(k Key, p Picture) {
	n := int64(len(p.Seq))
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[k]; ok {
		c.size -= int64(len(el.Value.(*cacheEntry).pic.Seq))
		c.order.Remove(el)
		delete(c.items, k)
	}
	if n > c.max {
		return
	}
	c.items[k] = c.order.PushFront(&cacheEntry{k, p})
	c.size += n
	for c.size > c.max {
		last := c.order.Back()
		e := last.Value.(*cacheEntry)
		c.order.Remove(last)
		delete(c.items, e.key)
		c.size -= int64(len(e.pic.Seq))
	}
}

// Size is the bytes of encoded output the cache holds.
func (c *Cache) Size() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size
}

// Len is the number of pictures the cache holds.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}
