package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestFilterNarrowsTheListAsYouType(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 36)
	d.press("/")
	if !d.m.list.filtering {
		t.Fatal("/ in the list did not open the filter")
	}
	d.typeText("barrier")
	if n := len(d.m.list.visible); n != 2 {
		t.Fatalf("filter \"barrier\" kept %d entries, want 2", n)
	}
	if !strings.Contains(lastLine(d.screen()), "/barrier") {
		t.Errorf("status bar does not show the filter being typed: %q", lastLine(d.screen()))
	}
	d.typeText(" fish")
	if d.selectedTitle() != frontTitles[1] || len(d.m.list.visible) != 1 {
		t.Fatalf("two-word filter selected %q of %d", d.selectedTitle(), len(d.m.list.visible))
	}
	if !strings.Contains(d.screen(), "about fishermen") {
		t.Fatal("reader does not follow the filtered selection")
	}
	d.press("backspace", "backspace", "backspace", "backspace", "backspace")
	if n := len(d.m.list.visible); n != 2 {
		t.Fatalf("after backspacing, %d entries, want 2", n)
	}
	d.press("enter")
	if d.m.list.filtering || d.m.list.query() != "barrier" {
		t.Fatalf("enter should keep the filter and close the input (filtering=%v, %q)", d.m.list.filtering, d.m.list.query())
	}
	if status := lastLine(d.screen()); !strings.Contains(status, "filter: barrier") || !strings.Contains(status, "of 6") {
		t.Errorf("status bar does not show the kept filter: %q", status)
	}
	d.press("j") // keys work again
	if d.selectedTitle() != frontTitles[1] {
		t.Fatalf("j in the filtered list selected %q", d.selectedTitle())
	}
	d.press("esc")
	if d.m.list.query() != "" || len(d.m.list.visible) != len(frontTitles) {
		t.Fatal("esc did not clear the filter")
	}
	if d.selectedTitle() != frontTitles[1] {
		t.Fatalf("clearing the filter lost the selection: %q", d.selectedTitle())
	}
}

func TestFilterMatchesSiteAndEscClearsWhileTyping(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 36)
	d.press("/")
	d.typeText("city post")
	if n := len(d.m.list.visible); n != 2 {
		t.Fatalf("site filter kept %d entries, want 2", n)
	}
	d.typeText("zzz")
	if len(d.m.list.visible) != 0 || !strings.Contains(d.screen(), "No story matches") {
		t.Fatalf("no-match filter:\n%s", d.screen())
	}
	d.press("esc")
	if d.m.list.filtering || len(d.m.list.visible) != len(frontTitles) {
		t.Fatal("esc while typing did not clear the filter")
	}
	if !d.m.reader.ready {
		t.Fatal("reader lost its story after the filter cleared")
	}
}

func TestSearchInTheReader(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 20)
	d.press("tab", "/")
	if !d.m.reader.searching {
		t.Fatal("/ in the reader did not open the search")
	}
	d.typeText("paragraph 2")
	// "Paragraph 2", "Paragraph 20" … "Paragraph 29": smart case ignores case.
	if n := len(d.m.reader.matches); n != 11 {
		t.Fatalf("%d matches for \"paragraph 2\", want 11", n)
	}
	first := d.m.reader.matches[0]
	if top := d.m.reader.vp.YOffset(); first.line < top || first.line >= top+d.m.reader.vp.Height() {
		t.Fatalf("first match on line %d is off screen (top %d)", first.line, top)
	}
	d.press("enter")
	if status := lastLine(d.screen()); !strings.Contains(status, "match 1/11") {
		t.Errorf("status bar: %q", status)
	}
	// The match is highlighted: the line holding it is styled differently
	// from the plain render.
	line := d.m.reader.matches[0].line
	if got := d.m.reader.vp.GetContent(); strings.Split(got, "\n")[line] == d.m.reader.base[line] {
		t.Error("current match is not highlighted")
	}
	d.press("n", "n")
	if d.m.reader.cur != 2 || d.selectedTitle() != frontTitles[0] {
		t.Fatalf("n should walk matches while a search is on (cur %d, story %q)", d.m.reader.cur, d.selectedTitle())
	}
	m := d.m.reader.matches[2]
	if top := d.m.reader.vp.YOffset(); m.line < top || m.line >= top+d.m.reader.vp.Height() {
		t.Fatalf("third match on line %d is off screen (top %d)", m.line, top)
	}
	visible := ansi.Strip(d.m.reader.view(d.m.styles))
	if !strings.Contains(visible, "Paragraph 21") {
		t.Errorf("screen after n n does not show the third match:\n%s", visible)
	}
	d.press("N", "N", "N")
	if d.m.reader.cur != 10 {
		t.Fatalf("N should wrap round to the last match, at %d", d.m.reader.cur)
	}
	d.press("esc")
	if d.m.reader.query() != "" || d.m.reader.vp.GetContent() != strings.Join(d.m.reader.base, "\n") {
		t.Fatal("esc did not clear the search and its highlights")
	}
	d.press("n")
	if d.selectedTitle() != frontTitles[1] {
		t.Fatalf("with no search, n should go to the next story, got %q", d.selectedTitle())
	}
}

func TestSearchSmartCaseAndNoMatch(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 20)
	d.press("tab", "/")
	d.typeText("The committee")
	if n := len(d.m.reader.matches); n != 30 {
		t.Fatalf("%d matches for a capitalised query, want 30", n)
	}
	d.press("ctrl+u")
	d.typeText("THE COMMITTEE")
	if n := len(d.m.reader.matches); n != 0 {
		t.Fatalf("capitals should make the search exact, got %d matches", n)
	}
	d.press("enter")
	if status := lastLine(d.screen()); !strings.Contains(status, "no match for") {
		t.Errorf("no notice for a search without matches: %q", status)
	}
	d.press("n") // with nothing to walk, n is the next story again
	if d.selectedTitle() != frontTitles[1] {
		t.Fatalf("n after a search without matches selected %q", d.selectedTitle())
	}
	if d.m.reader.query() != "" {
		t.Fatal("search survived a change of story")
	}
}

func TestSearchSurvivesResize(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 20)
	d.press("tab", "/")
	d.typeText("tides")
	d.press("enter")
	before := len(d.m.reader.matches)
	d.send(tea40x10())
	if len(d.m.reader.matches) != before {
		t.Fatalf("resize changed the match count from %d to %d", before, len(d.m.reader.matches))
	}
}

func tea40x10() tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: 40, Height: 10} }

// The no-match note keeps inside the list pane, a cell clear of the
// divider, and says all it has to say.
func TestNoMatchNoteKeepsOffTheDivider(t *testing.T) {
	for _, q := range []string{"zzzqqq", "a-very-long-filter-that-matches-nothing-at-all-anywhere"} {
		d := newDriver(t, frontOptions(), 80, 24)
		d.press("/")
		d.typeText(q)
		listW := d.m.layout().listW
		lines := strings.Split(d.screen(), "\n")
		var words []string
		for i, line := range lines[:len(lines)-1] {
			if c := ansi.Cut(line, listW-1, listW); c != " " {
				t.Errorf("%q: row %d runs into the divider: %q", q, i, ansi.Cut(line, 0, listW+1))
			}
			words = append(words, strings.Fields(ansi.Cut(line, 0, listW))...)
		}
		if note := strings.Join(words, " "); !strings.Contains(note, "Esc clears the filter.") || !strings.Contains(note, "No story matches") {
			t.Errorf("%q: note reads %q", q, note)
		}
	}
}

func TestStatusNoticeGoesWhenTheStoryChanges(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 30)
	d.press("tab", "/")
	d.typeText("zzqq")
	d.press("enter")
	if !strings.Contains(d.m.status.current.text, "no match") {
		t.Fatalf("setup: status %q", d.m.status.current.text)
	}
	d.press("n")
	if d.selectedTitle() == frontTitles[0] {
		t.Fatal("setup: n did not move to another story")
	}
	if txt := d.m.status.current.text; txt != "" || strings.Contains(d.screen(), "no match") {
		t.Errorf("the notice about the last story stayed: %q", txt)
	}
}

// The list filter matches where words start, not inside them.
func TestFilterAtWordStart(t *testing.T) {
	tests := []struct {
		text, term string
		want       bool
	}{
		{"trusting the process", "rust", false},
		{"rust 1.80 released", "rust", true},
		{"why rusty nails", "rust", true},
		{"a (rust) aside", "rust", true},
		{"trusting rust", "rust", true},
		{"东京の天気", "天気", true},
		{"東京タワー", "タワー", true},
		{"élan vital", "élan", true},
		{"x-ray vision", "ray", true},
		{"array", "ray", false},
		{"anything", "", true},
	}
	for _, tt := range tests {
		if got := atWordStart(tt.text, tt.term); got != tt.want {
			t.Errorf("atWordStart(%q, %q) = %v, want %v", tt.text, tt.term, got, tt.want)
		}
	}
}
