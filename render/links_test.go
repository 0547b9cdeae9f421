package render

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

const mk = string(LinkMark)

func TestNumberLinks(t *testing.T) {
	tests := []struct {
		name  string
		md    string
		want  string
		links []Link
	}{
		{
			name:  "inline link",
			md:    "Read [the report](https://example.com/report) today.",
			want:  `Read the report\[1\]` + mk + " today.",
			links: []Link{{1, "the report", "https://example.com/report"}},
		},
		{
			name: "same URL keeps its number",
			md:   "[a](https://x.example/1) and [b](https://y.example/2) and [again](https://x.example/1)",
			want: `a\[1\]` + mk + ` and b\[2\]` + mk + ` and again\[1\]` + mk,
			links: []Link{
				{1, "a", "https://x.example/1"},
				{2, "b", "https://y.example/2"},
			},
		},
		{
			name: "relative and script links keep their text only",
			md:   "[home](/index.html), [run](javascript:alert(1)) and [mail](mailto:a@b.example)",
			want: "home, run and mail",
		},
		{
			name:  "autolink shows its host",
			md:    "— <https://www.Video.example/watch?v=1>",
			want:  `— video.example\[1\]` + mk,
			links: []Link{{1, "", "https://www.Video.example/watch?v=1"}},
		},
		{
			name: "mailto autolink stays as text",
			md:   "<mailto:desk@paper.example>",
			want: "mailto:desk@paper.example",
		},
		{
			name:  "title and balanced parentheses",
			md:    `[wiki](https://en.example.org/wiki/Tide_(sea) "Tide") end`,
			want:  `wiki\[1\]` + mk + " end",
			links: []Link{{1, "wiki", "https://en.example.org/wiki/Tide_(sea)"}},
		},
		{
			name:  "angle destination",
			md:    "[x](<https://a.example/with space>)",
			want:  "x",
			links: nil, // a space cannot be in a URL tread prints
		},
		{
			name:  "emphasis and escapes in the text",
			md:    `[*Tides* \& \[budgets\]](https://a.example/t)`,
			want:  `*Tides* \& \[budgets\]\[1\]` + mk,
			links: []Link{{1, "Tides & [budgets]", "https://a.example/t"}},
		},
		{
			name: "code spans, images and escaped brackets are left alone",
			md:   "`[c](https://c.example/)` ![alt](https://i.example/p.png) \\[x\\](https://e.example/)",
			want: "`[c](https://c.example/)` ![alt](https://i.example/p.png) \\[x\\](https://e.example/)",
		},
		{
			name: "fenced code is left alone",
			md:   "before [a](https://a.example/)\n\n```\n[b](https://b.example/)\n```\n\nafter [c](https://c.example/)",
			want: "before a\\[1\\]" + mk + "\n\n```\n[b](https://b.example/)\n```\n\nafter c\\[2\\]" + mk,
			links: []Link{
				{1, "a", "https://a.example/"},
				{2, "c", "https://c.example/"},
			},
		},
		{
			name: "marks already in the text are removed",
			md:   "fake[9]" + mk + " text",
			want: "fake[9] text",
		},
		{
			name: "unclosed brackets",
			md:   "[never closed (https://a.example/ and [x] (y)",
			want: "[never closed (https://a.example/ and [x] (y)",
		},
		{
			name:  "non-ASCII is percent-encoded",
			md:    "[東京](https://ja.example/東京)",
			want:  `東京\[1\]` + mk,
			links: []Link{{1, "東京", "https://ja.example/%E6%9D%B1%E4%BA%AC"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, links := NumberLinks(tt.md)
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
	md := "# Harbour\n\nThe council [published the plan](https://council.example/plan) after " +
		"[a long debate about tides and budgets](https://paper.example/debate?id=7&x=1) and the " +
		"[plan](https://council.example/plan) again; see also [3] in print.\n\n" +
		"| Doc | Where |\n| --- | --- |\n| Plan | [here](https://council.example/t) |\n\n" +
		"> quoted [source](https://q.example/)\n"
	numbered, links := NumberLinks(md)
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

func TestNumberLinksBoundsHostileInput(t *testing.T) {
	inputs := []string{
		strings.Repeat("[", 20000) + "x" + strings.Repeat("]", 20000),
		strings.Repeat("[a](", 20000),
		strings.Repeat("[a](https://e.example/", 5000),
		strings.Repeat("`", 20000),
		strings.Repeat("<https://e.example/", 5000),
	}
	many := strings.Builder{}
	for i := range maxLinks + 50 {
		many.WriteString("[x](https://e.example/" + strings.Repeat("a", i%7) + "/" + itoa(i) + ") ")
	}
	inputs = append(inputs, many.String())
	for _, in := range inputs {
		start := time.Now()
		_, links := NumberLinks(in)
		if len(links) > maxLinks {
			t.Errorf("%d links numbered, bound is %d", len(links), maxLinks)
		}
		// Generous: the bound is about quadratic blow-up, not speed.
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%.20q…: took %v", in, d)
		}
	}
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

func FuzzNumberLinks(f *testing.F) {
	for _, s := range []string{
		"[a](https://a.example/)", "<https://b.example/x>", "[x](<https://c.example/>) `[y](z)`",
		"```\n[a](https://a.example/)\n```", "[[nested](https://n.example/)](https://o.example/)",
		"[t](https://e.example/ \"title\")", "x[3]" + mk, "[a](https://e.example/\x1b[2J)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		out, links := NumberLinks(md)
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
