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
