package library

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tread-reader/tread/fetch"
)

func open(t *testing.T, dir string) *Library {
	t.Helper()
	l, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func testPage(url string, fetched time.Time, body string) fetch.Page {
	return fetch.Page{
		URL: url, Requested: url, Status: 200, ContentType: "text/html", Charset: "utf-8",
		Header: http.Header{
			"Content-Type":  {"text/html; charset=utf-8"},
			"Last-Modified": {"Tue, 03 Jun 2025 10:00:00 GMT"},
			"Etag":          {`"abc"`},
		},
		Body: []byte(body), Fetched: fetched,
	}
}

func save(t *testing.T, l *Library, p fetch.Page) Entry {
	t.Helper()
	e, err := l.Save(p)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// samePage compares pages, times by instant (saved times come back in UTC).
func samePage(t *testing.T, got, want fetch.Page) {
	t.Helper()
	if !got.Fetched.Equal(want.Fetched) {
		t.Errorf("Fetched = %v, want %v", got.Fetched, want.Fetched)
	}
	got.Fetched, want.Fetched = time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("page read back = %+v\nwant %+v", got, want)
	}
}

func TestSaveLookupRead(t *testing.T) {
	l := open(t, t.TempDir())
	p := testPage("https://news.example.org/2025/06/story.html", time.Date(2025, 6, 3, 10, 0, 0, 123, time.Local), "<html>\x00binary\xff and all</html>")
	p.Requested = "http://example.org/s/123"
	e := save(t, l, p)
	if e.URL != p.URL || e.Requested != p.Requested || e.Size != int64(len(p.Body)) || !e.Fetched.Equal(p.Fetched) {
		t.Errorf("Entry = %+v", e)
	}
	if filepath.Dir(e.Path) != l.Dir() {
		t.Errorf("Path %q is not in %q", e.Path, l.Dir())
	}
	for _, u := range []string{
		p.URL, p.Requested,
		"http://news.example.org/2025/06/story.html",
		"https://NEWS.Example.org:443/2025/06/story.html#comments",
		"  https://example.org/s/123  ",
	} {
		got, ok := l.Lookup(u)
		if !ok || got.Path != e.Path {
			t.Errorf("Lookup(%q) = %+v, %v", u, got, ok)
		}
	}
	for _, u := range []string{"https://news.example.org/2025/06/other.html", "https://news.example.org/2025/06/story.html?page=2", "https://news.example.org:8443/2025/06/story.html", ""} {
		if got, ok := l.Lookup(u); ok {
			t.Errorf("Lookup(%q) found %+v", u, got)
		}
	}
	got, err := l.Read(e)
	if err != nil {
		t.Fatal(err)
	}
	samePage(t, got, p)

	// A second Library on the folder, as the next run of tread, finds it.
	again := open(t, l.Dir())
	e2, ok := again.Lookup(p.Requested)
	if !ok {
		t.Fatal("not found after reopening")
	}
	got, err = again.Read(e2)
	if err != nil {
		t.Fatal(err)
	}
	samePage(t, got, p)
}

func TestSaveWithoutRedirect(t *testing.T) {
	l := open(t, t.TempDir())
	p := testPage("https://example.org/a", time.Now(), "a")
	e := save(t, l, p)
	if e.Requested != "" {
		t.Errorf("Requested = %q, want empty when it is the URL", e.Requested)
	}
	got, err := l.Read(e)
	if err != nil {
		t.Fatal(err)
	}
	samePage(t, got, p)
	if _, err := l.Save(fetch.Page{Body: []byte("x")}); err == nil {
		t.Error("saved a page without a URL")
	}
	p = fetch.Page{URL: "https://example.org/b"}
	e = save(t, l, p)
	if e.Fetched.IsZero() || e.Size != 0 {
		t.Errorf("Entry = %+v, want a fetch time and no body", e)
	}
}

func TestSaveReplacesOlderCopy(t *testing.T) {
	l := open(t, t.TempDir())
	t0 := time.Now().Add(-time.Hour)
	first := save(t, l, testPage("https://example.org/live", t0, "first version, longer"))
	second := save(t, l, testPage("https://example.org/live", t0.Add(time.Minute), "second"))
	if first.Path != second.Path {
		t.Errorf("copies of one URL in two files: %s, %s", first.Path, second.Path)
	}
	entries, warnings := l.List()
	if len(entries) != 1 || len(warnings) != 0 {
		t.Fatalf("List = %v, %v", entries, warnings)
	}
	got, err := l.Read(entries[0])
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Body) != "second" {
		t.Errorf("Body = %q", got.Body)
	}
}

// When the same link later redirects elsewhere, the newer copy answers it.
func TestRequestedURLGoesToNewestCopy(t *testing.T) {
	dir := t.TempDir()
	l := open(t, dir)
	t0 := time.Now().Add(-time.Hour)
	old := testPage("https://example.org/old-home", t0, "old")
	old.Requested = "https://example.org/latest"
	save(t, l, old)
	newer := testPage("https://example.org/new-home", t0.Add(time.Minute), "new")
	newer.Requested = "https://example.org/latest"
	save(t, l, newer)
	for _, lib := range []*Library{l, open(t, dir)} {
		e, ok := lib.Lookup("https://example.org/latest")
		if !ok || e.URL != newer.URL {
			t.Errorf("Lookup = %+v, %v; want the newer copy", e, ok)
		}
		if e, ok := lib.Lookup(old.URL); !ok || e.URL != old.URL {
			t.Errorf("old copy by its own URL = %+v, %v", e, ok)
		}
	}
}

func TestListNewestFirst(t *testing.T) {
	l := open(t, t.TempDir())
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, d := range []int{2, 0, 3, 1} {
		save(t, l, testPage(fmt.Sprintf("https://example.org/%d", i), t0.Add(time.Duration(d)*time.Hour), strings.Repeat("x", i)))
	}
	entries, warnings := l.List()
	if len(warnings) != 0 {
		t.Fatalf("warnings: %v", warnings)
	}
	var order []string
	for _, e := range entries {
		order = append(order, e.URL[len(e.URL)-1:])
	}
	if got := strings.Join(order, ""); got != "2031" {
		t.Errorf("order = %s, want 2031 (newest first)", got)
	}
}

func TestEmptyAndBadFolders(t *testing.T) {
	if _, err := Open(""); err == nil {
		t.Error("Open(\"\") succeeded")
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(file); err == nil || !strings.Contains(err.Error(), file) {
		t.Errorf("Open(a file) = %v", err)
	}
	nested := filepath.Join(t.TempDir(), "a", "b", "library")
	l := open(t, nested)
	entries, warnings := l.List()
	if len(entries) != 0 || len(warnings) != 0 {
		t.Errorf("new library lists %v, %v", entries, warnings)
	}
}

// Damaged files are skipped with a warning each; the rest still list and
// read.
func TestDamagedEntriesAreSkipped(t *testing.T) {
	dir := t.TempDir()
	l := open(t, dir)
	good := save(t, l, testPage("https://example.org/good", time.Now(), "<p>good</p>"))
	victim := save(t, l, testPage("https://example.org/victim", time.Now(), strings.Repeat("body ", 1000)))
	data, err := os.ReadFile(victim.Path)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("truncated.page", data[:len(data)/2])
	write("longer.page", append(append([]byte{}, data...), "extra"...))
	write("junk.page", []byte("this is not a saved page"))
	write("empty.page", nil)
	write("no-newline.page", []byte(magic+strings.Repeat("{", maxHeader+10)))
	write("bad-json.page", []byte(magic+"{\"url\": 3}\n"))
	write("no-url.page", []byte(magic+`{"size":0,"sha256":"`+strings.Repeat("0", 64)+"\"}\n"))
	write("notes.txt", []byte("not a page, not our business"))
	write(tempPrefix+"half-written.page-123", data[:100])
	if err := os.Mkdir(filepath.Join(dir, "folder.page"), 0o755); err != nil {
		t.Fatal(err)
	}
	// Same length, one byte changed: only the checksum can tell.
	flipped := append([]byte{}, data...)
	flipped[len(flipped)-1] ^= 0x20
	write("flipped.page", flipped)

	l = open(t, dir)
	entries, warnings := l.List()
	var names []string
	for _, e := range entries {
		names = append(names, filepath.Base(e.Path))
	}
	// Indexing reads every body, so a flipped byte is found then.
	if len(entries) != 2 { // good, victim
		t.Errorf("entries = %v", names)
	}
	if len(warnings) != 8 {
		t.Errorf("%d warnings, want 8: %v", len(warnings), warnings)
	}
	if !slices.ContainsFunc(warnings, func(w error) bool { return strings.Contains(w.Error(), "flipped.page: checksum mismatch") }) {
		t.Errorf("no checksum warning for flipped.page: %v", warnings)
	}
	for _, w := range warnings {
		if !errors.Is(w, ErrCorrupt) || !strings.HasPrefix(w.Error(), "library: skip "+dir) {
			t.Errorf("warning %q", w)
		}
	}
	for _, e := range entries {
		p, err := l.Read(e)
		switch filepath.Base(e.Path) {
		case "flipped.page":
			if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "checksum mismatch") {
				t.Errorf("Read(flipped) = %v", err)
			}
		default:
			if err != nil {
				t.Errorf("Read(%s) = %v", e.Path, err)
			}
			if e.Path == good.Path && string(p.Body) != "<p>good</p>" {
				t.Errorf("good body = %q", p.Body)
			}
		}
	}
	if _, err := l.Read(Entry{Path: filepath.Join(dir, "junk.page")}); !errors.Is(err, ErrCorrupt) {
		t.Errorf("Read(junk) = %v", err)
	}
}

var safeName = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{16}\.page$`)

func TestFileNamesAreSafe(t *testing.T) {
	l := open(t, t.TempDir())
	urls := []string{
		"https://example.org/",
		"https://example.org/" + strings.Repeat("very-long-path/", 400),
		"https://example.org/../../../etc/passwd",
		"https://example.org/a%2F..%2F..%2Fb?x=/../y",
		"https://example.org/%00%0a%1b[31m",
		"https://例え.jp/記事/ニュース",
		"https://example.org/CON/aux/nul.txt",
		"https://[::1]:8080/page",
		"https://example.org/" + strings.Repeat("ü", 300),
		"not even a URL \x00 \\ / :*?\"<>|",
	}
	seen := map[string]string{}
	for _, u := range urls {
		e := save(t, l, testPage(u, time.Now(), u))
		name := filepath.Base(e.Path)
		if filepath.Dir(e.Path) != l.Dir() || !safeName.MatchString(name) || len(name) > maxSlug+24 {
			t.Errorf("%q saved as %q", u, e.Path)
		}
		if prev, dup := seen[name]; dup {
			t.Errorf("%q and %q share %s", prev, u, name)
		}
		seen[name] = u
		if got, ok := l.Lookup(u); !ok || got.Path != e.Path {
			t.Errorf("Lookup(%q) = %+v, %v", u, got, ok)
		}
	}
	if want := "example-org-"; !strings.HasPrefix(fileName(key("https://example.org/")), want) {
		t.Errorf("slug of example.org = %s", fileName(key("https://example.org/")))
	}
}

func TestStaleTempFilesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, tempPrefix+"old.page-1")
	young := filepath.Join(dir, tempPrefix+"young.page-2")
	for _, p := range []string{stale, young} {
		if err := os.WriteFile(p, []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-2 * staleTemp)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	l := open(t, dir)
	if entries, warnings := l.List(); len(entries) != 0 || len(warnings) != 0 {
		t.Errorf("List = %v, %v", entries, warnings)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale temp file still there: %v", err)
	}
	if _, err := os.Stat(young); err != nil {
		t.Errorf("young temp file (another tread's save in progress?) removed: %v", err)
	}
}

// Two treads share a library: what one saves, the other finds.
func TestSecondInstanceSeesSaves(t *testing.T) {
	dir := t.TempDir()
	a, b := open(t, dir), open(t, dir)
	p := testPage("https://example.org/shared", time.Now(), "shared")
	save(t, a, p)
	e, ok := b.Lookup(p.URL)
	if !ok {
		t.Fatal("b does not see a's save by URL")
	}
	if entries, _ := b.List(); len(entries) != 1 || entries[0].Path != e.Path {
		t.Errorf("b lists %v", entries)
	}
}

func TestConcurrentUse(t *testing.T) {
	l := open(t, t.TempDir())
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 5 {
				u := fmt.Sprintf("https://example.org/%d/%d", i, j%3)
				if _, err := l.Save(testPage(u, time.Now(), strings.Repeat("x", 1000*j))); err != nil {
					t.Error(err)
				}
				if _, ok := l.Lookup(u); !ok {
					t.Errorf("Lookup(%s) after Save failed", u)
				}
				if _, warnings := l.List(); len(warnings) != 0 {
					t.Errorf("warnings while saving: %v", warnings)
				}
			}
		})
	}
	wg.Wait()
	entries, warnings := l.List()
	if len(entries) != 24 || len(warnings) != 0 {
		t.Errorf("%d entries, warnings %v; want 24, none", len(entries), warnings)
	}
}
