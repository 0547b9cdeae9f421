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
			strings.Repeat("<p>A paragraph long enough to be taken for the body of an article about the "+word+", with a second clause to be sure of it.</p>", 4) +
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
	if strings.Contains(scr, "Story 149 of") || !strings.Contains(scr, "quokka, with a second") {
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
	s.keys("q")
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("exit status %s, want 0; stderr %s", st, s.stderr())
	}

	s = startTmux(t, bin, 100, 30, "--library", lib)
	scr = s.waitFor("Story 001 of the harbour")
	if strings.Contains(scr, "Story 002 of") || !strings.Contains(scr, "Story 003 of") {
		t.Errorf("the deleted story is back, or the list is wrong:\n%s", scr)
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
