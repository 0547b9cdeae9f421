package picture

import (
	"strings"
	"sync"
	"testing"
)

func key(n byte) Key { return Key{Hash: [32]byte{n}, Box: Box{Cols: 10, Rows: 5}, Protocol: Kitty} }

func pic(n int) Picture { return Picture{Seq: strings.Repeat("x", n), Cols: 1, Rows: 1} }

func TestCacheBoundedInBytes(t *testing.T) {
	c := NewCache(100)
	c.Put(key(1), pic(40))
	c.Put(key(2), pic(40))
	if _, ok := c.Get(key(1)); !ok { // 1 is now the most recent
		t.Fatal("1 missing")
	}
	c.Put(key(3), pic(40)) // over 100: 2, the least recent, goes
	if _, ok := c.Get(key(2)); ok {
		t.Error("2 kept past the cap")
	}
	for _, k := range []byte{1, 3} {
		if _, ok := c.Get(key(k)); !ok {
			t.Errorf("%d dropped", k)
		}
	}
	if c.Size() != 80 || c.Len() != 2 {
		t.Errorf("size %d, len %d; want 80, 2", c.Size(), c.Len())
	}
	c.Put(key(4), pic(101)) // bigger than the cap: never kept
	if _, ok := c.Get(key(4)); ok || c.Size() != 80 {
		t.Errorf("an over-cap picture was kept (size %d)", c.Size())
	}
	c.Put(key(1), pic(10)) // replacing counts the new size only
	if c.Size() != 50 {
		t.Errorf("size %d after replacing, want 50", c.Size())
	}
}

func TestCacheKeyParts(t *testing.T) {
	c := NewCache(1 << 10)
	base := key(1)
	c.Put(base, pic(1))
	for name, k := range map[string]Key{
		"another box":      {Hash: base.Hash, Box: Box{Cols: 11, Rows: 5}, Protocol: Kitty},
		"another protocol": {Hash: base.Hash, Box: base.Box, Protocol: Sixel},
		"passthrough":      {Hash: base.Hash, Box: base.Box, Protocol: Kitty, Passthrough: true},
		"another picture":  key(2),
	} {
		if _, ok := c.Get(k); ok {
			t.Errorf("%s hits the cache", name)
		}
	}
}

func TestCacheConcurrent(t *testing.T) {
	c := NewCache(1000)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				k := key(byte(i % 30))
				if _, ok := c.Get(k); !ok {
					c.Put(k, pic(10+g))
				}
			}
		})
	}
	wg.Wait()
	if c.Size() > 1000 {
		t.Errorf("size %d over the cap", c.Size())
	}
	var sum int64
	for i := range 30 {
		if p, ok := c.Get(key(byte(i))); ok {
			sum += int64(len(p.Seq))
		}
	}
	if sum != c.Size() {
		t.Errorf("entries hold %d bytes, Size says %d", sum, c.Size())
	}
}
