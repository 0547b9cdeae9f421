//go:build unix

package regfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tread-reader/tread/regfile/regfiletest"
)

func TestOpenRefuses(t *testing.T) {
	dir := t.TempDir()
	files := regfiletest.Make(t, dir, "", ".page")
	files["folder"] = dir
	for kind, path := range files {
		t.Run(kind, func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				f, _, err := Open(path)
				if f != nil {
					f.Close()
				}
				done <- err
			}()
			select {
			case err := <-done:
				var nr *NotRegularError
				if !errors.Is(err, ErrNotRegular) || !errors.As(err, &nr) || nr.Kind != kind {
					t.Fatalf("Open(%s) = %v, want not a regular file (%s)", path, err, kind)
				}
				if want := "not a regular file (" + kind + ")"; err.Error() != want {
					t.Errorf("message %q, want %q", err, want)
				}
			case <-time.After(5 * time.Second):
				t.Fatalf("Open(%s) blocked", path)
			}
		})
	}
}

func TestOpenRegular(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(path, []byte("hello"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.txt")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, link} {
		f, fi, err := Open(p)
		if err != nil {
			t.Fatalf("Open(%s): %v", p, err)
		}
		buf := make([]byte, 16)
		n, err := f.Read(buf)
		if err != nil || string(buf[:n]) != "hello" || fi.Size() != 5 {
			t.Errorf("read %s: %q, %v, size %d", p, buf[:n], err, fi.Size())
		}
		if err := f.Close(); err != nil {
			t.Error(err)
		}
	}
	if _, _, err := Open(filepath.Join(dir, "missing")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}
