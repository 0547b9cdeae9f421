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
		// A picture with nothing to say about it is still part of the story:
		// an image line with its address, named by its file when that is words.
		{"placeholder alt left out", `<img src="/img/quay.jpg" alt="image">`, "![](https://port.example/img/quay.jpg)"},
		{"empty alt", `<img src="/img/quay.jpg" alt="">`, "![](https://port.example/img/quay.jpg)"},
		{"no alt", `<img src="/img/quay.jpg">`, "![](https://port.example/img/quay.jpg)"},
		{"camera file name", `<img src="/img/DSC_0042.JPG" alt="DSC_0042.jpg">`, "![](https://port.example/img/DSC_0042.JPG)"},
		{"file stem as words", `<img src="/img/quay-low-tide.jpg" alt="quay-low-tide">`, "![quay low tide](https://port.example/img/quay-low-tide.jpg)"},
		{"alt same as caption said once", `<figure><img src="/img/quay.jpg" alt="Nets drying on the wall"><figcaption>Nets drying on the wall.</figcaption></figure>`, "![](https://port.example/img/quay.jpg)"},
		{"title stands in", `<img src="/img/quay.jpg" alt="photo" title="Boats waiting for the tide">`, "![Boats waiting for the tide](https://port.example/img/quay.jpg)"},
		{"captioned figure keeps its picture", `<figure><img src="/img/quay.jpg"><figcaption>Nets drying on the harbour wall</figcaption></figure>`, "![](https://port.example/img/quay.jpg)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkImageLine(t, storyPage(t, tc.html, ""), tc.want)
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
		{"appeal for support",
			`<section class="below-content widget"><h4><strong>Since you made it to the bottom of this article, we have a small favor to ask.</strong></h4>
<p>We are in the midst of our end-of-year campaign, our most important effort of the year, and every gift is doubled.</p>
<p>Thank you.<br>Ada Marlow<br>Editor</p></section>
<section class="widget republication_tracker_tool"><p>Republish our articles for free, online or in print, under a Creative Commons license.</p></section>`,
			[]string{"favor to ask", "campaign", "Ada Marlow", "Republish"}},
		{"empty table",
			`<table><tr><td> </td><td></td><td>&nbsp;</td></tr><tr><td></td><td></td><td></td></tr></table>`,
			[]string{"|"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := storyPage(t, "", tc.after)
			var md strings.Builder
			for _, b := range s.Body {
				md.WriteString(blockMD(b) + "\n")
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
			headings = append(headings, blockMD(b))
		}
	}
	if len(headings) != 1 || headings[0] != "## [Day 7](https://puzzles.example/day/7)" {
		t.Errorf("headings %q, want only the Day 7 label", headings)
	}
}

func TestBodyHeads(t *testing.T) {
	tests := []struct {
		name, before string
		gone         string
	}{
		{"posting time under a label", `<p>기사입력 :[ 2018-08-25 15:24 ]</p>`, "2018"},
		{"timestamp row", `<p>November 19, 2019 / 12:21 AM / Updated 14 hours ago</p>`, "Updated"},
		{"timestamp with its history", `<div><span>8:23 PM ET</span> Originally published <time>11:01 AM ET</time></div>`, "Originally"},
		{"contents and their label", `<h2>Table of Contents</h2><ul><li><a href="#booklets">The booklets</a></li><li><a href="#website">The website</a></li><li><a href="#costs">What it costs</a></li></ul>`, "Contents"},
		{"label of a link list", `<p><strong>In this story</strong></p><ul class="jump"><li><a href="/harbour/">Harbour</a></li><li><a href="/council/">Council</a></li></ul>`, "In this story"},
		{"relative age", `<p>Posted 3 days ago</p>`, "days ago"},
		{"date and tag line", `<p><small><b>05/10/2018</b> - Categoria: <a href="/noticias.php?cat=19">Porto</a> - Tags: <a href="/noticias.php?tag=barcos">barcos</a> <a href="/tag/mare">maré</a></small></p>`, "Categoria"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := storyPage(t, tc.before, "")
			if text := s.Text(); strings.Contains(text, tc.gone) || !strings.HasPrefix(text, "The harbour office") {
				t.Errorf("body starts wrong:\n%s", text)
			}
		})
	}
}

func TestTaxonomyURL(t *testing.T) {
	for u, want := range map[string]bool{
		"https://x.example/tag/harbour":                      true,
		"https://x.example/category/news/":                   true,
		"https://x.example/noticias.php?cat=19":              true,
		"https://x.example/topics/hiking/best-backpacks":     false,
		"https://x.example/news/2024/tag-day-at-the-harbour": false,
		"https://x.example/news/tides.html":                  false,
	} {
		if got := isTaxonomyURL(u); got != want {
			t.Errorf("isTaxonomyURL(%q) = %v, want %v", u, got, want)
		}
	}
}

func TestIconText(t *testing.T) {
	s := storyPage(t, "", `
<table><tr><th>Provider</th><th>WireGuard</th><th>IPv6</th><th>Audited</th></tr>
<tr><td>Harbour VPN</td><td><svg aria-label="Supported" viewBox="0 0 8 8"><path d="M0 0"/></svg></td>
<td><span class="icon icon-x" aria-hidden="true"></span><span class="sr-only">No</span></td>
<td><img src="/i/check.png" width="16" height="16" alt="Yes"></td></tr>
<tr><td>Quay VPN</td><td><span class="icon" title="Partial support"></span></td><td><svg><title>Outgoing only</title></svg></td><td></td></tr></table>
<p>Protects against the following threats:</p>
<ul><li><span class="badge" aria-label="Surveillance capitalism"></span></li><li><span class="badge" aria-label="Targeted attacks"></span></li></ul>
<ul class="share"><li><a href="https://facebook.example/share" aria-label="Share on Facebook"></a></li><li><a href="https://x.example/share" aria-label="Share on X"></a></li></ul>`)
	var table, list []string
	for _, b := range s.Body {
		switch b.Kind {
		case story.Table:
			table = append(table, b.Text)
		case story.List:
			list = append(list, b.Items...)
		}
	}
	wantTable := "Provider | WireGuard | IPv6 | Audited\nHarbour VPN | Supported | No | Yes\nQuay VPN | Partial support | Outgoing only | "
	if len(table) != 1 || table[0] != wantTable {
		t.Errorf("table %q\nwant %q", table, wantTable)
	}
	if strings.Join(list, "|") != "Surveillance capitalism|Targeted attacks" {
		t.Errorf("list items %q", list)
	}
}

func TestTaxonomyWordsPrechecked(t *testing.T) {
	for w := range taxonomyWords {
		if !mentionsTaxonomy("https://x.example/" + w + "/harbour") {
			t.Errorf("%q is skipped by the quick look", w)
		}
	}
}

func TestSlideshowCaptions(t *testing.T) {
	s := storyPage(t, `<ul class="gallery">
<li class="slide"><img src="/img/quay-1.jpg" alt=""><div class="caption">The harbour office counter, where the booklets were handed out for sixty years.</div></li>
<li class="slide"><img src="/img/quay-2.jpg" alt=""><div class="caption-text">A tide table from 1987, kept in the office safe.</div></li>
</ul>
<div class="lightbox"><div class="caption-full">The harbour office counter, where the booklets were handed out for sixty years.</div>
<div class="caption-truncated">The harbour office counter, where the booklets…</div></div>`, "")
	if strings.Contains(s.Text(), "booklets were handed out") || strings.Contains(s.Text(), "office safe") {
		t.Errorf("slideshow captions read as running text:\n%s", s.Text())
	}
	captions := 0
	for _, b := range s.Body {
		if b.Kind == story.List {
			t.Errorf("slideshow kept as a list: %q", b.Text)
		}
		if b.Kind == story.Caption && (strings.Contains(b.Inline.Plain(), "booklets") || strings.Contains(b.Inline.Plain(), "office safe")) {
			captions++
		}
	}
	if captions != 2 {
		t.Errorf("%d captions under their pictures, want 2 (each once)", captions)
	}
}
