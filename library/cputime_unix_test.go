//go:build unix

package library

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time this process has used, user and system: on a
// machine shared with other work, throughput per CPU-second is what a
// core of one's own would give.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
