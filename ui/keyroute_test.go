package ui

import (
	"testing"

	"github.com/tread-reader/tread/keymap"
)

// TestKeysWorkWhereTheTableSays presses every action's key in each place
// on screen and checks that something takes it exactly where keymap's
// table says the action works: the table and the dispatch cannot drift.
func TestKeysWorkWhereTheTableSays(t *testing.T) {
	// next and next-match share n by default; apart, each is seen alone.
	over := map[string][]string{string(keymap.NextMatch): {"x"}, string(keymap.PrevMatch): {"X"}}
	setups := []struct {
		pane  keymap.Pane
		name  string
		setup func(d *driver)
	}{
		{keymap.InList, "list", func(d *driver) {}},
		{keymap.InReader, "reader with matches", func(d *driver) {
			d.press("tab", "/")
			d.typeText("tide")
			d.press("enter")
			if d.m.focus != readerFocus || len(d.m.reader.matches) == 0 {
				d.tb.Fatalf("setup: focus %v, %d matches", d.m.focus, len(d.m.reader.matches))
			}
		}},
		{keymap.InLinks, "links list", func(d *driver) {
			d.press("enter", "L")
			if !d.m.links.open {
				d.tb.Fatal("setup: links list not open")
			}
		}},
		{keymap.InHelp, "help", func(d *driver) {
			d.press("?")
			if !d.m.helpScr.open {
				d.tb.Fatal("setup: help not open")
			}
		}},
	}
	for _, s := range setups {
		t.Run(s.name, func(t *testing.T) {
			opts := newWeb().options()
			opts.Keys = over
			d := newDriver(t, opts, 120, 30)
			d.selectTitle("Tide gauge readings hit record")
			s.setup(d)
			for _, in := range keymap.Table() {
				k := in.Keys[0]
				if o, ok := over[string(in.Action)]; ok {
					k = o[0]
				}
				_, _, handled := d.m.routeKey(keyMsg(k))
				if want := in.Panes.Has(s.pane); handled != want {
					t.Errorf("%s (%s): handled %v, the table says %v", in.Action, k, handled, want)
				}
			}
		})
	}
}
