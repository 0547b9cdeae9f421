package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// saysAll reports whether a caption says what an alt text says, so that
// the picture needs only one of them (the caption, which usually carries
// the credit). They are compared loosely, as a reader would: words, not
// case or punctuation; a credit after the alt ("Photo: …", "© …") does
// not count; a word the caption spells a letter apart (a typo, "Weekes"
// for "Weeks") still matches; and four in five of the alt's words found
// in the caption is enough, since captions add a credit or a clause.
func saysAll(caption, alt string) bool {
	a := captionWords(dropCredit(alt))
	if len(a) == 0 {
		return false
	}
	c := captionWords(caption)
	found := 0
	for _, w := range a {
		for _, v := range c {
			if w == v || nearWord(w, v) {
				found++
				break
			}
		}
	}
	return found*5 >= len(a)*4
}

// creditMarks start the credit at the end of a picture's text.
var creditMarks = []string{"©", "(c)", "photo:", "photograph:", "photos:", "picture:", "image:", "credit:", "foto:", "source:"}

// dropCredit is s without a credit at its end.
func dropCredit(s string) string {
	low := strings.ToLower(s)
	if len(low) != len(s) { // lower case changed the length: no cut
		return s
	}
	cut := len(s)
	for _, m := range creditMarks {
		if k := strings.LastIndex(low, m); k > 0 && k < cut {
			cut = k
		}
	}
	return s[:cut]
}

// captionWords are the words of s in lower case, without punctuation.
func captionWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// nearWord reports whether two words of four letters or more are one
// letter apart: one added, dropped or changed.
func nearWord(a, b string) bool {
	if utf8.RuneCountInString(a) < 4 || utf8.RuneCountInString(b) < 4 {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	if len(ra)-len(rb) > 1 {
		return false
	}
	i := 0
	for i < len(rb) && ra[i] == rb[i] {
		i++
	}
	if i == len(rb) {
		return true
	}
	if len(ra) == len(rb) {
		return string(ra[i+1:]) == string(rb[min(i+1, len(rb)):])
	}
	return string(ra[i+1:]) == string(rb[i:])
}
