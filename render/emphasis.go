package render

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Emphasis in CommonMark only works where its delimiters are flanking: an
// opener must not be followed by white space, nor by punctuation unless
// white space or punctuation comes before it; a closer mirrors that. Pages
// break these rules all the time ("<em>produced by </em><a>The Report</a>
// <em>, a nonprofit</em>"), and a delimiter that can't pair is shown as a
// stray asterisk. fixEmphasis checks every emphasis span of a block and
// moves punctuation out of it, or drops the emphasis, until each one pairs.
//
// The reader rewrites each link as its text and a number ("The Report[3]"
// and a zero-width mark), so the check is made twice: once on the markdown
// as written and once as the reader will see it.

type charClass uint8

const (
	cSpace charClass = iota
	cPunct
	cWord
)

// maxScan bounds how many tokens at one place a neighbour search looks at.
const maxScan = 32

// fixEmphasis merges touching spans of the same emphasis, drops empty ones
// and repairs or drops the ones that could not pair.
func (b *inline) fixEmphasis() {
	for round := 0; round < 3; round++ {
		changed := b.mergeTouching()
		for k := range b.toks {
			t := &b.toks[k]
			if t.dead || t.kind != tEmOpen || t.pair < 0 {
				continue
			}
			c := t.pair
			switch {
			case !hasLetterOrDigit(b.md[t.pos:b.toks[c].pos]):
				b.kill(k)
				changed = true
			case !b.openerOK(k):
				if round == 2 || !b.moveOpener(k) {
					b.kill(k)
				}
				changed = true
			case !b.closerOK(c):
				if round == 2 || !b.moveCloser(c) {
					b.kill(k)
				}
				changed = true
			}
		}
		if !changed {
			return
		}
	}
}

// kill drops an emphasis span, both ends.
func (b *inline) kill(k int) {
	b.toks[k].dead = true
	if p := b.toks[k].pair; p >= 0 {
		b.toks[p].dead = true
	}
}

// live reports whether token j is written out.
func (b *inline) live(j int) bool {
	t := &b.toks[j]
	return !t.dead && (t.pair >= 0 || t.kind == tBreak)
}

// mergeTouching joins "*a**b*" into "*ab*": a closer followed at once by
// an opener of the same emphasis would make one delimiter run that pairs
// with neither. Touching spans of different strength (*a***b**) drop the
// second one's emphasis.
func (b *inline) mergeTouching() bool {
	changed := false
	for c := range b.toks {
		if !b.live(c) || b.toks[c].kind != tEmClose {
			continue
		}
		link := false
		for j, n := c+1, 0; j < len(b.toks) && n < maxScan; j, n = j+1, n+1 {
			if !b.live(j) {
				continue
			}
			o := &b.toks[j]
			if o.pos != b.toks[c].pos {
				break
			}
			if o.kind == tLinkOpen {
				link = true // it vanishes when the reader numbers links
				continue
			}
			if o.kind != tEmOpen || o.s[0] != b.toks[c].s[0] {
				break
			}
			if o.s == b.toks[c].s && !link {
				first, second := b.toks[c].pair, o.pair
				b.toks[c].dead, o.dead = true, true
				b.toks[first].pair, b.toks[second].pair = second, first
			} else {
				b.kill(j)
			}
			changed = true
			break
		}
	}
	return changed
}

// openerOK reports whether the opener k can open, as written and as read.
func (b *inline) openerOK(k int) bool {
	for _, numbered := range []bool{false, true} {
		p, n := b.before(k, numbered), b.after(k, numbered)
		if n == cSpace || n == cPunct && p == cWord {
			return false
		}
	}
	return true
}

// closerOK reports whether the closer k can close, as written and as read.
func (b *inline) closerOK(k int) bool {
	for _, numbered := range []bool{false, true} {
		p, n := b.before(k, numbered), b.after(k, numbered)
		if p == cSpace || p == cPunct && n == cWord {
			return false
		}
	}
	return true
}

// before classifies what comes just before token k. Delimiters of the
// same emphasis character belong to k's own run and are looked through.
func (b *inline) before(k int, numbered bool) charClass {
	t := &b.toks[k]
	for j, n := k-1, 0; j >= 0 && n < maxScan; j, n = j-1, n+1 {
		if !b.live(j) {
			continue
		}
		o := &b.toks[j]
		if o.pos != t.pos {
			break
		}
		switch o.kind {
		case tEmOpen, tEmClose:
			if o.s[0] == t.s[0] {
				continue
			}
			return cPunct
		case tLinkOpen:
			if numbered {
				continue
			}
			return cPunct
		case tLinkClose:
			if numbered {
				return cWord // the number and its zero-width mark
			}
			return cPunct
		case tBreak:
			return cSpace
		}
		return cPunct
	}
	if t.pos == 0 {
		return cSpace
	}
	r, _ := utf8.DecodeLastRune(b.md[:t.pos])
	return classify(r)
}

// after classifies what comes just after token k.
func (b *inline) after(k int, numbered bool) charClass {
	t := &b.toks[k]
	for j, n := k+1, 0; j < len(b.toks) && n < maxScan; j, n = j+1, n+1 {
		if !b.live(j) {
			continue
		}
		o := &b.toks[j]
		if o.pos != t.pos {
			break
		}
		switch o.kind {
		case tEmOpen, tEmClose:
			if o.s[0] == t.s[0] {
				continue
			}
		case tLinkOpen:
			if numbered {
				continue
			}
		}
		return cPunct // "[", "](", "[3]", "`", "\" of a break
	}
	if t.pos >= len(b.md) {
		return cSpace
	}
	r, _ := utf8.DecodeRune(b.md[t.pos:])
	return classify(r)
}

// moveOpener moves opener k forward past the punctuation and spaces that
// start its span ("*, a nonprofit*" becomes ", *a nonprofit*"), and
// reports whether it now opens.
func (b *inline) moveOpener(k int) bool {
	t := &b.toks[k]
	end := b.toks[t.pair].pos
	for b.after(k, false) != cWord && b.textAfter(k) {
		size := escapedLen(b.md[t.pos:])
		if t.pos+size >= end {
			return false
		}
		t.pos += size
	}
	return b.openerOK(k)
}

// moveCloser moves closer k back past the punctuation and spaces that end
// its span ("*Sign up.*Now" becomes "*Sign up*.Now").
func (b *inline) moveCloser(k int) bool {
	t := &b.toks[k]
	start := b.toks[t.pair].pos
	for b.before(k, false) != cWord && b.textBefore(k) {
		size := escapedLenBefore(b.md[:t.pos])
		if t.pos-size <= start {
			return false
		}
		t.pos -= size
	}
	return b.closerOK(k)
}

// textAfter reports whether a character of text, not markup, follows
// token k.
func (b *inline) textAfter(k int) bool {
	t := &b.toks[k]
	if t.pos >= len(b.md) {
		return false
	}
	for j := k + 1; j < len(b.toks); j++ {
		if b.live(j) {
			return b.toks[j].pos != t.pos
		}
	}
	return true
}

// textBefore reports whether a character of text, not markup, precedes
// token k.
func (b *inline) textBefore(k int) bool {
	t := &b.toks[k]
	if t.pos == 0 {
		return false
	}
	for j := k - 1; j >= 0; j-- {
		if b.live(j) {
			return b.toks[j].pos != t.pos
		}
	}
	return true
}

// maxEntity is the longest entity escape writes, "&#126;", and then some.
const maxEntity = 8

// escapedLen is the length of the first character of md, counting a
// backslash escape as part of it.
func escapedLen(md []byte) int {
	if len(md) >= 2 && md[0] == '\\' {
		return 2
	}
	if len(md) > 0 && md[0] == '&' {
		if j := bytes.IndexByte(md[:min(len(md), maxEntity)], ';'); j > 0 {
			return j + 1
		}
	}
	_, n := utf8.DecodeRune(md)
	return max(n, 1)
}

// escapedLenBefore is the length of the last character of md, counting a
// backslash escape as part of it.
func escapedLenBefore(md []byte) int {
	if len(md) > 1 && md[len(md)-1] == ';' {
		if j := bytes.LastIndexByte(md[max(0, len(md)-maxEntity):len(md)-1], '&'); j >= 0 {
			return min(len(md), maxEntity) - j
		}
	}
	_, n := utf8.DecodeLastRune(md)
	n = max(n, 1)
	slashes := 0
	for i := len(md) - n - 1; i >= 0 && md[i] == '\\'; i-- {
		slashes++
	}
	if slashes%2 == 1 {
		return n + 1
	}
	return n
}

func classify(r rune) charClass {
	switch {
	case r == utf8.RuneError:
		return cPunct
	case unicode.IsSpace(r):
		return cSpace
	case r < utf8.RuneSelf:
		if c := byte(r); c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			return cWord
		}
		return cPunct
	case unicode.IsPunct(r) || unicode.IsSymbol(r):
		return cPunct
	}
	return cWord
}

func hasLetterOrDigit(md []byte) bool {
	for i := 0; i < len(md); {
		r, n := utf8.DecodeRune(md[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
		i += n
	}
	return false
}
