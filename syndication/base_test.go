package syndication

import (
	"slices"
	"testing"
)

// TestBases checks the order relative links are resolved in: the link's
// own xml:base, its item's, the channel's, the root's, then the URL the feed
// was fetched from, its self link, its home link.
func TestBases(t *testing.T) {
	tests := []struct {
		name, file, fetched string
		link                string   // the feed's home link
		items               []string // item links, in document order
	}{
		{"xml:base on root, channel, item and link, fetched", "rss_xmlbase.xml", "https://ledger.example/feeds/rss.xml",
			"https://ledger.example/section/harbour/", []string{
				"https://ledger.example/section/harbour/ferry-returns",
				"https://archive.ledger.example/2026/quay-festival",
				"https://ledger.example/letters/tides",
				"https://ledger.example/abs",
			}},
		{"xml:base with no document base composes relative", "rss_xmlbase.xml", "",
			"/section/harbour/", []string{
				"/section/harbour/ferry-returns",
				"https://archive.ledger.example/2026/quay-festival",
				"/letters/tides",
				"https://ledger.example/abs",
			}},
		{"self link when read from a file", "atom_self.atom", "",
			"https://lighthouse.example/notes/", []string{
				"https://lighthouse.example/notes/2026/keeper-retires",
				"https://lighthouse.example/notes/2026/lamp-relit",
			}},
		{"fetched URL before the self link", "atom_self.atom", "https://mirror.example/lh/feed",
			"https://mirror.example/notes/", []string{
				"https://mirror.example/notes/2026/keeper-retires",
				"https://mirror.example/lh/2026/lamp-relit",
			}},
		{"home link when nothing else", "rss_homeonly.xml", "",
			"https://quay.example/weekly/", []string{
				"https://quay.example/weekly/issue-12/nets",
				"https://quay.example/issue-13/boats",
			}},
		{"root xml:base over the fetched URL (Atom)", "atom_base.atom", "https://elsewhere.example/feed",
			"https://blog.example/", []string{"https://blog.example/archive/2026/tides"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse(readFixture(t, tt.file), tt.fetched)
			if err != nil {
				t.Fatal(err)
			}
			if f.Link != tt.link {
				t.Errorf("feed link %q, want %q", f.Link, tt.link)
			}
			var got []string
			for _, it := range f.Items {
				got = append(got, it.Link)
			}
			if !slices.Equal(got, tt.items) {
				t.Errorf("item links\n got %q\nwant %q", got, tt.items)
			}
		})
	}
}
