package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestE2EBigFolder opens a folder of more pages than the old bound of a
// thousand: every page is listed, G reaches the last and shows its story,
// and a page removed since it was listed names its file when selected.
func TestE2EBigFolder(t *testing.T) {
	bin := buildTread(t)
	isolate(t)
	dir := t.TempDir()
	const n = 1200
	for i := range n {
		text := fmt.Sprintf("Notice %04d\n\nThe harbour office posted notice number %d on the quay board this morning.\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("n%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := startTmux(t, bin, 100, 24, dir)
	s.waitFor(fmt.Sprintf("1/%d", n))
	s.keys("G")
	s.waitFor(fmt.Sprintf("%d/%d", n, n))
	// the list keeps rows alone: the story's page is read when it is shown
	s.waitFor(fmt.Sprintf("posted notice number %d on", n-1))
	// a page gone since it was listed says so, naming its file
	if err := os.Remove(filepath.Join(dir, "n0600.txt")); err != nil {
		t.Fatal(err)
	}
	s.keys("/", "0600", "Enter")
	s.waitFor("n0600.txt: no such file")
	s.keys("q")
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("exit status %s, want 0", st)
	}
}
