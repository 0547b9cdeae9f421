package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tread-reader/tread/story"
)

// quoteStory has quotes whose lines glamour draws wider than it planned:
// prose, a long URL, an unbreakable word and a nested quote.
func quoteStory() story.Story {
	return story.Story{
		Title: "Readers write in about the harbour survey",
		Body: []story.Block{
			{Kind: story.Quote, Text: "A reader wrote in: see https://www.example.com/news/2025/03/14/a-very-long-article-slug-that-keeps-going-and-going-on for the whole story, which we quote here at some length to make it wrap."},
			{Kind: story.Paragraph, Text: "Between the quotes."},
			{Kind: story.Quote, Text: "Short words in a row so that some line or other will come out exactly as wide as the quote allows at one of the widths tried here, and then a few more words to be sure."},
			{Kind: story.Quote, Text: "Antidisestablishmentarianism-and-other-hyphenated-compounds run on, then stop."},
			{Kind: story.Quote, Text: "Outer words that go on for a while before the nested part.", Blocks: []story.Block{
				story.NewBlock(story.Paragraph, story.Run("Outer words that go on for a while before the nested part.")),
				{Kind: story.Quote, Blocks: []story.Block{
					story.NewBlock(story.Paragraph, story.Run("Inner words that go on for a while too, long enough to wrap at most widths.")),
				}},
			}},
		},
	}
}

// Every line of a quote keeps its bar, at every width, and no word is
// lost or added.
func TestQuoteKeepsItsBar(t *testing.T) {
	r := NewRenderer(0)
	s := quoteStory()
	var want []string
	for _, bl := range s.Body {
		text := bl.Text
		if len(bl.Blocks) > 0 {
			text = strings.TrimPrefix(BodyMarkdown(story.Story{Body: bl.Blocks}), ">")
		}
		want = append(want, squash(strings.NewReplacer(">", "").Replace(text)))
	}
	for _, st := range []Style{Dark, Light, NoTTY} {
		bar := map[Style]string{NoTTY: ">"}[st]
		if bar == "" {
			bar = "│"
		}
		for w := 20; w <= 100; w++ {
			t.Run(fmt.Sprintf("%s-%d", st, w), func(t *testing.T) {
				out, err := r.RenderStory(s, w, st)
				if err != nil {
					t.Fatal(err)
				}
				checkWidth(t, out, w)
				// Blocks are separated by blank lines; a quote's lines all
				// start with the bar after the margin.
				var got []string
				for _, block := range strings.Split(stripSGR(out), "\n\n") {
					lines := strings.Split(strings.Trim(block, "\n"), "\n")
					if !strings.HasPrefix(strings.TrimLeft(lines[0], " "), bar) {
						got = append(got, squash(block))
						continue
					}
					var text []string
					for _, l := range lines {
						rest, ok := strings.CutPrefix(strings.TrimLeft(l, " "), bar)
						if !ok {
							t.Errorf("quote line lost its bar: %q in\n%s", l, block)
						}
						text = append(text, strings.ReplaceAll(rest, bar, ""))
					}
					got = append(got, squash(strings.Join(text, " ")))
				}
				all := squash(strings.Join(got, ""))
				for _, wq := range want {
					if !strings.Contains(all, wq) {
						t.Errorf("text lost or changed: want %q in\n%s", wq, stripSGR(out))
					}
				}
			})
		}
	}
}

// Text that only starts like a quote is not mended: its wrapped lines are
// glamour's own.
func TestMendLeavesTextAlone(t *testing.T) {
	r := NewRenderer(0)
	md := Markdown(story.Story{Body: []story.Block{
		{Kind: story.Paragraph, Text: "> This paragraph starts like a quote and then runs on for long enough to wrap over several lines at every width."},
		{Kind: story.Paragraph, Text: "│ So does this one, with a bar of its own and enough words after it to wrap over several lines too."},
	}})
	for _, st := range []Style{Dark, NoTTY} {
		for w := 20; w <= 100; w++ {
			g, err := r.glamour(w, st)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := g.tr.Render(prepare(md, g.layout.code))
			if err != nil {
				t.Fatal(err)
			}
			plain := g.layout
			plain.quote = ""
			if got, want := finish(raw, w, g.layout), finish(raw, w, plain); got != want {
				t.Errorf("%s-%d: text mended as a quote:\n%s\nwant\n%s", st, w, stripSGR(got), stripSGR(want))
			}
		}
	}
}
