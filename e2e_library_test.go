package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/fetch"
)

// writeLibrary saves n generated pages into dir, newest first "Story 001",
// one every 20 minutes back from now, page 150 alone holding "quokka". It
// saves through the session's library, extraction and all, as tread does.
func writeLibrary(t testing.TB, dir string, n int) {
	t.Helper()
	o := options{library: dir}
	lib, err := newSession(o, config.Default(), nil).library()
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	for i := 1; i <= n; i++ {
		title := fmt.Sprintf("Story %03d of the harbour", i)
		word := "ferry"
		if i == 150 {
			word = "quokka"
		}
		body := "<!doctype html><html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1>" +
			strings.Repeat("<p>A paragraph long enough to be taken for the body of an article about the "+word+", with a second clause to be sure of it.</p>", 12) +
			"</article></body></html>"
		url := fmt.Sprintf("https://news.example/story-%03d", i)
		page := fetch.Page{URL: url, Requested: url, Status: 200, ContentType: "text/html", Body: []byte(body), Fetched: now.Add(-time.Duration(i) * 20 * time.Minute)}
		if _, err := lib.Save(page); err != nil {
			t.Fatal(err)
		}
	}
	if err := lib.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestE2ELibraryView: a library of a few hundred pages opened with no
// source, scrolled to its end, searched, a story starred and marked
// unread, another deleted; a second run shows what was kept.
func TestE2ELibraryView(t *testing.T) {
	bin := buildTread(t)
	lib := t.TempDir()
	writeLibrary(t, lib, 300)

	s := startTmux(t, bin, 100, 30, "--library", lib)
	scr := s.waitFor("Story 001 of the harbour")
	if !strings.Contains(scr, "Today") || !strings.Contains(scr, "• Story 001") {
		t.Errorf("first screen lacks the day heading or the unread mark:\n%s", scr)
	}
	// G goes to the last row loaded; each time the next rows load.
	for i := 0; i < 30 && !strings.Contains(s.screen(), "Story 300 of"); i++ {
		s.keys("G")
		time.Sleep(150 * time.Millisecond)
	}
	s.waitFor("Story 300 of the harbour")

	s.keys("/", "quokka")
	scr = s.waitFor("Story 150 of the harbour")
	if strings.Contains(scr, "Story 149 of") || !listShows(scr, "quokka") {
		t.Errorf("search lists other pages, or no snippet:\n%s", scr)
	}
	s.keys("Enter") // keep the search
	s.keys("Enter") // open the story: read
	s.waitFor("1/1")
	s.keys("Tab", "s")
	s.waitFor("★ Story 150")
	s.keys("m")
	s.waitFor("marked unread")
	s.keys("Escape")
	s.waitFor("Story 001 of the harbour")

	s.keys("g", "j", "D")
	s.waitFor("delete the saved page")
	s.keys("y")
	s.waitFor("deleted")
	s.waitGone("Story 002 of")
	// Story 003 took its place: read a few lines into it, then quit.
	s.waitReader("Story 003 of the harbour", "about the ferry")
	s.keys("Tab", "j", "j", "j", "j", "j", "j")
	for i := 0; i < 50 && readerShows(s.screen(), "Story 003 of the harbour"); i++ {
		time.Sleep(100 * time.Millisecond) // the scroll is on its way
	}
	if readerShows(s.screen(), "Story 003 of the harbour") {
		t.Errorf("the story did not scroll:\n%s", s.screen())
	}
	s.keys("q")
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("exit status %s, want 0; stderr %s", st, s.stderr())
	}

	s = startTmux(t, bin, 100, 30, "--library", lib)
	scr = s.waitFor("Story 001 of the harbour")
	if strings.Contains(scr, "Story 002 of") || !strings.Contains(scr, "Story 003 of") {
		t.Errorf("the deleted story is back, or the list is wrong:\n%s", scr)
	}
	s.keys("j")
	s.waitFor("▌ Story 003 of the harbour")
	s.waitReader("about the ferry") // its story loaded and rendered
	time.Sleep(200 * time.Millisecond)
	if scr = s.screen(); readerShows(scr, "Story 003 of the harbour") {
		t.Errorf("Story 003 did not reopen where it was left:\n%s", scr)
	}
	s.keys("/", "quokka")
	scr = s.waitFor("Story 150 of the harbour")
	if !strings.Contains(scr, "• ★ Story 150") {
		t.Errorf("the star and the unread mark were not kept:\n%s", scr)
	}
	s.keys("Escape")
	s.waitGone("/quokka")
	s.keys("q")
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("second run: exit status %s", st)
	}
}

// listShows reports whether the list pane of a screen shows text, the
// status bar left out.
func listShows(screen, text string) bool {
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	for _, line := range lines[:max(len(lines)-1, 0)] {
		runes := []rune(line)
		for i := 4; i < len(runes); i++ {
			if runes[i] == '│' {
				runes = runes[:i]
				break
			}
		}
		if strings.Contains(string(runes), text) {
			return true
		}
	}
	return false
}

// readerShows reports whether the reader pane of a screen shows text: the
// part of a line right of the divider, a "│" past the list's selection
// bar at the start of the line.
func readerShows(screen, text string) bool {
	for _, line := range strings.Split(screen, "\n") {
		runes := []rune(line)
		for i := 4; i < len(runes); i++ {
			if runes[i] == '│' {
				if strings.Contains(string(runes[i+1:]), text) {
					return true
				}
				break
			}
		}
	}
	return false
}

// waitReader polls the screen until the reader pane shows every one of
// texts.
func (s *tmuxSession) waitReader(texts ...string) {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		scr, all := s.screen(), true
		for _, text := range texts {
			all = all && readerShows(scr, text)
		}
		if all {
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("the reader never showed %q:\n%s", texts, scr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
