package intake

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

func TestText(t *testing.T) {
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
			if got := Text(tt.in, ""); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestIsBinary(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"prose", "Weir gates replaced.\n\tIndented line.\n", false},
		{"escape sequences in text", "Title \x1b]0;pwned\x07 and \x1b[2J more words here to dilute", false},
		{"legacy 8-bit text decoded", Text([]byte("\xc0\xe1\xe2 \xe3\xe4\xe5 \xe6\xe7"), ""), false},
		{"NUL", "text\x00text", true},
		{"control soup", strings.Repeat("a\x01\x02\x03b", 20), true},
		{"empty", "", false},
	}
	for _, tt := range tests {
		if got := IsBinary(tt.in); got != tt.want {
			t.Errorf("%s: IsBinary = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestTextCharset: a charset the server named decodes text that is not
// UTF-8; valid UTF-8 and unknown names are read as UTF-8.
func TestTextCharset(t *testing.T) {
	tests := []struct {
		label, in, want string
	}{
		{"ISO-8859-1", "caf\xe9", "café"},
		{"windows-1252", "\x93quoted\x94", "“quoted”"},
		{"Shift_JIS", "\x93\xfa\x96\x7b", "日本"},
		{"utf-8", "café", "café"},
		{"iso-8859-1", "café", "café"}, // mislabelled UTF-8
		{"", "caf\xc3\xa9", "café"},
		{"klingon", "qapla'", "qapla'"},
		{"klingon", "caf\xe9", "caf\ufffd"},
	}
	for _, tt := range tests {
		if got := Text([]byte(tt.in), tt.label); got != tt.want {
			t.Errorf("Text(%q, %q) = %q, want %q", tt.in, tt.label, got, tt.want)
		}
	}
}

func TestIsHTML(t *testing.T) {
	tests := []struct {
		name, mediaType, head string
		want                  bool
	}{
		{"a.html", "", "Weir gates", true},
		{"a.XHTML", "", "", true},
		{"a.txt", "", "<!doctype html>\n<html>", true},
		{"", "", "\n\n  <HTML lang=en>", true},
		{"", "", "\r\n<html>", true},
		{"", "", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", true},
		{"", "", "<?xml version=\"1.0\"?>\n<rss>", false},
		{"", "", "<!-- saved from url -->", true},
		{"", "", "<p>One paragraph</p>", true},
		{"", "", "<b>bold</b>", true},
		{"", "", "<bogus> is not a tag tread knows", false},
		{"", "", "Weir gates replaced\n\n<p> in a dump", false},
		{"", "", "<3 the weir", false},
		{"a.txt", "", "", false},
		{"", "text/html", "Warning: on line 3\n<!DOCTYPE html><html>", true},
		{"", "text/html", "%PDF-1.7\n<< /Type /Catalog >>", false},
		{"", "application/xhtml+xml", "<?xml version=\"1.0\"?><html>", true},
		{"", "text/plain", "Weir gates replaced\n\n<p> in a dump", false},
	}
	for _, tt := range tests {
		if got := IsHTML(tt.name, tt.mediaType, tt.head); got != tt.want {
			t.Errorf("IsHTML(%q, %q, %q) = %v, want %v", tt.name, tt.mediaType, tt.head, got, tt.want)
		}
	}
}

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
