//go:build unix

package library

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/regfile"
	"github.com/tread-reader/tread/regfile/regfiletest"
)

// TestSpecialFilesAreSkipped: a named pipe, socket or device named *.page
// in the library folder is skipped with a warning naming it and its kind,
// at once: opening a pipe with no writer used to hang every run.
func TestSpecialFilesAreSkipped(t *testing.T) {
	dir := t.TempDir()
	l := open(t, dir)
	good := save(t, l, testPage("https://example.com/a", time.Now(), "<p>a</p>"))
	special := regfiletest.Make(t, dir, "x", ".page")
	if len(special) == 0 {
		t.Skip("no special files can be made here")
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
		t.Fatal("List blocked on a special file")
	}
	if len(entries) != 1 || entries[0].URL != good.URL {
		t.Errorf("entries = %v, want only %s", entries, good.URL)
	}
	// Once from the walk, then again from what the index kept of it.
	for range 2 {
		for kind, path := range special {
			found := false
			for _, w := range warnings {
				if errors.Is(w, regfile.ErrNotRegular) && strings.Contains(w.Error(), path+": not a regular file ("+kind+")") {
					found = true
				}
			}
			if !found {
				t.Errorf("no warning for the %s %s in %v", kind, path, warnings)
			}
		}
		_, warnings = open(t, dir).List()
	}
}
