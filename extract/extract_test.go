package extract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func fixtureStory(t *testing.T) story.Story {
	t.Helper()
	s, err := Page(readFixture(t, "article.html"), "")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestBoilerplateRemoved(t *testing.T) {
	text := fixtureStory(t).Text()
	keep := []string{
		"The lamps along the old harbour wall",
		"A long restoration",
		"Twelve lamps were rebuilt",
		"switching the town back on",
		"func light()",
		"Lamps lit",
		"The harbour is glowing tonight",
		"granddaughter pressed the switch",
	}
	for _, k := range keep {
		if !strings.Contains(text, k) {
			t.Errorf("body lost %q", k)
		}
	}
	drop := []string{
		"cookies", "Accept all", "Home", "Share on Facebook", "Advertisement",
		"morning newsletter", "hidden from readers", "inline style", "Decorative text",
		"writes about the coast", "Ferry timetable", "lovely thing", "Copyright",
		"not text", "color: red", "Harbour lights return", "By Ada Marlow",
	}
	for _, d := range drop {
		if strings.Contains(text, d) {
			t.Errorf("body kept %q:\n%s", d, text)
		}
	}
}

func TestBlockMarkdown(t *testing.T) {
	s := fixtureStory(t)
	want := []struct {
		kind story.Kind
		md   string
	}{
		{story.Paragraph, "Volunteers spent *three winters* restoring the brass fittings, and the council paid for new glass after a [public appeal](https://gazette.example/news/appeal.html) raised more than expected."},
		{story.Heading, "## A long restoration"},
		{story.Paragraph, "Work began in a cold spring, when the first **survey** found the frames\\\nhad rusted through in places that nobody had checked since the war."},
		{story.List, "- Twelve lamps were rebuilt by hand in the old workshop.\n- Four were replaced outright with [faithful copies](https://gazette.example/history/lamps)."},
		{story.Quote, "> It felt like switching the town back on after a very long night."},
		{story.Image, "*Image: lamps.jpg* <https://gazette.example/news/img/lamps.jpg>"},
		{story.Caption, "_The lamps at dusk on Friday. Photo: Ben Ode_"},
		{story.Code, "```go\nfunc light() { lamp.On() }\n```"},
		{story.Table, "| Year | Lamps lit |\n| --- | --- |\n| 1984 | 0 |\n| 2024 | 16 |"},
		{story.Embed, "> The harbour is glowing tonight, what a sight for the whole town to see.\n>\n> — Harbour Watch (@harbourwatch)"},
	}
	for _, w := range want {
		found := false
		for _, b := range s.Body {
			if b.Kind == w.kind && blockMD(b) == w.md {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no %v block with markdown %q; blocks:\n%s", w.kind, w.md, dumpBlocks(s.Body))
		}
	}
	for _, b := range s.Body {
		if strings.Contains(blockMD(b), "data:") {
			t.Errorf("inline data URI in markdown: %q", blockMD(b))
		}
		if strings.ContainsAny(b.Text, "\u00ad") {
			t.Errorf("soft hyphen left in %q", b.Text)
		}
		if strings.Contains(b.Text, "](") || strings.Contains(b.Text, "**") {
			t.Errorf("markdown in plain text: %q", b.Text)
		}
	}
}

func dumpBlocks(bs []story.Block) string {
	var sb strings.Builder
	for _, b := range bs {
		sb.WriteString("  [" + string(rune('0'+b.Kind)) + "] " + strings.ReplaceAll(blockMD(b), "\n", "⏎") + "\n")
	}
	return sb.String()
}

func TestPlainTextSpacing(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"adjacent inline", `<p>foo<b>bar</b> baz</p>`, "foobar baz"},
		{"spaces inside inline", `<p>one<em> two </em>three</p>`, "one two three"},
		{"br", `<p>line one<br>line two</p>`, "line one\nline two"},
		{"nbsp", "<p>a\u00a0b</p>", "a b"},
		{"soft hyphen", "<p>in\u00adcred\u00adible</p>", "incredible"},
		{"entities", `<p>fish &amp; chips &lt;3</p>`, "fish & chips <3"},
		{"newlines in source", "<p>spread\n   over\n\tlines</p>", "spread over lines"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Page([]byte(tt.html), "")
			if err != nil {
				t.Fatal(err)
			}
			if got := s.Text(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestInlineMarkdown(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"emphasis spaces move out", `<p>a<b> bold </b>b</p>`, "a **bold** b"},
		{"empty emphasis vanishes", `<p>a<b> </b>b</p>`, "a b"},
		{"nested", `<p><strong><em>both</em></strong></p>`, "***both***"},
		{"escapes", `<p>2 * 3 = 6 and [x] _y_</p>`, `2 \* 3 = 6 and \[x\] \_y\_`},
		{"list-like start", `<p>1. not a list</p>`, `1\. not a list`},
		{"heading-like start", `<p># not a heading</p>`, `\# not a heading`},
		{"inline code", "<p>run <code>go test</code> now</p>", "run `go test` now"},
		{"script link dropped", `<p><a href="javascript:void(0)">click</a> here</p>`, "click here"},
		{"anchor link dropped", `<p>back to the <a href="#top">top</a> of the page</p>`, "back to the top of the page"},
		{"link with parens", `<p>see the <a href="https://x.example/a_(b)">wiki</a> page for more</p>`, "see the [wiki](https://x.example/a_%28b%29) page for more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Page([]byte(tt.html), "")
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Body) != 1 {
				t.Fatalf("want one block, got %d:\n%s", len(s.Body), dumpBlocks(s.Body))
			}
			if got := blockMD(s.Body[0]); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRelativeURLs(t *testing.T) {
	page := `<html><head>%s</head><body><article><p>Read <a href="%s">the report</a> on the long harbour restoration, which took three winters and a great many volunteers.</p></article></body></html>`
	tests := []struct {
		name, head, href, pageURL, want string
	}{
		{"page url", "", "report.html", "https://a.example/news/story", "https://a.example/news/report.html"},
		{"base wins", `<base href="https://cdn.example/x/">`, "report.html", "https://a.example/news/story", "https://cdn.example/x/report.html"},
		{"relative base", `<base href="/deep/">`, "report.html", "https://a.example/news/story", "https://a.example/deep/report.html"},
		{"root relative", "", "/r.html", "https://a.example/news/story", "https://a.example/r.html"},
		{"protocol relative", "", "//b.example/r", "https://a.example/news/", "https://b.example/r"},
		{"absolute kept", "", "http://c.example/r", "https://a.example/", "http://c.example/r"},
		{"no base at all", "", "report.html", "", "report.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			html := strings.Replace(strings.Replace(page, "%s", tt.head, 1), "%s", tt.href, 1)
			s, err := Page([]byte(html), tt.pageURL)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Body) == 0 || len(s.Body[0].Links) != 1 || s.Body[0].Links[0].URL != tt.want {
				t.Errorf("want link to %s in:\n%s", tt.want, dumpBlocks(s.Body))
			}
		})
	}
}

func TestHeadlineDropped(t *testing.T) {
	html := `<html><head><title>Storm closes the coast road</title></head><body><article>
<h1>Storm closes the coast road</h1>
<p>The coast road was closed on Monday after the storm brought down trees and power lines along a six mile stretch.</p>
<h1>A second h1 inside the body stays</h1>
<p>Crews expect to reopen it by the weekend if the wind drops as forecast and nothing else comes down.</p>
</article></body></html>`
	s, err := Page([]byte(html), "")
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != "Storm closes the coast road" {
		t.Errorf("title %q", s.Title)
	}
	text := s.Text()
	if strings.HasPrefix(text, "Storm closes") {
		t.Errorf("headline left in body:\n%s", text)
	}
	if !strings.Contains(text, "A second h1") {
		t.Errorf("later heading lost:\n%s", text)
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		err     error
		partial bool
	}{
		{"empty", nil, ErrEmpty, false},
		{"blank", []byte(" \n\t "), ErrEmpty, false},
		{"plain text", []byte("Just some words, no markup at all.\nSecond line."), ErrNotHTML, false},
		{"binary", []byte("\x00\x01\x02<html>\x00"), ErrNotHTML, false},
		{"too large", make([]byte, MaxSize+1), ErrTooLarge, false},
		{"no article", []byte(`<html><body><nav><a href="/a">A</a><a href="/b">B</a></nav><p>404 not found</p></body></html>`), nil, true},
		{"brief news item", []byte(`<html><head><title>Ferry timetable changes</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Ferry timetable changes</h1><p>The early ferry to the island will leave at half past six from Monday, not at six.</p><p>The operator said the later start lets the crew load the post before sailing.</p></article></body></html>`), nil, false},
		{"one short line", []byte(`<html><body><article><p>The ferry to the island will leave at half past six from Monday, not at six as before.</p></article></body></html>`), nil, true},
		{"truncated", []byte(`<html><body><article><p>The first paragraph is complete and long enough to count as prose for the reader.</p><p>The second one stops in the mid`), nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Page(tt.data, "")
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if s.Partial != tt.partial {
				t.Errorf("Partial = %v, want %v", s.Partial, tt.partial)
			}
		})
	}
}

func TestHostilePages(t *testing.T) {
	deep := strings.Repeat("<div>", 100_000) + "<p>deep text that is long enough to be read as a paragraph of prose</p>"
	script := "<html><body><script>" + strings.Repeat("var x = '<p>';", 300_000) + "</script><article><p>" +
		strings.Repeat("Real words after a megabyte of script. ", 10) + "</p></article></body></html>"
	inline := "<p>" + strings.Repeat("<b>", 100_000) + "x"
	quotes := strings.Repeat("<blockquote><p>"+strings.Repeat("quoted words ", 80)+"</p>", 480)
	tables := strings.Repeat("<table><tr><td>"+strings.Repeat("cell words ", 20), 400)
	lists := strings.Repeat("<ul><li>"+strings.Repeat("item words ", 20), 400)
	tests := map[string]string{"deep": deep, "script": script, "deep inline": inline,
		"nested quotes": quotes, "nested tables": tables, "nested lists": lists}
	for name, page := range tests {
		t.Run(name, func(t *testing.T) {
			s, err := Page([]byte(page), "")
			if err != nil {
				t.Logf("error (acceptable): %v", err)
				return
			}
			if name == "script" && !strings.Contains(s.Text(), "Real words") || strings.Contains(s.Text(), "var x") {
				t.Errorf("text %.200q", s.Text())
			}
		})
	}
}

func TestHomePageIsPartial(t *testing.T) {
	s, err := Page(readFixture(t, "home.html"), "")
	if err != nil {
		t.Fatal(err)
	}
	if !s.Partial {
		t.Errorf("a front page of teasers should be a partial story; body:\n%s", s.Text())
	}
}

// TestConcurrentPages runs extractions side by side, as the reader does
// when it loads a folder; with -race it guards the package's shared tables.
func TestConcurrentPages(t *testing.T) {
	data := readFixture(t, "article.html")
	want := fixtureStory(t).Text()
	done := make(chan string)
	for range 8 {
		go func() {
			s, err := Page(data, "https://gazette.example/news/harbour-lights")
			if err != nil {
				done <- err.Error()
				return
			}
			done <- s.Text()
		}()
	}
	for range 8 {
		if got := <-done; got != want {
			t.Errorf("concurrent extraction differs:\n%s", got)
		}
	}
}

func TestPageInsideForm(t *testing.T) {
	html := `<html><body><form id="aspnetForm" action="/x"><div class="nav"><a href="/">Home</a></div>
<div class="content"><p>The council met on Tuesday to agree the budget for the coming year, after weeks of argument.</p>
<p>Councillors voted by a narrow margin to keep the harbour lamps lit through the winter months.</p></div>
<div class="search"><input name="q"><button>Search</button></div></form></body></html>`
	s, err := Page([]byte(html), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s.Text(), "harbour lamps lit") {
		t.Errorf("body lost inside a page-wide form: %q", s.Text())
	}
}

func TestLinkedDataTableKept(t *testing.T) {
	html := `<article><p>The largest contractors by revenue last year, according to the annual survey of the trade.</p>
<div class="embed"><table><tr><th>Company</th><th>Revenue</th></tr>
<tr><td><a href="https://a.example/">Harbour Electric Group</a></td><td>$2.5B</td></tr>
<tr><td><a href="https://b.example/">Quayside Power Systems</a></td><td>$1.3B</td></tr></table></div></article>`
	s, err := Page([]byte(html), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s.Text(), "Quayside Power Systems | $1.3B") {
		t.Errorf("linked data table lost:\n%s", s.Text())
	}
}

// A footnote mark is set apart in what the reader shows, while the plain
// text keeps the page's characters.
func TestFootnoteMarks(t *testing.T) {
	page := `<html><body><article><h1>Counting seals</h1><p>The count is made from a boat at low tide<sup>1</sup>, so that the animals are not disturbed by walkers on the sand.</p><p>Pups are born in the summer months<sup>a</sup> and stay near the sandbank for weeks.</p></article></body></html>`
	s, err := Page([]byte(page), "https://news.example/seals")
	if err != nil {
		t.Fatal(err)
	}
	md, _ := render.ReaderMarkdown(s)
	for _, want := range []string{"low tide¹,", `summer months\[a\]`} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	if !strings.Contains(s.Text(), "low tide1,") {
		t.Errorf("plain text changed: %q", s.Text())
	}
}
