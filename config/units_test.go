package config

import (
	"strings"
	"testing"
)

func TestParseByteSize(t *testing.T) {
	tests := []struct {
		in   string
		want ByteSize
		err  string
	}{
		{"20MB", 20 << 20, ""},
		{"20 MiB", 20 << 20, ""},
		{"512kb", 512 << 10, ""},
		{"1.5G", 3 << 29, ""},
		{"1048576", 1 << 20, ""},
		{"100B", 100, ""},
		{" 2 M ", 2 << 20, ""},
		{"20XB", 0, "unknown size unit"},
		{"MB", 0, "invalid size"},
		{"-5MB", 0, "invalid size"},
		{"1e400", 0, "invalid size"},
		{"9999999999999GB", 0, "too large"},
		{"", 0, "invalid size"},
	}
	for _, tt := range tests {
		got, err := ParseByteSize(tt.in)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseByteSize(%q) = %d, %v; want error with %q", tt.in, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseByteSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestByteSizeString(t *testing.T) {
	for b, want := range map[ByteSize]string{
		20 << 20: "20MB", 1 << 30: "1GB", 1536: "1536B", 3 << 10: "3KB", 1000: "1000B", 0: "0B",
	} {
		if got := b.String(); got != want {
			t.Errorf("ByteSize(%d).String() = %q, want %q", int64(b), got, want)
		}
		if back, err := ParseByteSize(b.String()); err != nil || back != b {
			t.Errorf("ParseByteSize(%q) = %d, %v; want %d", b.String(), back, err, int64(b))
		}
	}
}

func TestParsePaneWidth(t *testing.T) {
	tests := []struct {
		in   string
		want PaneWidth
		ok   bool
	}{
		{"40%", PaneWidth{40, true}, true},
		{" 32 ", PaneWidth{32, false}, true},
		{"10%", PaneWidth{10, true}, true},
		{"90 %", PaneWidth{90, true}, true},
		{"9%", PaneWidth{}, false},
		{"91%", PaneWidth{}, false},
		{"9", PaneWidth{}, false},
		{"1001", PaneWidth{}, false},
		{"%", PaneWidth{}, false},
		{"4O%", PaneWidth{}, false},
	}
	for _, tt := range tests {
		got, err := ParsePaneWidth(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParsePaneWidth(%q) = %+v, %v; want %+v ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	if got := (PaneWidth{40, true}).Columns(101); got != 40 {
		t.Errorf("40%% of 101 = %d, want 40", got)
	}
}
