package render

import (
	"regexp"
	"strings"
	"testing"
)

// Tables keep every word whole, never cut a header to an ellipsis, drop the
// column with nothing in it, and become a list of rows where even their
// longest words cannot fit.
func TestTablesFit(t *testing.T) {
	r := NewRenderer(0)
	for _, w := range []int{30, 40, 60, 80, 100} {
		for _, st := range []Style{Dark, Light, NoTTY} {
			out, err := r.RenderStory(tableStory(), w, st)
			if err != nil {
				t.Fatal(err)
			}
			checkWidth(t, out, w)
			plain := strings.ReplaceAll(stripSGR(out), "\u00a0", " ")
			if strings.Contains(plain, "…") {
				t.Errorf("width %d %s: a cell was cut:\n%s", w, st, plain)
			}
			if strings.Contains(plain, "Learn more") {
				t.Errorf("width %d %s: the empty column is still there:\n%s", w, st, plain)
			}
			words := strings.Fields(plain)
			for _, want := range []string{"Availability", "pensioners", "Employers", "Wednesday", "Saturdays", "Kestrel"} {
				found := false
				for _, wd := range words {
					if strings.Trim(wd, "|:,-") == want {
						found = true
					}
				}
				if !found {
					t.Errorf("width %d %s: %q is not whole:\n%s", w, st, want, plain)
				}
			}
			list := strings.Contains(strings.Join(strings.Fields(plain), " "), "Harbour to Kestrel Island — Monday: 06:30 · Tuesday")
			if wide := w >= 100; wide == list {
				t.Errorf("width %d %s: timetable as a list = %v:\n%s", w, st, list, plain)
			}
		}
	}
}

func TestTableCells(t *testing.T) {
	got := tableCells(`| a \| b | *c* |  |`)
	want := []string{`a \| b`, "*c*", ""}
	if strings.Join(got, "¦") != strings.Join(want, "¦") {
		t.Errorf("tableCells = %q, want %q", got, want)
	}
	if cellText(`a \| b &amp; *c*`) != "a | b & c" {
		t.Errorf("cellText = %q", cellText(`a \| b &amp; *c*`))
	}
}

// A table inside fenced code is code, not a table.
func TestTableInCodeStaysCode(t *testing.T) {
	md := "```\n| a | b |\n| --- | --- |\n| 1 | 2 |\n```"
	segs := splitTables(md, 80)
	if len(segs) != 1 || segs[0].table != nil || segs[0].md != md {
		t.Errorf("splitTables = %+v", segs)
	}
}

// A cell whose entities spell an escape sequence shows no escape.
func TestTableCellEntitiesStayText(t *testing.T) {
	md := "| a | b |\n| --- | --- |\n| &#27;[31mred&#27;[0m | &#x1b;]0;title&#7; |"
	out, err := NewRenderer(0).Render(md, 60, Dark)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "[31m") || strings.Contains(out, "\x07") || strings.Contains(out, "]0;") {
		t.Errorf("escape in table output: %q", out)
	}
}

// listMarkdown's items and a table set out as a list wrap under their text,
// not back to their bullet, at every width and in every style.
func TestListItemsHang(t *testing.T) {
	const md = "Intro:\n\n" +
		"- The harbour office stopped printing its tide tables this spring, after sixty years of booklets handed across the counter, and the sentence goes on a good while longer so that it wraps at a hundred and twenty columns too\n" +
		"- Short one\n" +
		"  1. A nested item that is long enough to wrap around the line at every width we try here, even the widest of them all, and the sentence goes on a good while longer so that it wraps at a hundred and twenty columns too\n\n" +
		"12. A numbered item that is also long enough to wrap around the line at every width, twice over if need be, and the sentence goes on a good while longer so that it wraps at a hundred and twenty columns too\n\n" +
		"> - A quoted item that is long enough to wrap around the line at every width we try here, even at the widest one, and the sentence goes on a good while longer so that it wraps at a hundred and twenty columns too\n\n" +
		"| Route | Monday | Tuesday | Wednesday | Thursday | Friday | Saturday | Sunday |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n" +
		"| Harbour to Kestrel Island | 06:30 | 06:30 | 06:30 | 06:30 | 06:30 | 08:00 | 09:15 |\n"
	bullet := regexp.MustCompile(`^((?:  )?(?:[│>] )?\s*)(• |- |\d+\. )`)
	r := NewRenderer(0)
	for _, w := range []int{40, 80, 120} {
		for _, st := range []Style{Dark, Light, NoTTY} {
			out, err := r.Render(md, w, st)
			if err != nil {
				t.Fatal(err)
			}
			checkWidth(t, out, w)
			plain := strings.ReplaceAll(stripSGR(out), "\u00a0", " ")
			if strings.ContainsRune(plain, itemMark) {
				t.Fatalf("width %d %s: an item mark reached the screen", w, st)
			}
			hangs := 0
			lead, text := "", -1
			for _, l := range strings.Split(plain, "\n") {
				if m := bullet.FindStringSubmatch(l); m != nil {
					lead, text = m[1], len([]rune(m[1]+m[2]))
					continue
				}
				if strings.TrimSpace(strings.TrimPrefix(l, lead)) == "" || text < 0 || !strings.HasPrefix(l, lead) {
					text = -1
					continue
				}
				body := []rune(l)
				indent := len(body) - len([]rune(strings.TrimLeft(string(body[len([]rune(lead)):]), " ")))
				if indent != text {
					t.Errorf("width %d %s: continuation at column %d, text at %d: %q\n%s", w, st, indent, text, l, plain)
				}
				hangs++
			}
			if hangs < 3 {
				t.Errorf("width %d %s: only %d continuation lines:\n%s", w, st, hangs, plain)
			}
		}
	}
}
