//go:build !unix

package bench

import "time"

// CPUTime is unknown off unix: it reads 0, and so do the CPU metrics.
func CPUTime() time.Duration { return 0 }
