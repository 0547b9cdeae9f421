package render

import (
	"strings"
	"testing"

	"github.com/tread-reader/tread/story"
)

func TestLimitNesting(t *testing.T) {
	deep := strings.Repeat("> ", 8) + "x"
	tests := []struct {
		name, in, want string
	}{
		{"shallow untouched", "> a\n> > b\n- c\n  - d", "> a\n> > b\n- c\n  - d"},
		{"quotes capped", deep, "> > > > > x"},
		{"quotes without blanks", ">>>>>>>>x", ">>>>>x"},
		{"list markers capped", "- - 1. * + - - - x", "- - 1. * + x"},
		{"mixed capped", "> - > - > - > x", "> - > - > x"},
		{"exactly at the cap", "> > > > > x", "> > > > > x"},
		{"indentation capped", strings.Repeat(" ", 40) + "- x", strings.Repeat(" ", maxIndent) + "- x"},
		{"not markers", "-x +y 1.5 *z* >", "-x +y 1.5 *z* >"},
		{"fenced code untouched", "```\n" + deep + "\n" + strings.Repeat(" ", 40) + "x\n```\n" + deep, "```\n" + deep + "\n" + strings.Repeat(" ", 40) + "x\n```\n> > > > > x"},
		{"quoted fence", "> ```\n> " + deep + "\n> ```", "> ```\n> " + deep + "\n> ```"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := limitNesting(tt.in); got != tt.want {
				t.Errorf("limitNesting(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// A hostile page nesting quotes or lists a hundred deep renders at a bounded
// size instead of glamour's blow-up (a hundred nested quotes run for
// minutes unbounded).
func TestDeepNestingRendersSmall(t *testing.T) {
	deep := story.NewBlock(story.Paragraph, story.Run("deep"))
	for range 120 {
		deep = story.Block{Kind: story.Quote, Text: "deep", Blocks: []story.Block{deep}}
	}
	ladder := story.Block{Kind: story.List}
	for i := range 120 {
		ladder.Items = append(ladder.Items, "rung")
		ladder.ListItems = append(ladder.ListItems, story.ListItem{Depth: i, Inline: story.Run("rung")})
	}
	text := strings.Repeat("> ", 120) + "deep " + strings.Repeat("- ", 120) + "deep"
	r := NewRenderer(0)
	for name, s := range map[string]story.Story{
		"quotes":  {Body: []story.Block{deep}},
		"list":    {Body: []story.Block{ladder, {Kind: story.Quote, Blocks: []story.Block{ladder}}}},
		"as text": {Body: []story.Block{story.NewBlock(story.Paragraph, story.Run(text)), {Kind: story.Quote, Text: text}}},
	} {
		out, err := r.RenderStory(s, 80, Dark)
		if err != nil {
			t.Fatal(err)
		}
		// 120 rungs of one word each fit in well under 64 KB; unbounded,
		// this nesting produces megabytes or never finishes.
		if len(out) > 64<<10 {
			t.Errorf("%s: %d bytes of output", name, len(out))
		}
		checkWidth(t, out, 80)
	}
}
