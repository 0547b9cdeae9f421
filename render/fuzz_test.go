package render

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"github.com/tread-reader/tread/story"
)

// FuzzRender feeds arbitrary document text through Markdown and Render:
// nothing panics, nothing but SGR reaches the output, and no line is wider
// than the width. Seeds live in testdata/fuzz/FuzzRender.
func FuzzRender(f *testing.F) {
	f.Add("Title", "Body text.", "", 40)
	f.Add("# 1. *x*", "- a\n: b\n---", "[l](data:x) &#27;]0;t&#7;", 10)
	f.Add("中文标题没有空格中文标题没有空格", "町の図書館は二年間の改修工事を経て", "| a |\n|---|\n| b |", 20)
	f.Add("🌊 👩‍👩‍👧 🇳🇴", "x\x1b]52;c;AA\x07y\u009b2J", "```\n\tcode\n```", 100)
	f.Add("\u2063Marked\u2064 title", "see https://example.com/a-long-path-that-keeps-going-and-going-on for it", "> > nested quote words\n>\n> outer\n\n## \u2064two\n\n###### six", 23)
	f.Add("- a list item long enough to wrap at the narrowest width", "1. https://very-long-hyphenated-domain-name.example.com/a-b-c-d-e-f-g-h-i-j", "> - quoted https://x.example/with-a-long-path-here item", 12)
	f.Fuzz(func(t *testing.T, title, text, md string, width int) {
		width = 10 + abs(width)%100
		s := story.Story{
			Title:  title,
			Site:   text,
			Byline: title,
			Body: []story.Block{
				{Kind: story.Paragraph, Text: text},
				story.NewBlock(story.Paragraph, story.Run(md), story.LinkTo(text, story.Run(title)), story.Styled(story.Italic, story.Run(md))),
				{Kind: story.Heading, Level: len(text) % 7, Text: title},
				{Kind: story.Quote, Text: text},
				{Kind: story.List, Items: []string{title, text}},
				{Kind: story.Table, Rows: [][]string{{title, text}, {md}}},
				{Kind: story.Code, Text: text, URL: title},
				{Kind: story.Image, Text: title, URL: text},
				{Kind: story.Embed, Text: text, URL: md},
				story.NewBlock(story.Caption, story.Styled(story.Bold, story.Run(md), story.Styled(story.Mono, story.Run(text)))),
			},
		}
		out := Markdown(s)
		checkClean(t, "Markdown", out)
		r := NewRenderer(0)
		for _, st := range []Style{Dark, NoTTY} {
			rendered, err := r.Render(out, width, st)
			if err != nil {
				t.Fatal(err)
			}
			checkClean(t, "Render", rendered)
			checkWidth(t, rendered, width)
			if hasMarks(rendered) {
				t.Errorf("%s output keeps a heading mark: %q", st, rendered)
			}
			if strings.ContainsRune(rendered, itemMark) {
				t.Errorf("%s output keeps an item mark: %q", st, rendered)
			}
		}
		// --dump's renderer: only a line that holds an address may be wider.
		whole := NewRenderer(0)
		whole.KeepURLsWhole()
		reader, _ := ReaderMarkdown(s)
		for _, st := range []Style{Dark, NoTTY} {
			rendered, err := whole.Render(reader, width, st)
			if err != nil {
				t.Fatal(err)
			}
			checkClean(t, "Render whole", rendered)
			if strings.Contains(rendered, heldMark) || strings.ContainsRune(rendered, itemMark) {
				t.Errorf("%s output keeps a mark: %q", st, rendered)
			}
			for _, l := range strings.Split(stripSGR(rendered), "\n") {
				if lipgloss.Width(l) > width && !strings.Contains(l, "://") && !strings.Contains(l, "]") {
					t.Errorf("%s: line wider than %d holds no address: %q", st, width, l)
				}
			}
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
