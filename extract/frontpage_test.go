package extract

import (
	"os"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/tread-reader/tread/corpus"
)

// frontPageFloor is the share of a corpus front page's stories that must be
// listed: the issue asks for 90%.
const frontPageFloor = 0.90

// TestCorpusFrontPages lists each corpus front page and scores it as its
// README says: the stories a reader would list, at least 90% of them, and
// nothing from the page's navigation (its header, nav and footer).
func TestCorpusFrontPages(t *testing.T) {
	dir := corpus.Require(t)
	pages, err := corpus.FrontPages(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 {
		t.Skip("corpus has no frontpages/")
	}
	for _, p := range pages {
		data, err := os.ReadFile(p.Path)
		if err != nil {
			t.Fatal(err)
		}
		got, ok, err := FrontPage(data, p.BaseURL, "")
		if err != nil || !ok {
			t.Fatalf("%s: ok %v, err %v", p.Name, ok, err)
		}
		listed := map[string]bool{}
		for _, s := range got {
			if listed[storyKey(s.URL)] {
				t.Errorf("%s: listed twice: %s %q", p.Name, s.URL, s.Title)
			}
			listed[storyKey(s.URL)] = true
		}
		wanted := map[string]bool{}
		found := 0
		for _, want := range p.Stories {
			wanted[storyKey(want.URL)] = true
			if listed[storyKey(want.URL)] {
				found++
			} else {
				t.Logf("%s: missed %s %q", p.Name, want.URL, want.Headline)
			}
		}
		nav := navigationLinks(t, data, p.BaseURL)
		for _, s := range got {
			if nav[storyKey(s.URL)] {
				t.Errorf("%s: listed a navigation link %s %q", p.Name, s.URL, s.Title)
			}
		}
		extras := 0
		for _, s := range got {
			if !wanted[storyKey(s.URL)] {
				extras++
				t.Logf("%s: listed beyond the reference: %s %q", p.Name, s.URL, s.Title)
			}
		}
		recall := float64(found) / float64(len(p.Stories))
		t.Logf("%s: %d of %d stories listed (%.1f%%), %d listed in all, %d beyond the reference",
			p.Name, found, len(p.Stories), 100*recall, len(got), extras)
		if recall < frontPageFloor {
			t.Errorf("%s: listed %.1f%% of its stories, floor %.0f%%", p.Name, 100*recall, 100*frontPageFloor)
		}
	}
}

// storyKey compares story URLs without scheme, "www.", query, fragment or
// trailing slash (the corpus keeps tracking parameters such as ?hpt=).
func storyKey(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "http://"), "https://")
	u = strings.TrimPrefix(u, "www.")
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	return strings.TrimSuffix(u, "/")
}

// navigationLinks are the links inside the page's header, navigation and
// footer: elements that are nav, header or footer, or whose id or class
// names a header, nav or footer.
func navigationLinks(t *testing.T, data []byte, base string) map[string]bool {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	r := newResolver("", base, "")
	out := map[string]bool{}
	doc.Find(`nav a, header a, footer a, [id*=hdr] a, [id*=nav] a, [class*=nav] a, [id*=ftr] a, [class*=ftr] a, [id*=footer] a, [class*=footer] a`).Each(func(_ int, s *goquery.Selection) {
		if h, ok := s.Attr("href"); ok {
			if u := r.resolve(h); u != "" {
				out[storyKey(u)] = true
			}
		}
	})
	return out
}

// TestFrontPageLayouts lists fixtures of the common front-page layouts: a
// lead story and a river of teasers, a grid of cards in <main>, blocks by
// section, and a story list beside a numbered "most read" box. Each lists
// its stories in page order and nothing from navigation, masthead, footer,
// ads, sponsored cards, sidebars, share, author, tag or section links.
func TestFrontPageLayouts(t *testing.T) {
	tests := []struct {
		file   string
		want   []string // paths, in order
		titles []string // the headlines, when checked
	}{
		{"river.html", []string{
			"/2026/03/04/harbour-ferry-returns", "/2026/03/04/quay-festival-adds-concerts",
			"/2026/03/03/lighthouse-keeper-retires", "/2026/03/03/storm-damage-sea-wall",
			"/2026/03/02/fishing-quota-talks", "/2026/03/02/school-rowing-club",
		}, nil},
		{"cards.html", []string{
			"/world/ferry-services-resume-across-the-bay-123456", "/world/new-bridge-plans-unveiled-123457",
			"/business/harbour-cafe-wins-award-123458", "/culture/museum-reopens-its-maritime-wing-123459",
			"/sport/sailing-regatta-draws-record-entries-123461",
		}, nil},
		{"sections.html", []string{
			"/world/2026/03/04/summit-ends-without-deal", "/world/2026/03/04/ferry-line-expands-north",
			"/business/2026/03/04/shipyard-hires-two-hundred", "/business/2026/03/03/port-fees-rise",
			"/sport/2026/03/04/harbour-fc-wins-derby", "/sport/2026/03/03/swimmers-brave-cold-water",
		}, nil},
		{"mostread.html", []string{
			"/local/tide-tables-change-for-spring-98765", "/local/new-ferry-timetable-published-98766",
			"/local/pier-repairs-finished-early-98767", "/opinion/why-the-harbour-matters-98768",
			"/local/market-returns-to-the-square-98769",
		}, nil},
		// Main columns with a rail of boxes beside them, laid out unlike
		// them; a trending bar above; stories linked twice (the first link
		// wins), told apart by their query only where the path does not
		// name them.
		{"rail.html", []string{
			"/2026/03/04/harbour-ferry-returns?pos=lead", "/2026/03/04/quay-festival-adds-concerts?pos=list",
			"/2026/03/03/lighthouse-keeper-retires?pos=list", "/news/story.php?id=101",
			"/news/story.php?id=102", "/2026/03/02/fishing-quota-talks#comments",
		}, []string{
			"Harbour ferry returns after winter repairs", "Island festival adds three evening concerts",
			"Lighthouse keeper retires after forty years", "Rowing club wins the regional title",
			"Market returns to the square on Saturdays", "Fishing quota talks stall for a second week",
		}},
		// Stories in elements the page hides (hidden with no value,
		// aria-hidden in capitals) are not listed.
		{"hidden.html", []string{
			"/local/ferry-timetable-changes-for-summer-55501", "/local/harbour-wall-repairs-begin-next-week-55502",
			"/local/school-choir-wins-regional-prize-55503", "/local/market-hall-reopens-after-refit-55504",
			"/local/lifeboat-crew-honoured-at-ceremony-55505",
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile("testdata/frontpages/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			got, ok, err := FrontPage(data, "https://news.example/", "")
			if err != nil || !ok {
				t.Fatalf("ok %v, err %v", ok, err)
			}
			var paths, titles []string
			for _, s := range got {
				titles = append(titles, s.Title)
				paths = append(paths, strings.TrimPrefix(s.URL, "https://news.example"))
				if s.Title == "" || len(s.Body) != 0 {
					t.Errorf("story %+v", s)
				}
			}
			if strings.Join(paths, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("listed:\n%s\nwant:\n%s", strings.Join(paths, "\n"), strings.Join(tt.want, "\n"))
			}
			if tt.titles != nil && strings.Join(titles, "\n") != strings.Join(tt.titles, "\n") {
				t.Errorf("headlines:\n%s\nwant:\n%s", strings.Join(titles, "\n"), strings.Join(tt.titles, "\n"))
			}
		})
	}
}

// TestArticleIsNoFrontPage: a page with fewer than MinFrontPageStories story
// links is not a list.
func TestArticleIsNoFrontPage(t *testing.T) {
	page := `<html><body><article><h1>One story</h1><p>Text.</p><a href="/2026/03/04/one-other-story">One other story to read</a></article></body></html>`
	if got, ok, err := FrontPage([]byte(page), "https://news.example/a", ""); ok || err != nil {
		t.Errorf("article read as a front page: %v %v", got, err)
	}
}
