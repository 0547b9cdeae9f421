package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// twoFeeds serves two feeds of one summary-only item each, and their
// articles.
func twoFeeds(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	for _, f := range []struct{ path, title, item, slug string }{
		{"/ledger.xml", "Harbour Ledger", "Ferry returns to the island", "ferry"},
		{"/coast.xml", "Coastline Herald", "Lighthouse keeper retires", "lighthouse"},
	} {
		mux.HandleFunc(f.path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>%s</title>
<item><title>%s</title><link>/news/%s</link><guid>%s</guid><description>Only the summary.</description></item>
</channel></rss>`, f.title, f.item, f.slug, f.slug)
		})
	}
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		slug := strings.TrimPrefix(r.URL.Path, "/news/")
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<!doctype html><html><head><title>The %s story</title></head><body><article><h1>The %s story</h1>", slug, slug)
		for range 5 {
			fmt.Fprintf(w, "<p>The whole article about the %s, read from its page, long enough to be taken for the body.</p>", slug)
		}
		fmt.Fprint(w, "</article></body></html>")
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// TestE2ESubscriptionsInReader: two feeds followed; the reader opened with
// no source lists them with their unread counts once its start-up refresh
// is done, an item opens its full article, R refreshes, and the article
// reads again offline.
func TestE2ESubscriptionsInReader(t *testing.T) {
	bin := buildTread(t)
	srv := twoFeeds(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	lib := filepath.Join(dir, "data", "library")
	if err := os.WriteFile(cfg, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"/ledger.xml", "/coast.xml"} {
		if code, out, errs := runArgs(t, "", "--config", cfg, "--library", lib, "--subscribe", srv.URL+f); code != 0 {
			t.Fatalf("subscribe %s: %d %q %q", f, code, out, errs)
		}
	}

	s := startTmux(t, bin, 100, 30, "--config", cfg, "--library", lib)
	s.waitFor("Harbour Ledger")
	scr := s.waitFor("refreshed 2 feeds: 2 new stories, 2 articles saved, 0 failed")
	if !strings.Contains(scr, "1 unread") || !strings.Contains(scr, "Coastline Herald") {
		t.Errorf("after the start-up refresh, no unread counts:\n%s", scr)
	}
	s.keys("g", "j") // the ledger's new item
	scr = s.waitFor("The whole article about the ferry")
	if strings.Contains(scr, "Only the summary") {
		t.Errorf("the summary shows, not the article:\n%s", scr)
	}
	s.keys("Enter")
	s.waitFor("Harbour Ledger › The ferry story")
	s.keys("BSpace") // back along the walk, to the feed's item
	s.waitGone("Harbour Ledger › The ferry story")
	s.keys("R")
	scr = s.waitFor("refreshed 2 feeds: 0 new stories")
	if !strings.Contains(scr, "0 unread") || !strings.Contains(scr, "1 unread") {
		t.Errorf("after reading the ferry story and R, the counts are not 0 and 1:\n%s", scr)
	}
	s.keys("q")
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("exit status %s; stderr %s", st, s.stderr())
	}

	s = startTmux(t, bin, 100, 30, "--config", cfg, "--library", lib, "--offline")
	s.waitFor("Harbour Ledger")
	s.keys("g", "j")
	s.waitFor("The whole article about the ferry")
	s.keys("q")
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("offline: exit status %s; stderr %s", st, s.stderr())
	}
}
