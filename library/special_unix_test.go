//go:build unix

package library

import (
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe named *.page in the library folder is skipped with a
// warning naming it, and never opened: opening it would block.
func TestPipeInLibraryIsSkipped(t *testing.T) {
	dir := t.TempDir()
	l := open(t, dir)
	good := save(t, l, testPage("https://example.com/a", time.Now(), "<p>a</p>"))
	pipe := filepath.Join(dir, "pipe.page")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan struct{})
	var (
		entries  []Entry
		warnings []error
	)
	go func() {
		defer close(done)
		entries, warnings = open(t, dir).List()
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("List blocked on a named pipe")
	}
	if len(entries) != 1 || entries[0].URL != good.URL {
		t.Errorf("entries = %v, want only %s", entries, good.URL)
	}
	for range 2 { // from the walk, then from the index
		if len(warnings) != 1 || !errors.Is(warnings[0], ErrNotRegular) ||
			!strings.Contains(warnings[0].Error(), pipe+": not a regular file (named pipe)") {
			t.Errorf("warnings = %v", warnings)
		}
		_, warnings = open(t, dir).List()
	}
}
