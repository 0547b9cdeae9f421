package subscribe

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tread-reader/tread/library"
)

// newsSite is a local server of feeds and article pages that counts what it
// is asked.
type newsSite struct {
	*httptest.Server
	mu       sync.Mutex
	requests map[string]int // path → requests
	statuses []int          // every status written, in order
	handlers map[string]http.HandlerFunc
	inFlight atomic.Int32
	maxSeen  atomic.Int32
	shared   *concurrency // counts across servers, when set
	delay    time.Duration
}

// concurrency counts requests in flight across several servers.
type concurrency struct{ now, max atomic.Int32 }

func (c *concurrency) enter() {
	n := c.now.Add(1)
	for {
		m := c.max.Load()
		if n <= m || c.max.CompareAndSwap(m, n) {
			return
		}
	}
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) { w.code = code; w.ResponseWriter.WriteHeader(code) }

func newNewsSite(t testing.TB) *newsSite {
	s := &newsSite{requests: map[string]int{}, handlers: map[string]http.HandlerFunc{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := s.inFlight.Add(1)
		defer s.inFlight.Add(-1)
		for m := s.maxSeen.Load(); n > m && !s.maxSeen.CompareAndSwap(m, n); m = s.maxSeen.Load() {
		}
		if s.shared != nil {
			s.shared.enter()
			defer s.shared.now.Add(-1)
		}
		time.Sleep(s.delay)
		s.mu.Lock()
		s.requests[r.URL.Path]++
		h := s.handlers[r.URL.Path]
		s.mu.Unlock()
		sw := &statusWriter{ResponseWriter: w, code: 200}
		if h == nil {
			if strings.HasPrefix(r.URL.Path, "/news/") {
				h = articlePage
			} else {
				h = http.NotFound
			}
		}
		h(sw, r)
		s.mu.Lock()
		s.statuses = append(s.statuses, sw.code)
		s.mu.Unlock()
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *newsSite) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	s.handlers[path] = h
	s.mu.Unlock()
}

func (s *newsSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[path]
}

// takeStatuses returns the statuses written since the last call.
func (s *newsSite) takeStatuses() []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.statuses
	s.statuses = nil
	return out
}

// articlePage serves an article with enough prose to be read as one.
func articlePage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	name := strings.TrimPrefix(r.URL.Path, "/news/")
	fmt.Fprintf(w, "<!doctype html><html><head><title>Story %s</title></head><body><article><h1>Story %s</h1>", name, name)
	for i := range 6 {
		fmt.Fprintf(w, "<p>Paragraph %d of story %s tells of the harbour, the ferry that crosses it every morning, and the people who wait on the quay in all weathers for it to come in.</p>", i, name)
	}
	fmt.Fprint(w, "</article></body></html>")
}

// rss is a feed of items; each item is {title, link path, guid, date}.
func rss(items ...[4]string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Harbour Ledger</title><link>/</link>`)
	for _, it := range items {
		b.WriteString("<item>")
		if it[0] != "" {
			fmt.Fprintf(&b, "<title>%s</title>", it[0])
		}
		if it[1] != "" {
			fmt.Fprintf(&b, "<link>%s</link>", it[1])
		}
		if it[2] != "" {
			fmt.Fprintf(&b, "<guid>%s</guid>", it[2])
		}
		if it[3] != "" {
			fmt.Fprintf(&b, "<pubDate>%s</pubDate>", it[3])
		}
		b.WriteString("<description>Summary.</description></item>")
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

// serveFeed answers with body, honouring If-None-Match against etag and
// If-Modified-Since against lastModified when they are set.
func serveFeed(body, etag, lastModified string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if etag != "" {
			w.Header().Set("ETag", etag)
		}
		if lastModified != "" {
			w.Header().Set("Last-Modified", lastModified)
		}
		if (etag != "" && r.Header.Get("If-None-Match") == etag) ||
			(etag == "" && lastModified != "" && r.Header.Get("If-Modified-Since") == lastModified) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, body)
	}
}

// refresher is a Refresher over feeds with its files in a temporary
// folder and a library there.
func refresher(t testing.TB, articles bool, feeds ...string) *Refresher {
	t.Helper()
	dir := t.TempDir()
	lib, err := library.Open(filepath.Join(dir, "library"))
	if err != nil {
		t.Fatal(err)
	}
	l := &List{}
	for _, f := range feeds {
		l.Add(Subscription{URL: f})
	}
	return &Refresher{
		List: l, ListPath: filepath.Join(dir, FileName),
		State: &State{Feeds: map[string]*FeedState{}}, StatePath: filepath.Join(dir, StateFileName),
		Library: lib, Articles: articles,
	}
}

func run(t *testing.T, r *Refresher) []Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	res, err := r.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return res
}
