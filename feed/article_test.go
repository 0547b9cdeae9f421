package feed

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tread-reader/tread/extract"
	"github.com/tread-reader/tread/story"
)

// TestLoadHTMLNoArticle checks that a page with nothing to read is an error
// naming the source, and that a best-effort story still loads, marked.
func TestLoadHTMLNoArticle(t *testing.T) {
	dir := t.TempDir()
	for name, page := range map[string]string{
		"empty.html": "<html><body></body></html>",
		"home.html": `<html><head><title>Home | Quayside Post</title></head><body>` +
			`<nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></body></html>`,
		"shell.txt": "<!doctype html><html><head><title>Loading…</title><script>start()</script></head><body><div id=app></div></body></html>",
	} {
		path := write(t, filepath.Join(dir, name), []byte(page))
		checkErr(t, loadOne(t, path, Options{}), path, ErrNoArticle, "read %s: no article found")
	}

	short := write(t, filepath.Join(dir, "short.html"), []byte(
		`<html><head><title>Quay notice</title></head><body><h1>Quay notice</h1><p>The quay is closed on Sunday.</p></body></html>`))
	doc := loadOne(t, short, Options{})
	if doc.Err != nil || len(doc.Stories) != 1 {
		t.Fatalf("short page: %+v", doc)
	}
	if s := doc.Stories[0]; !s.Partial || !strings.Contains(s.Text(), "closed on Sunday") {
		t.Errorf("short page: want a partial story with its line, got %+v", s)
	}
}

func TestHasArticle(t *testing.T) {
	tests := []struct {
		name string
		s    story.Story
		want bool
	}{
		{"nothing", story.Story{}, false},
		{"headline only", story.Story{Title: "Home | Site", Site: "Site"}, false},
		{"blank paragraph", story.Story{Title: "T", Body: []story.Block{{Text: " \n "}}}, false},
		{"image without a source", story.Story{Body: []story.Block{{Kind: story.Image}}}, false},
		{"paragraph", story.Story{Body: []story.Block{{Text: "Words."}}}, true},
		{"list", story.Story{Body: []story.Block{{Kind: story.List, Items: []string{"one"}}}}, true},
		{"table", story.Story{Body: []story.Block{{Kind: story.Table, Rows: [][]string{{"a"}}}}}, true},
		{"photo", story.Story{Body: []story.Block{{Kind: story.Image, URL: "https://e.org/p.jpg"}}}, true},
		{"related only", story.Story{Title: "Topic", Related: []story.Story{{Title: "A story"}}}, true},
	}
	for _, tt := range tests {
		if got := hasArticle(tt.s); got != tt.want {
			t.Errorf("%s: hasArticle = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestParseHTMLTooLarge checks that a page over the extractor's limit is
// refused in the words the other limits use, before extraction.
func TestParseHTMLTooLarge(t *testing.T) {
	called := false
	old := extractPage
	extractPage = func([]byte, string) (story.Story, error) {
		called = true
		return story.Story{}, errors.New("extractor reached")
	}
	t.Cleanup(func() { extractPage = old })
	data := append([]byte("<html><body>"), bytes.Repeat([]byte("<p>x</p>"), (extract.MaxSize+1<<19)/8)...)
	_, err := Parse("big.html", data)
	if !errors.Is(err, ErrTooLarge) || err.Error() != "over the size limit (20.5MB; limit 20MB)" || called {
		t.Errorf("Parse of a %d-byte page: %v (extractor called: %v)", len(data), err, called)
	}
}

func TestOverLimit(t *testing.T) {
	if got := overLimit(20<<20+1, 20<<20).Error(); got != "over the size limit (more than 20MB)" {
		t.Errorf("just over: %q", got)
	}
}
