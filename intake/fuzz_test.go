package intake

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDecode feeds arbitrary bytes and charset names through the decoders
// and the sniffers. Seeds live in testdata/fuzz/FuzzDecode. Whatever the
// input, the text is valid UTF-8, Text leaves no CR, and nothing panics.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("<!doctype html><p>café</p>"), "")
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"), "utf-16")
	f.Add([]byte("caf\xe9\r\n"), "iso-8859-1")
	f.Fuzz(func(t *testing.T, data []byte, label string) {
		text := Text(data, label)
		if !utf8.ValidString(text) || strings.ContainsRune(text, '\r') {
			t.Fatalf("Text(%q, %q) = %q: invalid UTF-8 or a CR", data, label, text)
		}
		if out := HTML(data, label); !utf8.Valid(out) {
			t.Fatalf("HTML(%q, %q) = %q: invalid UTF-8", data, label, out)
		}
		// The sniffers must not panic or hang on any text.
		_ = IsBinary(text)
		_ = IsHTML("", "text/html", text)
		_ = IsHTML("", "", text)
	})
}
