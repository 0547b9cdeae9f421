// Package crashtest is the harness of tread's crash tests: it runs one
// test of the test binary again as a child process, waits until the child
// is part way through writing a file, and kills it with SIGKILL, so the
// parent test can check what a crash leaves on disk. Tests only.
package crashtest

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// SlowWriter passes writes on to W in 32KB pieces with a 10ms pause after
// each, so a write of megabytes takes long enough to be interrupted.
type SlowWriter struct {
	W io.Writer
}

// Write writes p in pieces.
func (s SlowWriter) Write(p []byte) (int, error) {
	const piece = 32 << 10
	n := 0
	for len(p) > 0 {
		k := min(len(p), piece)
		m, err := s.W.Write(p[:k])
		n += m
		if err != nil {
			return n, err
		}
		p = p[k:]
		time.Sleep(10 * time.Millisecond)
	}
	return n, nil
}

// Start runs the test named name of this test binary again as a child
// process, with env added to its environment, and returns its standard
// output a line at a time as it comes, and its standard error.
func Start(t testing.TB, name string, env ...string) (*exec.Cmd, <-chan string, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+name+"$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), env...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1024)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	return cmd, lines, &stderr
}

// WaitLine waits for the child's standard output to print line; the test
// fails if the child ends first or deadline passes.
func WaitLine(t testing.TB, lines <-chan string, stderr *bytes.Buffer, line string, deadline <-chan time.Time) {
	t.Helper()
	for {
		select {
		case got, ok := <-lines:
			if !ok {
				t.Fatalf("child ended before printing %q; stderr:\n%s", line, stderr.String())
			}
			if got == line {
				return
			}
		case <-deadline:
			t.Fatalf("child never printed %q", line)
		}
	}
}

// Kill kills the child with SIGKILL and waits for it; the test fails if
// it had already ended some other way. lines is drained.
func Kill(t testing.TB, cmd *exec.Cmd, lines <-chan string) {
	t.Helper()
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
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
}

// Reap ends a child the test did not get as far as killing.
func Reap(t testing.TB, cmd *exec.Cmd) {
	if err := cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
		t.Error(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Logf("child: %v", err)
	}
}

// KillMidWrite runs the test named child (the test binary's -test.run)
// with env added to the environment, waits for it to print signal on a
// line of its standard output, then for a file matching glob to grow past
// minSize bytes, and kills it with SIGKILL. It returns that file and its
// size after the kill; the test fails if the child ends by itself, or
// never gets that far within a minute.
func KillMidWrite(t testing.TB, child string, env []string, signal, glob string, minSize int64) (string, int64) {
	t.Helper()
	cmd, lines, stderr := Start(t, child, env...)
	killed := false
	defer func() {
		if !killed {
			Reap(t, cmd)
		}
	}()
	deadline := time.After(time.Minute)
	WaitLine(t, lines, stderr, signal, deadline)
	// Wait for part of the file to reach the disk, so the kill lands in
	// the middle of the write rather than before it.
	var file string
	for file == "" {
		matches, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range matches {
			if fi, err := os.Stat(m); err == nil && fi.Size() > minSize {
				file = m
			}
		}
		select {
		case <-deadline:
			t.Fatalf("no file matching %s grew past %d bytes", glob, minSize)
		case <-time.After(5 * time.Millisecond):
		}
	}
	Kill(t, cmd, lines)
	killed = true
	fi, err := os.Stat(file)
	if err != nil {
		t.Fatalf("the half-written file is gone: %v", err)
	}
	return file, fi.Size()
}
