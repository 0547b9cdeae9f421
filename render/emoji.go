package render

import (
	"strings"
	"unicode/utf8"
)

// zwj is the zero-width joiner that glues emoji into one picture: woman,
// zwj, woman, zwj, girl draws one family.
const zwj = '\u200d'

// splitEmoji takes the joiners out of emoji sequences, so a family is
// drawn as its members side by side. Terminals disagree on joined emoji:
// some join them into one picture two columns wide (as lipgloss counts
// them), others draw every member, and tmux counts two columns while the
// terminal behind it draws six, so the rest of the line lands in the wrong
// place or is cut off. Apart, every terminal gives each member two columns.
// Joiners anywhere else (between letters of Indic and Arabic scripts, where
// they shape the text) are left alone.
func splitEmoji(s string) string {
	if !strings.ContainsRune(s, zwj) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	prev := rune(0)
	for i, r := range s {
		if r == zwj && joinsEmoji(prev) {
			if next, _ := utf8.DecodeRuneInString(s[i+len(string(zwj)):]); isPictograph(next) {
				continue
			}
		}
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// joinsEmoji reports whether r can end the emoji before a joiner: a
// pictograph, or the presentation selector or skin tone that follows one.
func joinsEmoji(r rune) bool {
	return r == '\ufe0f' || isPictograph(r)
}

// isPictograph reports whether r is in a block of emoji and pictographs:
// the blocks emoji sequences are made of (skin tones included), and the
// older symbols some of them use, such as ♀, ⚕ and ❤.
func isPictograph(r rune) bool {
	switch {
	case r >= 0x1f000 && r <= 0x1faff:
		return true
	case r >= 0x2190 && r <= 0x2bff: // arrows to miscellaneous symbols and arrows
		return true
	}
	return false
}
