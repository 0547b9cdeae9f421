//go:build unix

package library

import (
	"errors"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// accessW asks the system whether this process may create files in dir.
// Tests stand in for the system's answer.
var accessW = systemAccessW

func systemAccessW(dir string) error { return unix.Access(dir, unix.W_OK) }

// lockFile holds an exclusive lock on path (created if need be) until
// unlock is called: treads sharing a library take it around each journal
// append and compaction, so a compaction never drops another's line.
func lockFile(path string) (unlock func() error, err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX); err != nil {
		return nil, errors.Join(err, f.Close())
	}
	return f.Close, nil // closing the file releases the lock
}
