package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestE2EBigFolder opens a folder of more pages than the old bound of a
// thousand: every page is listed, and G reaches the last.
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
	s.keys("q")
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("exit status %s, want 0", st)
	}
}
