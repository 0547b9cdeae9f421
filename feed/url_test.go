package feed

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
	"sync"
	"testing"
	"time"

	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/library"
	"github.com/tread-reader/tread/story"
)

// The pages under testdata/web are served at /news/2026/03/NAME; each
// relates to the next: ferry → festival → lamps.
const (
	ferryPath    = "/news/2026/03/harbour-ferry-returns-after-repairs"
	festivalPath = "/news/2026/03/island-festival-adds-evening-concerts"
	lampsPath    = "/news/2026/03/quay-lamps-restored-before-festival"
)

// site is a local web server that counts the requests for each path.
type site struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newSite(t *testing.T) *site {
	t.Helper()
	s := &site{hits: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/news/2026/03/{name}", func(w http.ResponseWriter, r *http.Request) {
		data, err := os.ReadFile(filepath.Join("testdata", "web", r.PathValue("name")+".html"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(data)
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, ferryPath, http.StatusMovedPermanently)
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		// No <meta charset>: only the header says how to read it.
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write([]byte("<html><head><title>Caf\xe9 reopens on the quay</title></head><body><article><h1>Caf\xe9 reopens on the quay</h1>" +
			strings.Repeat("<p>The caf\xe9 on the quay reopened this week with a new terrace facing the harbour and a menu written by the owner's daughter.</p>", 4) +
			"</article></body></html>"))
	})
	mux.HandleFunc("/dump.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte(goodDump))
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "oops", http.StatusInternalServerError)
	})
	mux.HandleFunc("/report.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.7\n"))
	})
	mux.HandleFunc("/photo", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/jpeg")
		w.Write([]byte{0xff, 0xd8, 0xff, 0xe0})
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write(bytes.Repeat([]byte("<p>endless</p>\n"), 10000))
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>The first words arrive"))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *site) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, c := range s.hits {
		n += c
	}
	return n
}

func openLibrary(t *testing.T, dir string) *library.Library {
	t.Helper()
	lib, err := library.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

// loadStory loads source and wants exactly one document with one story.
func loadStory(t *testing.T, source string, opts Options) story.Story {
	t.Helper()
	doc := loadOne(t, source, opts)
	if doc.Err != nil {
		t.Fatalf("Load(%s): %v", source, doc.Err)
	}
	if len(doc.Stories) != 1 {
		t.Fatalf("Load(%s): %d stories, want 1", source, len(doc.Stories))
	}
	return doc.Stories[0]
}

func TestIsURL(t *testing.T) {
	for src, want := range map[string]bool{
		"https://example.org/a": true, "HTTP://example.org": true, " http://x.org/": true,
		"example.org/a": false, "notes/http.txt": false, "-": false, "ftp://example.org/f": false,
	} {
		if got := IsURL(src); got != want {
			t.Errorf("IsURL(%q) = %v, want %v", src, got, want)
		}
	}
}

func TestLoadURLSavesAndReopens(t *testing.T) {
	s := newSite(t)
	dir := t.TempDir()
	url := s.URL + ferryPath
	opts := Options{Library: openLibrary(t, dir)}

	first := loadStory(t, url, opts)
	if first.Title != "Harbour ferry returns after winter repairs" || first.Byline != "Ines Calder" || first.URL != url {
		t.Errorf("story: title %q byline %q url %q", first.Title, first.Byline, first.URL)
	}
	if !strings.Contains(first.Text(), "eleven weeks in the dry dock") {
		t.Errorf("body lacks the article text: %q", first.Text())
	}
	if s.count(ferryPath) != 1 {
		t.Fatalf("%d requests, want 1", s.count(ferryPath))
	}

	// A second tread on the same library opens the saved copy, no request.
	again := loadStory(t, url, Options{Library: openLibrary(t, dir)})
	if s.count(ferryPath) != 1 {
		t.Errorf("saved copy not used: %d requests", s.count(ferryPath))
	}
	if again.Title != first.Title || again.Text() != first.Text() || again.URL != first.URL {
		t.Errorf("saved copy reads differently:\n%+v\n%+v", again, first)
	}

	// Offline, likewise, and with the server gone.
	s.Close()
	off := loadStory(t, url, Options{Library: openLibrary(t, dir), Offline: true})
	if off.Text() != first.Text() {
		t.Errorf("offline copy reads differently")
	}
}

func TestLoadURLRefresh(t *testing.T) {
	s := newSite(t)
	lib := openLibrary(t, t.TempDir())
	url := s.URL + ferryPath
	loadStory(t, url, Options{Library: lib})
	before, ok := lib.Lookup(url)
	if !ok {
		t.Fatal("page not saved")
	}
	loadStory(t, url, Options{Library: lib, Refresh: true})
	if s.count(ferryPath) != 2 {
		t.Fatalf("refresh made %d requests in all, want 2", s.count(ferryPath))
	}
	after, ok := lib.Lookup(url)
	if !ok || !after.Fetched.After(before.Fetched) {
		t.Errorf("refresh did not replace the saved copy: %v then %v", before.Fetched, after.Fetched)
	}
	// Offline, Refresh cannot fetch: the saved copy opens.
	loadStory(t, url, Options{Library: lib, Refresh: true, Offline: true})
	if s.count(ferryPath) != 2 {
		t.Errorf("offline refresh went to the network")
	}
}

func TestLoadURLOfflineWithoutCopy(t *testing.T) {
	s := newSite(t)
	url := s.URL + ferryPath
	for name, lib := range map[string]*library.Library{"empty library": openLibrary(t, t.TempDir()), "no library": nil} {
		doc := loadOne(t, url, Options{Library: lib, Offline: true})
		want := "no saved copy of " + url + " (offline)"
		if doc.Err == nil || doc.Err.Error() != want || !errors.Is(doc.Err, ErrNotSaved) {
			t.Errorf("%s: error %v, want %q", name, doc.Err, want)
		}
	}
	doc := loadOne(t, "https://exa mple.org/", Options{Offline: true})
	if doc.Err == nil || strings.Contains(doc.Err.Error(), "\n") {
		t.Errorf("bad URL offline: %v", doc.Err)
	}
	if s.total() != 0 {
		t.Errorf("offline loads made %d requests", s.total())
	}
}

func TestLoadURLRedirectSavesFinalURL(t *testing.T) {
	s := newSite(t)
	lib := openLibrary(t, t.TempDir())
	st := loadStory(t, s.URL+"/moved", Options{Library: lib})
	if st.URL != s.URL+ferryPath {
		t.Errorf("story URL %q, want the final URL", st.URL)
	}
	// Both the asked-for and the final URL now open offline.
	for _, u := range []string{s.URL + "/moved", s.URL + ferryPath} {
		if got := loadStory(t, u, Options{Library: lib, Offline: true}); got.Title != st.Title {
			t.Errorf("offline %s: %q", u, got.Title)
		}
	}
}

func TestLoadURLCharsetAndText(t *testing.T) {
	s := newSite(t)
	st := loadStory(t, s.URL+"/latin1", Options{})
	if st.Title != "Café reopens on the quay" || !strings.Contains(st.Text(), "The café on the quay") {
		t.Errorf("latin-1 page misread: %q / %.80q", st.Title, st.Text())
	}
	st = loadStory(t, s.URL+"/dump.txt", Options{})
	if st.Title != "Weir gates replaced" || st.URL != s.URL+"/dump.txt" {
		t.Errorf("text page: %q %q", st.Title, st.URL)
	}
}

// TestLoadURLErrors checks that every kind of failed fetch reaches the
// document as one line naming the URL, and that nothing is saved.
func TestLoadURLErrors(t *testing.T) {
	s := newSite(t)
	tlsSrv := httptest.NewTLSServer(http.NotFoundHandler())
	t.Cleanup(tlsSrv.Close)
	closed := httptest.NewServer(http.NotFoundHandler())
	refusedURL := closed.URL + "/page"
	closed.Close()

	lib := openLibrary(t, t.TempDir())
	tests := []struct {
		name, url string
		opts      fetch.Options
		kind      error
		words     string
	}{
		{"404", s.URL + "/missing", fetch.Options{}, fetch.ErrStatus, "404 Not Found"},
		{"500", s.URL + "/broken", fetch.Options{}, fetch.ErrStatus, "500 Internal Server Error"},
		{"PDF", s.URL + "/report.pdf", fetch.Options{}, fetch.ErrNotHTML, "PDF"},
		{"image", s.URL + "/photo", fetch.Options{}, fetch.ErrNotHTML, "image"},
		{"too large", s.URL + "/huge", fetch.Options{MaxSize: 4096}, fetch.ErrTooLarge, "limit"},
		{"slow body", s.URL + "/slow", fetch.Options{Timeout: 300 * time.Millisecond}, fetch.ErrTimeout, "timed out"},
		{"redirect loop", s.URL + "/loop", fetch.Options{}, fetch.ErrRedirectLoop, "redirect loop"},
		{"refused", refusedURL, fetch.Options{}, fetch.ErrRefused, "connection refused"},
		{"TLS", tlsSrv.URL + "/page", fetch.Options{}, fetch.ErrTLS, "TLS"},
		{"DNS", "http://tread-test.invalid/page", fetch.Options{ConnectTimeout: 2 * time.Second}, nil, ""},
		{"bad URL", "http://exa mple.org/", fetch.Options{}, fetch.ErrBadURL, "invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := loadOne(t, tt.url, Options{Library: lib, Fetch: tt.opts})
			if doc.Err == nil {
				t.Fatalf("no error; stories %+v", doc.Stories)
			}
			msg := doc.Err.Error()
			if strings.Contains(msg, "\n") || !strings.Contains(msg, tt.url) {
				t.Errorf("error %q: want one line naming %s", msg, tt.url)
			}
			if tt.kind != nil && !errors.Is(doc.Err, tt.kind) {
				t.Errorf("error %q is not %v", msg, tt.kind)
			}
			if !strings.Contains(msg, tt.words) {
				t.Errorf("error %q does not say %q", msg, tt.words)
			}
			if doc.Source != tt.url {
				t.Errorf("source %q, want %q", doc.Source, tt.url)
			}
		})
	}
	if entries, warnings := lib.List(); len(entries) != 0 || len(warnings) != 0 {
		t.Errorf("failed fetches left %d entries, %v", len(entries), warnings)
	}
}

func TestLoadOtherScheme(t *testing.T) {
	for _, src := range []string{"ftp://example.org/story.html", "file:///etc/passwd", "javascript://x"} {
		doc := loadOne(t, src, Options{})
		if !errors.Is(doc.Err, ErrScheme) || !strings.Contains(doc.Err.Error(), src) {
			t.Errorf("%s: error %v", src, doc.Err)
		}
	}
}

// TestRelatedChain walks ferry → festival → lamps through the related links
// the extractor finds, online, then again offline from the saved copies.
func TestRelatedChain(t *testing.T) {
	s := newSite(t)
	dir := t.TempDir()
	walk := func(opts Options) []string {
		var titles []string
		url := s.URL + ferryPath
		for range 3 {
			st := loadStory(t, url, opts)
			titles = append(titles, st.Title)
			if len(st.Related) == 0 {
				break
			}
			url = st.Related[0].URL
		}
		return titles
	}
	want := []string{
		"Harbour ferry returns after winter repairs",
		"Island festival adds three evening concerts on the quay",
		"Old quay lamps restored in time for the festival season",
	}
	online := walk(Options{Library: openLibrary(t, dir)})
	if fmt.Sprint(online) != fmt.Sprint(want) {
		t.Fatalf("online walk: %q, want %q", online, want)
	}
	hits := s.total()
	s.Close()
	offline := walk(Options{Library: openLibrary(t, dir), Offline: true})
	if fmt.Sprint(offline) != fmt.Sprint(want) {
		t.Errorf("offline walk: %q, want %q", offline, want)
	}
	if hits != 3 {
		t.Errorf("online walk made %d requests, want 3", hits)
	}
}

func TestLoadURLDamagedCopy(t *testing.T) {
	s := newSite(t)
	dir := t.TempDir()
	lib := openLibrary(t, dir)
	url := s.URL + ferryPath
	loadStory(t, url, Options{Library: lib})
	e, _ := lib.Lookup(url)
	data, err := os.ReadFile(e.Path)
	if err != nil {
		t.Fatal(err)
	}
	// Cut the body short, as a crash outside tread might.
	if err := os.WriteFile(e.Path, data[:len(data)-100], 0o600); err != nil {
		t.Fatal(err)
	}
	doc := loadOne(t, url, Options{Library: lib, Offline: true})
	if doc.Err == nil || !strings.Contains(doc.Err.Error(), "damaged") || !strings.Contains(doc.Err.Error(), url) {
		t.Errorf("offline damaged copy: %v", doc.Err)
	}
	// Online, the page is fetched again and the copy mended.
	loadStory(t, url, Options{Library: lib})
	if s.count(ferryPath) != 2 {
		t.Errorf("%d requests, want 2", s.count(ferryPath))
	}
	loadStory(t, url, Options{Library: lib, Offline: true})
}

func TestLoadURLSaveFails(t *testing.T) {
	s := newSite(t)
	dir := filepath.Join(t.TempDir(), "lib")
	lib := openLibrary(t, dir)
	// The folder gives way to a file: saving fails, even for root.
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	write(t, dir, []byte("not a folder"))
	var warnings []error
	docs := Load(context.Background(), s.URL+ferryPath, Options{Library: lib, Warn: func(err error) { warnings = append(warnings, err) }})
	if len(docs) != 1 || docs[0].Err != nil || len(docs[0].Stories) != 1 {
		t.Fatalf("want the story alone, got %+v", docs)
	}
	if len(warnings) != 1 {
		t.Fatalf("warnings %v, want one", warnings)
	}
	want := "could not keep an offline copy of " + s.URL + ferryPath + " in " + dir + ": not a directory"
	if msg := warnings[0].Error(); msg != want {
		t.Errorf("save warning %q, want %q", msg, want)
	}
}

func TestLoadMixesURLsAndFiles(t *testing.T) {
	s := newSite(t)
	file := write(t, filepath.Join(t.TempDir(), "weir.txt"), []byte(goodDump))
	var titles []string
	for _, src := range []string{file, s.URL + ferryPath} {
		titles = append(titles, loadStory(t, src, Options{}).Title)
	}
	if titles[0] != "Weir gates replaced" || titles[1] != "Harbour ferry returns after winter repairs" {
		t.Errorf("titles %q", titles)
	}
}

func TestLoadURLCancelled(t *testing.T) {
	s := newSite(t)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(100 * time.Millisecond)
		cancel()
	}()
	start := time.Now()
	docs := Load(ctx, s.URL+"/slow", Options{})
	if len(docs) != 1 || !errors.Is(docs[0].Err, context.Canceled) {
		t.Errorf("cancelled load: %+v", docs)
	}
	if time.Since(start) > 3*time.Second {
		t.Errorf("cancel did not stop the fetch")
	}
}

// TestLoadURLUnreadableNotSaved checks that a fetched page that does not
// read into a story is an error naming the URL and is not kept: a copy
// that cannot be read would fail every time the library is opened.
func TestLoadURLUnreadableNotSaved(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/pdf-as-html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"))
	})
	mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body></body></html>"))
	})
	mux.HandleFunc("/chrome.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte("logo\n\nOrange background\n"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	lib := openLibrary(t, t.TempDir())
	for path, words := range map[string]string{
		"/pdf-as-html": "extract html: not an html page",
		"/empty":       "no article found",
		"/chrome.txt":  "no story found",
	} {
		url := srv.URL + path
		docs := Load(context.Background(), url, Options{Library: lib})
		if len(docs) != 1 || docs[0].Err == nil {
			t.Fatalf("%s: %+v, want one failed document", path, docs)
		}
		if want := "read " + url + ": " + words; docs[0].Err.Error() != want {
			t.Errorf("%s: error %q, want %q", path, docs[0].Err, want)
		}
		if _, ok := lib.Lookup(url); ok {
			t.Errorf("%s: a page that could not be read was saved", path)
		}
	}
}

// TestLoadURLRefreshKeepsReadableCopy reloads a saved page whose server now
// sends something unreadable: the reload fails and the good copy stays.
func TestLoadURLRefreshKeepsReadableCopy(t *testing.T) {
	good, err := os.ReadFile(filepath.Join("testdata", "web", "harbour-ferry-returns-after-repairs.html"))
	if err != nil {
		t.Fatal(err)
	}
	var broken sync.Mutex
	bad := false
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		broken.Lock()
		defer broken.Unlock()
		if bad {
			w.Write([]byte("<html><body></body></html>"))
			return
		}
		w.Write(good)
	}))
	t.Cleanup(srv.Close)
	lib := openLibrary(t, t.TempDir())
	url := srv.URL + ferryPath
	first := loadStory(t, url, Options{Library: lib})
	broken.Lock()
	bad = true
	broken.Unlock()
	if doc := loadOne(t, url, Options{Library: lib, Refresh: true}); !errors.Is(doc.Err, ErrNoArticle) {
		t.Fatalf("reload of an empty page: %+v", doc)
	}
	if again := loadStory(t, url, Options{Library: lib, Offline: true}); again.Title != first.Title {
		t.Errorf("saved copy replaced: %q, want %q", again.Title, first.Title)
	}
}
