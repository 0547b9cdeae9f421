package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestCrumbLineKeepsWhereTheReaderIs(t *testing.T) {
	st := newStyles(true)
	path := []string{
		"Harbour council approves the tidal barrier plan",
		"Sea wall repairs begin on the north shore",
		"Ferry timetable changes for the winter season",
	}
	for _, w := range []int{200, 120, 71, 50, 30, 12, 4, 2, 0} {
		line := ansi.Strip(crumbLine(path, w, st))
		if got := ansi.StringWidth(line); got > w {
			t.Errorf("width %d: breadcrumb %d wide: %q", w, got, line)
		}
		switch {
		case w >= 120:
			// room for the whole current title and some of each before it
			if !strings.HasSuffix(line, "› "+path[2]) || !strings.Contains(line, "Harbour council") {
				t.Errorf("width %d: %q", w, line)
			}
		case w >= 50:
			if !strings.Contains(line, "Ferry timetable") || !strings.Contains(line, "Harbo") {
				t.Errorf("width %d: %q", w, line)
			}
		}
	}
	if got := ansi.Strip(crumbLine(path[:2], 200, st)); got != " ↳ "+path[0]+crumbSep+path[1] {
		t.Errorf("a breadcrumb that fits is cut: %q", got)
	}
}

// The earlier titles get a fair part of the room: a reader pane 64 wide
// (a 100-column window) shows more of the first than "Harbo…".
func TestCrumbLineSharesTheRoomFairly(t *testing.T) {
	st := newStyles(true)
	path := []string{"Harbour council approves tidal barrier", "Tide gauge readings hit record"}
	line := ansi.Strip(crumbLine(path, 64, st))
	if !strings.Contains(line, "Harbour council approves") || !strings.HasSuffix(line, "› "+path[1]) {
		t.Errorf("breadcrumb at 64: %q", line)
	}
	long := []string{path[0], "Ferry timetable changes for the winter season and the spring after it"}
	line = ansi.Strip(crumbLine(long, 64, st))
	if !strings.Contains(line, "Harbour council") || !strings.Contains(line, "Ferry timetable changes") {
		t.Errorf("a long current title squeezes the first out: %q", line)
	}
	if ansi.StringWidth(line) > 64 {
		t.Errorf("breadcrumb %d wide", ansi.StringWidth(line))
	}
}
