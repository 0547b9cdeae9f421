package ui

import (
	"fmt"
	"strings"
	"testing"
)

// Every binding is on the help screen, key and words whole, at the
// common terminal sizes: on one screen from 80 columns, by scrolling below.
func TestHelpShowsEveryBindingWhole(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {100, 30}, {120, 36}, {60, 30}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			d := newDriver(t, frontOptions(), sz[0], sz[1])
			d.press("?")
			scr := d.screen()
			scr = scr[:strings.LastIndex(scr, "\n")] // the status bar has its own rules
			if sz[0] < 80 {
				// Narrow, the keys take one column, taller than the
				// window: scrolling shows the rest, each binding whole.
				for range sz[1] {
					d.press("j")
					more := d.screen()
					scr += more[:strings.LastIndex(more, "\n")]
				}
			}
			for _, col := range d.m.keys.FullHelp() {
				for _, b := range col {
					h := b.Help()
					if !strings.Contains(scr, h.Key+" ") || !strings.Contains(scr, h.Desc) {
						t.Errorf("help lacks %q %q", h.Key, h.Desc)
					}
				}
			}
			if strings.Contains(scr, "…") {
				t.Errorf("help is cut short:\n%s", scr)
			}
			checkFits(t, d.m.View().Content, sz[0], sz[1])
		})
	}
}

// Help taller than the window scrolls, so the notes under the keys can
// be read too.
func TestHelpScrollsWhenTallerThanTheWindow(t *testing.T) {
	d := newDriver(t, twoSourceOptions("front.txt", "bad.txt"), 80, 24)
	d.press("?")
	const end = "focuses a pane."
	if scr := d.screen(); strings.Contains(scr, end) || !strings.Contains(scr, "↓/↑ scroll") {
		t.Fatalf("help at 80x24 should need scrolling and say so:\n%s", scr)
	}
	d.press("G")
	if scr := d.screen(); !strings.Contains(scr, end) {
		t.Errorf("G in help did not reach its end:\n%s", scr)
	}
	d.press("G", "j", "space") // already at the end: stays
	if scr := d.screen(); !strings.Contains(scr, end) {
		t.Errorf("scrolling past the end lost it:\n%s", scr)
	}
	d.press("k")
	d.press("g")
	if scr := d.screen(); !strings.Contains(scr, "tread keys") {
		t.Errorf("g in help did not go back to the top:\n%s", scr)
	}
	checkFits(t, d.m.View().Content, 80, 24)
	d.press("?", "?")
	if d.m.helpScr.top != 0 || !strings.Contains(d.screen(), "tread keys") {
		t.Error("help opened again does not start at the top")
	}
	// Tall enough: nothing to scroll.
	d = newDriver(t, frontOptions(), 120, 40)
	d.press("?")
	if scr := d.screen(); strings.Contains(scr, "↓/↑ scroll") || !strings.Contains(scr, end) {
		t.Errorf("help at 120x40:\n%s", scr)
	}
}
