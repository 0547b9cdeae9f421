package ui

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/sample"
	"github.com/tread-reader/tread/story"
)

// sampleDriver opens the sample edition as tread does with nothing to
// read: its pages served by the loader, and nothing else reachable.
func sampleDriver(t *testing.T, w, h int) (*driver, *[]string) {
	opened := &[]string{}
	now := time.Now()
	opts := Options{
		Docs: []story.Document{sample.Edition(now)},
		Load: func(_ context.Context, src string) []story.Document {
			if doc, ok := sample.Page(src, now); ok {
				return []story.Document{doc}
			}
			return []story.Document{{Source: src, Err: errors.New("the network is closed in tests")}}
		},
		OpenURL: func(u string) error { *opened = append(*opened, u); return nil },
		Fold:    true,
		Sort:    SortNewest,
		Style:   render.Dark,
	}
	return newDriver(t, opts, w, h), opened
}

// Every key the sample edition's text mentions does what the text says.
func TestSampleEditionKeysDoWhatItSays(t *testing.T) {
	d, opened := sampleDriver(t, 120, 24)
	welcome := "Welcome to tread, a reader for the news you saved"
	if d.selectedTitle() != welcome || !strings.Contains(d.readerText(), "1 minute ago") {
		t.Fatalf("setup: on %q, reader %.100q", d.selectedTitle(), d.readerText())
	}
	for _, want := range []string{"Image: A reading lamp", "tread --offline", "guide to walking[1]", "Charm libraries[2]"} {
		if !strings.Contains(d.readerText(), want) {
			t.Errorf("the welcome story lacks %q", want)
		}
	}
	// j and k move, / filters and esc clears it.
	d.press("j")
	if d.selectedTitle() != "Moving around the list" || !strings.Contains(d.readerText(), "Use j and k") {
		t.Errorf("j: on %q", d.selectedTitle())
	}
	d.press("k", "/")
	d.typeText("Reading")
	if len(d.m.list.visible) != 1 {
		t.Errorf("/Reading kept %d stories", len(d.m.list.visible))
	}
	d.press("esc")
	if len(d.m.list.visible) != 5 {
		t.Errorf("esc left %d stories listed", len(d.m.list.visible))
	}
	// tab focuses the story, where j, space, b, g and G scroll it.
	d.press("g", "tab")
	for _, k := range []struct {
		key  string
		down bool
	}{{"j", true}, {"g", false}, {"space", true}, {"b", false}, {"G", true}} {
		before := d.m.reader.vp.YOffset()
		d.press(k.key)
		if after := d.m.reader.vp.YOffset(); (after > before) != k.down {
			t.Errorf("%s in the reader: offset %d to %d", k.key, before, after)
		}
	}
	// z hides the list, z brings it back.
	d.press("z")
	if !d.m.reading || strings.Contains(d.screen(), "Moving around") {
		t.Error("z did not hide the list")
	}
	d.press("z")
	if d.m.reading {
		t.Error("z again did not bring the list back")
	}
	// enter on the related story that is only a link walks to its page.
	d.press("tab")
	d.selectTitle("Walking to related stories")
	d.press("enter")
	if !strings.Contains(d.readerText(), "You walked here") || !strings.Contains(d.crumb(), "Welcome to tread") {
		t.Fatalf("enter on the link: reader %.80q, crumb %q", d.readerText(), d.crumb())
	}
	// The breadcrumb and the status bar stay in the reading mode.
	d.press("z")
	if scr := d.screen(); !strings.Contains(scr, "↳ Welcome to tread") || !strings.Contains(lastLine(scr), "L links") {
		t.Errorf("the reading mode lost the breadcrumb or the status bar:\n%s", scr)
	}
	d.press("z") // the list comes back with the focus
	// f unfolds every story's related stories, and folds them again.
	folded := len(d.m.list.visible)
	d.press("f")
	if len(d.m.list.visible) <= folded {
		t.Errorf("f: %d rows, were %d", len(d.m.list.visible), folded)
	}
	d.press("f")
	// One step further, then L lists the links and enter follows one.
	d.selectTitle("Following the links in a story")
	d.press("enter", "L")
	if !d.m.links.open || len(d.m.links.links) != 1 {
		t.Fatalf("L: open %v, %d links", d.m.links.open, len(d.m.links.links))
	}
	d.press("enter")
	if d.selectedTitle() != welcome {
		t.Errorf("enter on the welcome link: on %q", d.selectedTitle())
	}
	// backspace goes back the way it came.
	d.press("backspace")
	if d.selectedTitle() != "Following the links in a story" {
		t.Errorf("backspace: on %q", d.selectedTitle())
	}
	d.press("backspace", "backspace")
	if !strings.Contains(d.readerText(), "Only a link so far") && d.selectedTitle() != "Walking to related stories" {
		t.Errorf("backspace twice: on %q", d.selectedTitle())
	}
	// On the welcome story, L lists two links; o opens and y copies one.
	d.selectTitle(welcome)
	d.press("L", "j", "o", "y")
	if len(*opened) != 1 || (*opened)[0] != "https://charm.land" {
		t.Errorf("o opened %q", *opened)
	}
	if len(d.clips) != 1 || d.clips[0] != "https://charm.land" {
		t.Errorf("y copied %q", d.clips)
	}
	d.press("esc", "?")
	if !d.m.helpScr.open {
		t.Error("? did not open the help")
	}
	d.press("?", "q")
	if !d.quit {
		t.Error("q did not quit")
	}
}
