package extract

import (
	"strings"
	"testing"

	"github.com/tread-reader/tread/story"
)

// storyPage wraps body HTML in an article page with enough prose to be
// found as the body, and extracts it.
func storyPage(t *testing.T, before, after string) story.Story {
	t.Helper()
	page := `<html><head><title>Tide tables move online</title></head><body>
<header><nav><a href="/">Home</a> <a href="/news/">News</a></nav></header>
<article><h1>Tide tables move online</h1>` + before + `
<p>The harbour office stopped printing its tide tables this spring, after sixty years of booklets handed across the counter to anyone who asked.</p>
<p>Fishermen who relied on the paper copies say the new website is slower to read on a wet deck, and the office has promised a large-print sheet for the quay.</p>
<p>The change saves the council a little over four thousand pounds a year, most of it in printing and postage to the outlying villages.</p>` + after + `
</article><footer><a href="/about">About us</a></footer></body></html>`
	s, err := Page([]byte(page), "https://port.example/news/tides.html")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestImageLines(t *testing.T) {
	tests := []struct {
		name, html, want string // want "" means no image line
	}{
		{"real alt kept", `<img src="/img/quay.jpg" alt="The quay at low tide">`, "![The quay at low tide](https://port.example/img/quay.jpg)"},
		{"placeholder alt dropped", `<img src="/img/quay.jpg" alt="image">`, ""},
		{"empty alt dropped", `<img src="/img/quay.jpg" alt="">`, ""},
		{"file name alt dropped", `<img src="/img/DSC_0042.JPG" alt="DSC_0042.jpg">`, ""},
		{"file stem alt dropped", `<img src="/img/quay-low-tide.jpg" alt="quay-low-tide">`, ""},
		{"title stands in", `<img src="/img/quay.jpg" alt="photo" title="Boats waiting for the tide">`, "![Boats waiting for the tide](https://port.example/img/quay.jpg)"},
		{"caption stands in", `<figure><img src="/img/quay.jpg"><figcaption>Nets drying on the harbour wall</figcaption></figure>`, "![Nets drying on the harbour wall](https://port.example/img/quay.jpg)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := storyPage(t, tc.html, "")
			var got []string
			for _, b := range s.Body {
				if b.Kind == story.Image {
					got = append(got, b.MD)
				}
			}
			switch {
			case tc.want == "" && len(got) > 0:
				t.Errorf("image kept: %q", got)
			case tc.want != "" && (len(got) != 1 || got[0] != tc.want):
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestBodyTails(t *testing.T) {
	tests := []struct {
		name, after string
		gone        []string
	}{
		{"dangling lead-in",
			`<p><strong>This might be interesting to you:</strong></p><ul><li><a href="/news/a">All our harbour stories</a></li><li><a href="/news/b">The lifeboat blog</a></li></ul>`,
			[]string{"interesting to you"}},
		{"loading label and thumbnails",
			`<div><a href="/news/ferry-fares-rise"><img src="/img/ferry.jpg" alt="Ferry fares rise again"></a>
<a href="/news/new-lifeboat"><img src="/img/boat.jpg" alt="A new lifeboat for the bay"></a></div><p>Loading content ...</p>`,
			[]string{"ferry.jpg", "boat.jpg", "Loading content"}},
		{"empty table",
			`<table><tr><td> </td><td></td><td>&nbsp;</td></tr><tr><td></td><td></td><td></td></tr></table>`,
			[]string{"|"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := storyPage(t, "", tc.after)
			var md strings.Builder
			for _, b := range s.Body {
				md.WriteString(b.MD + "\n")
			}
			for _, g := range tc.gone {
				if strings.Contains(md.String(), g) {
					t.Errorf("body kept %q:\n%s", g, md.String())
				}
			}
			if !strings.Contains(s.Text(), "outlying villages") {
				t.Errorf("body lost its text:\n%s", s.Text())
			}
		})
	}
}

func TestLinkedHeadings(t *testing.T) {
	s := storyPage(t, "", `
<h2><a href="https://puzzles.example/day/7">Day 7</a></h2>
<p>Part one wanted a set of beams, and part two turned the set into a map of counts, one for each column of the grid.</p>
<h2><a href="/news/ferry-fares-rise-again-this-winter">Ferry fares rise again this winter, operator says</a></h2>
<p class="summary">Passengers face a third rise in two years as the operator blames fuel costs…</p>`)
	var headings []string
	for _, b := range s.Body {
		if b.Kind == story.Heading {
			headings = append(headings, b.MD)
		}
	}
	if len(headings) != 1 || headings[0] != "## [Day 7](https://puzzles.example/day/7)" {
		t.Errorf("headings %q, want only the Day 7 label", headings)
	}
}
