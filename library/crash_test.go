package library

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/internal/crashtest"
)

// The crash test runs this test binary again as a child that saves a large
// page slowly, and kills it with SIGKILL halfway through.
const (
	crashDirEnv  = "TREAD_LIBRARY_CRASH_DIR"
	crashURLEnv  = "TREAD_LIBRARY_CRASH_URL"
	crashSignal  = "writing"
	crashBodyLen = 8 << 20
)

// toldWriter says on stdout, once, that the first piece of a write has
// gone, for the parent to start watching the file.
type toldWriter struct {
	w    io.Writer
	told bool
}

func (s *toldWriter) Write(p []byte) (int, error) {
	if !s.told {
		s.told = true
		fmt.Println(crashSignal)
	}
	return s.w.Write(p)
}

// TestCrashChild is the process TestKilledDuringSave kills; on its own it
// does nothing.
func TestCrashChild(t *testing.T) {
	dir, url := os.Getenv(crashDirEnv), os.Getenv(crashURLEnv)
	if dir == "" {
		t.Skip("only run as the child of TestKilledDuringSave")
	}
	l, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	testHookBody = func(w io.Writer) io.Writer { return crashtest.SlowWriter{W: &toldWriter{w: w}} }
	if _, err := l.Save(testPage(url, time.Now(), strings.Repeat("N", crashBodyLen))); err != nil {
		t.Fatal(err)
	}
	// Reaching here means the parent never killed us.
	fmt.Println("finished")
}

func TestKilledDuringSave(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	for _, tt := range []struct{ name, url string }{
		{"new page", "https://example.org/new"},
		{"new copy of a saved page", "https://example.org/a"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			l := open(t, dir)
			a := testPage("https://example.org/a", time.Now().Add(-time.Hour), "<p>the first copy of a</p>")
			b := testPage("https://example.org/b", time.Now().Add(-time.Minute), strings.Repeat("<p>b</p>", 100_000))
			save(t, l, a)
			save(t, l, b)

			killChildMidSave(t, dir, tt.url)

			l = open(t, dir)
			entries, warnings := l.List()
			if len(warnings) != 0 {
				t.Errorf("warnings after the crash: %v", warnings)
			}
			if len(entries) != 2 || entries[0].URL != b.URL || entries[1].URL != a.URL {
				t.Fatalf("entries after the crash = %+v, want b and a", entries)
			}
			for _, want := range []struct {
				e Entry
				p string
			}{{entries[0], string(b.Body)}, {entries[1], string(a.Body)}} {
				got, err := l.Read(want.e)
				if err != nil {
					t.Fatal(err)
				}
				if string(got.Body) != want.p {
					t.Errorf("%s: body of %d bytes changed by the crash", want.e.URL, len(got.Body))
				}
			}
			if tt.url != a.URL {
				if e, ok := l.Lookup(tt.url); ok {
					t.Errorf("the page being written is listed: %+v", e)
				}
			}
			// And the library goes on working.
			save(t, l, testPage("https://example.org/after", time.Now(), "after"))
			if entries, warnings := l.List(); len(entries) != 3 || len(warnings) != 0 {
				t.Errorf("after a new save: %d entries, warnings %v", len(entries), warnings)
			}
		})
	}
}

// killChildMidSave starts the child saving url into dir, waits until part
// of the body is on disk, and kills it (see package crashtest).
func killChildMidSave(t *testing.T, dir, url string) {
	t.Helper()
	_, size := crashtest.KillMidWrite(t, "TestCrashChild", []string{crashDirEnv + "=" + dir, crashURLEnv + "=" + url},
		crashSignal, filepath.Join(dir, tempPrefix+"*"), 1<<20)
	if size >= crashBodyLen {
		t.Fatalf("the temp file has the whole body (%d bytes): the kill came too late", size)
	}
	t.Logf("killed with %d of %d body bytes written", size, crashBodyLen)
}
