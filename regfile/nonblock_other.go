//go:build !unix

package regfile

// nonBlock is zero where the system has no O_NONBLOCK; the Stat before the
// open still refuses what is not a regular file.
const nonBlock = 0
