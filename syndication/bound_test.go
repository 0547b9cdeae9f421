package syndication

import (
	"runtime"
	"strings"
	"testing"
)

// A feed of many items reaches the parser cut to its first and last
// keepEach, so its cost is bounded, and the newest items are kept whether
// the feed lists them first or last.
func TestHugeFeedIsBounded(t *testing.T) {
	data := hugeFeed(20_000) // oldest first: Item 19999 is the newest
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f, err := Parse(data, "https://huge.example/feed")
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != MaxItems || !f.Truncated {
		t.Fatalf("%d items, truncated %v", len(f.Items), f.Truncated)
	}
	if f.Items[0].Title != "Item 19999" || f.Items[MaxItems-1].Title != "Item 19000" {
		t.Errorf("not the newest: first %q, last %q", f.Items[0].Title, f.Items[MaxItems-1].Title)
	}
	// Unbounded, gofeed allocated about 340 MB for this feed.
	if mb := (after.TotalAlloc - before.TotalAlloc) >> 20; mb > 120 {
		t.Errorf("parsing allocated %d MB", mb)
	}
}

func TestBoundItemsKeepsFewAlone(t *testing.T) {
	doc := hugeFeed(2 * keepEach)
	if got, cut := boundItems(doc); cut || string(got) != string(doc) {
		t.Error("a feed within the bound was cut")
	}
	atom := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>` +
		strings.Repeat(`<entry><title>e</title><link href="/e"/></entry>`, 2*keepEach+10) + `</feed>`
	got, cut := boundItems([]byte(atom))
	if !cut || strings.Count(string(got), "<entry>") != 2*keepEach || !strings.HasSuffix(string(got), "</feed>") {
		t.Errorf("atom feed: cut %v, %d entries", cut, strings.Count(string(got), "<entry>"))
	}
}
