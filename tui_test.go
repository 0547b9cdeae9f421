package main

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tread-reader/tread/browser"
	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/story"
)

// TestTUIOptions checks the reader's wiring: loading and reloading a URL,
// the saved-copy marker, the browser and the settings' widths.
func TestTUIOptions(t *testing.T) {
	isolate(t)
	site := newTestSite(t)
	cfg := config.Default()
	cfg.ReadingWidth = 72
	cfg.ListWidth = config.PaneWidth{N: 30, Percent: true}
	o := options{sources: []string{site.URL + ferryPath}, library: filepath.Join(t.TempDir(), "lib")}
	sess := newSession(o, cfg, strings.NewReader(""))
	opts := tuiOptions(o, cfg, sess, strings.NewReader(""))

	if opts.ReadingWidth != 72 || opts.ListWidth == nil || opts.ListWidth(200) != 60 {
		t.Errorf("widths: reading %d, list pane set %v", opts.ReadingWidth, opts.ListWidth != nil)
	}
	if len(opts.Sources) != 1 || len(opts.Docs) != 0 {
		t.Errorf("sources %q, docs %d", opts.Sources, len(opts.Docs))
	}
	url := site.URL + ferryPath
	if opts.Saved(url) {
		t.Errorf("Saved before any load")
	}
	docs := opts.Load(context.Background(), url)
	if len(docs) != 1 || docs[0].Err != nil || docs[0].Stories[0].Title != ferryTitle {
		t.Fatalf("Load: %+v", docs)
	}
	if !opts.Saved(url) || opts.Saved(site.URL+festivalPath) {
		t.Errorf("Saved: %v for the loaded page, %v for another", opts.Saved(url), opts.Saved(site.URL+festivalPath))
	}
	opts.Load(context.Background(), url)
	if site.requests() != 1 {
		t.Errorf("Load went to the network for a saved page: %d requests", site.requests())
	}
	opts.Reload(context.Background(), url)
	if site.requests() != 2 {
		t.Errorf("Reload did not fetch again: %d requests", site.requests())
	}
	if err := opts.OpenURL("file:///etc/passwd"); !errors.Is(err, browser.ErrNotWeb) {
		t.Errorf("OpenURL let a file URL through: %v", err)
	}
}

func TestTUIOptionsNoSource(t *testing.T) {
	isolate(t)
	cfg := config.Default()
	o := options{library: filepath.Join(t.TempDir(), "none")}
	opts := tuiOptions(o, cfg, newSession(o, cfg, nil), nil)
	if len(opts.Sources) != 0 || len(opts.Docs) != 1 || !strings.Contains(opts.Docs[0].Source, "sample") {
		t.Errorf("no library: sources %q, docs %+v", opts.Sources, opts.Docs)
	}
	lib := t.TempDir()
	saveTestPage(t, lib, "https://a.example/one-story", "One story", time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	saveTestPage(t, lib, "https://a.example/two-story", "Two story", time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	o.library = lib
	opts = tuiOptions(o, cfg, newSession(o, cfg, nil), nil)
	if opts.Library == nil || len(opts.Sources) != 0 || len(opts.Docs) != 0 {
		t.Fatalf("library: library %v, sources %q, docs %+v", opts.Library, opts.Sources, opts.Docs)
	}
	items, next, err := opts.Library.Page(context.Background(), nil, 1, false)
	more, _, err2 := opts.Library.Page(context.Background(), next, 1, false)
	if err != nil || err2 != nil || len(items) != 1 || len(more) != 1 ||
		items[0].URL != "https://a.example/two-story" || more[0].URL != "https://a.example/one-story" {
		t.Errorf("library pages %+v then %+v (%v, %v), want newest first, one at a time", items, more, err, err2)
	}
}

// TestLoadsBounded starts many loads at once, as the reader does, and
// checks that only a few fetch at the same time.
func TestLoadsBounded(t *testing.T) {
	isolate(t)
	var mu sync.Mutex
	inFlight, peak := 0, 0
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		peak = max(peak, inFlight)
		mu.Unlock()
		<-release
		mu.Lock()
		inFlight--
		mu.Unlock()
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	cfg := config.Default()
	o := options{library: t.TempDir()}
	sess := newSession(o, cfg, nil)
	limit := cap(sess.busy)
	var wg sync.WaitGroup
	results := make([][]story.Document, 3*limit)
	for i := range results {
		wg.Go(func() { results[i] = sess.load(context.Background(), srv.URL+"/page") })
	}
	// Wait until the first batch is in, then let everything go.
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		n := inFlight
		mu.Unlock()
		if n == limit {
			break
		}
		if time.Now().After(deadline) {
			close(release)
			t.Fatalf("only %d loads started, want %d at once", n, limit)
		}
		time.Sleep(time.Millisecond)
	}
	close(release)
	wg.Wait()
	if peak != limit {
		t.Errorf("peak %d loads at once, want %d", peak, limit)
	}
	for _, docs := range results {
		if len(docs) != 1 || docs[0].Err == nil {
			t.Fatalf("load: %+v", docs)
		}
	}
}
