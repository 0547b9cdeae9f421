//go:build !unix

package bench

import "time"

// cpuTime is unknown off unix; the cpu-ns/page metric then reads 0.
func cpuTime() time.Duration { return 0 }
