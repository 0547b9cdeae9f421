package feed

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzIntake feeds arbitrary bytes, as a file or as a page served with a
// type and charset, through the one intake. Seeds live in
// testdata/fuzz/FuzzIntake. It never panics, fails only with the errors
// Parse documents, and every story's text is valid UTF-8.
func FuzzIntake(f *testing.F) {
	f.Add([]byte("<!doctype html><title>T</title><article><p>Words here.</p></article>"), 1, "")
	f.Add([]byte("\xff\xfeH\x00i\x00\n\x00"), 0, "utf-16")
	f.Add([]byte("Headline\n\nBy A Writer\n\nA paragraph of text.\n"), 2, "iso-8859-1")
	kinds := []source{
		{name: "page.txt"},
		{name: "page.html"},
		{mediaType: "text/plain", url: "https://example.com/a"},
		{mediaType: "text/html", url: "https://example.com/b"},
	}
	f.Fuzz(func(t *testing.T, data []byte, kind int, charset string) {
		src := kinds[uint(kind)%uint(len(kinds))]
		src.charset = charset
		stories, err := parse(src, data)
		if err != nil {
			known := []error{ErrEmpty, ErrBinary, ErrTooLarge, ErrNoStory, ErrNoArticle}
			for _, k := range known {
				if errors.Is(err, k) {
					return
				}
			}
			if strings.HasPrefix(err.Error(), "extract html: ") {
				return
			}
			t.Fatalf("parse(%+v): unexpected error %v", src, err)
		}
		for _, s := range stories {
			if !utf8.ValidString(s.Title) || !utf8.ValidString(s.Text()) {
				t.Fatalf("invalid UTF-8 in %q / %q", s.Title, s.Text())
			}
		}
	})
}
