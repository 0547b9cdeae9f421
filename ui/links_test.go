package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

func TestLinksListShowsItsKeys(t *testing.T) {
	d := newDriver(t, newWeb().options(), 120, 30)
	d.selectTitle("Tide gauge readings hit record")
	d.press("enter", "L")
	if !d.m.links.open {
		t.Fatal("setup: links list not open")
	}
	status := lastLine(d.screen())
	for _, want := range []string{"enter follow", "o open", "y copy", "esc close"} {
		if !strings.Contains(status, want) {
			t.Errorf("status with the links list open lacks %q: %q", want, status)
		}
	}
	d.press("esc")
	if status := lastLine(d.screen()); strings.Contains(status, "follow") {
		t.Errorf("links keys stayed after the list closed: %q", status)
	}
}

// The links list names an image by its alt text and a link whose text is
// only its host by its path too; a related item that is such a link reads
// the same way in the list.
func TestLinksListLabels(t *testing.T) {
	doc := story.Document{Stories: []story.Story{{
		Title: "Harbour council approves tidal barrier", Site: "Coast Herald",
		Body: []story.Block{
			{Kind: story.Paragraph, Text: "The barrier, drawn."},
			{Kind: story.Image, Text: "The barrier at low tide", URL: "https://img.example/barrier.jpg"},
			story.NewBlock(story.Paragraph, story.Run("See "), story.LinkTo("https://tides.example/2026/record-high", story.Run("tides.example")), story.Run(" for the readings.")),
		},
		Related: []story.Story{{Title: "www.quay.example", URL: "https://www.quay.example/catch/falls"}},
	}}}
	opts := Options{Sources: []string{"front.txt"}, Load: fixtureLoader(map[string]story.Document{"front.txt": doc}), Renderer: render.NewRenderer(0), Style: render.Dark}
	d := newDriver(t, opts, 120, 30)
	if got := d.listTitles(); len(got) != 2 || got[1] != "www.quay.example/catch/falls" {
		t.Errorf("list titles %q", got)
	}
	d.press("L")
	if !d.m.links.open {
		t.Fatalf("setup: links list not open; links %+v", d.m.links.links)
	}
	scr := d.screen()
	var texts []string
	for _, l := range d.m.links.links {
		texts = append(texts, l.Text)
	}
	for _, want := range []string{"The barrier at low tide", "tides.example/2026/record-high"} {
		if !slices.Contains(texts, want) || !strings.Contains(scr, want) {
			t.Errorf("links list lacks %q: %q\n%s", want, texts, scr)
		}
	}
	if strings.Contains(scr, "(no text)") {
		t.Errorf("an image with alt text is labelled (no text):\n%s", scr)
	}
}
