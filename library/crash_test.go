package library

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The crash test runs this test binary again as a child that saves a large
// page slowly, and kills it with SIGKILL halfway through.
const (
	crashDirEnv  = "TREAD_LIBRARY_CRASH_DIR"
	crashURLEnv  = "TREAD_LIBRARY_CRASH_URL"
	crashSignal  = "writing"
	crashBodyLen = 8 << 20
)

// slowWriter passes writes on in small pieces with a pause between them,
// and says on stdout when the first piece has gone.
type slowWriter struct {
	w      io.Writer
	told   bool
	stdout io.Writer
}

func (s *slowWriter) Write(p []byte) (int, error) {
	const piece = 32 << 10
	n := 0
	for len(p) > 0 {
		k := min(len(p), piece)
		m, err := s.w.Write(p[:k])
		n += m
		if err != nil {
			return n, err
		}
		p = p[k:]
		if !s.told {
			fmt.Fprintln(s.stdout, crashSignal)
			s.told = true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return n, nil
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
	testHookBody = func(w io.Writer) io.Writer { return &slowWriter{w: w, stdout: os.Stdout} }
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
// of the body is on disk, and kills it.
func killChildMidSave(t *testing.T, dir, url string) {
	t.Helper()
	cmd, lines, stderr := startTest(t, "TestCrashChild", crashDirEnv+"="+dir, crashURLEnv+"="+url)
	killed := false
	defer func() {
		if !killed {
			if err := cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
				t.Error(err)
			}
			if err := cmd.Wait(); err != nil {
				t.Logf("child: %v", err)
			}
		}
	}()
	deadline := time.After(30 * time.Second)
	for started := false; !started; {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("child ended before writing; stderr:\n%s", stderr.String())
			}
			started = line == crashSignal
		case <-deadline:
			t.Fatal("child never started writing")
		}
	}
	// Wait for part of the body to reach the temp file, so the kill
	// lands in the middle of the write rather than before it.
	var temp string
	for temp == "" {
		matches, err := filepath.Glob(filepath.Join(dir, tempPrefix+"*"))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range matches {
			if fi, err := os.Stat(m); err == nil && fi.Size() > 1<<20 {
				temp = m
			}
		}
		select {
		case <-deadline:
			t.Fatal("no part of the body reached the disk")
		case <-time.After(5 * time.Millisecond):
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	killed = true
	go func() {
		for range lines { // drain, so the reader goroutine ends
		}
	}()
	err := cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("child: %v, want killed", err)
	}
	if ws, ok := exit.Sys().(syscall.WaitStatus); !ok || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("child ended with %v, not by SIGKILL", err)
	}
	fi, err := os.Stat(temp)
	if err != nil {
		t.Fatalf("the half-written temp file is gone: %v", err)
	}
	if fi.Size() >= crashBodyLen {
		t.Fatalf("the temp file has the whole body (%d bytes): the kill came too late", fi.Size())
	}
	t.Logf("killed with %d of %d body bytes written", fi.Size(), crashBodyLen)
}
