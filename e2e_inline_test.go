package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// placeholderRows is the screen rows holding kitty placeholder cells
// (U+10EEEE), and how many each holds.
func placeholderRows(screen string) (rows, cells []int) {
	for i, l := range strings.Split(screen, "\n") {
		if n := strings.Count(l, "\U0010EEEE"); n > 0 {
			rows, cells = append(rows, i), append(cells, n)
		}
	}
	return rows, cells
}

// stable is the screen once two captures a while apart agree.
func (s *tmuxSession) stable() string {
	prev := s.screen()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); {
		time.Sleep(200 * time.Millisecond)
		cur := s.screen()
		if cur == prev {
			return cur
		}
		prev = cur
	}
	return prev
}

// With the images setting forcing kitty inside tmux, the sample's picture
// is in the text: tmux, which has no passthrough here, drops the picture's
// bytes and keeps the placeholder cells like any text, so its screen shows
// a block of them where the image line was, which scrolls with the text,
// and no byte of the picture. (With passthrough on and kitty or Ghostty
// outside, the picture is drawn over those cells.)
func TestE2EInlinePictureInTmux(t *testing.T) {
	bin := buildTread(t)
	isolate(t)
	conf := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(conf, []byte("images = \"kitty\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startTmux(t, bin, 100, 30, "--config", conf, "--library", t.TempDir())
	s.waitFor("Welcome to tread")
	s.keys("z")
	s.waitFor("L links")
	s.keys("G")
	var rows, cells []int
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline) && len(rows) == 0; time.Sleep(50 * time.Millisecond) {
		rows, _ = placeholderRows(s.screen())
	}
	s.keys("G") // the picture came after the first G: the bottom moved
	scr := s.stable()
	rows, cells = placeholderRows(scr)
	if len(rows) == 0 || strings.Contains(scr, "Image: A reading lamp") {
		t.Fatalf("no picture in the text:\n%s", scr)
	}
	for i := range rows {
		if cells[i] != cells[0] || rows[i] != rows[0]+i {
			t.Errorf("picture rows %v with %v cells: not one block", rows, cells)
			break
		}
	}
	raw := s.tmux("capture-pane", "-p", "-e")
	for _, stray := range []string{"\x1b_", "\x1bP", "Gf=", "a=p", "iVBOR", "4235"} {
		if strings.Contains(raw, stray) {
			t.Errorf("the screen shows %q:\n%s", stray, raw)
		}
	}
	if !strings.Contains(raw, "\x1b[38;5;") {
		t.Errorf("the placeholders lost the id's colour:\n%q", raw)
	}
	s.keys("k", "k", "k")
	moved, _ := placeholderRows(s.stable())
	if len(moved) == 0 || moved[0] != rows[0]+3 {
		t.Errorf("three lines up: picture rows %v, were %v", moved, rows)
	}
	s.keys("q")
	if st := s.exitStatus(); st != "0" {
		t.Errorf("exit status %s:\n%s", st, s.stderr())
	}
}
