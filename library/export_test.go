package library

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

func exportStory() story.Story {
	return story.Story{
		Title:     "Storm \"Bert\": what we know \x1b]0;pwned\x07so far",
		Site:      "The Example Times",
		Byline:    "Ana Müller and Jo Lee",
		Published: time.Date(2025, 6, 3, 9, 30, 0, 0, time.FixedZone("BST", 3600)),
		URL:       "https://example.org/news/storm-bert?ref=rss&x=<y>",
		Body: []story.Block{
			{Kind: story.Paragraph, Text: "High winds are expected."},
			{Kind: story.List, Items: []string{"Stay in", "Charge phones"}, Text: "Stay in\nCharge phones"},
		},
	}
}

func TestExport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "notes", "news")
	s := exportStory()
	saved := time.Date(2025, 6, 3, 12, 0, 0, 0, time.UTC)
	path, err := Export(dir, s, saved)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != dir || !strings.HasPrefix(filepath.Base(path), "storm-bert-what-we-know-so-far-") || filepath.Ext(path) != ".md" {
		t.Errorf("path = %s", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	wantHead := "---\n" +
		`title: "Storm \"Bert\": what we know so far"` + "\n" +
		`site: "The Example Times"` + "\n" +
		`byline: "Ana Müller and Jo Lee"` + "\n" +
		"published: 2025-06-03T09:30:00+01:00\n" +
		`url: "https://example.org/news/storm-bert?ref=rss&x=<y>"` + "\n" +
		"saved: 2025-06-03T12:00:00Z\n" +
		"---\n\n"
	got := string(data)
	if !strings.HasPrefix(got, wantHead) {
		t.Fatalf("front matter:\n%s\nwant\n%s", got, wantHead)
	}
	if body := strings.TrimPrefix(got, wantHead); body != render.Markdown(s) {
		t.Errorf("body:\n%s\nwant render.Markdown:\n%s", body, render.Markdown(s))
	}
	for _, line := range strings.Split(strings.TrimPrefix(wantHead, "---\n"), "\n")[:5] {
		name, value, _ := strings.Cut(line, ": ")
		var v string
		if name != "published" && json.Unmarshal([]byte(value), &v) != nil {
			t.Errorf("%s value %s is not a quoted string", name, value)
		}
	}

	// The same story again goes to the same file; another story does not.
	again, err := Export(dir, s, saved.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if again != path {
		t.Errorf("re-export went to %s, not %s", again, path)
	}
	other := s
	other.URL = "https://example.org/news/storm-bert-live"
	if p, err := Export(dir, other, saved); err != nil || p == path {
		t.Errorf("another story with the same title: %s, %v", p, err)
	}
	files, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 {
		t.Errorf("%d files in the export folder, want 2", len(files))
	}
}

func TestExportBareStory(t *testing.T) {
	dir := t.TempDir()
	path, err := Export(dir, story.Story{Title: "東京の天気"}, time.Unix(0, 0).UTC())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(filepath.Base(path), "story-") {
		t.Errorf("path = %s", path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := "---\ntitle: \"東京の天気\"\nsaved: 1970-01-01T00:00:00Z\n---\n\n"
	if !strings.HasPrefix(string(data), want) {
		t.Errorf("got\n%s\nwant prefix\n%s", data, want)
	}
}

func TestExportIntoAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Export(file, exportStory(), time.Now()); err == nil || !strings.Contains(err.Error(), "export") {
		t.Errorf("Export into a file = %v", err)
	}
}
