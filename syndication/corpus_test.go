package syndication

import (
	"os"
	"testing"

	"github.com/tread-reader/tread/corpus"
)

// feedFloor is the share of reference items that must match: the issue asks
// for 98%.
const feedFloor = 0.98

// TestCorpusFeeds reads every corpus feed and matches its items against the
// reference reading (title, link, published to the minute). A feed that
// cannot be read must give a clear error, and only where the reference
// itself recovered nothing.
func TestCorpusFeeds(t *testing.T) {
	cases := corpus.RequireFeeds(t)
	total, matched := 0, 0
	for _, c := range cases {
		data, err := os.ReadFile(c.Path)
		if err != nil {
			t.Fatal(err)
		}
		total += len(c.Items)
		f, err := Parse(data, c.FeedURL)
		if err != nil {
			if len(c.Items) > 0 {
				t.Errorf("%s: %v (reference has %d items)", c.Name, err, len(c.Items))
			} else {
				t.Logf("%s: %v (reference has no items either)", c.Name, err)
			}
			continue
		}
		if f.Title != c.Title {
			t.Logf("%s: feed title %q, reference %q", c.Name, f.Title, c.Title)
		}
		used := make([]bool, len(f.Items))
		for _, ref := range c.Items {
			found := false
			for i, it := range f.Items {
				if !used[i] && corpus.FeedMatch(ref, it.Title, it.Link, it.Published) {
					used[i], found = true, true
					break
				}
			}
			if found {
				matched++
			} else {
				t.Logf("miss %s: %q %s %s%s", c.Name, ref.Title, ref.Link, ref.Published, closest(ref, f.Items))
			}
		}
	}
	share := float64(matched) / float64(max(total, 1))
	t.Logf("feeds: %d/%d reference items matched (%.2f%%)", matched, total, 100*share)
	if share < feedFloor {
		t.Errorf("matched %.2f%% of reference items, floor %.0f%%", 100*share, 100*feedFloor)
	}
}

// closest describes the item read with the same title or link, to show
// why a reference item was missed.
func closest(ref corpus.FeedItem, items []Item) string {
	for _, it := range items {
		if it.Title == ref.Title || it.Link == ref.Link {
			return " — read as " + it.Title + " " + it.Link + " " + it.Published.Format("2006-01-02T15:04:05Z")
		}
	}
	return " — not read"
}
