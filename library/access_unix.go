//go:build unix

package library

import "golang.org/x/sys/unix"

// accessW asks the system whether this process may create files in dir.
// Tests stand in for the system's answer.
var accessW = systemAccessW

func systemAccessW(dir string) error { return unix.Access(dir, unix.W_OK) }
