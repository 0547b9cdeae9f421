package sample

import (
	"testing"
	"time"

	"github.com/tread-reader/tread/story"
)

var now = time.Date(2026, 3, 5, 12, 0, 0, 0, time.UTC)

func TestPage(t *testing.T) {
	for _, tc := range []struct {
		url, title string
		ok, err    bool
	}{
		{URL("/walking"), "Walking to related stories", true, false},
		{"http://SAMPLE.tread.invalid/links/", "Following the links in a story", true, false},
		{URL("/nowhere"), "", true, true},
		{"https://example.org/walking", "", false, false},
		{"ftp://" + Host + "/walking", "", false, false},
		{"::not a url", "", false, false},
	} {
		doc, ok := Page(tc.url, now)
		if ok != tc.ok || (doc.Err != nil) != tc.err {
			t.Errorf("%s: ok %v err %v", tc.url, ok, doc.Err)
			continue
		}
		if tc.title != "" && (len(doc.Stories) != 1 || doc.Stories[0].Title != tc.title || doc.Stories[0].Text() == "") {
			t.Errorf("%s: %+v", tc.url, doc.Stories)
		}
	}
}

// The edition has each thing its text asks the reader to try: a related
// story that is only a link to one of its own pages, numbered links, an
// image and a code block; and every sample address it links to is a page.
func TestEditionHasWhatItMentions(t *testing.T) {
	d := Edition(now)
	if len(d.Stories) != 1 {
		t.Fatalf("%d stories", len(d.Stories))
	}
	w := d.Stories[0]
	kinds := map[story.Kind]int{}
	links := 0
	for _, b := range w.Body {
		kinds[b.Kind]++
		links += len(b.Links)
	}
	if kinds[story.Image] != 1 || kinds[story.Code] != 1 || links != 2 {
		t.Errorf("blocks %v, %d links", kinds, links)
	}
	stubs := 0
	for _, r := range w.Related {
		if len(r.Body) == 0 {
			stubs++
			if doc, ok := Page(r.URL, now); !ok || doc.Err != nil {
				t.Errorf("the link-only related story %q has no page", r.Title)
			}
		}
	}
	if stubs != 1 {
		t.Errorf("%d link-only related stories, want 1", stubs)
	}
	if want := now.Add(-time.Minute); !w.When.Equal(want) {
		t.Errorf("When %v, want %v", w.When, want)
	}
	for path := range pages {
		if doc, _ := Page(URL(path), now); doc.Err != nil || doc.Stories[0].URL != URL(path) {
			t.Errorf("page %s: %+v", path, doc)
		}
	}
}
