// Package sanitize makes document text safe to show in a terminal. Pages are
// hostile input: an escape sequence in a headline could set the window title,
// write the clipboard (OSC 52) or clear the screen, and a bidi override could
// make a line read other than it is. Everything that came from a document
// passes through Text (or Line) before it is rendered anywhere; extraction
// runs page text through it before anything else sees it.
package sanitize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text removes terminal control sequences and control characters from s:
// ESC-introduced sequences (CSI, OSC, DCS, SOS, PM, APC and two-byte escapes)
// are dropped whole, as are their 8-bit C1 forms; other C0 controls but
// newline and tab, DEL and C1 controls are dropped. CR is dropped too (CRLF
// becomes LF). Invalid UTF-8 becomes U+FFFD.
//
// Invisible format characters go too: bidi embeddings, overrides, isolates
// and marks (U+202A-202E, U+2066-2069, U+200E, U+200F, U+061C), which can
// make a line display in another order than it reads, and zero-width
// spaces (U+200B, U+2060, U+FEFF). The zero-width joiner and non-joiner
// (U+200D, U+200C) are kept between two visible characters, where they
// shape Persian and Indic words and join emoji (render splits emoji
// sequences for the terminal's sake), and dropped elsewhere.
func Text(s string) string {
	if !NeedsText(s) {
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
		case (r == 0x9b || r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f) && mojibake(b.String()):
			i += size // a UTF-8 byte read as Latin-1, not a control: drop it alone
		case r == 0x9b: // C1 CSI
			i = skipCSI(s, i+size)
		case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // C1 OSC, DCS, SOS, PM, APC
			i = skipString(s, i+size)
		case r == '\n' || r == '\t':
			b.WriteRune(r)
			i += size
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || invisible(r):
			i += size
		case r == zwj || r == zwnj:
			if joins(s, i, size, b.String()) {
				b.WriteRune(r)
			}
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

// mojibake reports whether a C1 character written after out is a stray
// byte of UTF-8 mis-decoded ("â\u0080\u009d" or "â€\u009d" for "”")
// rather than the start of a control sequence: the last character kept is
// not ASCII, as the lead byte of such a character reads in Latin-1 or
// Windows-1252. Dropped alone it cannot start anything, and a
// whole-sequence skip would eat the text up to the next mis-decoded quote.
func mojibake(out string) bool {
	r, _ := utf8.DecodeLastRuneInString(out)
	return r >= utf8.RuneSelf && r != utf8.RuneError
}

// Joiners: kept inside words and emoji sequences only.
const (
	zwnj = '\u200c'
	zwj  = '\u200d'
)

// invisible reports whether r is a bidi control or a zero-width space.
func invisible(r rune) bool {
	switch {
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	switch r {
	case 0x200b, 0x200e, 0x200f, 0x061c, 0x2060, 0xfeff:
		return true
	}
	return false
}

// joins reports whether the joiner at s[i:i+size] stands between two
// visible characters: the last one written to out and the next one in s.
func joins(s string, i, size int, out string) bool {
	prev, _ := utf8.DecodeLastRuneInString(out)
	next, _ := utf8.DecodeRuneInString(s[i+size:])
	return visible(prev) && visible(next)
}

func visible(r rune) bool {
	return r > ' ' && r != utf8.RuneError && r != 0x7f && !(r >= 0x80 && r <= 0xa0) &&
		!invisible(r) && r != zwj && r != zwnj && !unicode.IsSpace(r)
}

// NeedsText reports whether Text would change s. Most text needs nothing,
// so callers (and Text itself) can skip the work without allocating.
func NeedsText(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || (r >= 0x80 && r < 0xa0) || invisible(r) || r == zwj || r == zwnj {
			return true
		}
		i += size
	}
	return false
}

// maxUnterminated bounds what a string sequence with no terminator on its
// line takes with it: at most this many bytes after its introducer. A
// string sequence (OSC, DCS, SOS, PM, APC) ends at its terminator, which
// may be far away: BEL, ST (ESC \ or U+009C), CAN or SUB (which abort it),
// or an ESC or C1 control that starts the next sequence. It never runs past
// a newline: a terminal would swallow the text up to a terminator however
// far, but here a stray "ESC ]" with none before the line ends keeps the
// text after its first maxUnterminated bytes, so it cannot hide the rest of
// a paragraph (HTML paragraphs are one line), while a payload as long as a
// window title or a link address still goes whole.
const maxUnterminated = 128

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
	// intermediates 0x20-0x2f, then one final byte. Anything else (a C0
	// control, another ESC, a letter of another script) is not part of the
	// escape and is left to the caller.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipCSI skips the parameter and intermediate bytes and the final byte of
// a control sequence, as a terminal parses one: CAN and SUB abort it (and
// go with it), an ESC or a C1 control ends it and starts the next, other C0
// controls and DEL inside it are passed over (a terminal executes or
// ignores them and goes on), a newline ends it before the newline, and any
// other byte (non-ASCII text) ends it before that byte.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		switch {
		case c >= 0x40 && c <= 0x7e:
			return i + 1
		case c >= 0x20 && c <= 0x3f:
			i++
		case c == 0x18 || c == 0x1a:
			return i + 1
		case c == 0x1b || c == '\n' || c >= 0x80:
			return i
		default: // other C0 controls, DEL
			i++
		}
	}
	return i
}

// skipString skips a control string (OSC, DCS, SOS, PM, APC) that starts
// at s[i], after its introducer, and returns the index just past it; see
// maxUnterminated for where one ends.
func skipString(s string, i int) int {
	start := i
	for i < len(s) {
		c := s[i]
		switch {
		case c == 0x07 || c == 0x18 || c == 0x1a: // BEL ends it, CAN and SUB abort it
			return i + 1
		case c == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2 // ST
			}
			return i // the next sequence starts here
		case c == '\n':
			return unterminated(s, start, i)
		case c == 0xc2 && i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] < 0xa0: // a C1 control
			if s[i+1] == 0x9c {
				return i + 2 // ST
			}
			return i // it ends the string; the caller reads it
		}
		i++
	}
	return unterminated(s, start, i)
}

// unterminated is where a string sequence starting at s[start] ends when
// nothing ends it before s[end] (a newline or the end of s): at end, or
// after maxUnterminated bytes, at a character boundary, if that is sooner.
func unterminated(s string, start, end int) int {
	if end-start <= maxUnterminated {
		return end
	}
	i := start + maxUnterminated
	for i > start && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}
