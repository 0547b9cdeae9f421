package render

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tread-reader/tread/story"
)

// Terminal escapes a hostile page might carry, raw and as the numeric
// character references that goldmark decodes into raw controls.
const (
	oscTitle   = "\x1b]0;pwned\x07"
	osc52      = "\x1b]52;c;cm0gLXJmIH4=\x07"
	clear      = "\x1b[2J\x1b[H"
	osc8       = "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"
	c1         = "\u009b31m\u009d0;t\u009c\u0085"
	del        = "\x7f"
	nul        = "\x00"
	entityEsc  = "&#27;]0;entity&#7; &#x1b;[2J &#155;1m &#x9d;0;t&#x9c; &#127; &#0;"
	allEscapes = oscTitle + osc52 + clear + osc8 + c1 + del + nul
)

func hostileStory() story.Story {
	dirty := func(s string) string { return allEscapes + s + allEscapes }
	return story.Story{
		Title:  dirty("Headline"),
		Site:   dirty("Site"),
		Byline: dirty("By Someone"),
		Age:    dirty("1 hour ago"),
		URL:    dirty("https://news.example/a"),
		Body: []story.Block{
			{Kind: story.Paragraph, Text: dirty("Body text") + "\n" + dirty("more")},
			para(run(dirty("Markdown ")), link("https://l.example/"+osc8, run(dirty("link"))), run(" "+entityEsc)),
			para(run(dirty("Planted [link](https://l.example/x) ")+entityEsc), link("https://l.example/"+dirty("y"), run("y"))),
			{Kind: story.Heading, Level: 2, Text: dirty("Sub")},
			withLevel(story.NewBlock(story.Heading, run(entityEsc)), 2),
			story.NewBlock(story.Caption, run(dirty("Caption")+entityEsc)),
			{Kind: story.Quote, Text: dirty("Quoted")},
			{Kind: story.Quote, Blocks: []story.Block{para(run(entityEsc))}},
			{Kind: story.List, Items: []string{dirty("one"), dirty("two")}},
			{Kind: story.List, ListItems: []story.ListItem{{Inline: run("- " + entityEsc)}}},
			{Kind: story.Code, Text: dirty("code()"), URL: dirty("go")},
			{Kind: story.Table, Rows: [][]string{{dirty("h")}, {dirty("c")}}},
			{Kind: story.Table, Cells: [][]story.Inline{{run(entityEsc)}, {run("x")}}},
			{Kind: story.Image, Text: dirty("alt"), URL: "https://i.example/" + dirty("x.png")},
			{Kind: story.Embed, Text: dirty("post"), URL: "https://s.example/" + dirty("1")},
			{Kind: story.Embed, Blocks: []story.Block{para(run(entityEsc))}},
		},
	}
}

// checkClean fails when s carries anything a terminal would act on: any
// escape sequence but SGR, BEL or another C0 control but newline, DEL, a
// C1 control, or invalid UTF-8.
func checkClean(t *testing.T, what, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Errorf("%s is not valid UTF-8", what)
	}
	for i, r := range stripSGR(s) {
		bad := r < 0x20 && r != '\n' || r == 0x7f || r >= 0x80 && r < 0xa0 || r == breakMark
		if bad {
			lo := max(0, i-20)
			t.Errorf("%s has control %U at byte %d (after SGR is stripped), near %q", what, r, i, stripSGR(s)[lo:i])
			return
		}
	}
}

func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	s := hostileStory()
	md := Markdown(s)
	checkClean(t, "Markdown", md)
	if strings.ContainsRune(md, 0x1b) || strings.ContainsRune(md, '\t') {
		t.Errorf("Markdown carries ESC or a tab")
	}
	checkClean(t, "MetaLine", MetaLine(s))
	checkClean(t, "BodyMarkdown", BodyMarkdown(s))

	r := NewRenderer(0)
	for _, st := range []Style{Dark, Light, NoTTY} {
		for _, w := range []int{40, 100} {
			out, err := r.Render(md, w, st)
			if err != nil {
				t.Fatal(err)
			}
			checkClean(t, fmt.Sprintf("Render %s %d", st, w), out)
			plain := strings.Join(strings.Fields(stripSGR(out)), " ")
			for _, want := range []string{"Headline", "Site", "By Someone", "Body text", "Quoted", "code()", "alt", "post"} {
				if !strings.Contains(plain, want) {
					t.Errorf("Render %s %d lost the text %q", st, w, want)
				}
			}
			for _, leak := range []string{"pwned", "cm0gLXJmIH4=", "evil.example"} {
				if strings.Contains(plain, leak) {
					t.Errorf("Render %s %d shows the escape payload %q", st, w, leak)
				}
			}
		}
	}
}

// Whatever markdown Render is given, even markdown that never went through
// Markdown, only SGR styling comes out.
func TestRenderFiltersRawMarkdown(t *testing.T) {
	md := "# T" + allEscapes + "\n\nP " + allEscapes + " " + entityEsc + "\n\n[l](https://x.example/) <https://y.example/>\n\n```\n" + allEscapes + "\n```\n"
	r := NewRenderer(0)
	for _, st := range []Style{Dark, Light, NoTTY} {
		out, err := r.Render(md, 60, st)
		if err != nil {
			t.Fatal(err)
		}
		checkClean(t, "Render "+string(st), out)
	}
}
