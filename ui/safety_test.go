package ui

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

// Escape sequences a hostile page might carry, each with a payload word
// that must never reach the screen: it would only be there if the sequence
// had got through whole.
const (
	oscTitle   = "\x1b]0;pwned-title\x07"             // set the window title
	oscClip    = "\x1b]52;c;cHduZWQtY2xpcA==\x07"     // write the clipboard
	csiClear   = "\x1b[2J\x1b[H"                      // clear the screen
	oscLink    = "\x1b]8;;http://evil.example/\x1b\\" // start a hyperlink
	oscLinkEnd = "\x1b]8;;\x1b\\"
	c1Title    = "\u009d0;pwned-c1\u009c" // the 8-bit form of OSC
	c1Clear    = "\u009b2J"
)

func hostileDoc() story.Document {
	dirty := func(s string) string {
		return oscTitle + "\u202e" + s + "\u202c\u200b" + csiClear + " " + oscClip + oscLink + "click" + oscLinkEnd + c1Title + c1Clear + "\u2066\ufeff"
	}
	return story.Document{Source: "hostile.txt", Stories: []story.Story{{
		Title:  dirty("Ship sinks in harbour"),
		Site:   "\x1b[31mRed\x1b[0m " + oscTitle + "Gazette",
		Age:    "2 hours ago" + csiClear,
		Byline: "By " + oscClip + "Mallory",
		Body: []story.Block{
			{Kind: story.Paragraph, Text: dirty("First paragraph")},
			{Kind: story.Heading, Level: 2, Text: dirty("A heading")},
			{Kind: story.Caption, Text: dirty("A caption")},
			story.NewBlock(story.Paragraph, story.Run(dirty("Markdown ")), story.Styled(story.Italic, story.Run(dirty("paragraph")))),
			{Kind: story.List, Items: []string{dirty("item one"), dirty("item two")}},
		},
		Related: []story.Story{{Title: dirty("Related trouble"), Site: dirty("Other"), Body: []story.Block{{Text: dirty("rel body")}}}},
	}}}
}

var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// checkHarmless fails if s holds any escape sequence but SGR styling (which
// the UI itself draws with), any other control character, or a payload.
func checkHarmless(t *testing.T, where, s string) {
	t.Helper()
	rest := sgr.ReplaceAllString(s, "")
	for i, r := range rest {
		if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || invisibleFormat(r) {
			t.Fatalf("%s: control character %U at byte %d: %q", where, r, i, rest[max(0, i-20):min(len(rest), i+30)])
		}
	}
	for _, payload := range []string{"pwned", "cHduZWQ", "evil.example"} {
		if strings.Contains(s, payload) {
			t.Fatalf("%s: escape payload %q reached the screen", where, payload)
		}
	}
}

// invisibleFormat reports whether r is a bidi control or a zero-width
// space: invisible characters that make text display other than it reads.
func invisibleFormat(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 ||
		r == 0x200b || r == 0x200e || r == 0x200f || r == 0x061c || r == 0x2060 || r == 0xfeff
}

func TestEscapesInDocumentsNeverReachTheTerminal(t *testing.T) {
	load := func(docs map[string]story.Document) Loader {
		inner := fixtureLoader(docs)
		return func(ctx context.Context, source string) []story.Document {
			if source == "broken" {
				return []story.Document{{Source: source, Err: errors.New("bad byte " + oscTitle + csiClear + "here")}}
			}
			return inner(ctx, source)
		}
	}
	opts := Options{
		Sources:  []string{"hostile.txt", "broken"},
		Load:     load(map[string]story.Document{"hostile.txt": hostileDoc()}),
		Renderer: render.NewRenderer(0),
		Style:    render.Dark,
	}
	for _, size := range [][2]int{{120, 36}, {40, 8}, {200, 50}} {
		d := newDriver(t, opts, size[0], size[1])
		check := func(step string) {
			t.Helper()
			v := d.m.View()
			checkHarmless(t, step+" content", v.Content)
			checkHarmless(t, step+" window title", v.WindowTitle)
		}
		check("first frame")
		if !strings.Contains(d.screen(), "Ship sinks in harbour") {
			t.Fatalf("the title's text should still show:\n%s", d.screen())
		}
		if got := d.m.View().WindowTitle; got != "Ship sinks in harbour click" {
			t.Errorf("window title %q", got)
		}
		d.press("j")
		check("related story")
		d.press("k", "tab", "G")
		check("end of story")
		d.press("/")
		d.send(tea.PasteMsg{Content: "para" + oscTitle + csiClear})
		check("search with a pasted escape")
		d.press("enter", "tab", "/")
		d.send(tea.PasteMsg{Content: oscClip + "ship"})
		check("filter with a pasted escape")
		d.press("?")
		check("help")
		d.press("?")
		d.fireTicks() // error notice gives way
		check("after notices")
	}
}
