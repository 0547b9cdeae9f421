package fetch

import "testing"

func TestFormatSize(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0 bytes", 1023: "1023 bytes", 1024: "1KB", 1536: "1.5KB",
		20 << 20: "20MB", 20<<20 + 1: "20MB", 21<<20 + 3<<18: "21.8MB",
	} {
		if got := FormatSize(n); got != want {
			t.Errorf("FormatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
