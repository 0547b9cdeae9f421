package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The window title is the selected story's while tread runs and the
// user's again after it quits (tmux keeps a title stack, as xterm does).
func TestE2EWindowTitleRestored(t *testing.T) {
	bin := buildTread(t)
	page := filepath.Join("testdata", "e2e", "plain.txt")
	s := startTmuxShell(t, 80, 24, `printf '\033]2;my shell title\007'; `+shellQuote(bin)+" "+shellQuote(page))
	s.waitFor("1/")
	title := func() string { return strings.TrimSpace(s.tmux("display-message", "-p", "#{pane_title}")) }
	waitTitle := func(want string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for title() != want && time.Now().Before(deadline) {
			time.Sleep(100 * time.Millisecond)
		}
		if got := title(); got != want {
			t.Fatalf("window title %q, want %q", got, want)
		}
	}
	waitTitle("Lantern festival lights up the old harbour")
	s.keys("q")
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("exit status %s", st)
	}
	waitTitle("my shell title")
}
