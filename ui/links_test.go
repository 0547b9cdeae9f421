package ui

import (
	"strings"
	"testing"
)

func TestLinksListShowsItsKeys(t *testing.T) {
	d := newDriver(t, newWeb().options(), 120, 30)
	d.selectTitle("Tide gauge readings hit record")
	d.press("enter", "L")
	if !d.m.links.open {
		t.Fatal("setup: links list not open")
	}
	status := lastLine(d.screen())
	for _, want := range []string{"enter follow", "o open", "y copy", "esc close"} {
		if !strings.Contains(status, want) {
			t.Errorf("status with the links list open lacks %q: %q", want, status)
		}
	}
	d.press("esc")
	if status := lastLine(d.screen()); strings.Contains(status, "follow") {
		t.Errorf("links keys stayed after the list closed: %q", status)
	}
}
