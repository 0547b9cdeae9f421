//go:build unix

// Package regfiletest makes the files tread must refuse to open — a named
// pipe with no writer, a unix socket, a character device — for tests.
package regfiletest

import (
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Make creates in dir one file of each kind it can, named prefix plus the
// kind's short name plus ext ("pipe.page"), and returns their paths by
// kind ("named pipe", "socket", "character device"). The device is a
// symbolic link to /dev/null, since only root may make a device node.
// Kinds the system will not let the test make are logged and left out.
func Make(t testing.TB, dir, prefix, ext string) map[string]string {
	t.Helper()
	files := map[string]string{}
	fifo := filepath.Join(dir, prefix+"pipe"+ext)
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Logf("mkfifo: %v", err)
	} else {
		files["named pipe"] = fifo
	}
	sock := filepath.Join(dir, prefix+"sock"+ext)
	if l, err := net.Listen("unix", sock); err != nil {
		t.Logf("unix socket: %v", err)
	} else {
		t.Cleanup(func() {
			if err := l.Close(); err != nil {
				t.Log(err)
			}
		})
		files["socket"] = sock
	}
	if fi, err := os.Stat("/dev/null"); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		dev := filepath.Join(dir, prefix+"null"+ext)
		if err := os.Symlink("/dev/null", dev); err != nil {
			t.Logf("symlink: %v", err)
		} else {
			files["character device"] = dev
		}
	}
	return files
}
