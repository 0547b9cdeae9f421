// Package wordsplit splits the attribute values that name an element's role
// (class, id, aria-label…) into lower-case words, for the body finder
// (package extract) and the related-links finder (extract/related) alike.
package wordsplit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Each calls yield with each word of s in order: a run of letters and
// digits, lower-cased, broken at anything else and at camelCase humps (an
// upper-case letter after a lower-case one or a digit), so "mostRead",
// "most-read" and "most_read" all give "most" and "read". joined reports
// that a word follows the one before at a hump, with nothing between
// them ("mostRead" but not "most-read"). Each stops when yield returns
// false. A word is a substring of s, or a new string when it had to be
// lower-cased; it does not allocate otherwise.
func Each(s string, yield func(w string, joined bool) bool) {
	start, joined := -1, false
	var prev rune
	for i, r := range s {
		switch {
		case !isWord(r):
			if start >= 0 && !yield(lower(s[start:i]), joined) {
				return
			}
			start, joined = -1, false
		case start < 0:
			start = i
		case isUpper(r) && (isLower(prev) || isDigit(prev)):
			if !yield(lower(s[start:i]), joined) {
				return
			}
			start, joined = i, true
		}
		prev = r
	}
	if start >= 0 {
		yield(lower(s[start:]), joined)
	}
}

func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isLower(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// lower lower-cases w, returning it as it is when it already is.
func lower(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
	}
	return w
}
