package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzPage feeds arbitrary bytes to the extractor. It must never panic,
// and what it returns must be valid UTF-8 without markdown in the plain
// text of paragraphs. Seeds live in testdata/fuzz/FuzzPage.
func FuzzPage(f *testing.F) {
	f.Add([]byte(`<p>hello <b>world</b></p>`), "https://example.com/a/b")
	f.Fuzz(func(t *testing.T, data []byte, pageURL string) {
		s, err := Page(data, pageURL)
		if err != nil {
			return
		}
		for _, b := range s.Body {
			if !utf8.ValidString(b.Text) || !utf8.ValidString(blockMD(b)) {
				t.Fatalf("invalid UTF-8 in block %+v", b)
			}
			if strings.Contains(blockMD(b), "](data:") {
				t.Fatalf("data URI in markdown: %q", blockMD(b))
			}
		}
		if !utf8.ValidString(s.Title) {
			t.Fatalf("invalid UTF-8 title %q", s.Title)
		}
	})
}
