package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/tread-reader/tread/story"
)

const mk = string(LinkMark)

// para is a paragraph of kids.
func para(kids ...story.Inline) story.Block { return story.NewBlock(story.Paragraph, kids...) }

// run, em and link shorten the trees below.
var (
	run  = story.Run
	link = story.LinkTo
)

func em(kids ...story.Inline) story.Inline { return story.Styled(story.Italic, kids...) }

// readerBody is the reader's markdown of a story of blocks, without the
// final newline.
func readerBody(blocks ...story.Block) (string, []Link) {
	md, links := ReaderMarkdown(story.Story{Body: blocks})
	return strings.TrimSuffix(md, "\n"), links
}

func TestReaderMarkdownNumbersLinks(t *testing.T) {
	tests := []struct {
		name   string
		blocks []story.Block
		want   string
		links  []Link
	}{
		{
			name:   "inline link",
			blocks: []story.Block{para(run("Read "), link("https://example.com/report", run("the report")), run(" today."))},
			want:   `Read the report\[1\]` + mk + " today.",
			links:  []Link{{1, "the report", "https://example.com/report"}},
		},
		{
			name: "same URL keeps its number",
			blocks: []story.Block{para(link("https://x.example/1", run("a")), run(" and "), link("https://y.example/2", run("b")),
				run(" and "), link("https://x.example/1", run("again")))},
			want: `a\[1\]` + mk + ` and b\[2\]` + mk + ` and again\[1\]` + mk,
			links: []Link{
				{1, "a", "https://x.example/1"},
				{2, "b", "https://y.example/2"},
			},
		},
		{
			name: "relative, script and mail links keep their text only",
			blocks: []story.Block{para(link("/index.html", run("home")), run(", "), link("javascript:alert(1)", run("run")),
				run(" and "), link("mailto:a@b.example", run("mail")))},
			want: "home, run and mail",
		},
		{
			name:   "an embed's link shows its host",
			blocks: []story.Block{{Kind: story.Embed, Text: "Post", URL: "https://www.Video.example/watch?v=1"}},
			want:   "> Post\n\n— video.example\\[1\\]" + mk,
			links:  []Link{{1, "", "https://www.Video.example/watch?v=1"}},
		},
		{
			name:   "an image's link is named by its alt text",
			blocks: []story.Block{{Kind: story.Image, Text: "The quay", URL: "https://i.example/q.jpg"}},
			want:   "*Image: The quay* i.example\\[1\\]" + mk,
			links:  []Link{{1, "The quay", "https://i.example/q.jpg"}},
		},
		{
			name: "a link whose text is its address shows its host",
			blocks: []story.Block{para(run("see "), link("https://www.Harbour.example/news/2026/a-long-path", run("https://www.Harbour.example/news/2026/a-long-path")),
				run(" and "), link("https://b.example/x", run("b.example/x")))},
			want: `see harbour.example\[1\]` + mk + ` and b.example/x\[2\]` + mk,
			links: []Link{{1, "https://www.Harbour.example/news/2026/a-long-path", "https://www.Harbour.example/news/2026/a-long-path"},
				{2, "b.example/x", "https://b.example/x"}},
		},
		{
			name:   "a space in a URL is encoded",
			blocks: []story.Block{para(link("https://a.example/with space", run("x")))},
			want:   `x\[1\]` + mk,
			links:  []Link{{1, "x", "https://a.example/with%20space"}},
		},
		{
			name:   "emphasis and markdown-like text inside a link",
			blocks: []story.Block{para(link("https://a.example/t", em(run("Tides")), run(" & [budgets]")))},
			want:   `*Tides* &amp; \[budgets\]\[1\]` + mk,
			links:  []Link{{1, "Tides & [budgets]", "https://a.example/t"}},
		},
		{
			name:   "link syntax in page text stays text",
			blocks: []story.Block{para(run("[c](https://c.example/) ![alt](https://i.example/p.png) <https://e.example/>"))},
			want:   `\[c\](https://c.example/) !\[alt\](https://i.example/p.png) \<https://e.example/\>`,
		},
		{
			name:   "marks in the text are removed",
			blocks: []story.Block{para(run("fake[9]" + mk + " text"))},
			want:   `fake\[9\] text`,
		},
		{
			name:   "non-ASCII is percent-encoded",
			blocks: []story.Block{para(link("https://ja.example/東京", run("東京")))},
			want:   `東京\[1\]` + mk,
			links:  []Link{{1, "東京", "https://ja.example/%E6%9D%B1%E4%BA%AC"}},
		},
		{
			name: "links in lists, tables and quotes are numbered in order",
			blocks: []story.Block{
				{Kind: story.List, Items: []string{"a"}, ListItems: []story.ListItem{{Inline: story.Inline{Kids: []story.Inline{{Link: 1, Kids: []story.Inline{run("a")}}}}}},
					Links: []story.Link{{URL: "https://l.example/", Text: "a"}}},
				{Kind: story.Quote, Text: "q", Blocks: []story.Block{para(link("https://q.example/", run("q")))}},
			},
			want:  "- a\\[1\\]" + mk + "\n\n> q\\[2\\]" + mk,
			links: []Link{{1, "a", "https://l.example/"}, {2, "q", "https://q.example/"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, links := readerBody(tt.blocks...)
			if got != tt.want {
				t.Errorf("markdown\n got %q\nwant %q", got, tt.want)
			}
			if len(links) != len(tt.links) {
				t.Fatalf("links %+v, want %+v", links, tt.links)
			}
			for i := range links {
				if links[i] != tt.links[i] {
					t.Errorf("link %d = %+v, want %+v", i, links[i], tt.links[i])
				}
			}
		})
	}
}

func TestSafeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://example.com/a?b=c#d", "https://example.com/a?b=c#d"},
		{"  http://example.com/  ", "http://example.com/"},
		{"HTTPS://EXAMPLE.COM/", "HTTPS://EXAMPLE.COM/"},
		{"ftp://example.com/", ""},
		{"javascript:alert(1)", ""},
		{"/relative/path", ""},
		{"https://", ""},
		{"https://user:pw@example.com/", ""},
		{"https://example.com/\x1b]0;pwned\x07", ""},
		{"https://example.com/\x07", ""},
		{"https://example.com/a b", ""},
		{"https://example.com/\u009b2J", ""},
		{"https://example.com/\xff", ""},
		{"https://example.com/é", "https://example.com/%C3%A9"},
		{"https://example.com/" + strings.Repeat("a", maxURL), ""},
	}
	for _, tt := range tests {
		if got := SafeURL(tt.in); got != tt.want {
			t.Errorf("SafeURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// hyperlinkRE matches the hyperlinks Hyperlink writes.
var hyperlinkRE = regexp.MustCompile("\x1b\\]8;;([^\x1b\x07]*)\x1b\\\\")

func TestHyperlinksLinkOnlyMarkedLabels(t *testing.T) {
	links := []Link{{1, "a", "https://a.example/"}, {2, "b", "https://b.example/x"}}
	line := "\x1b[38;5;252mcited[2] in a[1]" + mk + " and b[2]" + mk + " and [7]" + mk + "\x1b[m"
	got := Hyperlinks(line, links)
	if strings.Contains(got, mk) {
		t.Errorf("marks left in %q", got)
	}
	want := "\x1b[38;5;252mcited[2] in a" + Hyperlink("https://a.example/", "[1]") +
		" and b" + Hyperlink("https://b.example/x", "[2]") + " and [7]\x1b[m"
	if got != want {
		t.Errorf("Hyperlinks\n got %q\nwant %q", got, want)
	}
	if ansi.StringWidth(got) != ansi.StringWidth(line) {
		t.Errorf("hyperlinks changed the width: %d → %d", ansi.StringWidth(line), ansi.StringWidth(got))
	}
	// A link whose URL is not safe (a caller's mistake) gets no hyperlink.
	bad := []Link{{1, "x", "https://a.example/\x1b]0;pwned\x07"}}
	if got := Hyperlinks("x[1]"+mk, bad); got != "x[1]" {
		t.Errorf("unsafe URL: %q", got)
	}
}

func TestNumberedLinksSurviveRendering(t *testing.T) {
	r := NewRenderer(0)
	numbered, links := ReaderMarkdown(story.Story{Title: "Harbour", Body: []story.Block{
		para(run("The council "), link("https://council.example/plan", run("published the plan")), run(" after "),
			link("https://paper.example/debate?id=7&x=1", run("a long debate about tides and budgets")), run(" and the "),
			link("https://council.example/plan", run("plan")), run(" again; see also [3] in print.")),
		{Kind: story.Table, Rows: [][]string{{"Doc", "Where"}, {"Plan", "here"}},
			Cells: [][]story.Inline{{run("Doc"), run("Where")}, {run("Plan"), {Kids: []story.Inline{{Link: 1, Kids: []story.Inline{run("here")}}}}}},
			Links: []story.Link{{URL: "https://council.example/t", Text: "here"}}},
		{Kind: story.Quote, Text: "quoted source", Blocks: []story.Block{para(run("quoted "), link("https://q.example/", run("source")))}},
	}})
	if len(links) != 4 {
		t.Fatalf("got %d links, want 4: %+v", len(links), links)
	}
	for _, style := range []Style{Dark, Light, NoTTY} {
		for _, width := range []int{24, 40, 80} {
			out, err := r.Render(numbered, width, style)
			if err != nil {
				t.Fatal(err)
			}
			var all strings.Builder
			for line := range strings.SplitSeq(out, "\n") {
				h := Hyperlinks(line, links)
				if w := ansi.StringWidth(h); w > width {
					t.Errorf("%s/%d: line %d wide: %q", style, width, w, ansi.Strip(h))
				}
				all.WriteString(h + "\n")
			}
			text := all.String()
			if strings.Contains(text, mk) {
				t.Errorf("%s/%d: a link mark reached the output", style, width)
			}
			if strings.Contains(text, "council.example/plan") && !hyperlinkRE.MatchString(text) {
				t.Errorf("%s/%d: URL printed as text", style, width)
			}
			seen := map[string]bool{}
			for _, m := range hyperlinkRE.FindAllStringSubmatch(text, -1) {
				seen[m[1]] = true
			}
			for _, l := range links {
				if !seen[l.URL] {
					t.Errorf("%s/%d: no hyperlink to %s in\n%s", style, width, l.URL, ansi.Strip(text))
				}
			}
			if plain := strings.Join(strings.Fields(ansi.Strip(text)), " "); !strings.Contains(plain, "[3] in print") {
				t.Errorf("%s/%d: the citation mark [3] was changed", style, width)
			}
		}
	}
}

func TestReaderMarkdownBoundsLinks(t *testing.T) {
	var kids []story.Inline
	for i := range maxLinks + 50 {
		kids = append(kids, link("https://e.example/"+strings.Repeat("a", i%7)+"/"+itoa(i), run("x")), run(" "))
	}
	md, links := readerBody(para(kids...))
	if len(links) != maxLinks {
		t.Errorf("%d links numbered, bound is %d", len(links), maxLinks)
	}
	if n := strings.Count(md, mk); n != maxLinks {
		t.Errorf("%d labels, want %d", n, maxLinks)
	}
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

func FuzzReaderMarkdown(f *testing.F) {
	for _, s := range []string{
		"[a](https://a.example/)", "<https://b.example/x>", "x[3]" + mk, "\x1b[a\x1b](https://e.example/\x1b[2J)",
		"`code` *em*", "https://h.example/a b",
	} {
		f.Add(s, "https://ok.example/p")
	}
	f.Fuzz(func(t *testing.T, text, u string) {
		out, links := readerBody(
			para(run(text), link(u, run(text), em(run(text))), link("https://fixed.example/", run(text))),
			story.Block{Kind: story.Image, Text: text, URL: u},
		)
		for i, l := range links {
			if l.N != i+1 || SafeURL(l.URL) != l.URL {
				t.Fatalf("link %d: %+v", i, l)
			}
		}
		if strings.Count(out, mk) < len(links) {
			t.Fatalf("%d links but %d marks", len(links), strings.Count(out, mk))
		}
		line := Hyperlinks(out, links)
		if strings.Contains(line, mk) {
			t.Fatal("a mark survived Hyperlinks")
		}
		for _, m := range hyperlinkRE.FindAllStringSubmatch(line, -1) {
			if m[1] != "" && SafeURL(m[1]) != m[1] {
				t.Fatalf("unsafe hyperlink %q", m[1])
			}
		}
	})
}
