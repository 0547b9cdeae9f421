package imagestore

import (
	"context"
	"errors"
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

func servePics(t *testing.T, pics map[string][]byte, delay time.Duration) *picServer {
	t.Helper()
	ps := &picServer{}
	ps.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ps.requests.Add(1)
		n := ps.inFlight.Add(1)
		defer ps.inFlight.Add(-1)
		for p := ps.peak.Load(); n > p && !ps.peak.CompareAndSwap(p, n); p = ps.peak.Load() {
		}
		select {
		case <-time.After(delay):
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

func TestSavePage(t *testing.T) {
	a, b, big := pic(t, 10, 10, 1), pic(t, 10, 10, 2), pic(t, 40, 40, 3)
	srv := servePics(t, map[string][]byte{
		"/a.png": a, "/b.png": b, "/copy-of-a.png": a, "/big.png": big,
		"/page.html": []byte("<!doctype html><p>not a picture</p>"),
	}, 0)
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
	pics := map[string][]byte{}
	var urls []string
	srv := servePics(t, pics, 5*time.Millisecond)
	for i := range 6 {
		p := "/" + string(rune('a'+i)) + ".png"
		pics[p] = pic(t, 12, 12, uint8(i))
		urls = append(urls, srv.URL+p)
	}
	size := int64(len(pics["/a.png"]))
	s := open(t, t.TempDir(), Limits{MaxPage: 3*size + size/2})
	got := (&Fetcher{Store: s, Concurrency: 6}).SavePage(context.Background(), urls)
	for i, r := range got {
		if over := i >= 3; over != errors.Is(r.Err, ErrPageBudget) || !over && r.Err != nil {
			t.Errorf("picture %d: %v; want the first three stored, the rest over the page's cap", i, r.Err)
		}
	}
}

func TestSavePageConcurrencyBound(t *testing.T) {
	pics := map[string][]byte{}
	var urls []string
	srv := servePics(t, pics, 20*time.Millisecond)
	for i := range 12 {
		p := "/" + string(rune('a'+i)) + ".png"
		pics[p] = pic(t, 4, 4, uint8(i))
		urls = append(urls, srv.URL+p)
	}
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
	pics := map[string][]byte{}
	var urls []string
	srv := servePics(t, pics, time.Minute)
	for i := range 8 {
		p := "/" + string(rune('a'+i)) + ".png"
		pics[p] = pic(t, 4, 4, uint8(i))
		urls = append(urls, srv.URL+p)
	}
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
