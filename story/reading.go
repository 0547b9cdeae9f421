package story

import "unicode"

// Reading speeds: words a minute for text written with spaces, characters
// a minute for scripts written without them (Chinese, Japanese, Thai…).
const (
	WordsPerMinute = 230
	CharsPerMinute = 400
)

// ReadingMinutes estimates how long the body takes to read, rounded up to
// whole minutes: 0 for a story with no text.
func (s Story) ReadingMinutes() int {
	words, chars := Count(s.Text())
	if words == 0 && chars == 0 {
		return 0
	}
	// whole minutes, rounded up, from the two kinds of text together
	return (words*CharsPerMinute + chars*WordsPerMinute + WordsPerMinute*CharsPerMinute - 1) / (WordsPerMinute * CharsPerMinute)
}

// Count counts text as a reader reads it: words (runs between spaces
// that hold a letter or digit, so an address or "long-hyphenated" is
// one) and characters of scripts written without spaces.
func Count(text string) (words, chars int) {
	inWord := false
	for _, r := range text {
		switch {
		case Unspaced(r):
			chars++
			inWord = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if !inWord {
				words++
			}
			inWord = true
		case unicode.IsSpace(r):
			inWord = false
		}
	}
	return words, chars
}

// Unspaced reports whether r belongs to a script written without spaces
// between words (Han, kana, Thai…), where each character is read as about
// a word and any position may start one.
func Unspaced(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}
