package feed

import (
	"context"
	"strings"
	"testing"

	"github.com/tread-reader/tread/corpus"
	"github.com/tread-reader/tread/story"
)

// cliFeedFloor is the share of the corpus feeds' reference items that
// `tread --json FILE` must list with the reference's title, link and
// published minute: the issue asks for 98%.
const cliFeedFloor = 0.98

// TestCorpusFeedsAsFiles reads every corpus feed the way `tread --json
// FILE` does — Load on the file, no feed URL known beyond what the feed says
// of itself — and matches the stories against the reference reading. The
// syndication package's own corpus test hands the parser the reference's
// feed URL; this one is what a user gets. An untitled reference item (RSS
// 0.92 items often have no title) is listed under a stand-in title, the
// start of its text; the strict figure counts it a miss, the second figure
// accepts the stand-in.
func TestCorpusFeedsAsFiles(t *testing.T) {
	cases := corpus.RequireFeeds(t)
	total, strict, lenient := 0, 0, 0
	for _, c := range cases {
		total += len(c.Items)
		docs := Load(context.Background(), c.Path, Options{})
		if len(docs) != 1 {
			t.Fatalf("%s: %d documents", c.Name, len(docs))
		}
		if err := docs[0].Err; err != nil {
			if len(c.Items) > 0 {
				t.Errorf("%s: %v (reference has %d items)", c.Name, err, len(c.Items))
			} else if !strings.Contains(err.Error(), c.Name) {
				t.Errorf("%s: error %q does not name the file", c.Name, err)
			}
			continue
		}
		stories := docs[0].Stories
		used := make([]bool, len(stories))
		for _, ref := range c.Items {
			i := matchStory(ref, stories, used, false)
			if i >= 0 {
				strict++
			} else {
				i = matchStory(ref, stories, used, true)
			}
			if i < 0 {
				t.Logf("miss %s: %q %s %s", c.Name, ref.Title, ref.Link, ref.Published)
				continue
			}
			used[i] = true
			lenient++
		}
	}
	share := float64(strict) / float64(max(total, 1))
	t.Logf("feeds as files: %d/%d reference items matched (%.2f%%); %d/%d with stand-in titles for untitled items",
		strict, total, 100*share, lenient, total)
	if share < cliFeedFloor {
		t.Errorf("matched %.2f%% of reference items, floor %.0f%%", 100*share, 100*cliFeedFloor)
	}
}

// matchStory is the first unused story matching ref, -1 when none. With
// standIn, an untitled reference item matches a story titled by tread's
// stand-in for a missing title.
func matchStory(ref corpus.FeedItem, stories []story.Story, used []bool, standIn bool) int {
	for i, s := range stories {
		if used[i] {
			continue
		}
		title := s.Title
		if standIn {
			if ref.Title != "" || !isStandIn(s) {
				continue
			}
			title = ""
		}
		if corpus.FeedMatch(ref, title, s.URL, s.Published) {
			return i
		}
	}
	return -1
}

// isStandIn reports whether a story's title is one tread made up for an
// item without one: the start of its text, its link, or "Untitled item".
func isStandIn(s story.Story) bool {
	t := strings.TrimSuffix(s.Title, "…")
	if t == "" || t == s.URL || s.Title == "Untitled item" {
		return true
	}
	for _, b := range s.Body {
		if b.Text != "" && b.Kind != story.Image {
			return strings.HasPrefix(b.Text, t)
		}
	}
	return false
}
