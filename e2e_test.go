package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/corpus"
)

// The end-to-end tests run the built binary in tmux, as a person would:
// type keys, read the screen, resize the window, quit.

// tmuxSession is one tread running in a private tmux server.
type tmuxSession struct {
	t      *testing.T
	socket string
	status string // file the wrapper writes tread's exit status to
}

func buildTread(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test skipped in -short mode")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux not installed; .ci/run installs it")
	}
	bin := filepath.Join(t.TempDir(), "tread")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// startTmux runs tread with args in a detached tmux window of the given size.
func startTmux(t *testing.T, bin string, w, h int, args ...string) *tmuxSession {
	t.Helper()
	quoted := []string{shellQuote(bin)}
	for _, a := range args {
		quoted = append(quoted, shellQuote(a))
	}
	return startTmuxShell(t, w, h, strings.Join(quoted, " "))
}

// startTmuxShell runs a shell command line (tread with redirections, say)
// in a detached tmux window of the given size.
func startTmuxShell(t *testing.T, w, h int, line string) *tmuxSession {
	t.Helper()
	dir := t.TempDir()
	s := &tmuxSession{t: t, socket: fmt.Sprintf("tread-e2e-%d-%d", os.Getpid(), time.Now().UnixNano()), status: filepath.Join(dir, "status")}
	cmd := line + " 2>" + shellQuote(filepath.Join(dir, "stderr")) +
		"; echo $? > " + shellQuote(s.status) + "; sleep 5"
	s.tmux("-f", "/dev/null", "new-session", "-d", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "sh", "-c", cmd)
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s%s", strings.Join(args, " "), err, out, s.exited())
	}
	return string(out)
}

func (s *tmuxSession) screen() string { return s.tmux("capture-pane", "-p") }

// waitFor polls the screen until it contains want.
func (s *tmuxSession) waitFor(want string) string {
	s.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	var scr string
	for time.Now().Before(deadline) {
		scr = s.screen()
		if strings.Contains(scr, want) {
			return scr
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("screen never showed %q; last screen:\n%s", want, scr)
	return ""
}

// waitGone polls the screen until it no longer contains text.
func (s *tmuxSession) waitGone(text string) {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for strings.Contains(s.screen(), text) {
		if time.Now().After(deadline) {
			s.t.Fatalf("screen still shows %q:\n%s", text, s.screen())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (s *tmuxSession) keys(keys ...string) { s.tmux(append([]string{"send-keys"}, keys...)...) }

func (s *tmuxSession) resize(w, h int) {
	s.tmux("resize-window", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h))
}

// exitStatus waits for tread to exit and returns its status.
func (s *tmuxSession) exitStatus() string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(s.status); err == nil && len(bytes.TrimSpace(b)) > 0 {
			return string(bytes.TrimSpace(b))
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("tread did not exit; screen:\n%s", s.screen())
	return ""
}

// exited describes tread's exit, for a failure message, when it has exited.
func (s *tmuxSession) exited() string {
	st, err := os.ReadFile(s.status)
	if err != nil {
		return ""
	}
	errText, _ := os.ReadFile(filepath.Join(filepath.Dir(s.status), "stderr"))
	return fmt.Sprintf("tread exited with status %s; stderr:\n%s", bytes.TrimSpace(st), errText)
}

// stderr is what tread wrote to standard error; read it after exitStatus.
func (s *tmuxSession) stderr() string {
	s.t.Helper()
	data, err := os.ReadFile(filepath.Join(filepath.Dir(s.status), "stderr"))
	if err != nil {
		s.t.Fatal(err)
	}
	return string(data)
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func TestE2EReferenceDump(t *testing.T) {
	dir := corpus.Require(t)
	bin := buildTread(t)
	ref := filepath.Join(dir, "dumps", "daily8-starmer-ukraine.txt")
	s := startTmux(t, bin, 120, 36, ref)
	scr := s.waitFor("Starmer hails")
	for _, want := range []string{"Glasgow Times", "'It will be a betrayal'", "The Independent"} {
		if !strings.Contains(scr, want) {
			t.Errorf("first screen lacks %q:\n%s", want, scr)
		}
	}
	s.keys("Down")
	s.waitFor("By ITV News Producer")

	s.resize(40, 8)
	time.Sleep(300 * time.Millisecond)
	small := s.screen()
	if strings.TrimSpace(small) == "" {
		t.Errorf("blank screen at 40x8")
	}
	for i, line := range strings.Split(strings.TrimRight(small, "\n"), "\n") {
		if w := len([]rune(line)); w > 40 {
			t.Errorf("line %d is %d wide at 40x8: %q", i, w, line)
		}
	}
	s.resize(120, 36)
	s.waitFor("By ITV News Producer")
	s.keys("q")
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("exit status %s, want 0", st)
	}
}

func TestE2EBadFileAndSizes(t *testing.T) {
	bin := buildTread(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "missing.txt")
	good := filepath.Join("testdata", "e2e", "plain.txt")
	for _, size := range [][2]int{{80, 24}, {200, 50}, {40, 8}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			s := startTmux(t, bin, size[0], size[1], bad, good)
			// A narrow status bar may only have room for the count of failures.
			want := "missing.txt"
			if size[0] < 60 {
				want = "failed"
			}
			scr := s.waitFor(want)
			if !strings.Contains(scr, "Lantern") {
				t.Errorf("good source not listed beside the bad one:\n%s", scr)
			}
			s.keys("q")
			if st := s.exitStatus(); st != "1" {
				t.Fatalf("exit status %s, want 1 (a source failed)", st)
			}
		})
	}
}

// TestE2EErrorOrder: after the reader exits, the sources that failed are
// listed on standard error in the order they were given, though they fail
// in the opposite order: the first page answers 404 slowly, the second
// sooner, the missing file at once.
func TestE2EErrorOrder(t *testing.T) {
	bin := buildTread(t)
	isolate(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, err := time.ParseDuration(strings.TrimPrefix(r.URL.Path, "/"))
		if err == nil {
			time.Sleep(d)
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	slow, sooner := srv.URL+"/1200ms", srv.URL+"/600ms"
	missing := filepath.Join(t.TempDir(), "missing.txt")
	s := startTmux(t, bin, 160, 30, "--library", t.TempDir(), slow, sooner, missing, filepath.Join("testdata", "e2e", "plain.txt"))
	s.waitFor("Lantern")
	s.waitFor("3 failed")
	s.keys("q")
	if st := s.exitStatus(); st != "1" {
		t.Fatalf("exit status %s, want 1", st)
	}
	want := strings.Join([]string{
		"tread: fetch " + slow + ": 404 Not Found",
		"tread: fetch " + sooner + ": 404 Not Found",
		"tread: read " + missing + ": no such file or directory",
	}, "\n")
	if got := strings.TrimSpace(s.stderr()); got != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
	}
}

// TestE2EEscapes opens a dump whose headline and body carry terminal escapes
// and checks that none of them reached the terminal: tmux's pane title and
// paste buffer are untouched and the screen was not cleared of the list.
func TestE2EEscapes(t *testing.T) {
	bin := buildTread(t)
	s := startTmux(t, bin, 100, 30, filepath.Join("testdata", "e2e", "escapes.txt"))
	scr := s.waitFor("Harmless headline")
	if title := s.tmux("display-message", "-p", "#{pane_title}"); strings.Contains(title, "PWNED") {
		t.Errorf("a document set the window title: %q", title)
	}
	if out, err := exec.Command("tmux", "-L", s.socket, "show-buffer").CombinedOutput(); err == nil && len(out) > 0 {
		t.Errorf("a document wrote the clipboard: %q", out)
	}
	if !strings.Contains(scr, "Second story") {
		t.Errorf("the list did not survive the document's clear-screen:\n%s", scr)
	}
	s.keys("q")
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("exit status %s, want 0", st)
	}
}

// TestE2EFilterSearchHelp filters the list with /, searches inside a story
// and opens and closes the help, on the built-in sample edition.
func TestE2EFilterSearchHelp(t *testing.T) {
	bin := buildTread(t)
	s := startTmux(t, bin, 100, 30, "--library", t.TempDir())
	s.waitFor("Welcome to tread")

	s.keys("/", "Reading")
	scr := s.waitFor("/Reading")
	if strings.Contains(scr, "Moving around the list") {
		t.Errorf("filter kept a story that does not match:\n%s", scr)
	}
	s.keys("Enter")
	s.waitFor("Press tab or enter to move into the story")

	s.keys("Tab", "/", "page", "Enter")
	s.waitFor("match 1/3")
	s.keys("n")
	s.waitFor("match 2/3")
	// A key sent right after esc would read as alt+key: wait for the
	// search to clear before typing on.
	s.keys("Escape")
	s.waitGone("match 2/3")

	s.keys("?")
	s.waitFor("half page down")
	s.keys("?")
	s.waitGone("half page down")
	s.keys("q")
	if st := s.exitStatus(); st != "0" {
		t.Fatalf("exit status %s, want 0", st)
	}
}
