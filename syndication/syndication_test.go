package syndication

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestParseFixtures(t *testing.T) {
	tests := []struct {
		file, feedURL string
		format, title string
		items         []Item // the fields compared: Title, Link, Author, Published, ID
	}{
		{"rss_hostile.xml", "https://ledger.example/feed.xml", "rss", "Harbour & Quay Ledger", []Item{
			{Title: "Quay festival & concerts", Link: "https://ledger.example/news/festival", Published: time.Date(2026, 3, 4, 15, 0, 0, 0, time.UTC)},
			{Title: "Ferry returns to service", Link: "https://ledger.example/news/ferry", ID: "ferry-1", Author: "Ines Calder", Published: time.Date(2026, 3, 3, 8, 30, 0, 0, time.UTC)},
			{},
		}},
		{"atom_base.atom", "", "atom", "Notes & Letters", []Item{
			{Title: "Tides <3", Link: "https://blog.example/archive/2026/tides", ID: "tag:blog.example,2026:1", Author: "Ada Quay", Published: time.Date(2026, 3, 1, 17, 0, 0, 0, time.UTC)},
		}},
		{"jsonfeed.json", "", "json", "Cove Weekly", []Item{
			{Title: "Eight", Link: "https://cove.example/8", ID: "8", Published: time.Date(2026, 2, 2, 9, 0, 0, 0, time.UTC)},
			{Title: "Seven seas", Link: "https://cove.example/7", ID: "7", Author: "Rui", Published: time.Date(2026, 2, 1, 9, 0, 0, 0, time.UTC)},
		}},
		{"latin1_undeclared.xml", "", "rss", "Café news", []Item{{Title: "Crème brûlée", Link: "https://cafe.example/1"}}},
		{"cp1251.xml", "", "rss", "Новости", []Item{{Title: "Привет", Link: "https://ru.example/1"}}},
		{"utf16.xml", "", "rss", "Wide", []Item{{Title: "Sixteen bits", Link: "https://wide.example/1"}}},
		{"broken.xml", "", "rss", "Bare & ampersand", []Item{{Title: "Fish & chips &undefined;", Link: "https://fish.example/1?a=1&b=2"}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := Parse(readFixture(t, tt.file), tt.feedURL)
			if err != nil {
				t.Fatal(err)
			}
			if f.Format != tt.format || f.Title != tt.title {
				t.Errorf("format, title = %q, %q; want %q, %q", f.Format, f.Title, tt.format, tt.title)
			}
			if len(f.Items) != len(tt.items) {
				t.Fatalf("%d items, want %d: %+v", len(f.Items), len(tt.items), f.Items)
			}
			for i, want := range tt.items {
				got := f.Items[i]
				got.Content, got.Summary = "", ""
				if got != want {
					t.Errorf("item %d:\n got %+v\nwant %+v", i, got, want)
				}
			}
		})
	}
}

func TestNotFeeds(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"html page", readFixture(t, "page.html"), ErrNotFeed},
		{"plain text", []byte("Headline\n\nA paragraph."), ErrNotFeed},
		{"json that is no feed", []byte(`{"format":"rss20","items":[]}`), ErrNotFeed},
		{"empty", nil, ErrNotFeed},
		{"truncated", readFixture(t, "truncated.xml"), ErrBroken},
		{"too large", append([]byte("<rss>"), make([]byte, MaxSize)...), ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.data, "")
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

func TestStoriesAreSafe(t *testing.T) {
	f, err := Parse(readFixture(t, "rss_hostile.xml"), "https://ledger.example/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	ss := f.Stories()
	if len(ss) != 3 {
		t.Fatalf("%d stories", len(ss))
	}
	ferry := ss[1]
	if ferry.Partial || ferry.Site != "Harbour & Quay Ledger" || ferry.Byline != "Ines Calder" {
		t.Errorf("ferry story: %+v", ferry)
	}
	text := ferry.Text()
	for _, bad := range []string{"\x1b", "evil()", "pwned\x07"} {
		if strings.Contains(ferry.Title+text, bad) {
			t.Errorf("%q reached the story: %q / %q", bad, ferry.Title, text)
		}
	}
	for _, b := range ferry.Body {
		if len(b.Links) > 0 || !b.Inline.Empty() {
			t.Errorf("block carries structure: %+v", b)
		}
		if b.URL != "" && b.URL != "https://ledger.example/img/ferry.jpg" {
			t.Errorf("image URL %q", b.URL)
		}
	}
	if !strings.Contains(text, "[click](http://evil.example)") {
		t.Errorf("page text lost: %q", text)
	}
	if !ss[0].Partial || !ss[0].Summary || ss[0].Text() != "Three evening concerts." {
		t.Errorf("summary-only story: partial=%v text=%q", ss[0].Partial, ss[0].Text())
	}
	if ss[2].Title == "" || ss[2].URL != "" {
		t.Errorf("untitled story: %+v", ss[2])
	}
}

// TestHugeFeedBounded: a feed of many times MaxItems items is cut to
// MaxItems, the newest kept (subscribe's tests refresh one of 100,000).
func TestHugeFeedBounded(t *testing.T) {
	data := hugeFeed(10 * MaxItems)
	start := time.Now()
	f, err := Parse(data, "https://huge.example/feed")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != MaxItems || !f.Truncated {
		t.Fatalf("%d items, truncated %v", len(f.Items), f.Truncated)
	}
	if f.Items[0].Title != fmt.Sprintf("Item %d", 10*MaxItems-1) {
		t.Errorf("first item %q, want the newest", f.Items[0].Title)
	}
	t.Logf("%d bytes read in %v", len(data), time.Since(start))
}

func hugeFeed(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>`)
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		fmt.Fprintf(&b, "<item><title>Item %d</title><link>/i/%d</link><pubDate>%s</pubDate></item>",
			i, i, base.Add(time.Duration(i)*time.Minute).Format(time.RFC1123Z))
	}
	b.WriteString("</channel></rss>")
	return []byte(b.String())
}

func BenchmarkParseHuge(b *testing.B) {
	data := hugeFeed(20_000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, ""); err != nil {
			b.Fatal(err)
		}
	}
}

func TestIs(t *testing.T) {
	for _, name := range []string{"rss_hostile.xml", "atom_base.atom", "jsonfeed.json", "utf16.xml", "broken.xml", "truncated.xml"} {
		if !Is(readFixture(t, name)) {
			t.Errorf("%s not recognised as a feed", name)
		}
	}
	if Is(readFixture(t, "page.html")) {
		t.Error("an HTML page taken for a feed")
	}
}
