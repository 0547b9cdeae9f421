//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

const noTerminalLine = "tread: no terminal to draw on; use --dump or --json to print the stories\n"

// TestNoTerminal: with no terminal to draw on, the reader says so in one
// line, before it starts, instead of Bubble Tea's "could not open TTY".
func TestNoTerminal(t *testing.T) {
	isolate(t)
	old := openTTY
	openTTY = func() (*os.File, *os.File, error) {
		return nil, nil, errors.New("open /dev/tty: no such device or address")
	}
	t.Cleanup(func() { openTTY = old })
	code, out, errOut := runArgs(t, "", filepath.Join("testdata", "e2e", "plain.txt"))
	if code != 1 || out != "" || errOut != noTerminalLine {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestTerminalFallsBackToTTY: standard input or output that is not a
// terminal is replaced by the controlling terminal, the other kept.
func TestTerminalFallsBackToTTY(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	old := openTTY
	openTTY = func() (*os.File, *os.File, error) { return r, w, nil }
	t.Cleanup(func() { openTTY = old })
	in, out, closeTTY, err := terminal(strings.NewReader("page"), &bytes.Buffer{})
	if err != nil || in != r || out != w {
		t.Fatalf("terminal: in %v out %v err %v, want the tty pair", in, out, err)
	}
	if err := closeTTY(); err != nil {
		t.Errorf("close: %v", err)
	}
	if _, err := w.Write([]byte("x")); err == nil {
		t.Error("the tty was left open")
	}
}

// TestE2ENoTerminal runs the built binary in a session of its own, with no
// controlling terminal and standard input from /dev/null, as the QA report
// did with setsid.
func TestE2ENoTerminal(t *testing.T) {
	bin := buildTread(t)
	isolate(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, filepath.Join("testdata", "e2e", "plain.txt"))
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("exit: %v, want status 1", err)
	}
	if stderr.String() != noTerminalLine || stdout.Len() != 0 {
		t.Errorf("stderr %q, stdout %q", stderr.String(), stdout.String())
	}
}

// TestE2EOutputRedirected: with standard output sent to a file, the reader
// still draws on the terminal, and the file stays empty.
func TestE2EOutputRedirected(t *testing.T) {
	bin := buildTread(t)
	out := filepath.Join(t.TempDir(), "out.txt")
	s := startTmuxShell(t, 100, 30, shellQuote(bin)+" "+shellQuote(filepath.Join("testdata", "e2e", "plain.txt"))+" >"+shellQuote(out))
	s.waitFor("Lantern")
	s.keys("q")
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("exit status %s, want 0", st)
	}
	if data, err := os.ReadFile(out); err != nil || len(data) != 0 {
		t.Errorf("standard output got %d bytes (%v), want none", len(data), err)
	}
}
