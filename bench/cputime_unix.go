//go:build unix

package bench

import (
	"syscall"
	"time"
)

// CPUTime is the CPU time this process has used, user and system, over all
// its threads: unlike wall time it hardly moves when other programs share
// the machine, and it still counts the garbage collector's background work.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
