package main

import (
	"fmt"
	"strings"
	"testing"
)

// TestE2ESampleTour walks the sample edition as a new reader would, at a
// usual size and a tiny one: the hints follow the focus, z hides and
// brings back the list, the related story that is only a link walks to
// the sample's own page (no network), folding hides and f shows the
// related stories left behind, L lists a story's links and enter follows
// one, and backspace comes back.
func TestE2ESampleTour(t *testing.T) {
	bin := buildTread(t)
	for _, size := range [][2]int{{80, 24}, {40, 8}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			isolate(t)
			sampleTour(t, bin, size[0], size[1])
		})
	}
}

func sampleTour(t *testing.T, bin string, w, h int) {
	s := startTmux(t, bin, w, h, "--library", t.TempDir())
	s.waitFor("Welcome to tread")
	s.waitFor("enter read") // the list's hints

	// Hints follow the focus: the reader's, then the list's again.
	s.keys("Tab")
	s.waitFor("L links")
	s.keys("Tab")
	s.waitFor("enter read")

	// The reading mode: no list, the reader's hints; z brings it back.
	s.keys("z")
	s.waitFor("L links")
	if scr := s.screen(); strings.Contains(scr, "Moving around") || strings.Contains(scr, "│") {
		t.Errorf("the list is still on screen in the reading mode:\n%s", scr)
	}
	s.keys("z")
	s.waitFor("Moving around")

	// Walk to the related story that is only a link: the sample's page.
	s.keys("j", "j", "j", "Enter")
	s.waitFor("›") // the breadcrumb
	s.waitFor(" 6/7 ")
	if scr := s.screen(); strings.Contains(scr, "failed") || strings.Contains(scr, "network") {
		t.Errorf("the walk reached for the network:\n%s", scr)
	}

	// Back in the list the welcome's related stories are folded.
	s.keys("Tab")
	s.waitFor("+4 related")
	s.keys("f")
	s.waitGone("+4 related")
	if w >= 80 {
		s.waitFor("Moving around")
	}
	s.keys("f")
	s.waitFor("Following the links")

	// One step further, then follow a numbered link from the links list.
	s.keys("j", "Enter")
	s.waitFor(" 8/8 ")
	s.keys("L")
	s.waitFor("enter follow") // the links list's hints
	s.waitFor("welcome story")
	s.keys("Enter")
	s.waitFor(" 1/8 ")
	s.keys("BSpace")
	s.waitFor(" 8/8 ")
	s.keys("q")
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("exit status %s, want 0", st)
	}
}

// TestE2EReadingModeOpensForALoneStory opens a single story: it reads at
// the reading width, centred, with no list; z brings the list.
func TestE2EReadingModeOpensForALoneStory(t *testing.T) {
	bin := buildTread(t)
	isolate(t)
	s := startTmux(t, bin, 120, 24, "testdata/e2e/plain.txt")
	scr := s.waitFor("Lantern")
	if strings.Contains(scr, "│") {
		t.Errorf("a lone story opened beside the list:\n%s", scr)
	}
	lines := strings.Split(scr, "\n")
	indented := 0
	for _, l := range lines[:len(lines)-2] {
		if strings.TrimSpace(l) != "" && strings.HasPrefix(l, strings.Repeat(" ", 10)) {
			indented++
		}
	}
	if indented == 0 {
		t.Errorf("the story is not centred:\n%s", scr)
	}
	s.keys("z")
	s.waitFor("│")
	s.keys("q")
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("exit status %s, want 0", st)
	}
}
