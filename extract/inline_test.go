package extract

import (
	"strings"
	"testing"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

// emitFragment runs the emitter over an HTML fragment, without choosing a
// body: every block of it.
func emitFragment(t *testing.T, frag string) []story.Block {
	t.Helper()
	root, err := parse([]byte("<html><body><div>" + frag + "</div></body></html>"))
	if err != nil {
		t.Fatal(err)
	}
	tr := buildTree(root)
	e := emitter{t: tr}
	e.children(0)
	e.flush()
	return blocksOf(e.blocks)
}

func TestEmphasisPairs(t *testing.T) {
	tests := []struct {
		name, html, md, text string
	}{
		{"space inside emphasis moves out",
			`<p>Was <em>written </em>by <b> Jill </b>today.</p>`,
			`Was *written* by **Jill** today.`, "Was written by Jill today."},
		{"emphasis after a link starting with punctuation",
			`<p><em>Produced by&nbsp;</em><a href="https://x.example/r">The Report</a><em>, a nonprofit. Sign up for </em><a href="https://x.example/p"><em>Points</em></a><em>&nbsp;and other&nbsp;</em><a href="https://x.example/n"><em>newsletters</em></a><em>.</em></p>`,
			`*Produced by* [The Report](https://x.example/r), *a nonprofit. Sign up for* [*Points*](https://x.example/p) *and other* [*newsletters*](https://x.example/n).`,
			"Produced by The Report, a nonprofit. Sign up for Points and other newsletters."},
		{"emphasis ending in punctuation before a word",
			`<p><em>Note:</em>the lamps</p>`,
			`*Note*:the lamps`, "Note:the lamps"},
		{"emphasis of punctuation only is dropped",
			`<p>Done<em>.</em> <b>—</b> next</p>`,
			`Done. — next`, "Done. — next"},
		{"touching emphasis merges",
			`<p><em>one</em><em>two</em> three</p>`,
			`*onetwo* three`, "onetwo three"},
		{"nested same emphasis is not doubled",
			`<p><i><em>quiet</em></i> words</p>`,
			`*quiet* words`, "quiet words"},
		{"hard break inside emphasis",
			`<p><em>Thank you.<br></em>Liz Willen<br>Editor</p>`,
			"*Thank you.*\\\nLiz Willen\\\nEditor", "Thank you.\nLiz Willen\nEditor"},
		{"hard break at the end is dropped",
			`<p>Sign-off<br><br></p>`,
			"Sign-off", "Sign-off"},
		{"heading marker after a break is escaped",
			`<p>Line one<br># two</p>`,
			"Line one\\\n\\# two", "Line one\n# two"},
		{"code span holding a backtick",
			"<p>Type <code>a`b</code> now</p>",
			"Type ``a`b`` now", "Type a`b now"},
		{"emphasis around a whole link after a word",
			`<p>see<em><a href="https://x.example/a">(this)</a></em> now</p>`,
			`see[(this)](https://x.example/a) now`, "see(this) now"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bs := emitFragment(t, tc.html)
			if len(bs) == 0 {
				t.Fatalf("no blocks")
			}
			if blockMD(bs[0]) != tc.md {
				t.Errorf("md\n got %q\nwant %q", blockMD(bs[0]), tc.md)
			}
			if bs[0].Text != tc.text {
				t.Errorf("text\n got %q\nwant %q", bs[0].Text, tc.text)
			}
			for _, md := range []string{blockMD(bs[0]), readerMD(bs[0])} {
				if out := renderPlain(t, md); strings.Contains(out, "*") {
					t.Errorf("stray asterisk in the reader:\n%s\nfrom %q", out, md)
				}
			}
		})
	}
}

// renderPlain renders markdown with a style that shows emphasis as
// italics, not as asterisks, and strips the styling.
func renderPlain(t *testing.T, md string) string {
	t.Helper()
	r, err := glamour.NewTermRenderer(glamour.WithStyles(styles.DarkStyleConfig), glamour.WithWordWrap(200))
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(md)
	if err != nil {
		t.Fatal(err)
	}
	return ansi.Strip(out)
}

// blockMD is the markdown render writes for one block, links inline.
func blockMD(b story.Block) string {
	return render.BodyMarkdown(story.Story{Body: []story.Block{b}})
}

// readerMD is the markdown the reader shows for one block: links numbered.
func readerMD(b story.Block) string {
	md, _ := render.ReaderMarkdown(story.Story{Body: []story.Block{b}})
	return md
}
