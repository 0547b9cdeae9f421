// Package wordsplit splits the attribute values that name an element's role
// (class, id, aria-label…) into lower-case words, for the body finder
// (package extract) and the related-links finder (extract/related) alike.
package wordsplit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scanner walks the words of a string: runs of letters and digits,
// lower-cased, broken at anything else and at camelCase humps (an
// upper-case letter after a lower-case one or a digit), so "mostRead",
// "most-read" and "most_read" all give "most" and "read". It does not
// allocate unless a word has to be lower-cased.
//
//	for sc := wordsplit.New(class); sc.Next(); {
//		use(sc.Word(), sc.Joined())
//	}
type Scanner struct {
	s      string
	i      int  // where the next word may start
	hump   bool // the next word starts at a hump
	word   string
	joined bool
}

// New returns a Scanner over s.
func New(s string) Scanner { return Scanner{s: s} }

// Next moves to the next word and reports whether there is one.
func (sc *Scanner) Next() bool {
	s, i, joined := sc.s, sc.i, sc.hump
	for i < len(s) {
		r, n := runeAt(s, i)
		if isWord(r) {
			break
		}
		i += n
		joined = false
	}
	if i >= len(s) {
		sc.i = i
		return false
	}
	start := i
	var prev rune
	sc.hump = false
	for i < len(s) {
		r, n := runeAt(s, i)
		if !isWord(r) {
			break
		}
		if i > start && isUpper(r) && (isLower(prev) || isDigit(prev)) {
			sc.hump = true
			break
		}
		prev = r
		i += n
	}
	sc.i, sc.word, sc.joined = i, lower(s[start:i]), joined
	return true
}

// Word is the current word, lower-cased: a substring of the scanned
// string, or a new string when it had to be lower-cased.
func (sc *Scanner) Word() string { return sc.word }

// Joined reports that the current word follows the one before at a
// camelCase hump, with nothing between them ("mostRead" but not
// "most-read").
func (sc *Scanner) Joined() bool { return sc.joined }

func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
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
