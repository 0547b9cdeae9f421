package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

func TestWheelScrollsThePaneUnderThePointer(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 12)
	l := d.m.layout()
	readerX, listX := l.listW+5, 3

	d.send(tea.MouseWheelMsg{X: readerX, Y: 4, Button: tea.MouseWheelDown})
	if got := d.m.reader.vp.YOffset(); got != wheelStep {
		t.Fatalf("wheel over the reader scrolled it to %d, want %d", got, wheelStep)
	}
	if d.m.list.offset != 0 || d.m.focus != listFocus {
		t.Fatal("wheel over the reader moved the list or the focus")
	}
	d.send(tea.MouseWheelMsg{X: readerX, Y: 4, Button: tea.MouseWheelUp})
	if got := d.m.reader.vp.YOffset(); got != 0 {
		t.Fatalf("wheel up over the reader left it at %d", got)
	}

	d.send(tea.MouseWheelMsg{X: listX, Y: 2, Button: tea.MouseWheelDown})
	if d.m.list.offset != wheelStep {
		t.Fatalf("wheel over the list scrolled it to row %d, want %d", d.m.list.offset, wheelStep)
	}
	if d.m.reader.vp.YOffset() != 0 || d.selectedTitle() != frontTitles[0] {
		t.Fatal("wheel over the list moved the reader or the selection")
	}
	// The status bar is not a pane.
	d.send(tea.MouseWheelMsg{X: readerX, Y: 11, Button: tea.MouseWheelDown})
	if d.m.reader.vp.YOffset() != 0 {
		t.Fatal("wheel over the status bar scrolled the reader")
	}
}

func TestClickSelectsAStoryOrFocusesAPane(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 36)
	// The trains story starts a group: a blank row comes before it, and
	// its meta line is its last row.
	trains := d.m.list.top[3]
	if trains == 0 || d.m.list.tall[3] < 2 {
		t.Fatalf("unexpected layout: trains story at row %d, %d rows", trains, d.m.list.tall[3])
	}
	d.send(tea.MouseClickMsg{X: 10, Y: trains + d.m.list.tall[3] - 1, Button: tea.MouseLeft})
	if d.selectedTitle() != frontTitles[3] {
		t.Fatalf("click on the trains story's meta line selected %q", d.selectedTitle())
	}
	if !strings.Contains(d.screen(), "about trains") {
		t.Fatal("reader does not follow a click")
	}
	d.send(tea.MouseClickMsg{X: 10, Y: trains - 1, Button: tea.MouseLeft}) // the blank row
	if d.selectedTitle() != frontTitles[3] {
		t.Fatal("click between stories changed the selection")
	}
	d.send(tea.MouseClickMsg{X: 80, Y: 3, Button: tea.MouseLeft})
	if d.m.focus != readerFocus {
		t.Fatal("click in the reader did not focus it")
	}
	d.send(tea.MouseClickMsg{X: 4, Y: d.m.list.top[1], Button: tea.MouseLeft})
	if d.m.focus != listFocus || d.selectedTitle() != frontTitles[1] {
		t.Fatalf("click on a related item: focus %v, selected %q", d.m.focus, d.selectedTitle())
	}
	d.send(tea.MouseClickMsg{X: 4, Y: 0, Button: tea.MouseRight})
	if d.selectedTitle() != frontTitles[1] {
		t.Fatal("a right click selected a story")
	}
}

func TestClickAfterTheListScrolled(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 8)
	d.press("G") // scrolls the list to the end
	off := d.m.list.offset
	if off == 0 {
		t.Fatal("list did not scroll to show the last story")
	}
	row := d.m.list.top[4] - off // screen row of the library story
	d.send(tea.MouseClickMsg{X: 4, Y: row, Button: tea.MouseLeft})
	if d.selectedTitle() != frontTitles[4] {
		t.Fatalf("click on screen row %d after scrolling selected %q", row, d.selectedTitle())
	}
}
