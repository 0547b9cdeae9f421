//go:build unix

package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/library"
	"github.com/tread-reader/tread/regfile/regfiletest"
)

// TestE2ELibraryWithSpecialFiles opens a library that holds, beside a saved
// page, a named pipe, a socket and a device named *.page: the reader shows
// the page, quits on q, and says on standard error which files it skipped.
// Opening the pipe used to hang every run beyond the reach of q and ctrl+c.
func TestE2ELibraryWithSpecialFiles(t *testing.T) {
	bin := buildTread(t)
	isolate(t)
	lib := filepath.Join(t.TempDir(), "lib")
	l, err := library.Open(lib)
	if err != nil {
		t.Fatal(err)
	}
	body, err := os.ReadFile(filepath.Join("feed", "testdata", "web", filepath.Base(ferryPath)+".html"))
	if err != nil {
		t.Fatal(err)
	}
	url := "https://coast.example" + ferryPath
	if _, err := l.Save(fetch.Page{
		URL: url, Requested: url, Status: 200, ContentType: "text/html", Charset: "utf-8",
		Header: http.Header{"Content-Type": {"text/html; charset=utf-8"}}, Body: body, Fetched: time.Now(),
	}); err != nil {
		t.Fatal(err)
	}
	special := regfiletest.Make(t, lib, "x", ".page")

	s := startTmux(t, bin, 100, 30, "--offline", "--library", lib)
	s.waitFor(ferryTitle)
	// The index meets the new files in the background; quit once it has
	// (the test's own handle reads what that reconcile recorded).
	waitSkipped(t, l, len(special))
	s.keys("q")
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("exit status %s, want 0", st)
	}
	stderr := s.stderr()
	for kind, path := range special {
		if want := path + ": not a regular file (" + kind + ")"; !strings.Contains(stderr, want) {
			t.Errorf("standard error lacks %q:\n%s", want, stderr)
		}
	}
}

// waitSkipped waits until the library's index records n skipped files, as
// a reconcile in another process leaves them, for at most ten seconds.
func waitSkipped(t *testing.T, l *library.Library, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		skipped, err := l.Skipped(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if len(skipped) >= n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the reader's reconcile recorded %d skipped files, want %d", len(skipped), n)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
