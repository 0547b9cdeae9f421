package render

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

func TestSplitEmoji(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"family", "👩\u200d👩\u200d👧\u200d👦", "👩👩👧👦"},
		{"in text", "a 👨\u200d💻 b", "a 👨💻 b"},
		{"after presentation selector", "🏳\ufe0f\u200d🌈", "🏳\ufe0f🌈"},
		{"after skin tone", "👩🏽\u200d🚒", "👩🏽🚒"},
		{"to a gender sign", "🏃\u200d♀\ufe0f", "🏃♀\ufe0f"},
		{"heart on fire", "❤\ufe0f\u200d🔥", "❤\ufe0f🔥"},
		{"Devanagari keeps its joiner", "क्\u200dष", "क्\u200dष"},
		{"Malayalam keeps its joiner", "ന്\u200d", "ന്\u200d"},
		{"joiner after a letter", "a\u200d👩", "a\u200d👩"},
		{"joiner before a letter", "👩\u200da", "👩\u200da"},
		{"joiner at the end", "👩\u200d", "👩\u200d"},
		{"no joiner", "plain 👍🏽 text", "plain 👍🏽 text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := splitEmoji(tt.in); got != tt.want {
				t.Errorf("splitEmoji(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// A family emoji reaches the terminal as its members, each two columns
// wide, so terminals that join it and those that do not agree on the width.
func TestRenderSplitsJoinedEmoji(t *testing.T) {
	r := NewRenderer(0)
	for _, st := range []Style{Dark, Light, NoTTY} {
		out, err := r.Render("The 👩\u200d👩\u200d👧\u200d👦 came home.\n", 40, st)
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsRune(out, zwj) {
			t.Errorf("%s: output keeps a joiner: %q", st, out)
		}
		line := strings.TrimSpace(stripSGR(out))
		if line != "The 👩👩👧👦 came home." || lipgloss.Width(line) != len("The  came home.")+8 {
			t.Errorf("%s: got %q, %d columns", st, line, lipgloss.Width(line))
		}
	}
}
