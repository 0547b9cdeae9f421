package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

func TestDumpListsLinkOnlyRelated(t *testing.T) {
	para := func(s string) []story.Block { return []story.Block{{Kind: story.Paragraph, Text: s}} }
	doc := story.Document{Source: "x.html", Stories: []story.Story{{
		Title: "Ferry returns", Body: para("The ferry sailed on Monday."),
		Related: []story.Story{
			{Title: "Festival adds concerts", URL: "https://harbour.example/festival"},
			{Title: "Lamps restored", Body: para("The quay lamps shine again.")},
		},
	}}}
	r := render.NewRenderer(0)
	renderStory := func(s story.Story) (string, error) { return r.Render(render.Markdown(s), 60, render.NoTTY) }
	var out, errOut bytes.Buffer
	if code := writeDump(&out, &errOut, []story.Document{doc}, renderStory, 60); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	got := out.String()
	if strings.Count(got, "Festival adds concerts") != 1 || !strings.Contains(got, "Related: Festival adds concerts — https://harbour.example/festival") {
		t.Errorf("link-only related item not listed once as a Related line:\n%s", got)
	}
	if strings.Count(got, strings.Repeat("─", 60)) != 1 {
		t.Errorf("want one rule (main story, then the related item with a body):\n%s", got)
	}
	ferry, lamps, rel := strings.Index(got, "Ferry returns"), strings.Index(got, "Lamps restored"), strings.Index(got, "Related:")
	if !(ferry < rel && rel < lamps) {
		t.Errorf("Related line not under its main story:\n%s", got)
	}
}

// --dump numbers a story's links in the text and lists their addresses
// after it, whole, one a line, as lynx does; a link whose text is its
// address shows its host in the text, not the address twice.
func TestDumpReferences(t *testing.T) {
	long := "https://harbour.example/news/2026/12/a-very-long-address-with-many-hyphens-that-would-wrap-in-a-narrow-pane"
	st := story.Story{Title: "Ferry returns", Body: []story.Block{
		story.NewBlock(story.Paragraph, story.Run("The "), story.LinkTo("https://harbour.example/timetable", story.Run("timetable")),
			story.Run(" is online, and the notice "), story.LinkTo(long, story.Run(long)), story.Run(" says more.")),
	}}
	var out, errOut bytes.Buffer
	doc := story.Document{Source: "x.html", Stories: []story.Story{st}}
	if code := writeDump(&out, &errOut, []story.Document{doc}, dumpRenderer(render.NewRenderer(0), 40, render.NoTTY), 40); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	got := out.String()
	if !strings.Contains(got, "timetable[1]") {
		t.Errorf("link not numbered in the text:\n%s", got)
	}
	if !strings.Contains(got, "\n  [2] "+long+"\n") {
		t.Errorf("long address not listed whole on its own line:\n%s", got)
	}
	if strings.Count(got, "a-very-long-address") != 1 || !strings.Contains(got, "harbour.example[2]") {
		t.Errorf("want the long address named by its host in the text and listed once:\n%s", got)
	}
	if strings.ContainsRune(got, render.LinkMark) {
		t.Errorf("the reader's link mark reached the printed text: %q", got)
	}
}
