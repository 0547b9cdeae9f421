package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/subscribe"
)

// feedSite serves a site's home page naming its feed, the feed, and the
// articles it lists.
func feedSite(t *testing.T) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<!doctype html><html><head><title>Ledger</title><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body><p>Home</p></body></html>`)
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Header().Set("ETag", `"1"`)
		if r.Header.Get("If-None-Match") == `"1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Harbour Ledger</title>
<item><title>Ferry returns</title><link>/news/ferry</link><guid>1</guid><description>Summary only.</description></item>
</channel></rss>`)
	})
	mux.HandleFunc("/news/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<!doctype html><html><head><title>Ferry returns</title></head><body><article><h1>Ferry returns</h1>")
		for range 5 {
			fmt.Fprint(w, "<p>The harbour ferry resumed its crossing on Monday morning after a winter of repairs to its hull and engines.</p>")
		}
		fmt.Fprint(w, "</article></body></html>")
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// TestFeedCommands: subscribe by a site's URL, export and import OPML,
// refresh twice (the second costs a 304), read the saved article offline,
// unsubscribe.
func TestFeedCommands(t *testing.T) {
	srv := feedSite(t)
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.toml")
	lib := filepath.Join(dir, "data", "library")
	base := []string{"--config", cfg, "--library", lib}
	if err := os.WriteFile(cfg, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tread := func(args ...string) (int, string, string) {
		return runArgs(t, "", append(append([]string(nil), base...), args...)...)
	}

	if code, out, errs := tread("--subscribe", srv.URL+"/"); code != 0 || !strings.Contains(out, srv.URL+"/feed.xml") {
		t.Fatalf("subscribe: %d %q %q", code, out, errs)
	}
	subs, err := os.ReadFile(filepath.Join(dir, "subscriptions.txt"))
	if err != nil || !strings.Contains(string(subs), srv.URL+"/feed.xml Harbour Ledger") {
		t.Fatalf("subscriptions file: %q %v", subs, err)
	}
	code, opml, _ := tread("--export-opml")
	if code != 0 || !strings.Contains(opml, `xmlUrl="`+srv.URL+`/feed.xml"`) {
		t.Fatalf("export: %d %q", code, opml)
	}
	opmlPath := filepath.Join(dir, "subs.opml")
	if err := os.WriteFile(opmlPath, []byte(opml), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := tread("--import-opml", opmlPath); code != 0 || !strings.Contains(out, "imported 0 feeds (1 already followed)") {
		t.Errorf("import: %d %q", code, out)
	}

	if code, out, errs := tread("--refresh"); code != 0 || !strings.Contains(out, "refreshed 1 feed: 1 new story, 1 article saved, 0 failed") {
		t.Fatalf("refresh: %d %q %q", code, out, errs)
	}
	if code, out, errs := tread("--refresh"); code != 0 || !strings.Contains(out, "0 new stories") {
		t.Fatalf("second refresh: %d %q %q", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "feeds-state.json")); err != nil {
		t.Errorf("no state file: %v", err)
	}
	code, js, errs := tread("--offline", "--json", srv.URL+"/news/ferry")
	if code != 0 || !strings.Contains(js, "resumed its crossing") {
		t.Errorf("saved article offline: %d %q %q", code, js, errs)
	}

	if code, _, _ := tread("--unsubscribe", srv.URL+"/feed.xml"); code != 0 {
		t.Errorf("unsubscribe: %d", code)
	}
	if code, _, errs := tread("--unsubscribe", srv.URL+"/feed.xml"); code != 1 || !strings.Contains(errs, "not subscribed") {
		t.Errorf("second unsubscribe: %d %q", code, errs)
	}
}

func TestFeedCommandUsage(t *testing.T) {
	for _, args := range [][]string{
		{"--refresh", "page.html"},
		{"--refresh", "--json"},
		{"--export-opml", "--refresh"},
	} {
		if code, _, errs := runArgs(t, "", args...); code != 2 || !strings.Contains(errs, "--") {
			t.Errorf("%q: %d %q", args, code, errs)
		}
	}
	dir := t.TempDir()
	if code, _, errs := runArgs(t, "", "--config", filepath.Join(dir, "none.toml"), "--subscribe", "https://x.example/"); code == 0 || errs == "" {
		t.Errorf("subscribe with a missing config file: %d %q", code, errs)
	}
}

// TestSubscriptionsWithDevNullConfig: --config /dev/null means no
// settings; the subscriptions stay in the usual place, not in /dev.
func TestSubscriptionsWithDevNullConfig(t *testing.T) {
	cfgHome := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfgHome)
	got, err := subscriptionsPath(options{configPath: os.DevNull})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(cfgHome, "tread", subscribe.FileName); got != want {
		t.Errorf("subscriptions at %s, want %s", got, want)
	}
}

// TestRefreshProgress: on a terminal, --refresh prints a line per feed and
// keeps one line up to date, in place, with the articles fetched, erased
// before the summary; to anything else (cron) it prints the summary alone.
func TestRefreshProgress(t *testing.T) {
	srv := feedSite(t)
	for _, width := range []int{0, 60, 30} {
		t.Run(fmt.Sprint("width ", width), func(t *testing.T) {
			dir := t.TempDir()
			cfgPath := filepath.Join(dir, "config.toml")
			if err := os.WriteFile(cfgPath, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			subs := srv.URL + "/feed.xml Harbour Ledger\n"
			if err := os.WriteFile(filepath.Join(dir, "subscriptions.txt"), []byte(subs), 0o644); err != nil {
				t.Fatal(err)
			}
			o, err := parseArgs([]string{"--config", cfgPath, "--library", filepath.Join(dir, "library"), "--refresh"}, nil)
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := config.Load(o.configPath)
			if err != nil {
				t.Fatal(err)
			}
			list, err := subscribe.LoadList(filepath.Join(dir, "subscriptions.txt"))
			if err != nil {
				t.Fatal(err)
			}
			var out, errs bytes.Buffer
			code := refreshTo(context.Background(), o, cfg, newSession(o, cfg, nil), list,
				filepath.Join(dir, "subscriptions.txt"), &out, &errs, width)
			summary := "refreshed 1 feed: 1 new story, 1 article saved, 0 failed\n"
			got := out.String()
			if code != 0 || !strings.HasSuffix(got, summary) {
				t.Fatalf("exit %d, output %q, errors %q", code, got, errs.String())
			}
			if width == 0 {
				if got != summary {
					t.Errorf("not a terminal: %q, want the summary alone", got)
				}
				return
			}
			wants := []string{
				"\r\x1b[Karticles 0/1 [--------------------] Harbour Ledger",
				"\r\x1b[Karticles 1/1 [####################] Harbour Ledger",
				"\r\x1b[K[1/1] Harbour Ledger: 1 new, 1 saved\n",
				"\r\x1b[K" + summary,
			}
			if width < 60 { // the progress line is cut to fit
				wants = []string{"\r\x1b[Karticles 1/1 [##########] Ha…", "\r\x1b[K" + summary}
			}
			for _, want := range wants {
				if !strings.Contains(got, want) {
					t.Errorf("terminal output lacks %q:\n%q", want, got)
				}
			}
			for _, l := range strings.Split(got, "\r\x1b[K") {
				// The progress line is redrawn in place: it must never wrap.
				if w := ansi.StringWidth(l); strings.HasPrefix(l, "articles") && w >= width {
					t.Errorf("line %q is %d wide, the terminal %d", l, w, width)
				}
			}
		})
	}
}

// The refresh summary counts in the singular and the plural, and hands
// back the last failure; a skipped feed (backing off) is no failure.
func TestRefreshSummary(t *testing.T) {
	down := errors.New("404 Not Found")
	for _, tc := range []struct {
		results []subscribe.Result
		want    string
		failed  bool
	}{
		{nil, "refreshed 0 feeds: 0 new stories, 0 articles saved, 0 failed", false},
		{[]subscribe.Result{{New: 1, Saved: 1}}, "refreshed 1 feed: 1 new story, 1 article saved, 0 failed", false},
		{[]subscribe.Result{{New: 2, Saved: 1}, {Err: down}}, "refreshed 2 feeds: 2 new stories, 1 article saved, 1 failed", true},
		{[]subscribe.Result{{Skipped: true, Err: down}}, "refreshed 1 feed: 0 new stories, 0 articles saved, 0 failed", false},
	} {
		got, last := refreshSummary(tc.results)
		if got != tc.want || (last != nil) != tc.failed {
			t.Errorf("refreshSummary = %q, %v; want %q, failed %v", got, last, tc.want, tc.failed)
		}
	}
}
