//go:build unix

package browser

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"github.com/tread-reader/tread/regfile"
)

func TestOpenFile(t *testing.T) {
	if runtime.GOOS == "darwin" {
		t.Skip("the opener here is not xdg-open")
	}
	dir := t.TempDir()
	_, record := fakeBrowser(t, dir, "xdg-open")
	other, otherRecord := fakeBrowser(t, dir, "fakebrowser")
	t.Setenv("BROWSER", other+" --only-without-an-opener")
	t.Setenv("PATH", dir)
	pic := filepath.Join(dir, "abc.png")
	if err := os.WriteFile(pic, []byte("png"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := OpenFile(pic); err != nil {
		t.Fatal(err)
	}
	if lines := waitRecord(t, record); lines[0] != pic {
		t.Errorf("the viewer got %q, want the file alone", lines)
	}
	// Without a desktop opener, $BROWSER shows it.
	if err := os.Remove(filepath.Join(dir, "xdg-open")); err != nil {
		t.Fatal(err)
	}
	if err := OpenFile(pic); err != nil {
		t.Fatal(err)
	}
	if lines := waitRecord(t, otherRecord); lines[0] != "--only-without-an-opener" || lines[1] != pic {
		t.Errorf("$BROWSER got %q", lines)
	}

	fifo := filepath.Join(dir, "pipe.png")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	if err := OpenFile(fifo); !errors.Is(err, regfile.ErrNotRegular) {
		t.Errorf("OpenFile(a named pipe) = %v, want it refused", err)
	}
	if err := OpenFile(filepath.Join(dir, "missing.png")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("OpenFile(missing) = %v", err)
	}
}
