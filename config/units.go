package config

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// ByteSize is a size in bytes. In the file it is an integer of bytes or a
// string with a binary unit: "512KB", "20MB", "1.5GB" (KB = 1024 bytes;
// KiB, MiB, GiB and K, M, G are accepted as the same units).
type ByteSize int64

// Size units, binary as tread counts them.
const (
	KB ByteSize = 1 << 10
	MB ByteSize = 1 << 20
	GB ByteSize = 1 << 30
)

// String is the size in the largest unit that divides it, e.g. "20MB".
func (b ByteSize) String() string {
	for _, u := range []struct {
		size ByteSize
		name string
	}{{GB, "GB"}, {MB, "MB"}, {KB, "KB"}} {
		if b != 0 && b%u.size == 0 {
			return strconv.FormatInt(int64(b/u.size), 10) + u.name
		}
	}
	return strconv.FormatInt(int64(b), 10) + "B"
}

// ParseByteSize reads "20MB", "512 KiB", "1.5G" or "1048576".
func ParseByteSize(s string) (ByteSize, error) {
	t := strings.TrimSpace(s)
	i := len(t)
	for i > 0 && (t[i-1] < '0' || t[i-1] > '9') && t[i-1] != '.' {
		i--
	}
	num, unit := strings.TrimSpace(t[:i]), strings.ToLower(strings.TrimSpace(t[i:]))
	mult := map[string]ByteSize{
		"": 1, "b": 1,
		"k": KB, "kb": KB, "kib": KB,
		"m": MB, "mb": MB, "mib": MB,
		"g": GB, "gb": GB, "gib": GB,
	}[unit]
	if mult == 0 {
		return 0, fmt.Errorf("unknown size unit %q in %q (use B, KB, MB or GB)", t[i:], s)
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, fmt.Errorf("invalid size %q (want e.g. \"20MB\")", s)
	}
	v := f * float64(mult)
	if v > math.MaxInt64/2 {
		return 0, fmt.Errorf("size %q is too large", s)
	}
	return ByteSize(math.Round(v)), nil
}

// PaneWidth is the list pane's width: a number of columns, or a percentage
// of the terminal's width when Percent is set. In the file it is an integer
// of columns (32) or a string ("32" or "40%").
type PaneWidth struct {
	N       int
	Percent bool
}

// String is the width as the file writes it: "40%" or "32".
func (p PaneWidth) String() string {
	if p.Percent {
		return strconv.Itoa(p.N) + "%"
	}
	return strconv.Itoa(p.N)
}

// Columns is the pane's width in columns for a terminal total columns wide.
func (p PaneWidth) Columns(total int) int {
	if p.Percent {
		return total * p.N / 100
	}
	return p.N
}

// Bounds on a list pane width, so the reader always keeps some room.
const (
	minPaneColumns = 10
	maxPaneColumns = 1000
	minPanePercent = 10
	maxPanePercent = 90
)

// ParsePaneWidth reads "40%" or "32".
func ParsePaneWidth(s string) (PaneWidth, error) {
	t := strings.TrimSpace(s)
	pct := strings.HasSuffix(t, "%")
	n, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(t, "%")))
	if err != nil {
		return PaneWidth{}, fmt.Errorf("invalid width %q (want columns like 32 or a percentage like \"40%%\")", s)
	}
	return checkPaneWidth(PaneWidth{N: n, Percent: pct})
}

func checkPaneWidth(p PaneWidth) (PaneWidth, error) {
	if p.Percent && (p.N < minPanePercent || p.N > maxPanePercent) {
		return PaneWidth{}, fmt.Errorf("%s is out of range (%d%% to %d%%)", p, minPanePercent, maxPanePercent)
	}
	if !p.Percent && (p.N < minPaneColumns || p.N > maxPaneColumns) {
		return PaneWidth{}, fmt.Errorf("%s columns is out of range (%d to %d)", p, minPaneColumns, maxPaneColumns)
	}
	return p, nil
}

// parseDuration reads a TOML value as a duration: a Go duration string
// ("30s", "1m30s") or an integer number of seconds.
func parseDuration(v any) (time.Duration, error) {
	switch v := v.(type) {
	case string:
		d, err := time.ParseDuration(strings.TrimSpace(v))
		if err != nil {
			return 0, fmt.Errorf("invalid duration %q (want e.g. \"30s\" or \"2m\")", v)
		}
		return d, nil
	case int64:
		if v > int64(math.MaxInt64/time.Second) || v < 0 {
			return 0, fmt.Errorf("duration %d seconds is out of range", v)
		}
		return time.Duration(v) * time.Second, nil
	}
	return 0, typeError("a duration such as \"30s\"", v)
}

// typeError says what the value should have been and what it was.
func typeError(want string, got any) error {
	return fmt.Errorf("want %s, not %s", want, tomlTypeName(got))
}

func tomlTypeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	case time.Time:
		return "a date"
	}
	return fmt.Sprintf("a %T", v)
}
