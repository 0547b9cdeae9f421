//go:build !unix

package library

import "time"

// cpuTime is unknown here; the per-CPU-second figure is then left out.
func cpuTime() time.Duration { return 0 }
