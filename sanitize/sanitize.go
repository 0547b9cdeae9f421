// Package sanitize makes document text safe to show in a terminal. Pages are
// hostile input: an escape sequence in a headline could set the window title,
// write the clipboard (OSC 52) or clear the screen. Everything that came from a
// document passes through Text before it is rendered anywhere.
package sanitize

import (
	"strings"
	"unicode/utf8"
)

// Text removes terminal control sequences and control characters from s:
// ESC-introduced sequences (CSI, OSC, DCS, SOS, PM, APC and two-byte escapes)
// are dropped whole, as are their 8-bit C1 forms; other C0 controls but
// newline and tab, DEL and C1 controls are dropped. CR is dropped too (CRLF
// becomes LF). Invalid UTF-8 becomes U+FFFD.
func Text(s string) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
			i++
		case r == 0x1b: // ESC
			i = skipEscape(s, i+1)
		case r == 0x9b: // C1 CSI
			i = skipCSI(s, i+size)
		case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // C1 OSC, DCS, SOS, PM, APC
			i = skipString(s, i+size)
		case r == '\n' || r == '\t':
			b.WriteRune(r)
			i += size
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			i += size
		default:
			b.WriteString(s[i : i+size])
			i += size
		}
	}
	return b.String()
}

// Line is Text for single-line fields (titles, sites, status text): newlines
// and tabs become spaces and runs of spaces collapse.
func Line(s string) string {
	return strings.Join(strings.Fields(Text(s)), " ")
}

// clean reports whether s needs no changes, the common case, so Text can
// return without allocating.
func clean(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || (r >= 0x80 && r < 0xa0) {
			return false
		}
		i += size
	}
	return true
}

// skipEscape skips the sequence after an ESC at s[i-1] and returns the index
// just past it.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	}
	// Two-byte escapes (ESC c, ESC 7…) and nF sequences (ESC ( B): skip
	// intermediates 0x20-0x2f, then one final byte.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipCSI skips parameter and intermediate bytes and the final byte of a
// control sequence.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		i++
		if c >= 0x40 && c <= 0x7e {
			return i
		}
		if c < 0x20 || c > 0x7e {
			// not a parameter or intermediate byte: the sequence is broken
			return i - 1
		}
	}
	return i
}

// skipString skips a control string (OSC, DCS…) up to and including its
// terminator: BEL, ESC \ or C1 ST. An unterminated string runs to the end of
// the line, so one stray OSC cannot swallow the rest of a document.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i + 1
		case s[i] == '\n':
			return i
		case strings.HasPrefix(s[i:], "\u009c"):
			return i + len("\u009c")
		}
		i++
	}
	return i
}
