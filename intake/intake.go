// Package intake decides, once for every source, what its bytes are: how
// big they may be, which text encoding they are in, and whether they are
// an HTML page, text or binary data. Files, standard input, fetched pages
// and saved copies all pass through it (package feed), so that extraction
// is handed UTF-8 it can trust.
package intake

import (
	"fmt"
	"strings"
)

// MaxSize is the largest source tread reads by default, in bytes: far
// above any saved article page.
const MaxSize = 20 << 20

// FormatSize is a byte count for messages, in the units the settings file
// uses (KB = 1024 bytes): "20MB", "1.5KB", "300 bytes".
func FormatSize(n int64) string {
	switch {
	case n >= 1<<20:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<20))) + "MB"
	case n >= 1<<10:
		return trimZero(fmt.Sprintf("%.1f", float64(n)/(1<<10))) + "KB"
	}
	return fmt.Sprintf("%d bytes", n)
}

func trimZero(s string) string { return strings.TrimSuffix(s, ".0") }
