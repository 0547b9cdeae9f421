package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/tread-reader/tread/story"
)

// feedSection is a subscriptions section of one feed whose unread count
// is n.
func feedSection(n *atomic.Int32) func(context.Context) []story.Document {
	return func(context.Context) []story.Document {
		return []story.Document{{Source: "subscriptions", Stories: []story.Story{{
			Title: "Harbour Ledger", Site: fmt.Sprintf("%d unread", n.Load()),
			Body:    body("the ledger", 1),
			Related: []story.Story{{Title: "Ferry returns", URL: "https://ledger.example/ferry"}},
		}}}}
	}
}

// TestFeedsSectionRefresh: the section is listed first; the refresh that
// starts with the program reports progress, then its summary, and the
// section is read again with the new counts.
func TestFeedsSectionRefresh(t *testing.T) {
	var unread atomic.Int32
	refreshes := 0
	opts := frontOptions()
	opts.Feeds = feedSection(&unread)
	opts.Refresh = func(_ context.Context, p func(RefreshCount)) (string, error) {
		refreshes++
		p(RefreshCount{Feeds: 2, FeedsDone: 1})
		p(RefreshCount{Feeds: 2, FeedsDone: 1, Articles: 3, ArticlesDone: 1})
		p(RefreshCount{Feeds: 2, FeedsDone: 2, Articles: 3, ArticlesDone: 3})
		unread.Store(3)
		return "refreshed 2 feeds: 3 new stories", nil
	}
	opts.Load = func(ctx context.Context, src string) []story.Document {
		if src == "https://ledger.example/ferry" {
			return []story.Document{{Source: src, Stories: []story.Story{{Title: "Ferry returns", URL: src, Body: body("the whole ferry article", 3)}}}}
		}
		return fixtureLoader(map[string]story.Document{"front.txt": frontPage()})(ctx, src)
	}
	d := newDriver(t, opts, 100, 30)
	if refreshes != 1 || d.m.feeds.running {
		t.Fatalf("start-up refresh: ran %d times, still running %v", refreshes, d.m.feeds.running)
	}
	if got := d.m.list.all[0].title; got != "Harbour Ledger" {
		t.Errorf("first row %q, want the feed", got)
	}
	if !strings.Contains(d.screen(), "3 unread") || !strings.Contains(d.m.status.current.text, "refreshed 2 feeds") {
		t.Errorf("after the refresh: status %q, screen:\n%s", d.m.status.current.text, d.screen())
	}
	d.press("R")
	if refreshes != 2 {
		t.Errorf("R: %d refreshes, want 2", refreshes)
	}
	// The feed's item is only a link: enter fetches its article.
	d.press("j", "enter")
	if !strings.Contains(d.readerText(), "the whole ferry article") {
		t.Errorf("the item's article is not shown:\n%s", d.readerText())
	}
}

// TestFeedsHiddenInSearch: a library search lists library pages alone.
func TestFeedsHiddenInSearch(t *testing.T) {
	var unread atomic.Int32
	f := newFakeLibrary(20)
	d := newDriver(t, Options{Library: f, Feeds: feedSection(&unread)}, 100, 30)
	if got := d.m.list.all[0].title; got != "Harbour Ledger" {
		t.Fatalf("first row %q, want the feed", got)
	}
	d.press("/")
	d.typeText("Story 0012")
	if got := d.selectedTitle(); got != "• Story 0012" || len(d.m.list.visible) != 1 {
		t.Errorf("search: %q of %d rows", got, len(d.m.list.visible))
	}
	d.press("esc")
	if got := d.m.list.all[0].title; got != "Harbour Ledger" {
		t.Errorf("after the search, first row %q, want the feed", got)
	}
}

// TestFeedSummaryOpensArticle: a feed item that is only the feed's
// summary shows the article in its place once it is loaded: at once when
// a copy is saved.
func TestFeedSummaryOpensArticle(t *testing.T) {
	const url = "https://ledger.example/ferry"
	feed := story.Document{Stories: []story.Story{
		{Title: "Ferry returns", URL: url, Site: "Harbour Ledger", Body: body("only the summary", 1), Partial: true, Summary: true},
		{Title: "Gull census", URL: "https://ledger.example/gulls", Site: "Harbour Ledger", Body: body("gull summary", 1), Partial: true, Summary: true},
	}}
	article := story.Document{Stories: []story.Story{{Title: "Ferry returns", URL: url, Body: body("the whole ferry article", 3)}}}
	opts := frontOptions()
	opts.Sources = []string{"feed.xml"}
	opts.Load = fixtureLoader(map[string]story.Document{"feed.xml": feed, url: article})
	opts.Saved = func(u string) bool { return u == url }
	d := newDriver(t, opts, 100, 30)
	if !strings.Contains(d.readerText(), "the whole ferry article") || strings.Contains(d.readerText(), "feed's summary") {
		t.Errorf("the saved article does not replace the summary:\n%s", d.readerText())
	}
	d.press("n") // n/p still stop at a summary with no saved copy
	if got := d.selectedTitle(); got != "Gull census" {
		t.Errorf("n went to %q", got)
	}
	if !strings.Contains(d.readerText(), "This is the feed's summary") {
		t.Errorf("an unsaved summary should show as the feed's summary:\n%s", d.readerText())
	}
}

// TestFeedItemNotPlaceholder: a feed's item whose page is also a library
// row not loaded yet opens its article, not the row's bare header.
func TestFeedItemNotPlaceholder(t *testing.T) {
	f := newFakeLibrary(3)
	url := f.items[2].URL // listed below the first screen's selection, not loaded
	feeds := func(context.Context) []story.Document {
		return []story.Document{{Stories: []story.Story{{
			Title: "Harbour Ledger", Site: "1 unread", Body: body("the ledger", 1),
			Related: []story.Story{{Title: "Story 0003", URL: url}},
		}}}}
	}
	load := func(ctx context.Context, src string) []story.Document { return f.Stories(ctx, src) }
	d := newDriver(t, Options{Library: f, Feeds: feeds, Load: load, Saved: func(u string) bool { return u == url }}, 100, 30)
	d.press("j")
	if !strings.Contains(d.readerText(), "text of Story 0003") {
		t.Errorf("the feed's item shows:\n%s", d.readerText())
	}
}

// TestRefreshCountSaid: the status bar counts feeds, and articles once
// there are any to fetch.
func TestRefreshCountSaid(t *testing.T) {
	for _, tc := range []struct {
		c    RefreshCount
		want string
	}{
		{RefreshCount{Feeds: 3}, "refreshing feeds 0/3"},
		{RefreshCount{Feeds: 3, FeedsDone: 1, Articles: 4, ArticlesDone: 2}, "refreshing feeds 1/3 · articles 2/4"},
	} {
		if got := tc.c.String(); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.c, got, tc.want)
		}
	}
	d := newDriver(t, frontOptions(), 100, 30)
	d.m.feeds.running, d.m.feeds.refreshID = true, 7
	done := make(chan tea.Msg)
	close(done) // what follows is nothing
	d.send(refreshProgress{id: 7, count: RefreshCount{Feeds: 2, FeedsDone: 1, Articles: 5, ArticlesDone: 3}, ch: done})
	if got := d.m.status.current.text; got != "refreshing feeds 1/2 · articles 3/5" {
		t.Errorf("status %q", got)
	}
}

// TestFeedsReadAgainOnReload: r on the subscriptions reads them again
// from the files (new counts), instead of reloading "subscriptions" as a
// source, and the selection stays where it was; of two reads, the later
// one wins whichever answers last.
func TestFeedsReadAgainOnReload(t *testing.T) {
	var unread atomic.Int32
	opts := frontOptions()
	opts.Feeds = feedSection(&unread)
	d := newDriver(t, opts, 100, 30)
	d.press("j") // the feed's item
	if got := d.selectedTitle(); got != "Ferry returns" {
		t.Fatalf("selected %q", got)
	}
	unread.Store(4)
	d.press("r")
	if !strings.Contains(d.screen(), "4 unread") || d.selectedTitle() != "Ferry returns" {
		t.Errorf("after r: selected %q, screen:\n%s", d.selectedTitle(), d.screen())
	}
	if strings.Contains(d.m.status.current.text, "subscriptions:") || d.m.status.current.isErr {
		t.Errorf("r reloaded the section as a source: %q", d.m.status.current.text)
	}
	older := d.update(keyMsg("r"))
	newer := d.update(keyMsg("r"))
	unread.Store(6)
	d.run(newer)
	unread.Store(5) // what the first read would find, answering last
	d.run(older)
	if !strings.Contains(d.screen(), "6 unread") {
		t.Errorf("an older read won:\n%s", d.screen())
	}
}

// TestReadMarkCountsAtOnce: opening a feed's item marks it read in the
// library, its library row loses its unread mark at once, and the feed's
// unread count follows without a refresh; the selection stays on the item
// though reading it moves it down its feed.
func TestReadMarkCountsAtOnce(t *testing.T) {
	f := newFakeLibrary(3)
	items := []string{f.items[1].URL, f.items[2].URL}
	opts := Options{Library: f}
	opts.Feeds = func(context.Context) []story.Document {
		f.mu.Lock()
		defer f.mu.Unlock()
		var unread, read []story.Story
		for _, it := range f.items {
			if slices.Contains(items, it.URL) {
				if it.Read {
					read = append(read, story.Story{Title: it.Title, URL: it.URL})
				} else {
					unread = append(unread, story.Story{Title: it.Title, URL: it.URL})
				}
			}
		}
		return []story.Document{{Source: "subscriptions", Stories: []story.Story{{
			Title: "Harbour Ledger", Site: fmt.Sprintf("%d unread", len(unread)),
			Body: body("the ledger", 1), Related: append(unread, read...),
		}}}}
	}
	opts.Load = func(_ context.Context, src string) []story.Document { return f.Stories(context.Background(), src) }
	d := newDriver(t, opts, 100, 30)
	if !strings.Contains(d.screen(), "2 unread") {
		t.Fatalf("the feed's row:\n%s", d.screen())
	}
	d.press("j") // the feed's first item, Story 0002
	if got := d.selectedTitle(); got != "Story 0002" {
		t.Fatalf("selected %q", got)
	}
	d.press("tab") // read it in place
	scr := d.screen()
	if !strings.Contains(scr, "1 unread") || strings.Contains(scr, "• Story 0002") || !strings.Contains(scr, "• Story 0003") {
		t.Errorf("after reading the item, the count or the library's mark did not follow:\n%s", scr)
	}
	if got := d.selectedTitle(); got != "Story 0002" {
		t.Errorf("the selection moved to %q with the reordered feed", got)
	}
}

// TestRefreshKeepsPlace: R reads the library listing again from the top
// for the pages it saved; the selection stays on the library row it was on.
func TestRefreshKeepsPlace(t *testing.T) {
	f := newFakeLibrary(30)
	var unread atomic.Int32
	opts := Options{Library: f, Feeds: feedSection(&unread)}
	opts.Refresh = func(context.Context, func(RefreshCount)) (string, error) { return "refreshed 1 feed", nil }
	d := newDriver(t, opts, 100, 30)
	for d.selectedTitle() != "• Story 0011" {
		d.press("j")
		if d.m.list.cursor > 40 {
			t.Fatal("Story 0011 never selected")
		}
	}
	d.press("R")
	if got := d.selectedTitle(); got != "• Story 0011" {
		t.Errorf("after R the selection is on %q", got)
	}
}
