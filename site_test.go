package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// The pages of feed/testdata/web, served at /news/2026/03/NAME, relate to
// one another: ferry → festival → lamps.
const (
	ferryPath    = "/news/2026/03/harbour-ferry-returns-after-repairs"
	festivalPath = "/news/2026/03/island-festival-adds-evening-concerts"
	lampsPath    = "/news/2026/03/quay-lamps-restored-before-festival"

	ferryTitle    = "Harbour ferry returns after winter repairs"
	festivalTitle = "Island festival adds three evening concerts on the quay"
	lampsTitle    = "Old quay lamps restored in time for the festival season"
)

// testSite is a local web server of news pages that counts its requests.
type testSite struct {
	*httptest.Server
	mu   sync.Mutex
	hits int
	ua   string // the last request's User-Agent
}

func newTestSite(t *testing.T) *testSite {
	t.Helper()
	s := &testSite{}
	mux := http.NewServeMux()
	mux.HandleFunc("/news/2026/03/{name}", func(w http.ResponseWriter, r *http.Request) {
		data, err := os.ReadFile(filepath.Join("feed", "testdata", "web", r.PathValue("name")+".html"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(data)
	})
	mux.HandleFunc("/missing", http.NotFound)
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits++
		s.ua = r.UserAgent()
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *testSite) requests() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits
}

func (s *testSite) userAgent() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.ua
}
