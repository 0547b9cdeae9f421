package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tread-reader/tread/story"
)

// TestFurnitureFixtures reads pages of our own that each hold one thing a
// story keeps (a table's first column, a picture without alt text, an
// embedded video) or one piece of furniture it must lose (caption buttons,
// a teaser grid), and checks the body block by block.
func TestFurnitureFixtures(t *testing.T) {
	type blockWant struct {
		kind      story.Kind
		text, url string // text: a substring of Text (or MD for captions); url: exact
	}
	tests := []struct {
		file string
		has  []blockWant
		gone []string // never in any block's Text or MD
		once []string // in the body's markdown exactly once
	}{
		{file: "sticky-column.html",
			has: []blockWant{{kind: story.Table, text: "Provider | Monthly price | Speed\nLanternet | £24.00"}}},
		{file: "teaser-grid.html",
			has:  []blockWant{{kind: story.Paragraph, text: "light trim in late autumn"}},
			gone: []string{"Allotment waiting list", "Bridge repairs", "two hundred names", "…", "/a.jpg"}},
		{file: "card-tail.html",
			has: []blockWant{
				{kind: story.List, text: "Point to Sands, last boat at 23:10"},
				{kind: story.Paragraph, text: "eight hundred names"},
			},
			gone: []string{"Museum opening", "Tickets are free", "Regatta returns", "/img/pier.jpg", "Most read"}},
		{file: "image-noalt.html",
			has: []blockWant{
				{kind: story.Image, text: "seal pups sandbank", url: "https://estuary.example/media/2026/seal-pups-sandbank.jpg"},
				{kind: story.Image, url: "https://estuary.example/media/2026/DSC_0412.JPG"},
				{kind: story.Image, url: "https://estuary.example/media/2026/ranger-boat.jpg"},
			},
			once: []string{"The rangers' boat at low tide"}},
		{file: "embed.html",
			has: []blockWant{
				{kind: story.Media, text: "Video: Lighting the Pell Point lamp", url: "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
				{kind: story.Media, text: "Audio: The last log entry", url: "https://shore.example/audio/last-log.mp3"},
				{kind: story.Media, text: "Video", url: "https://shore.example/video/beam.mp4"},
				{kind: story.Media, text: "Video: The beam from the sea", url: "https://vimeo.com/76979871"},
				{kind: story.Paragraph, text: "maritime museum"},
			}},
		{file: "caption-toggle.html",
			has:  []blockWant{{kind: story.Image, url: "https://example.org/img/simulator.jpg"}},
			gone: []string{"hide caption", "toggle caption", "Originally published", "enlarge the picture", "first aired"},
			once: []string{"A pilot at the wheel"}},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "furniture", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			s, err := Page(data, "https://example.org/news/"+strings.TrimSuffix(tc.file, ".html"))
			if err != nil {
				t.Fatalf("Page: %v", err)
			}
			var md strings.Builder
			for _, b := range s.Body {
				md.WriteString(b.Text + "\n" + blockMD(b) + "\n")
			}
			for _, w := range tc.has {
				found := false
				for _, b := range s.Body {
					if b.Kind == w.kind && strings.Contains(b.Text+"\n"+blockMD(b), w.text) && (w.url == "" || b.URL == w.url) {
						found = true
					}
				}
				if !found {
					t.Errorf("no block of kind %d with %q %s in:\n%s", w.kind, w.text, w.url, md.String())
				}
			}
			for _, g := range tc.gone {
				if strings.Contains(md.String(), g) {
					t.Errorf("%q reached the body:\n%s", g, md.String())
				}
			}
			var bodyMD strings.Builder
			for _, b := range s.Body {
				bodyMD.WriteString(blockMD(b) + "\n")
			}
			for _, o := range tc.once {
				if n := strings.Count(bodyMD.String(), o); n != 1 {
					t.Errorf("%q shown %d times, want once:\n%s", o, n, bodyMD.String())
				}
			}
		})
	}
}
