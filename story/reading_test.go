package story

import (
	"strings"
	"testing"
)

func TestReadingMinutes(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) }
	for _, tc := range []struct {
		name string
		text string
		want int
	}{
		{"empty", "", 0},
		{"one word", "Hello.", 1},
		{"a minute of words", words(230), 1},
		{"just over", words(231), 2},
		{"six minutes", words(6 * 230), 6},
		{"hyphens and digits count as words", "state-of-the-art 2026", 1},
		{"a minute of Chinese", strings.Repeat("字", 400), 1},
		{"two minutes of Japanese", strings.Repeat("語", 401), 2},
		{"mixed", words(230) + " " + strings.Repeat("字", 400), 2},
	} {
		s := Story{Body: []Block{{Kind: Paragraph, Text: tc.text}, {Kind: Image, Text: words(5000)}}}
		if got := s.ReadingMinutes(); got != tc.want {
			t.Errorf("%s: %d minutes, want %d", tc.name, got, tc.want)
		}
	}
}
