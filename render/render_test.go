package render

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"github.com/tread-reader/tread/story"
)

var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// stripSGR removes SGR styling, leaving what the terminal would print.
func stripSGR(s string) string { return sgr.ReplaceAllString(s, "") }

func TestRenderGolden(t *testing.T) {
	type render struct {
		fixture string
		s       story.Story
		widths  []int
		styles  []Style
	}
	all := []Style{Dark, Light, NoTTY}
	renders := []render{
		{"kitchen", kitchenSink(), []int{40, 80, 100}, all},
		{"escaping", escapingStory(), []int{80}, all},
		{"cjk", cjkStory(), []int{40, 100}, []Style{Dark, Light}},
		{"emoji", emojiStory(), []int{40, 100}, []Style{Dark, Light}},
		{"code", codeStory(), []int{40, 80, 120}, []Style{Dark, Light}},
		{"table", tableStory(), []int{40, 80, 120}, []Style{Dark, Light}},
		{"url", urlStory(), []int{40, 80, 120}, []Style{Dark, Light}},
		{"footnote", footnoteStory(), []int{40, 80, 120}, []Style{Dark, Light}},
	}
	r := NewRenderer(0)
	for _, rr := range renders {
		for _, w := range rr.widths {
			for _, st := range rr.styles {
				name := fmt.Sprintf("%s-%d-%s", rr.fixture, w, st)
				t.Run(name, func(t *testing.T) {
					out, err := r.RenderStory(rr.s, w, st)
					if err != nil {
						t.Fatal(err)
					}
					checkWidth(t, out, w)
					golden(t, name, out)
				})
			}
		}
	}
}

// checkWidth fails when a line of out is wider than width columns.
func checkWidth(t *testing.T, out string, width int) {
	t.Helper()
	for i, l := range strings.Split(out, "\n") {
		if w := lipgloss.Width(l); w > width {
			t.Errorf("line %d is %d columns, wider than %d: %q", i+1, w, width, stripSGR(l))
		}
	}
}

// No line is wider than the wrap width, whatever the width, style or text:
// long words, URLs, unspaced CJK, emoji, wide tables and code.
func TestRenderFitsWidth(t *testing.T) {
	wide := story.Story{
		Title: strings.Repeat("Unbreakable", 12),
		Body: []story.Block{
			{Text: "https://example.com/" + strings.Repeat("very-long-path-segment/", 8)},
			{Kind: story.Table, Rows: [][]string{
				{"Constituency", "Candidate", "Party", "Votes", "Share", "Change since last time"},
				{"Northfield and Lower Marsh", "Ada Thornbury-Wells", "Independent", "12,345", "41.2%", "+3.4 points"},
			}},
			{Kind: story.Code, Text: "\tfmt.Println(\"" + strings.Repeat("x", 150) + "\")"},
			{Kind: story.List, Items: []string{strings.Repeat("語", 80), strings.Repeat("🌧️", 40)}},
			{Kind: story.Quote, Text: strings.Repeat("引用文には空白がありません", 8)},
		},
	}
	stories := map[string]story.Story{
		"kitchen": kitchenSink(), "escaping": escapingStory(), "cjk": cjkStory(),
		"emoji": emojiStory(), "wide": wide,
	}
	r := NewRenderer(0)
	for name, s := range stories {
		for _, w := range []int{10, 13, 20, 27, 40, 55, 80, 100} {
			for _, st := range []Style{Dark, Light, NoTTY} {
				t.Run(fmt.Sprintf("%s-%d-%s", name, w, st), func(t *testing.T) {
					out, err := r.Render(Markdown(s), w, st)
					if err != nil {
						t.Fatal(err)
					}
					checkWidth(t, out, w)
				})
			}
		}
	}
}

// Unspaced CJK wraps at the width instead of running off as one long word.
func TestCJKWraps(t *testing.T) {
	r := NewRenderer(0)
	out, err := r.RenderStory(cjkStory(), 40, Dark)
	if err != nil {
		t.Fatal(err)
	}
	lines := 0
	for _, l := range strings.Split(stripSGR(out), "\n") {
		if strings.Contains(l, "修缮") || strings.Contains(l, "图书馆终于") || strings.Contains(l, "孩子们") {
			lines++
		}
	}
	// The first paragraph is ~190 columns: at 36 columns of text it takes
	// at least six lines, and the three phrases fall on different ones.
	if lines < 3 {
		t.Errorf("the Chinese paragraph did not wrap into several lines:\n%s", stripSGR(out))
	}
	checkWidth(t, out, 40)
}

func TestRenderWidthBelowMinimum(t *testing.T) {
	r := NewRenderer(0)
	for _, w := range []int{-5, 0, 1, 9} {
		out, err := r.Render(Markdown(kitchenSink()), w, Dark)
		if err != nil {
			t.Fatalf("width %d: %v", w, err)
		}
		checkWidth(t, out, minWidth)
		if cached, ok := r.Cached(Markdown(kitchenSink()), minWidth, Dark); !ok || cached != out {
			t.Errorf("width %d is not cached as width %d", w, minWidth)
		}
	}
}

func TestReadingWidth(t *testing.T) {
	for pane, want := range map[int]int{-1: 10, 0: 10, 10: 10, 40: 40, 100: 100, 101: 100, 250: 100} {
		if got := ReadingWidth(pane); got != want {
			t.Errorf("ReadingWidth(%d) = %d, want %d", pane, got, want)
		}
	}
}

func TestRenderUnknownStyle(t *testing.T) {
	r := NewRenderer(0)
	if _, err := r.Render("# hi", 40, "solarized"); err == nil || !strings.Contains(err.Error(), "solarized") {
		t.Errorf("Render with an unknown style: err = %v, want one naming the style", err)
	}
}

// Plain output has no styling at all: it is what --dump prints to a pipe.
func TestNoTTYIsPlain(t *testing.T) {
	r := NewRenderer(0)
	out, err := r.RenderStory(kitchenSink(), 80, NoTTY)
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsRune(out, 0x1b) {
		t.Errorf("notty output has escape sequences: %q", out)
	}
}

// Glamour lets a run of hyphens at a line's end run past the width; fit
// wraps what it leaves too wide, keeping the styling on both halves.
func TestFit(t *testing.T) {
	const fg, reset = "\x1b[38;5;252m", "\x1b[m"
	line := "  " + fg + "either ---" + reset
	got := fitString(line, 10)
	checkWidth(t, got, 10)
	if !strings.Contains(stripSGR(got), "\n") || squash(stripSGR(got)) != "either---" {
		t.Errorf("fit text = %q, want \"either ---\" over two lines", stripSGR(got))
	}
	for _, l := range strings.Split(got, "\n") {
		if !strings.HasPrefix(strings.TrimLeft(l, " "), fg) || !strings.HasSuffix(l, reset) {
			t.Errorf("line %q lost its styling", l)
		}
	}
	if s := "short\n" + fg + "fits" + reset; fitString(s, 10) != s {
		t.Errorf("fit changed lines that fit: %q", fitString(s, 10))
	}
	// An unbreakable run wider than the width is cut anywhere.
	checkWidth(t, fitString(strings.Repeat("語", 12)+strings.Repeat("-", 15), 10), 10)

	// Through Render: glamour overflows here without fit.
	r := NewRenderer(0)
	out, err := r.Render("Not a heading either ---\n", 10, Dark)
	if err != nil {
		t.Fatal(err)
	}
	checkWidth(t, out, 10)
	if !strings.Contains(squash(stripSGR(out)), "either---") {
		t.Errorf("text lost in fitting: %q", stripSGR(out))
	}
}

func fitString(s string, width int) string {
	lines := strings.Split(s, "\n")
	fit(lines, width, "")
	return strings.Join(lines, "\n")
}

// squash drops all white space, to compare text however it was wrapped.
func squash(s string) string { return strings.Join(strings.Fields(s), "") }

// Plain text that looks like markdown must render as the same text, not as
// lists, headings, emphasis, links or code, in every style.
func TestEscapedTextRendersLiterally(t *testing.T) {
	r := NewRenderer(0)
	for _, st := range []Style{Dark, Light, NoTTY} {
		t.Run(string(st), func(t *testing.T) {
			out, err := r.RenderStory(escapingStory(), 100, st)
			if err != nil {
				t.Fatal(err)
			}
			checkLiteral(t, stripSGR(out), map[Style]string{NoTTY: "- "}[st])
		})
	}
}

func checkLiteral(t *testing.T, plain, bullet string) {
	t.Helper()
	if bullet == "" {
		bullet = "• "
	}
	flat := strings.Join(strings.Fields(plain), " ")
	for _, want := range []string{
		"# Not a *second* heading [really](x)",
		"Syntax_Weekly · By <b>Ann</b> & `Bo` · 5 minutes ago",
		"1. This paragraph starts like an ordered list.",
		"- This one starts like a bullet.",
		"# This one starts like a heading.",
		"> This one starts like a quote.",
		"+ Plus and 2) parens: 3) both list markers.",
		"Line two of a quote, > not nested.",
		"It has *stars*, _underscores_, [brackets](x), <tags>, `ticks`, ~~strikes~~, &amp; and a | pipe.",
		"Term : not a definition",
		"Not a heading either ---",
		"Four spaces do not make code.",
		bullet + "1. an item that starts with a number",
		bullet + "- an item that starts with a dash",
		// The heading's own text, with no marker of the style's before it.
		"dash ## Doubled hashes",
		"*already starred* caption",
		"a|b", "*c*", "[d](e)", "`f`",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("rendered text lacks %q:\n%s", want, plain)
		}
	}
	// Four leading spaces would have made an indented code block.
	for _, l := range strings.Split(plain, "\n") {
		if strings.Contains(l, "Four spaces") && strings.HasPrefix(l, "    ") {
			t.Errorf("plain text became code: %q", l)
		}
	}
}
