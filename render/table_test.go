package render

import (
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
			plain := stripSGR(out)
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
			list := strings.Contains(plain, "Monday: 06:30")
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
