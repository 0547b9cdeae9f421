package imagestore

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tread-reader/tread/fetch"
)

// picServer serves pictures by path from a local test server, counting
// the requests in flight at once.
type picServer struct {
	*httptest.Server
	inFlight, peak atomic.Int32
	requests       atomic.Int32
}

// delay says how long the server waits before answering for a path.
func servePics(t *testing.T, pics map[string][]byte, delay func(path string) time.Duration) *picServer {
	t.Helper()
	ps := &picServer{}
	ps.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ps.requests.Add(1)
		n := ps.inFlight.Add(1)
		defer ps.inFlight.Add(-1)
		for p := ps.peak.Load(); n > p && !ps.peak.CompareAndSwap(p, n); p = ps.peak.Load() {
		}
		select {
		case <-time.After(delay(r.URL.Path)):
		case <-r.Context().Done():
			return
		}
		data, ok := pics[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(r.URL.Path, ".html") {
			w.Header().Set("Content-Type", "text/html")
		} else {
			w.Header().Set("Content-Type", "image/png")
		}
		if _, err := w.Write(data); err != nil {
			t.Logf("serve %s: %v", r.URL.Path, err)
		}
	}))
	t.Cleanup(ps.Close)
	return ps
}

// servePage serves n pictures of w×w pixels at /0.png, /1.png…, each
// answered after delay(i), and returns the server and their URLs.
func servePage(t *testing.T, n, w int, delay func(i int) time.Duration) (*picServer, []string) {
	t.Helper()
	pics := map[string][]byte{}
	index := map[string]int{}
	for i := range n {
		p := fmt.Sprintf("/%d.png", i)
		pics[p], index[p] = pic(t, w, w, uint8(i)), i
	}
	srv := servePics(t, pics, func(p string) time.Duration { return delay(index[p]) })
	urls := make([]string, n)
	for i := range urls {
		urls[i] = fmt.Sprintf("%s/%d.png", srv.URL, i)
	}
	return srv, urls
}

func TestSavePage(t *testing.T) {
	a, b, big := pic(t, 10, 10, 1), pic(t, 10, 10, 2), pic(t, 40, 40, 3)
	srv := servePics(t, map[string][]byte{
		"/a.png": a, "/b.png": b, "/copy-of-a.png": a, "/big.png": big,
		"/page.html": []byte("<!doctype html><p>not a picture</p>"),
	}, func(string) time.Duration { return 0 })
	s := open(t, t.TempDir(), Limits{MaxImage: 2000, MaxPage: 1 << 20})
	f := &Fetcher{Store: s}
	u := func(p string) string { return srv.URL + p }
	got := f.SavePage(context.Background(), []string{
		u("/a.png"), u("/missing.png"), u("/b.png"), u("/a.png"), u("/copy-of-a.png"), u("/page.html"), u("/big.png"), "file:///etc/passwd",
	})
	want := []struct {
		url  string
		hash string
		err  error
	}{
		{u("/a.png"), hashOf(a), nil},
		{u("/missing.png"), "", fetch.ErrStatus},
		{u("/b.png"), hashOf(b), nil},
		{u("/copy-of-a.png"), hashOf(a), nil},
		{u("/page.html"), "", fetch.ErrNotImage},
		{u("/big.png"), "", fetch.ErrTooLarge}, // over the 2000-byte per-picture cap
		{"file:///etc/passwd", "", fetch.ErrScheme},
	}
	if len(got) != len(want) {
		t.Fatalf("%d results, want %d (one per distinct URL): %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.URL != w.url || g.Ref.Hash != w.hash || !errors.Is(g.Err, w.err) || (w.err == nil) != (g.Err == nil) {
			t.Errorf("result %d = %+v, want %s %s %v", i, g, w.url, w.hash, w.err)
		}
	}
	if des, _ := readDir(s); len(des) != 2 {
		t.Errorf("%d files stored, want 2 (a once, b): %v", len(des), des)
	}
}

// TestSavePageBudget: the page's cap keeps the first pictures in page
// order, whichever server answers first.
func TestSavePageBudget(t *testing.T) {
	// The last picture answers first, the first last.
	_, urls := servePage(t, 6, 12, func(i int) time.Duration { return time.Duration(6-i) * 10 * time.Millisecond })
	size := int64(len(pic(t, 12, 12, 0)))
	s := open(t, t.TempDir(), Limits{MaxPage: 3*size + size/2})
	var settled []string
	f := &Fetcher{Store: s, Concurrency: 6, Settled: func(r Result) { settled = append(settled, r.URL) }}
	got := f.SavePage(context.Background(), urls)
	if fmt.Sprint(settled) != fmt.Sprint(urls) {
		t.Errorf("settled in the order %v, want page order %v", settled, urls)
	}
	for i, r := range got {
		if over := i >= 3; over != errors.Is(r.Err, ErrPageBudget) || !over && r.Err != nil {
			t.Errorf("picture %d: %v; want the first three stored, the rest over the page's cap", i, r.Err)
		}
	}
}

func TestSavePageConcurrencyBound(t *testing.T) {
	srv, urls := servePage(t, 12, 4, func(int) time.Duration { return 20 * time.Millisecond })
	got := (&Fetcher{Store: open(t, t.TempDir(), Limits{}), Concurrency: 3}).SavePage(context.Background(), urls)
	for _, r := range got {
		if r.Err != nil {
			t.Error(r.Err)
		}
	}
	if p := srv.peak.Load(); p > 3 || p < 2 {
		t.Errorf("%d requests in flight at most, want up to 3", p)
	}
}

// TestSavePageCancel: cancelling stops what is in flight and what has not
// started; nothing half-done is stored.
func TestSavePageCancel(t *testing.T) {
	srv, urls := servePage(t, 8, 4, func(int) time.Duration { return time.Minute })
	s := open(t, t.TempDir(), Limits{})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	got := (&Fetcher{Store: s, Concurrency: 2}).SavePage(ctx, urls)
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v after the cancel", d)
	}
	for i, r := range got {
		if !errors.Is(r.Err, context.Canceled) {
			t.Errorf("picture %d: %v, want canceled", i, r.Err)
		}
	}
	if n := srv.requests.Load(); n > 2 {
		t.Errorf("%d requests made, want at most the 2 in flight", n)
	}
	if des, _ := readDir(s); len(des) != 0 {
		t.Errorf("files after a cancelled save: %v", des)
	}
}
