package subscribe

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
)

const date1, date2 = "Tue, 03 Mar 2026 08:30:00 +0000", "Wed, 04 Mar 2026 08:30:00 +0000"

// TestConditionalRequests: the second refresh of unchanged feeds costs one
// 304 each and nothing else, whether the server validates by ETag or by
// Last-Modified.
func TestConditionalRequests(t *testing.T) {
	site := newNewsSite(t)
	body := rss([4]string{"Ferry", "/news/ferry", "g1", date1}, [4]string{"Quay", "/news/quay", "g2", date2})
	site.handle("/etag.xml", serveFeed(body, `"v1"`, ""))
	site.handle("/lastmod.xml", serveFeed(strings.ReplaceAll(body, "g", "h"), "", "Wed, 04 Mar 2026 09:00:00 GMT"))
	r := refresher(t, true, site.URL+"/etag.xml", site.URL+"/lastmod.xml")

	first := run(t, r)
	for _, res := range first {
		if res.Err != nil || res.New != 2 || res.Saved != 2 {
			t.Fatalf("first refresh: %+v", res)
		}
	}
	if n := site.count("/news/ferry"); n != 1 {
		t.Errorf("article fetched %d times, want once (the second feed's copy comes from the library)", n)
	}
	site.takeStatuses()
	second := run(t, r)
	for _, res := range second {
		if !res.Unchanged || res.New != 0 || res.Err != nil {
			t.Errorf("second refresh: %+v", res)
		}
	}
	if got := site.takeStatuses(); !slices.Equal(got, []int{304, 304}) {
		t.Errorf("second refresh got statuses %v, want two 304s", got)
	}
	back, err := LoadState(r.StatePath)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.New) != 4 || back.Feeds[site.URL+"/etag.xml"].ETag != `"v1"` {
		t.Errorf("state after two refreshes: %d new, %+v", len(back.New), back.Feeds[site.URL+"/etag.xml"])
	}
}

// TestRetryAfter: a 429 or 503 with Retry-After is not asked again before
// the time it names; then it is.
func TestRetryAfter(t *testing.T) {
	for _, code := range []int{http.StatusTooManyRequests, http.StatusServiceUnavailable} {
		t.Run(fmt.Sprint(code), func(t *testing.T) {
			site := newNewsSite(t)
			site.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Retry-After", "120")
				w.WriteHeader(code)
			})
			r := refresher(t, false, site.URL+"/feed")
			now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
			r.Now = func() time.Time { return now }
			res := run(t, r)[0]
			if res.Err == nil || !res.Waiting.Equal(now.Add(120*time.Second)) {
				t.Fatalf("result %+v, want an error and a wait of 120s", res)
			}
			now = now.Add(119 * time.Second)
			res = run(t, r)[0]
			if site.count("/feed") != 1 || res.Err == nil || res.Waiting.IsZero() {
				t.Errorf("asked again within Retry-After: %d requests, %+v", site.count("/feed"), res)
			}
			now = now.Add(2 * time.Second)
			site.handle("/feed", serveFeed(rss([4]string{"Back", "/news/back", "b", date1}), "", ""))
			if res = run(t, r)[0]; res.Err != nil || res.New != 1 || site.count("/feed") != 2 {
				t.Errorf("after Retry-After: %+v, %d requests", res, site.count("/feed"))
			}
		})
	}
}

// TestBackoff: a failing feed keeps its last error and waits longer after
// each failure in a row.
func TestBackoff(t *testing.T) {
	site := newNewsSite(t)
	site.handle("/feed", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusInternalServerError) })
	r := refresher(t, false, site.URL+"/feed")
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	r.Now = func() time.Time { return now }
	var waits []time.Duration
	for range 3 {
		res := run(t, r)[0]
		if res.Err == nil || !strings.Contains(res.Err.Error(), "500 Internal Server Error") {
			t.Fatalf("err = %v", res.Err)
		}
		waits = append(waits, res.Waiting.Sub(now))
		now = res.Waiting
	}
	if !(waits[0] == firstBackoff && waits[1] == 2*firstBackoff && waits[2] == 4*firstBackoff) {
		t.Errorf("waits %v", waits)
	}
	if st := r.State.Feeds[site.URL+"/feed"]; st.Failures != 3 || !strings.Contains(st.LastError, "500") {
		t.Errorf("state %+v", st)
	}
}

// TestPerHostLimits: many feeds on one host get at most 2 requests at
// once; feeds on many hosts at most 8 in all.
func TestPerHostLimits(t *testing.T) {
	shared := &concurrency{}
	var sites []*newsSite
	var feeds []string
	for range 6 {
		site := newNewsSite(t)
		site.delay, site.shared = 40*time.Millisecond, shared
		for i := range 4 {
			path := fmt.Sprintf("/feed%d", i)
			site.handle(path, serveFeed(rss([4]string{"A", "/news/a", path, date1}), "", ""))
			feeds = append(feeds, site.URL+path)
		}
		sites = append(sites, site)
	}
	r := refresher(t, false, feeds...)
	for _, res := range run(t, r) {
		if res.Err != nil {
			t.Fatal(res.Err)
		}
	}
	for i, s := range sites {
		if m := s.maxSeen.Load(); m > DefaultPerHost {
			t.Errorf("host %d had %d requests at once, limit %d", i, m, DefaultPerHost)
		}
	}
	if m := shared.max.Load(); m > DefaultTotal || m < DefaultPerHost {
		t.Errorf("%d requests at once in all, limit %d", m, DefaultTotal)
	}
}

// TestMovedFeed: a feed that moved for good (301) is followed and the
// subscription, and its state, take the new URL.
func TestMovedFeed(t *testing.T) {
	site := newNewsSite(t)
	site.handle("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/new", http.StatusMovedPermanently)
	})
	site.handle("/new", serveFeed(rss([4]string{"Ferry", "/news/ferry", "g1", date1}), `"e"`, ""))
	site.handle("/temp", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/new", http.StatusFound) })
	r := refresher(t, false, site.URL+"/old", site.URL+"/temp")
	res := run(t, r)
	if res[0].MovedFrom != site.URL+"/old" || res[0].Feed != site.URL+"/new" || res[1].MovedFrom != "" {
		t.Fatalf("results %+v", res)
	}
	saved, err := LoadList(r.ListPath)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Find(site.URL+"/new") < 0 || saved.Find(site.URL+"/old") >= 0 || saved.Find(site.URL+"/temp") < 0 {
		t.Errorf("saved list %+v", saved.Subs)
	}
	if _, ok := r.State.Feeds[site.URL+"/old"]; ok || r.State.Feeds[site.URL+"/new"].ETag != `"e"` {
		t.Errorf("state not moved: %+v", r.State.Feeds)
	}
}

// TestFeedTurnsIntoHTML: a feed URL that now serves a web page is a clear
// one-line error, kept in the state.
func TestFeedTurnsIntoHTML(t *testing.T) {
	site := newNewsSite(t)
	site.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<!doctype html><html><body><p>Please log in.</p></body></html>")
	})
	r := refresher(t, false, site.URL+"/feed")
	res := run(t, r)[0]
	if !errors.Is(res.Err, ErrNotFeed) || strings.Contains(res.Err.Error(), "\n") || !strings.Contains(res.Err.Error(), "text/html") {
		t.Fatalf("err = %v", res.Err)
	}
	if st := r.State.Feeds[site.URL+"/feed"]; st.LastError != res.Err.Error() {
		t.Errorf("last error %q", st.LastError)
	}
}

// TestHugeFeed: a feed of 100,000 items is read within bounds: at most
// syndication.MaxItems new items, at most maxArticles articles fetched.
func TestHugeFeed(t *testing.T) {
	site := newNewsSite(t)
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>Huge</title>`)
	for i := range 100_000 {
		fmt.Fprintf(&b, "<item><title>Item %d</title><link>/news/%d</link></item>", i, i)
	}
	b.WriteString("</channel></rss>")
	site.handle("/feed", serveFeed(b.String(), "", ""))
	r := refresher(t, true, site.URL+"/feed")
	res := run(t, r)[0]
	if res.Err != nil || res.New != 1000 || res.Saved != maxArticles {
		t.Fatalf("result: new %d, saved %d, err %v", res.New, res.Saved, res.Err)
	}
	if len(r.State.New) != 1000 {
		t.Errorf("%d new items in the state", len(r.State.New))
	}
}

// TestItemsWithoutLinksIdsOrDates: items are told apart by what they have,
// and never listed new twice, even re-sent in another order.
func TestItemsWithoutLinksIdsOrDates(t *testing.T) {
	site := newNewsSite(t)
	items := [][4]string{
		{"Only a title", "", "", ""},
		{"Title and date", "", "", date1},
		{"", "/news/only-link", "", ""},
		{"", "", "only-guid", ""},
		{"Podcast 1", "/", "ep1", ""},
		{"Podcast 2", "/", "ep2", ""},
	}
	site.handle("/feed", serveFeed(rss(items...), "", ""))
	r := refresher(t, true, site.URL+"/feed")
	if res := run(t, r)[0]; res.Err != nil || res.New != len(items) {
		t.Fatalf("first: %+v", res)
	}
	slices.Reverse(items)
	site.handle("/feed", serveFeed(rss(items...), "", ""))
	if res := run(t, r)[0]; res.Err != nil || res.New != 0 {
		t.Fatalf("re-sent reordered: %+v", res)
	}
	if len(r.State.New) != 6 {
		t.Errorf("%d new items listed", len(r.State.New))
	}
}

func TestRetryAfterHeader(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		v    string
		want time.Duration
		ok   bool
	}{
		{"120", 2 * time.Minute, true},
		{"Sun, 01 Mar 2026 12:10:00 GMT", 10 * time.Minute, true},
		{"999999999", maxRetryAfter, true},
		{"-5", 0, true},
		{"soon", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		h := http.Header{}
		if tt.v != "" {
			h.Set("Retry-After", tt.v)
		}
		if d, ok := retryAfter(h, now); d != tt.want || ok != tt.ok {
			t.Errorf("%q: %v %v, want %v %v", tt.v, d, ok, tt.want, tt.ok)
		}
	}
}
