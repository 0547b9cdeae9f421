package extract

import (
	"html"
	"maps"
	"strings"
	"testing"

	"github.com/tread-reader/tread/internal/mdlinks"
	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

// The page the link property is checked on: fuzzed text (%[1]s, HTML-
// escaped so it stays text, but with every byte it holds) in the
// headline, in paragraphs, inside a link's text, an alt text, a list
// item, a table cell and a quote. Its elements link only to good.example.
const linkPage = `<!doctype html><html><head><title>%[1]s</title></head><body><article>
<h1>Harbour lamps %[1]s</h1>
<p>The lamps along the old harbour wall were lit again on Friday, forty years after the last keeper locked the lantern room. %[1]s</p>
<p>Volunteers spent <em>three %[1]s winters</em> restoring the brass, and the council paid after a <a href="https://good.example/appeal">public %[1]s appeal</a> raised more than expected.</p>
<figure><img src="https://good.example/lamps.jpg" alt="Lamps %[1]s"><figcaption>The lamps %[1]s at dusk.</figcaption></figure>
<ul><li>Twelve lamps were rebuilt %[1]s by hand.</li><li>Four were <a href="https://good.example/copies">copies %[1]s</a>.</li></ul>
<table><tr><th>Year</th><th>Lamps %[1]s</th></tr><tr><td>1984</td><td><a href="https://good.example/1984">none</a></td></tr></table>
<blockquote><p>It felt like switching the town back on %[1]s after a very long night.</p></blockquote>
<p>The keeper's granddaughter pressed the switch, and the crowd on the quay cheered for a long time afterwards. %[1]s</p>
</article></body></html>`

// goodURLs are the destinations the page's <a> and <img> elements give.
var goodURLs = map[string]bool{
	"https://good.example/appeal": true, "https://good.example/lamps.jpg": true,
	"https://good.example/copies": true, "https://good.example/1984": true,
}

// FuzzLinksOnlyFromElements: whatever the page text holds, the markdown
// tread writes (for --json, --export and the reader) links exactly where
// the page's elements did, no more: read back with a CommonMark parser,
// every link, image and autolink goes to one of the page's own URLs, as
// many times as the extracted blocks hold them, and there is no raw HTML.
// Seeds live in testdata/fuzz/FuzzLinksOnlyFromElements.
func FuzzLinksOnlyFromElements(f *testing.F) {
	for _, s := range []string{
		"plain words",
		"\x1b[click here\x1b](javascript:alert(1))",
		"\x1b[bank login\x1b](https://evil.example/phish)",
		"!\x1b[img\x1b](https://evil.example/track.png)",
		"\x1b\\[st\x1b\\](https://evil.example/st)",
		"x\x1b](https://evil.example/inner) y",
		"<https://evil.example/auto> [a](https://evil.example/a) ![i](https://evil.example/i.png)",
		"&#27;[e&#27;](https://evil.example/e) &lt;b&gt;",
		"*a* **b** `c` ~~d~~ _e_ \\* \\[",
		"\u009d0;PWNED\u009c \u202eevil\u202c \u200b\u2060",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		page := strings.ReplaceAll(linkPage, "%[1]s", html.EscapeString(text))
		s, err := Page([]byte(page), "https://page.example/story")
		if err != nil {
			return
		}
		want := map[string]int{}
		for _, b := range s.Body {
			countLinks(b, want)
		}
		if text == "plain words" && len(want) != len(goodURLs) {
			t.Fatalf("the plain page gave links %v, want all of %v", want, goodURLs)
		}
		for u := range want {
			if !goodURLs[u] {
				t.Fatalf("extracted a link to %q, which no element gave", u)
			}
		}
		md := render.Markdown(s)
		got := map[string]int{}
		for _, f := range mdlinks.Find(md) {
			if f.Kind == mdlinks.HTML {
				t.Fatalf("raw HTML %q in:\n%s", f.Dest, md)
			}
			got[f.Dest]++
		}
		if !maps.Equal(got, want) {
			t.Fatalf("markdown links %v, want %v, in:\n%s", got, want, md)
		}
		_, links := render.ReaderMarkdown(s)
		for _, l := range links {
			if !goodURLs[l.URL] {
				t.Fatalf("reader link %+v, which no element gave", l)
			}
		}
		if len(links) != len(want) {
			t.Fatalf("reader numbered %d links, want %d: %+v", len(links), len(want), links)
		}
	})
}

// countLinks counts the http(s) links and images a block holds.
func countLinks(b story.Block, n map[string]int) {
	var walk func(in story.Inline)
	walk = func(in story.Inline) {
		if in.Link > 0 && !in.Empty() {
			n[b.Links[in.Link-1].URL]++
		}
		for _, k := range in.Kids {
			walk(k)
		}
	}
	walk(b.Inline)
	for _, it := range b.ListItems {
		walk(it.Inline)
	}
	for _, row := range b.Cells {
		for _, c := range row {
			walk(c)
		}
	}
	for _, q := range b.Blocks {
		countLinks(q, n)
	}
	if b.Kind == story.Image && strings.HasPrefix(b.URL, "https://") {
		n[b.URL]++
	}
}
