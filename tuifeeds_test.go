package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/subscribe"
	"github.com/tread-reader/tread/ui"
)

// TestTUIFeedsStories: each feed is a story with its unread count and its
// last error, its new items unread first, then newest.
func TestTUIFeedsStories(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	libDir := filepath.Join(dir, "data", "library")
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	saveTestPage(t, libDir, "https://a.example/old", "Old story", t0)
	saveTestPage(t, libDir, "https://a.example/new", "New story", t0.Add(time.Hour))
	o := options{library: libDir, configPath: filepath.Join(dir, "config.toml")}
	sess := newSession(o, config.Default(), nil)
	lib, err := sess.library()
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.MarkRead(context.Background(), "https://a.example/new", true); err != nil {
		t.Fatal(err)
	}
	listPath := filepath.Join(dir, subscribe.FileName)
	list := &subscribe.List{Subs: []subscribe.Subscription{
		{URL: "https://a.example/feed.xml", Title: "A Herald"},
		{URL: "https://b.example/rss", Title: "B Ledger"},
	}}
	if err := list.Save(listPath); err != nil {
		t.Fatal(err)
	}
	state := &subscribe.State{
		Feeds: map[string]*subscribe.FeedState{"https://b.example/rss": {LastError: "503 Service Unavailable", Failures: 3}},
		New: []subscribe.NewItem{
			{Feed: "https://a.example/feed.xml", Title: "Old story", URL: "https://a.example/old", Published: t0},
			{Feed: "https://a.example/feed.xml", Title: "New story", URL: "https://a.example/new", Published: t0.Add(time.Hour)},
			{Feed: "https://a.example/feed.xml", Title: "Not saved", URL: "https://a.example/unsaved", Published: t0.Add(-time.Hour)},
		},
	}
	if err := state.Save(statePath(lib)); err != nil {
		t.Fatal(err)
	}
	path, ok := subscriptionsIn(o, sess)
	if !ok || path != listPath {
		t.Fatalf("subscriptionsIn: %q %v", path, ok)
	}
	f := tuiFeeds{s: sess, listPath: path, statePath: statePath(lib), lib: lib}
	docs := f.Stories(context.Background())
	if len(docs) != 1 || docs[0].Err != nil || len(docs[0].Stories) != 2 {
		t.Fatalf("feeds: %+v", docs)
	}
	a, b := docs[0].Stories[0], docs[0].Stories[1]
	var items []string
	for _, r := range a.Related {
		items = append(items, r.Title)
	}
	if a.Title != "A Herald" || a.Site != "2 unread" || strings.Join(items, ", ") != "Old story, Not saved, New story" {
		t.Errorf("A: %q %q %q, want 2 unread, the unread first, newest first", a.Title, a.Site, items)
	}
	if b.Site != "0 unread · failing: 503 Service Unavailable" || len(b.Related) != 0 {
		t.Errorf("B: %q, %d items", b.Site, len(b.Related))
	}
}

// TestTUIFeedsRefresh: the reader's refresh tells progress a feed at a
// time, sums up as --refresh does, and a failing feed is its error.
func TestTUIFeedsRefresh(t *testing.T) {
	isolate(t)
	srv := twoFeeds(t)
	dir := t.TempDir()
	o := options{library: filepath.Join(dir, "data", "library"), configPath: filepath.Join(dir, "config.toml")}
	sess := newSession(o, config.Default(), nil)
	lib, err := sess.library()
	if err != nil {
		t.Fatal(err)
	}
	listPath := filepath.Join(dir, subscribe.FileName)
	list := &subscribe.List{Subs: []subscribe.Subscription{{URL: srv.URL + "/ledger.xml"}, {URL: srv.URL + "/coast.xml"}}}
	if err := list.Save(listPath); err != nil {
		t.Fatal(err)
	}
	f := tuiFeeds{s: sess, cfg: config.Default(), listPath: listPath, statePath: statePath(lib), lib: lib}
	var progress []ui.RefreshCount
	summary, err := f.Refresh(context.Background(), func(c ui.RefreshCount) {
		progress = append(progress, c)
	})
	last := ui.RefreshCount{}
	if len(progress) > 0 {
		last = progress[len(progress)-1]
	}
	if err != nil || summary != "refreshed 2 feeds: 2 new stories, 2 articles saved, 0 failed" || last != (ui.RefreshCount{Feeds: 2, FeedsDone: 2, Articles: 2, ArticlesDone: 2}) {
		t.Fatalf("refresh: %q, %v, progress %+v", summary, err, progress)
	}
	for i := 1; i < len(progress); i++ {
		p, c := progress[i-1], progress[i]
		if c.FeedsDone < p.FeedsDone || c.ArticlesDone < p.ArticlesDone || c.ArticlesDone > c.Articles {
			t.Errorf("progress went back or past its total: %+v then %+v", p, c)
		}
	}
	docs := f.Stories(context.Background())
	if len(docs) != 1 || len(docs[0].Stories) != 2 || docs[0].Stories[0].Site != "1 unread" || len(docs[0].Stories[0].Related) != 1 {
		t.Errorf("after the refresh: %+v", docs)
	}

	list.Subs = append(list.Subs, subscribe.Subscription{URL: srv.URL + "/gone.xml"})
	if err := list.Save(listPath); err != nil {
		t.Fatal(err)
	}
	_, err = f.Refresh(context.Background(), func(ui.RefreshCount) {})
	if err == nil || !strings.Contains(err.Error(), "refreshed 3 feeds: 0 new stories, 0 articles saved, 1 failed") || !strings.Contains(err.Error(), "404") {
		t.Errorf("a failing feed: %v", err)
	}
}
