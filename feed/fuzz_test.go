package feed

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tread-reader/tread/intake"
	"github.com/tread-reader/tread/story"
)

// FuzzParseDump feeds arbitrary bytes through decoding and the dump reader.
// Seeds live in testdata/fuzz/FuzzParseDump. Beyond not panicking, the
// output must keep the shape the rest of tread relies on.
func FuzzParseDump(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		text := intake.Text(data, "")
		if !utf8.ValidString(text) || strings.ContainsRune(text, '\r') {
			t.Fatalf("intake.Text left invalid UTF-8 or a CR: %q", text)
		}
		stories, err := ParseDump(text)
		if err != nil {
			if !errors.Is(err, ErrNoStory) || len(stories) != 0 {
				t.Fatalf("ParseDump: %v with %d stories", err, len(stories))
			}
			return
		}
		if len(stories) == 0 || len(stories) > maxStories {
			t.Fatalf("%d stories", len(stories))
		}
		for _, s := range stories {
			checkShape(t, s)
			if len(s.Related) > maxRelated {
				t.Fatalf("%d related items", len(s.Related))
			}
			for _, r := range s.Related {
				checkShape(t, r)
				if len(r.Related) != 0 {
					t.Fatalf("related item %q has related items of its own", r.Title)
				}
			}
		}
	})
}

func checkShape(t *testing.T, s story.Story) {
	t.Helper()
	for _, field := range []string{s.Title, s.Site, s.Age, s.Byline} {
		if strings.ContainsRune(field, '\n') || field != strings.TrimSpace(field) {
			t.Fatalf("field %q is not one trimmed line", field)
		}
	}
	if len(s.Title) > maxTitleBytes {
		t.Fatalf("title of %d bytes", len(s.Title))
	}
	if s.Title == "" && len(s.Body) == 0 {
		t.Fatalf("story with neither title nor body: %+v", s)
	}
	for _, b := range s.Body {
		if strings.TrimSpace(b.Text) == "" {
			t.Fatalf("empty block %+v", b)
		}
		if b.Kind != story.List && strings.ContainsRune(b.Text, '\n') {
			t.Fatalf("paragraph spans lines: %q", b.Text)
		}
	}
	if strings.Contains(s.Text(), "\n\n\n") {
		t.Fatalf("Text has a double blank line: %q", s.Text())
	}
}
