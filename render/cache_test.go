package render

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"charm.land/glamour/v2/styles"
)

func TestCacheHit(t *testing.T) {
	r := NewRenderer(0)
	md := Markdown(kitchenSink())
	if _, ok := r.Cached(md, 80, Dark); ok {
		t.Fatal("Cached reports a hit before any render")
	}
	out, err := r.Render(md, 80, Dark)
	if err != nil {
		t.Fatal(err)
	}
	cached, ok := r.Cached(md, 80, Dark)
	if !ok || cached != out {
		t.Fatalf("Cached after Render = %v, same output %v", ok, cached == out)
	}
	again, err := r.Render(md, 80, Dark)
	if err != nil || again != out {
		t.Fatalf("second Render differs (err %v)", err)
	}
	if r.lru.Len() != 1 {
		t.Errorf("cache holds %d entries after two renders of one input, want 1", r.lru.Len())
	}
}

func TestCacheMisses(t *testing.T) {
	r := NewRenderer(0)
	md := Markdown(kitchenSink())
	if _, err := r.Render(md, 80, Dark); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		md    string
		width int
		style Style
	}{
		{md, 79, Dark},
		{md, 80, Light},
		{md, 80, NoTTY},
		{md + " ", 80, Dark},
		{Markdown(escapingStory()), 80, Dark},
	} {
		if _, ok := r.Cached(c.md, c.width, c.style); ok {
			t.Errorf("Cached(%d bytes, %d, %s) hits after rendering only width 80 dark", len(c.md), c.width, c.style)
		}
	}
	// The same markdown at another width renders differently, from the
	// cache or not.
	narrow, err := r.Render(md, 40, Dark)
	if err != nil {
		t.Fatal(err)
	}
	wide, _ := r.Cached(md, 80, Dark)
	if narrow == wide {
		t.Error("widths 40 and 80 gave the same output")
	}
}

func TestCacheEvictsLeastRecentlyUsed(t *testing.T) {
	mds := make([]string, 6)
	for i := range mds {
		mds[i] = fmt.Sprintf("# Story %d\n\n%s\n", i, strings.Repeat("word ", 200))
	}
	probe := NewRenderer(0)
	one, err := probe.Render(mds[0], 60, NoTTY)
	if err != nil {
		t.Fatal(err)
	}
	// Room for three renders and a bit, not four.
	size := 3*(len(one)+entryOverhead) + 100
	r := NewRenderer(size)
	for i := range 3 {
		if _, err := r.Render(mds[i], 60, NoTTY); err != nil {
			t.Fatal(err)
		}
	}
	// Touch story 0 so story 1 becomes the oldest, then add story 3.
	if _, ok := r.Cached(mds[0], 60, NoTTY); !ok {
		t.Fatal("story 0 not cached")
	}
	if _, err := r.Render(mds[3], 60, NoTTY); err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{true, false, true, true} {
		if _, ok := r.Cached(mds[i], 60, NoTTY); ok != want {
			t.Errorf("story %d cached = %v, want %v", i, ok, want)
		}
	}
	for i := range mds {
		if _, err := r.Render(mds[i], 60, NoTTY); err != nil {
			t.Fatal(err)
		}
		if r.usedBytes > size {
			t.Fatalf("cache holds %d bytes, over its %d", r.usedBytes, size)
		}
	}
	total := 0
	for e := r.lru.Front(); e != nil; e = e.Next() {
		total += e.Value.(*cacheEntry).cost()
	}
	if total != r.usedBytes || len(r.cache) != r.lru.Len() {
		t.Errorf("bookkeeping off: counted %d bytes, %d in map, %d in list; recorded %d bytes", total, len(r.cache), r.lru.Len(), r.usedBytes)
	}
}

func TestCacheSkipsOversizedRender(t *testing.T) {
	r := NewRenderer(256)
	md := Markdown(kitchenSink())
	out, err := r.Render(md, 80, Dark)
	if err != nil || out == "" {
		t.Fatalf("Render = %d bytes, %v", len(out), err)
	}
	if _, ok := r.Cached(md, 80, Dark); ok {
		t.Error("a render larger than the whole cache was kept")
	}
	if r.usedBytes != 0 {
		t.Errorf("cache holds %d bytes, want 0", r.usedBytes)
	}
}

func TestAddStyleReplacesRenders(t *testing.T) {
	r := NewRenderer(0)
	md := "# Title\n\nText."
	r.AddStyle("mine", styles.DarkStyleConfig)
	dark, err := r.Render(md, 60, "mine")
	if err != nil {
		t.Fatal(err)
	}
	r.AddStyle("mine", styles.NoTTYStyleConfig)
	if _, ok := r.Cached(md, 60, "mine"); ok {
		t.Error("output from the replaced style is still cached")
	}
	plain, err := r.Render(md, 60, "mine")
	if err != nil {
		t.Fatal(err)
	}
	if plain == dark || strings.Contains(plain, "\x1b[") {
		t.Errorf("render after AddStyle still uses the old style: %q", plain)
	}
}

func TestGlamourRenderersBounded(t *testing.T) {
	r := NewRenderer(0)
	for w := 10; w <= 100; w++ {
		if _, err := r.Render("Some *text* to wrap.", w, Dark); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(r.glamours); n > maxGlamours {
		t.Errorf("%d glamour renderers kept, want at most %d", n, maxGlamours)
	}
	if _, ok := r.glamours[glamourKey{100, Dark}]; !ok {
		t.Error("the most recent renderer was evicted")
	}
}

// Many goroutines rendering at once get the same output as one at a time.
// Run with -race.
func TestConcurrentRender(t *testing.T) {
	mds := []string{Markdown(kitchenSink()), Markdown(cjkStory()), Markdown(emojiStory()), Markdown(escapingStory())}
	widths := []int{40, 80}
	stylesUsed := []Style{Dark, Light}
	want := map[string]string{}
	ref := NewRenderer(0)
	for _, md := range mds {
		for _, w := range widths {
			for _, st := range stylesUsed {
				out, err := ref.Render(md, w, st)
				if err != nil {
					t.Fatal(err)
				}
				want[fmt.Sprint(len(md), w, st, md[:20])] = out
			}
		}
	}
	r := NewRenderer(64 << 10) // small enough to evict while others read
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := range 32 {
		wg.Go(func() {
			for i := range 24 {
				md := mds[(g+i)%len(mds)]
				w := widths[(g+i/2)%len(widths)]
				st := stylesUsed[(g/2+i)%len(stylesUsed)]
				out, err := r.Render(md, w, st)
				if err != nil {
					errs <- err
					return
				}
				if out != want[fmt.Sprint(len(md), w, st, md[:20])] {
					errs <- fmt.Errorf("goroutine %d: render of %d bytes at %d %s differs from the sequential one", g, len(md), w, st)
					return
				}
				r.Cached(md, w, st)
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
