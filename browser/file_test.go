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
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		t.Skip("the opener here is not xdg-open")
	}
	dir := t.TempDir()
	script, record := fakeBrowser(t, dir, "xdg-open")
	t.Setenv("BROWSER", script+" --must-not-be-used")
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
