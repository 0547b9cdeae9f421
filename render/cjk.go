package render

import (
	"strings"
	"unicode/utf8"
)

// breakMark is a zero-width place where glamour may wrap a line. Chinese
// and Japanese put no spaces between words, so glamour's word wrap sees a
// paragraph as one long word: it hard-wraps it, but first pushes it whole
// onto a new line, leaving a heading's "#" or a list's bullet alone on the
// line above. U+2028 (line separator) is Unicode white space, so the
// wrapper breaks at it, yet has no width, so lines still fill to the edge;
// tidy removes it before output.
const breakMark = '\u2028'

// markBreaks puts a breakMark between adjacent CJK characters, except
// where line-breaking custom forbids a break: before closing punctuation
// and small kana, after opening brackets.
func markBreaks(md string) string {
	if !hasCJK(md) {
		return md
	}
	var b strings.Builder
	b.Grow(len(md) + len(md)/2)
	prev := rune(0)
	for _, r := range md {
		if isCJK(prev) && isCJK(r) && !strings.ContainsRune(noBreakAfter, prev) && !strings.ContainsRune(noBreakBefore, r) {
			b.WriteRune(breakMark)
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// noBreakBefore may not start a line; noBreakAfter may not end one.
const (
	noBreakBefore = "、。，．：；？！）」』】〕〉》〙〗’”ー・々〜…‥ゃゅょっぁぃぅぇぉゎャュョッァィゥェォヮヵヶ％，．：；？！）］｝"
	noBreakAfter  = "（「『【〔〈《〘〖‘“（［｛"
)

func hasCJK(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xe2 { // lead byte of U+2000 and above
			r, _ := utf8.DecodeRuneInString(s[i:])
			if isCJK(r) {
				return true
			}
		}
	}
	return false
}

// isCJK reports whether r is a Chinese or Japanese character or CJK
// punctuation, text that wraps between characters. Hangul is left out:
// Korean puts spaces between words.
func isCJK(r rune) bool {
	switch {
	case r < 0x2e80:
		return false
	case r <= 0x303f: // radicals, ideographic description, CJK punctuation
		return r != 0x3000 // the ideographic space is a space already
	case r <= 0x30ff: // hiragana, katakana
		return r >= 0x3040
	case r >= 0x3400 && r <= 0x4dbf, r >= 0x4e00 && r <= 0x9fff, r >= 0xf900 && r <= 0xfaff:
		return true
	case r >= 0xff01 && r <= 0xff60: // fullwidth forms
		return true
	case r >= 0x20000 && r <= 0x3ffff:
		return true
	}
	return false
}
