//go:build unix

package regfile

import "syscall"

// nonBlock makes an open return at once whatever the file turns out to be;
// on a regular file it changes nothing.
const nonBlock = syscall.O_NONBLOCK
