//go:build !unix

package library

import "os"

// accessW reports whether dir can be written; without access(2), by the
// folder's permission bits.
// Tests stand in for the system's answer.
var accessW = systemAccessW

func systemAccessW(dir string) error {
	fi, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if fi.Mode().Perm()&0o200 == 0 {
		return os.ErrPermission
	}
	return nil
}

// lockFile is a no-op without flock(2): treads sharing a library there
// may, rarely, lose a change made during another's journal compaction.
func lockFile(string) (func() error, error) { return func() error { return nil }, nil }
