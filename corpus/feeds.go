package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// FeedItem is one entry of a feed's reference reading.
type FeedItem struct {
	Title      string `json:"title"`
	Link       string `json:"link"`
	Published  string `json:"published"` // RFC 3339 UTC, or ""
	Author     string `json:"author"`
	ID         string `json:"id"`
	DateSource string `json:"date_source"`
	DateRaw    string `json:"date_raw"`
}

// FeedCase is one feed of feeds/ with its reference reading.
type FeedCase struct {
	Name    string // file name without extension
	Path    string // the feed file
	Format  string `json:"format"`
	Bozo    bool   `json:"bozo"`
	Title   string `json:"title"`
	Link    string `json:"link"`
	FeedURL string `json:"feed_url"`
	Items   []FeedItem
}

// Feeds loads feeds/, sorted by name.
func Feeds(dir string) ([]FeedCase, error) {
	refs, err := filepath.Glob(filepath.Join(dir, "feeds", "*.expected.json"))
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	sort.Strings(refs)
	var out []FeedCase
	for _, ref := range refs {
		name := strings.TrimSuffix(filepath.Base(ref), ".expected.json")
		var c struct {
			FeedCase
			Items []FeedItem `json:"items"`
		}
		if err := readJSON(ref, &c); err != nil {
			return nil, err
		}
		c.FeedCase.Items = c.Items
		c.Name = name
		files, err := filepath.Glob(filepath.Join(dir, "feeds", name+".*"))
		if err != nil {
			return nil, fmt.Errorf("find feed %s: %w", name, err)
		}
		for _, f := range files {
			if !strings.HasSuffix(f, ".expected.json") {
				c.Path = f
			}
		}
		if c.Path == "" {
			return nil, fmt.Errorf("feed %s: no feed file beside its reference", name)
		}
		out = append(out, c.FeedCase)
	}
	return out, nil
}

// FeedMatch says whether an item read by tread matches a reference item as
// the feeds README defines it: title and link equal after collapsing white
// space, published the same to the minute (or both unknown).
func FeedMatch(ref FeedItem, title, link string, published time.Time) bool {
	if strings.Join(strings.Fields(title), " ") != ref.Title || link != ref.Link {
		return false
	}
	if ref.Published == "" || published.IsZero() {
		return ref.Published == "" && published.IsZero()
	}
	want, err := time.Parse(time.RFC3339, ref.Published)
	if err != nil {
		return false
	}
	return want.UTC().Truncate(time.Minute).Equal(published.UTC().Truncate(time.Minute))
}

// FrontPage is a saved front page with the stories a reader would list.
type FrontPage struct {
	Name    string
	Path    string
	BaseURL string `json:"page_url_assumed"`
	Stories []struct {
		URL      string `json:"url"`
		Headline string `json:"headline"`
	} `json:"stories"`
}

// FrontPages loads frontpages/, sorted by name.
func FrontPages(dir string) ([]FrontPage, error) {
	refs, err := filepath.Glob(filepath.Join(dir, "frontpages", "*.expected.json"))
	if err != nil {
		return nil, fmt.Errorf("list front pages: %w", err)
	}
	sort.Strings(refs)
	var out []FrontPage
	for _, ref := range refs {
		var p FrontPage
		if err := readJSON(ref, &p); err != nil {
			return nil, err
		}
		p.Name = strings.TrimSuffix(filepath.Base(ref), ".expected.json")
		p.Path = filepath.Join(dir, "frontpages", p.Name+".html")
		if _, err := os.Stat(p.Path); err != nil {
			return nil, fmt.Errorf("front page %s: %w", p.Name, err)
		}
		out = append(out, p)
	}
	return out, nil
}

// RequireFeeds is the corpus's feeds, or skips the test with a clear
// message when the corpus or its feeds/ are absent.
func RequireFeeds(t interface {
	Skipper
	Fatal(args ...any)
}) []FeedCase {
	t.Helper()
	cases, err := Feeds(Require(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Skipf("corpus has no feeds/")
	}
	return cases
}
