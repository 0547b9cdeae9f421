package extract

import (
	"strings"
	"testing"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

// Emphasis never runs over a hard line break: it closes before the break
// and opens again after it, so that the reader, which sets each caption
// line apart on its own, shows no stray delimiters.
func TestEmphasisAcrossBreak(t *testing.T) {
	tests := []struct {
		name, html, md string
		kind           story.Kind
	}{
		{"paragraph", `<p><i>First line<br>second line</i></p>`,
			"*First line*\\\n*second line*", story.Paragraph},
		{"nested emphasis", `<p><i><b>Credit to:</b><br>the archive</i></p>`,
			"***Credit to:***\\\n*the archive*", story.Paragraph},
		{"link over a break stays whole", `<p><i>see <a href="https://x.example/a">one<br>two</a> here</i></p>`,
			"*see [one\\\ntwo](https://x.example/a) here*", story.Paragraph},
		{"caption", `<figcaption><b>Please credit this image to:</b><br /> the city archive</figcaption>`,
			"_**Please credit this image to:**_\n_the city archive_", story.Caption},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bs := emitFragment(t, tc.html)
			if len(bs) != 1 {
				t.Fatalf("got %d blocks: %+v", len(bs), bs)
			}
			if bs[0].Kind != tc.kind || blockMD(bs[0]) != tc.md {
				t.Errorf("got %v %q, want %v %q", bs[0].Kind, blockMD(bs[0]), tc.kind, tc.md)
			}
			md := render.BodyMarkdown(story.Story{Body: bs})
			if out := renderPlain(t, md); strings.Contains(out, "*") || strings.Contains(out, "_") {
				t.Errorf("stray delimiter in the reader:\n%s\nfrom %q", out, md)
			}
		})
	}
}
