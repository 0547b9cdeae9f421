package feed

import (
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

func TestDecodeText(t *testing.T) {
	const text = "Café on the pier\nCrêpes — 3 € each\n"
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"utf-8", []byte(text), text},
		{"utf-8 with BOM", append([]byte("\xef\xbb\xbf"), text...), text},
		{"CRLF", []byte(strings.ReplaceAll(text, "\n", "\r\n")), text},
		{"lone CR", []byte("a\rb\r\nc"), "a\nb\nc"},
		{"utf-16 LE with BOM", utf16Bytes(text, false, true), text},
		{"utf-16 BE with BOM", utf16Bytes(text, true, true), text},
		{"utf-16 LE CRLF", utf16Bytes(strings.ReplaceAll(text, "\n", "\r\n"), false, true), text},
		{"utf-16 LE without BOM", utf16Bytes("Weir gates replaced\n", false, false), "Weir gates replaced\n"},
		{"utf-16 BE without BOM", utf16Bytes("Weir gates replaced\n", true, false), "Weir gates replaced\n"},
		{"utf-16 odd trailing byte", append(utf16Bytes("ab", false, true), 'c'), "ab\ufffd"},
		{"utf-16 unpaired surrogate", []byte{0xff, 0xfe, 0x00, 0xd8, 'a', 0}, "\ufffda"},
		{"invalid bytes, one U+FFFD each", []byte("caf\xc3 \xff\xfe ok"), "caf\ufffd \ufffd\ufffd ok"},
		{"truncated rune at end", []byte("ok \xe2\x82"), "ok \ufffd\ufffd"},
		{"empty", nil, ""},
		{"BOM only", []byte("\xef\xbb\xbf"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DecodeText(tt.in); got != tt.want {
				t.Errorf("DecodeText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLooksBinary(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"prose", "Weir gates replaced.\n\tIndented line.\n", false},
		{"escape sequences in text", "Title \x1b]0;pwned\x07 and \x1b[2J more words here to dilute", false},
		{"legacy 8-bit text decoded", DecodeText([]byte("\xc0\xe1\xe2 \xe3\xe4\xe5 \xe6\xe7")), false},
		{"NUL", "text\x00text", true},
		{"control soup", strings.Repeat("a\x01\x02\x03b", 20), true},
		{"empty", "", false},
	}
	for _, tt := range tests {
		if got := looksBinary(tt.in); got != tt.want {
			t.Errorf("%s: looksBinary = %v, want %v", tt.name, got, tt.want)
		}
	}
}
