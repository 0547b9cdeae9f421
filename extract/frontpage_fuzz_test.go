package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzFrontPage: no page makes FrontPage panic, and what it lists is
// bounded and has titles and web URLs.
func FuzzFrontPage(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "frontpages", "*.html"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, ok, err := FrontPage(data, "https://news.example/", "")
		if err != nil || !ok {
			return
		}
		if len(got) > maxFrontPageStories {
			t.Fatalf("%d stories", len(got))
		}
		for _, s := range got {
			if s.Title == "" || !strings.HasPrefix(s.URL, "http") || strings.ContainsAny(s.Title, "\x1b\x07") {
				t.Fatalf("story %+v", s)
			}
		}
	})
}
