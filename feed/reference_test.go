package feed

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/tread-reader/tread/corpus"
	"github.com/tread-reader/tread/story"
)

// expectedStory is one story of a corpus dump's .expected.json.
type expectedStory struct {
	Title     string          `json:"title"`
	Site      string          `json:"site"`
	Byline    string          `json:"byline"`
	Published string          `json:"published"`
	Age       string          `json:"age"`
	URL       string          `json:"url"`
	Text      string          `json:"text"`
	Related   []expectedStory `json:"related"`
}

const referenceDump = "daily8-starmer-ukraine"

func TestReferenceDump(t *testing.T) {
	dir := filepath.Join(corpus.Require(t), "dumps")
	raw, err := os.ReadFile(filepath.Join(dir, referenceDump+".expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []struct {
		Source  string          `json:"source"`
		Stories []expectedStory `json:"stories"`
	}
	if err := json.Unmarshal(raw, &docs); err != nil {
		t.Fatalf("parse expected json: %v", err)
	}
	if len(docs) != 1 {
		t.Fatalf("expected json holds %d documents, want 1", len(docs))
	}
	data, err := os.ReadFile(filepath.Join(dir, referenceDump+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Parse(referenceDump+".txt", data)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	want := docs[0].Stories
	if len(got) != len(want) {
		t.Fatalf("got %d stories, want %d", len(got), len(want))
	}
	for i := range want {
		compareStory(t, "story", got[i], want[i])
		if len(got[i].Related) != len(want[i].Related) {
			t.Fatalf("story %d: got %d related, want %d", i, len(got[i].Related), len(want[i].Related))
		}
		for j := range want[i].Related {
			compareStory(t, "related", got[i].Related[j], want[i].Related[j])
		}
	}
}

func compareStory(t *testing.T, name string, got story.Story, want expectedStory) {
	t.Helper()
	for _, f := range []struct{ field, got, want string }{
		{"title", got.Title, want.Title},
		{"site", got.Site, want.Site},
		{"byline", got.Byline, want.Byline},
		{"published", got.PublishedString(), want.Published},
		{"age", got.Age, want.Age},
		{"url", got.URL, want.URL},
		{"text", got.Text(), want.Text},
	} {
		if f.got != f.want {
			t.Errorf("%s %q: %s differs\n got: %q\nwant: %q", name, want.Title, f.field, f.got, f.want)
		}
	}
}

func BenchmarkParseReferenceDump(b *testing.B) {
	path := filepath.Join(corpus.Require(b), "dumps", referenceDump+".txt")
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(referenceDump+".txt", data); err != nil {
			b.Fatal(err)
		}
	}
}
