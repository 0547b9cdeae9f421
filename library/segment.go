package library

import (
	"strings"
	"unicode"
)

// CJK text has no spaces between words, and SQLite's unicode61 tokenizer
// takes a whole run of Han, kana or Hangul as one token, so a word inside a
// sentence could never be found. segment spaces those characters apart
// before they are indexed, and a query's CJK words become phrases of single
// characters (see query.go): a word is found wherever its characters stand
// together. Measured against the trigram tokenizer on the corpus's Korean
// and Japanese pages (see TestCJKSearch), it finds the same pages, finds
// one- and two-character words that trigrams cannot, and keeps the index a
// third of the trigram one's size.

// isCJK reports whether r is written without spaces between words.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// sep stands either side of a CJK character in the index. unicode61 reads
// a control character as a separator, and document text has none left
// (segment removes any), so unsegment can take them all out of a snippet.
const sep = "\x1f"

// segment returns s with sep on each side of every CJK character.
// Other control characters become spaces too: search.go marks matches
// with two of them.
func segment(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	if !hasCJK(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for _, r := range s {
		if isCJK(r) {
			b.WriteString(sep)
			b.WriteRune(r)
			b.WriteString(sep)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func hasCJK(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 && isCJK(r) {
			return true
		}
	}
	return false
}

// unsegment undoes segment.
func unsegment(s string) string { return strings.ReplaceAll(s, sep, "") }
