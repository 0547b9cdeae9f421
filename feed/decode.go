package feed

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// DecodeText turns the bytes of a text file into a string. A UTF-8 BOM is
// dropped; a UTF-16 BOM (little or big endian) selects UTF-16, and so does
// BOM-less UTF-16 whose every other byte is zero. Anything that is not valid
// in its encoding becomes U+FFFD: text from the wild is often a little
// broken, and a reader should show the rest rather than refuse. Line ends
// (CRLF, lone CR) become LF.
func DecodeText(data []byte) string {
	var s string
	switch {
	case len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF:
		s = validUTF8(data[3:])
	case len(data) >= 2 && data[0] == 0xFF && data[1] == 0xFE:
		s = decodeUTF16(data[2:], false)
	case len(data) >= 2 && data[0] == 0xFE && data[1] == 0xFF:
		s = decodeUTF16(data[2:], true)
	default:
		if bigEndian, ok := sniffUTF16(data); ok {
			s = decodeUTF16(data, bigEndian)
		} else {
			s = validUTF8(data)
		}
	}
	return normalizeNewlines(s)
}

// validUTF8 replaces each invalid byte with U+FFFD, one for one, so the
// damage stays visible and in place.
func validUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	sb.Grow(len(b) + 16)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			sb.WriteRune(utf8.RuneError)
		} else {
			sb.Write(b[:n])
		}
		b = b[n:]
	}
	return sb.String()
}

func decodeUTF16(b []byte, bigEndian bool) string {
	units := make([]uint16, len(b)/2)
	for i := range units {
		if bigEndian {
			units[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			units[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	// utf16.Decode already turns unpaired surrogates into U+FFFD.
	s := string(utf16.Decode(units))
	if len(b)%2 == 1 {
		s += string(utf8.RuneError)
	}
	return s
}

// sniffUTF16 recognises BOM-less UTF-16 of mostly Latin text: one byte of
// each pair zero, the other not. Binary data rarely has that shape across a
// whole sample, and when it does the result is still checked for being text.
func sniffUTF16(b []byte) (bigEndian, ok bool) {
	n := min(len(b), 4096) &^ 1
	if n < 8 {
		return false, false
	}
	var zeroEven, zeroOdd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			zeroEven++
		}
		if b[i+1] == 0 {
			zeroOdd++
		}
	}
	pairs := n / 2
	switch {
	case zeroOdd*10 >= pairs*9 && zeroEven*10 <= pairs:
		return false, true
	case zeroEven*10 >= pairs*9 && zeroOdd*10 <= pairs:
		return true, true
	}
	return false, false
}

func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// looksBinary reports whether decoded text is really binary data: a NUL,
// or more than one rune in twenty being some other control character. Text
// in a legacy 8-bit encoding passes (it decodes to U+FFFD, but has no
// control bytes), as do the odd ESC or form feed that text files carry;
// display sanitizes those anyway.
func looksBinary(s string) bool {
	var total, bad int
	for _, r := range s {
		total++
		switch {
		case r == 0:
			return true
		case r == '\n' || r == '\t' || r == '\f' || r == '\v' || r == 0x1b:
		case r < 0x20 || r == 0x7f:
			bad++
		}
	}
	return bad*20 > total
}
