package extract

import (
	"strings"
	"unicode/utf8"
)

// inline builds one block's text twice over: plain text for scoring and
// --json, and CommonMark for the reader. White space is collapsed the way a
// browser does: runs become one space, and a space is only written once a
// visible character follows it, so inline elements neither lose nor invent
// spaces. Emphasis and link openers wait for the first visible character,
// so "<b> word</b>" becomes " **word**" rather than "** word**".
type inline struct {
	text    []byte
	md      []byte
	space   bool   // a space is pending
	pending []byte // markdown openers waiting for a visible character
	raw     int    // inside inline code: no escaping
	lineEnd bool   // the last thing written was a line break
}

func (b *inline) reset() {
	b.text, b.md, b.pending = b.text[:0], b.md[:0], b.pending[:0]
	b.space, b.raw, b.lineEnd = false, 0, false
}

func (b *inline) empty() bool { return len(b.text) == 0 }

// write adds text from the page, collapsing white space.
func (b *inline) write(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' {
				b.space = true
				i++
				continue
			}
			b.visible()
			b.text = append(b.text, c)
			b.escape(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\u00ad', '\u200b', '\ufeff', '\u200e', '\u200f':
			// soft hyphens and invisible marks: not part of the words
		case '\u00a0', '\u2009', '\u202f', '\u2002', '\u2003', '\u3000':
			b.space = true
		default:
			b.visible()
			b.text = append(b.text, s[i:i+n]...)
			b.md = append(b.md, s[i:i+n]...)
		}
		i += n
	}
}

// visible is called before a visible character: it writes the pending
// space and openers.
func (b *inline) visible() {
	if b.space && len(b.text) > 0 && !b.lineEnd {
		b.text = append(b.text, ' ')
		b.md = append(b.md, ' ')
	}
	b.space = false
	b.lineEnd = false
	if len(b.pending) > 0 {
		b.md = append(b.md, b.pending...)
		b.pending = b.pending[:0]
	}
}

// escape writes c to the markdown, escaped where CommonMark would read it
// as syntax.
func (b *inline) escape(c byte) {
	if b.raw > 0 {
		b.md = append(b.md, c)
		return
	}
	switch c {
	case '\\', '*', '_', '`', '[', ']', '<', '>', '|':
		b.md = append(b.md, '\\', c)
		return
	case '#', '+', '-', '=':
		if b.atLineStart() {
			b.md = append(b.md, '\\', c)
			return
		}
	case '.', ')':
		if b.afterLeadingDigits() {
			b.md = append(b.md, '\\', c)
			return
		}
	}
	b.md = append(b.md, c)
}

func (b *inline) atLineStart() bool {
	return len(b.md) == 0 || b.md[len(b.md)-1] == '\n'
}

// afterLeadingDigits reports whether the current line so far is only
// digits, so a following "." or ")" would start an ordered list.
func (b *inline) afterLeadingDigits() bool {
	i := len(b.md) - 1
	for i >= 0 && b.md[i] >= '0' && b.md[i] <= '9' {
		i--
	}
	return i < len(b.md)-1 && (i < 0 || b.md[i] == '\n')
}

// open starts a markdown span (emphasis, link); it is written only if a
// visible character follows.
func (b *inline) open(marker string) int {
	b.pending = append(b.pending, marker...)
	return len(b.md)
}

// close ends a span opened at mark. An empty span leaves no trace.
func (b *inline) close(opener, closer string, mark int) {
	if len(b.md) == mark {
		// Nothing visible since open: the opener is still pending.
		if p := len(b.pending) - len(opener); p >= 0 && string(b.pending[p:]) == opener {
			b.pending = b.pending[:p]
		}
		return
	}
	b.md = append(b.md, closer...)
}

// lineBreak handles <br>.
func (b *inline) lineBreak() {
	if len(b.text) == 0 || b.lineEnd {
		return
	}
	b.text = append(b.text, '\n')
	b.md = append(b.md, '\\', '\n')
	b.space = false
	b.lineEnd = true
}

// plain returns the plain text, trimmed.
func (b *inline) plain() string {
	return strings.TrimSpace(string(b.text))
}

// markdown returns the markdown, trimmed, with a trailing hard break
// removed.
func (b *inline) markdown() string {
	md := strings.TrimSpace(string(b.md))
	for strings.HasSuffix(md, "\\") && !strings.HasSuffix(md, "\\\\") {
		md = strings.TrimSpace(strings.TrimSuffix(md, "\\"))
	}
	return md
}
