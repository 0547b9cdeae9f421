package browser

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

// fakeBrowser writes a script that records its arguments, and whether its
// output went to /dev/null, to a file in dir; it returns the script and the
// file. It uses shell built-ins only, as the tests empty $PATH.
func fakeBrowser(t *testing.T, dir, name string) (script, record string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("needs a shell script browser")
	}
	record = filepath.Join(dir, name+".out")
	script = filepath.Join(dir, name)
	body := "#!/bin/sh\n" +
		"echo 'a browser that talks'\necho 'and complains' >&2\n" +
		"out=elsewhere; if [ /proc/self/fd/1 -ef /dev/null ]; then out=/dev/null; fi\n" +
		"{ for a in \"$@\"; do printf '%s\\n' \"$a\"; done; echo \"stdout=$out\"; echo end; } > " + shq(record) + "\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script, record
}

func shq(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// waitRecord waits for the fake browser to have run and returns its lines.
func waitRecord(t *testing.T, record string) []string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(record); err == nil && strings.HasSuffix(string(data), "\nend\n") {
			return strings.Split(strings.TrimSuffix(string(data), "\nend\n"), "\n")
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the browser never ran (no %s)", record)
	return nil
}

func TestOpenUsesBrowserVariable(t *testing.T) {
	dir := t.TempDir()
	script, record := fakeBrowser(t, dir, "fakebrowser")
	t.Setenv("BROWSER", script+" --new-tab")
	t.Setenv("PATH", dir) // no xdg-open to fall back on
	const url = "https://example.org/news/a?b=1&c=2"
	if err := Open(url); err != nil {
		t.Fatal(err)
	}
	lines := waitRecord(t, record)
	if want := []string{"--new-tab", url}; !reflect.DeepEqual(lines[:len(lines)-1], want) {
		t.Errorf("browser got %q, want %q", lines[:len(lines)-1], want)
	}
	if runtime.GOOS == "linux" && lines[len(lines)-1] != "stdout=/dev/null" {
		t.Errorf("browser output went to %s, want /dev/null", lines[len(lines)-1])
	}
}

func TestOpenSubstitutesAndFallsThrough(t *testing.T) {
	dir := t.TempDir()
	script, record := fakeBrowser(t, dir, "second")
	// The first entry does not exist; the second takes the URL at %s.
	t.Setenv("BROWSER", filepath.Join(dir, "missing")+":"+script+" --url=%s --literal=100%%")
	t.Setenv("PATH", dir)
	const url = "http://127.0.0.1:8080/x"
	if err := Open(url); err != nil {
		t.Fatal(err)
	}
	lines := waitRecord(t, record)
	if want := []string{"--url=" + url, "--literal=100%"}; !reflect.DeepEqual(lines[:len(lines)-1], want) {
		t.Errorf("browser got %q, want %q", lines[:len(lines)-1], want)
	}
}

func TestOpenFallsBackToOpener(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		t.Skip("the fallback here is not xdg-open")
	}
	dir := t.TempDir()
	_, record := fakeBrowser(t, dir, "xdg-open")
	t.Setenv("BROWSER", "")
	t.Setenv("PATH", dir)
	if err := Open("https://example.org/"); err != nil {
		t.Fatal(err)
	}
	if lines := waitRecord(t, record); lines[0] != "https://example.org/" {
		t.Errorf("xdg-open got %q", lines)
	}
}

func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	script, record := fakeBrowser(t, dir, "fakebrowser")
	t.Setenv("BROWSER", script)
	t.Setenv("PATH", dir)
	for _, u := range []string{"file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/", "/etc/passwd", "http://", "-x", "http://example.org/\x1b[2J"} {
		if err := Open(u); !errors.Is(err, ErrNotWeb) {
			t.Errorf("Open(%q) = %v, want ErrNotWeb", u, err)
		}
	}
	time.Sleep(200 * time.Millisecond)
	if _, err := os.Stat(record); err == nil {
		t.Errorf("a refused URL reached the browser")
	}
}

func TestOpenNoBrowser(t *testing.T) {
	t.Setenv("BROWSER", "")
	t.Setenv("PATH", t.TempDir())
	err := Open("https://example.org/")
	if !errors.Is(err, ErrNoBrowser) {
		t.Fatalf("Open with no browser: %v", err)
	}
}

func TestExpand(t *testing.T) {
	const u = "https://e.org/"
	tests := []struct {
		entry string
		want  []string
	}{
		{"firefox", []string{"firefox", u}},
		{"  lynx  -dump ", []string{"lynx", "-dump", u}},
		{"b --a=%s", []string{"b", "--a=" + u}},
		{"b %s %s", []string{"b", u, u}},
		{"b 50%% %", []string{"b", "50%", "%", u}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := expand(tt.entry, u); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("expand(%q) = %q, want %q", tt.entry, got, tt.want)
		}
	}
}

func TestOpenNamesFailedBrowserCommand(t *testing.T) {
	t.Setenv("BROWSER", "/nonexistent/browser")
	t.Setenv("PATH", t.TempDir())
	err := Open("https://example.org/")
	const want = "open https://example.org/: $BROWSER command /nonexistent/browser not found"
	if err == nil || err.Error() != want {
		t.Fatalf("Open = %v, want %q", err, want)
	}
	var ce *CommandError
	if !errors.As(err, &ce) || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("error %v does not carry the command's failure", err)
	}

	t.Setenv("BROWSER", "no-such-browser-xyz --new-tab")
	if err := Open("https://example.org/"); err == nil || !strings.Contains(err.Error(), "$BROWSER command no-such-browser-xyz not found") {
		t.Errorf("Open with a missing command on PATH = %v", err)
	}
}
