package feed

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/fetch"
)

const savedURL = "https://harbour.example/news/2026/03/harbour-ferry-returns-after-repairs"

// saveFerry files the ferry page in a library at dir and returns its path.
func saveFerry(t *testing.T, dir string) string {
	t.Helper()
	body, err := os.ReadFile(filepath.Join("testdata", "web", "harbour-ferry-returns-after-repairs.html"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := openLibrary(t, dir).Save(fetch.Page{
		URL: savedURL, Requested: savedURL, Status: 200, ContentType: "text/html", Charset: "utf-8",
		Body: body, Fetched: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	return e.Path
}

func TestFolderReadsOnlyPages(t *testing.T) {
	dir := t.TempDir()
	saveFerry(t, dir)
	write(t, filepath.Join(dir, "weir.txt"), []byte(goodDump))
	write(t, filepath.Join(dir, "NOTES"), []byte(goodDump))
	write(t, filepath.Join(dir, "blob"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	for _, name := range []string{"state.json", "tool.py", "run.log", "tread.pid"} {
		write(t, filepath.Join(dir, name), []byte(goodDump))
	}
	docs := Load(context.Background(), dir, Options{})
	var got []string
	for _, d := range docs {
		if d.Err != nil {
			t.Errorf("%s: %v", d.Source, d.Err)
			continue
		}
		for _, s := range d.Stories {
			got = append(got, filepath.Base(d.Source)+": "+s.Title)
			if strings.HasSuffix(d.Source, ".page") && s.URL != savedURL {
				t.Errorf("saved page story URL %q, want %q", s.URL, savedURL)
			}
		}
	}
	want := []string{
		"NOTES: Weir gates replaced",
		"harbour-example-news-2026-03-",
		"weir.txt: Weir gates replaced",
	}
	if len(got) != len(want) {
		t.Fatalf("stories %q, want %d like %q", got, len(want), want)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("story %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
	if !strings.HasSuffix(got[1], ": Harbour ferry returns after winter repairs") {
		t.Errorf("saved page read as %q", got[1])
	}
}

func TestFolderOfNonPagesHasNoFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "state.json"), []byte(`{"a":1}`))
	write(t, filepath.Join(dir, "blob"), []byte("\x00\x01\x02"))
	checkErr(t, loadOne(t, dir, Options{}), dir, ErrNoFiles, "read %s: folder has no files to read")
}

func TestExplicitFiles(t *testing.T) {
	dir := t.TempDir()
	path := saveFerry(t, dir)
	s := loadStory(t, path, Options{})
	if s.Title != "Harbour ferry returns after winter repairs" || s.URL != savedURL {
		t.Errorf("saved page: title %q url %q", s.Title, s.URL)
	}
	// A file named on the command line is read whatever its extension.
	js := write(t, filepath.Join(dir, "notes.json"), []byte(goodDump))
	if s := loadStory(t, js, Options{}); s.Title != "Weir gates replaced" {
		t.Errorf("named .json file: title %q", s.Title)
	}
	// A damaged entry says so instead of showing its header as a story.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := write(t, filepath.Join(dir, "cut.page"), data[:len(data)-10])
	doc := loadOne(t, bad, Options{})
	if !errors.Is(doc.Err, ErrSavedPage) {
		t.Errorf("cut-short .page: err %v, stories %q", doc.Err, titles(doc.Stories))
	}
}
