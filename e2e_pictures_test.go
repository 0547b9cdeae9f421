package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Inside tmux, which answers the terminal queries as tmux, tread draws no
// pictures: a page with pictures shows its image lines, no byte of a
// query or a picture shows on the screen, and the picture key opens the
// library's copy in the viewer instead.
func TestE2EPicturesInTmux(t *testing.T) {
	bin := buildTread(t)
	isolate(t)
	site := newPictureSite(t)
	dir := t.TempDir()
	lib := filepath.Join(dir, "lib")
	viewer, record := filepath.Join(dir, "viewer"), filepath.Join(dir, "viewer.out")
	script := "#!/bin/sh\nprintf '%s\\n' \"$@\" >> " + shellQuote(record) + "\n"
	if err := os.WriteFile(viewer, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BROWSER", viewer)
	t.Setenv("PATH", filepath.Dir(bin)+":/usr/bin:/bin") // no desktop opener

	s := startTmux(t, bin, 100, 30, "--library", lib, site.URL+"/article")
	scr := s.waitFor("Tide mill turns again")
	if n := strings.Count(scr, "Image"); n != 2 {
		t.Errorf("%d image lines, want the article's 2:\n%s", n, scr)
	}
	// Wait for both pictures to be saved, then ask for the first.
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		recs, err := filepath.Glob(filepath.Join(lib, "images", "pages", "*.json"))
		if err != nil || len(recs) != 1 {
			continue
		}
		if b, err := os.ReadFile(recs[0]); err == nil && strings.Count(string(b), `"hash"`) == 2 {
			break
		}
	}
	s.keys("i")
	scr = s.waitFor("opening ")
	raw := s.tmux("capture-pane", "-p", "-e")
	for _, stray := range []string{"\x1b_", "\x1bP", "1337", "Gi=", "AAAA", "4235"} {
		if strings.Contains(raw, stray) {
			t.Errorf("the screen shows %q:\n%s", stray, raw)
		}
	}
	var got []byte
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline) && len(got) == 0; time.Sleep(50 * time.Millisecond) {
		if b, err := os.ReadFile(record); err == nil {
			got = b
		}
	}
	opened := strings.TrimSpace(string(got))
	if !strings.HasPrefix(opened, filepath.Join(lib, "images")+string(filepath.Separator)) || !strings.HasSuffix(opened, ".png") {
		t.Errorf("the viewer opened %q, want the library's copy of the picture\n%s", opened, scr)
	}
	s.keys("q")
	if st := s.exitStatus(); st != "0" {
		t.Errorf("exit status %s:\n%s", st, s.stderr())
	}
}
