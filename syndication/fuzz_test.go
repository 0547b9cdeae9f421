package syndication

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse: no input makes Parse panic or let a control character into
// an item or a story.
func FuzzParse(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.*"))
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
		feed, err := Parse(data, "https://fuzz.example/feed")
		if err != nil {
			return
		}
		for _, s := range feed.Stories() {
			for _, field := range []string{s.Title, s.Site, s.Byline, s.URL, s.Text()} {
				if strings.ContainsAny(field, "\x1b\x07\u009b\r") {
					t.Fatalf("control character in %q", field)
				}
			}
		}
	})
}
