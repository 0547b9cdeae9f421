package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tread-reader/tread/export"
	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// checkGolden compares got with testdata/golden/name, or rewrites it with -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *updateGolden {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (go test -run %s -update writes it): %v", t.Name(), err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s (go test -update to accept):\n%s", name, path, got)
	}
}

// goldenStory has numbered links, a long address, a picture, a footnote
// mark and related stories, one only a link and one with a body.
func goldenStory() story.Story {
	para := func(text string) []story.Block { return []story.Block{{Kind: story.Paragraph, Text: text}} }
	return story.Story{
		Title: "Ferry returns to the island", Site: "Harbour Gazette", URL: "https://harbour.example/news/ferry",
		Body: []story.Block{
			story.NewBlock(story.Paragraph, story.Run("The "), story.LinkTo("https://harbour.example/timetable", story.Run("new timetable")),
				story.Run(" starts on Monday"), story.Styled(story.Sup, story.Run("1")), story.Run(", the council said.")),
			{Kind: story.Image, Text: "The ferry at the north slipway", URL: "https://harbour.example/img/ferry-at-the-slipway.jpg"},
			{Kind: story.Paragraph, Text: "The notice is at https://harbour.example/notices/2026/12/the-ferry-timetable-changes-from-monday-morning."},
		},
		Related: []story.Story{
			{Title: "Festival adds concerts", URL: "https://harbour.example/festival"},
			{Title: "Lamps restored", Site: "Harbour Gazette", Body: para("The quay lamps shine again.")},
		},
	}
}

// TestDumpGolden: --dump's text at three widths, plain and in colour.
func TestDumpGolden(t *testing.T) {
	doc := story.Document{Source: "ferry.html", Stories: []story.Story{goldenStory()}}
	for _, w := range []int{40, 80, 120} {
		for _, st := range []render.Style{render.NoTTY, render.Dark, render.Light} {
			name := fmt.Sprintf("dump-%d-%s.golden", w, st)
			t.Run(name, func(t *testing.T) {
				var out, errOut bytes.Buffer
				if code := writeDump(&out, &errOut, []story.Document{doc}, dumpRenderer(render.NewRenderer(0), min(w, render.MaxWidth), st), min(w, render.MaxWidth)); code != 0 {
					t.Fatalf("exit %d: %s", code, errOut.String())
				}
				checkGolden(t, name, out.String())
			})
		}
	}
}

// TestExportGolden: an --export file, pictures as markdown images.
func TestExportGolden(t *testing.T) {
	saved := time.Date(2026, 12, 5, 9, 30, 0, 0, time.UTC)
	checkGolden(t, "export.md.golden", string(export.Markdown(goldenStory(), saved)))
}
