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
// so "<b> word</b>" becomes " **word**" rather than "** word**"; a <br>
// waits the same way, so it never ends a span or a block.
//
// The markdown is kept as escaped text plus markup tokens placed between
// its bytes, so that emphasis can be checked against CommonMark's flanking
// rules once the whole block is known (see fixEmphasis).
type inline struct {
	text   []byte
	md     []byte  // escaped text, without markup
	toks   []token // markup, in output order
	spans  []span  // open spans, innermost last
	space  bool    // a space is pending
	brk    bool    // a hard line break is pending
	raw    int     // inside inline code: no escaping
	lineAt int     // offset in md where the current line starts

	tagLinks, tagChars int // links to tag and category pages, and their text's length
}

// span is an open emphasis, link or code span.
type span struct {
	open string
	kind tokKind
	tok  int // index of its opener in toks; -1 until a visible character places it
	noop bool
}

type tokKind uint8

const (
	tEmOpen tokKind = iota
	tEmClose
	tLinkOpen
	tLinkClose
	tCode
	tBreak
)

// token is markup written before md[pos].
type token struct {
	pos  int
	s    string
	kind tokKind
	pair int // the other end of a span; -1 for breaks
	dead bool
}

func (b *inline) reset() {
	b.text, b.md, b.toks, b.spans = b.text[:0], b.md[:0], b.toks[:0], b.spans[:0]
	b.space, b.brk, b.raw, b.lineAt = false, false, 0, 0
	b.tagLinks, b.tagChars = 0, 0
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
		case '\u00ad', '\u200b', '\ufeff', '\u200e', '\u200f', '\u2060':
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
// break or space, then the pending openers.
func (b *inline) visible() {
	switch {
	case b.brk && len(b.text) > 0:
		b.text = append(b.text, '\n')
		b.breakEmphasis()
		b.toks = append(b.toks, token{pos: len(b.md), s: "\\\n", kind: tBreak, pair: -1})
		b.lineAt = len(b.md)
	case b.space && len(b.text) > 0:
		b.text = append(b.text, ' ')
		b.md = append(b.md, ' ')
	}
	b.space, b.brk = false, false
	for k := range b.spans {
		sp := &b.spans[k]
		if sp.tok >= 0 || sp.noop {
			continue
		}
		sp.tok = len(b.toks)
		b.toks = append(b.toks, token{pos: len(b.md), s: sp.open, kind: sp.kind, pair: -1})
	}
}

// breakEmphasis closes the emphasis open at a hard line break so that it
// reopens on the next line: the reader sets each line of a caption in
// italics of its own, and a span running over the break would leave its
// delimiters unpaired there. It stops at an open link, which may span a
// break and can't be closed inside its text.
func (b *inline) breakEmphasis() {
	k := len(b.spans) - 1
	for ; k >= 0; k-- {
		sp := &b.spans[k]
		if sp.kind != tEmOpen {
			break
		}
		if sp.tok < 0 || sp.noop {
			continue
		}
		b.toks[sp.tok].pair = len(b.toks)
		b.toks = append(b.toks, token{pos: len(b.md), s: sp.open, kind: tEmClose, pair: sp.tok})
		sp.tok = -1 // placed again after the break
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
	case '\\', '*', '_', '`', '[', ']', '<', '>', '|', '~':
		b.md = append(b.md, '\\', c)
		return
	case '#', '+', '-', '=':
		if len(b.md) == b.lineAt {
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

// afterLeadingDigits reports whether the current line so far is only
// digits, so a following "." or ")" would start an ordered list.
func (b *inline) afterLeadingDigits() bool {
	if len(b.md) == b.lineAt {
		return false
	}
	for _, c := range b.md[b.lineAt:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Markers for open.
const (
	mEm     = "*"
	mStrong = "**"
	mStrike = "~~"
	mLink   = "["
	mCode   = "`"
)

// open starts a span (emphasis, link, code); its opener is written only if
// a visible character follows. An emphasis already open is not opened
// again: "<i><em>x</em></i>" is *x*, not **x**, which would read as bold.
func (b *inline) open(marker string) {
	kind := tEmOpen
	switch marker {
	case mLink:
		kind = tLinkOpen
	case mCode:
		kind = tCode
	}
	noop := false
	if kind == tEmOpen {
		for _, sp := range b.spans {
			if sp.open == marker {
				noop = true
			}
		}
	}
	b.spans = append(b.spans, span{open: marker, kind: kind, tok: -1, noop: noop})
}

// close ends the innermost open span with closer. A span with nothing
// visible in it leaves no trace.
func (b *inline) close(closer string) {
	if len(b.spans) == 0 {
		return
	}
	sp := b.spans[len(b.spans)-1]
	b.spans = b.spans[:len(b.spans)-1]
	if sp.tok < 0 || sp.noop {
		return
	}
	kind := tEmClose
	switch sp.kind {
	case tLinkOpen:
		kind = tLinkClose
	case tCode:
		kind = tCode
		closer = b.codeFence(sp.tok)
	}
	b.toks[sp.tok].pair = len(b.toks)
	b.toks = append(b.toks, token{pos: len(b.md), s: closer, kind: kind, pair: sp.tok})
}

// codeFence picks backticks for a code span that are longer than any run
// inside it, padding the content with spaces where it starts or ends with
// a backtick.
func (b *inline) codeFence(open int) string {
	content := b.md[b.toks[open].pos:]
	fence := strings.Repeat("`", longestRun(string(content), '`')+1)
	if len(content) > 0 && (content[0] == '`' || content[len(content)-1] == '`') {
		b.toks[open].s = fence + " "
		return " " + fence
	}
	b.toks[open].s = fence
	return fence
}

// lineBreak handles <br>: the break is written before the next visible
// character, if any comes.
func (b *inline) lineBreak() {
	if len(b.text) == 0 {
		return
	}
	b.brk = true
}

// plain returns the plain text, trimmed.
func (b *inline) plain() string {
	return strings.TrimSpace(string(b.text))
}

// markdown returns the markdown, trimmed, with emphasis CommonMark can't
// pair fixed or dropped.
func (b *inline) markdown() string {
	if len(b.toks) == 0 {
		return strings.TrimSpace(string(b.md))
	}
	b.fixEmphasis()
	var out strings.Builder
	out.Grow(len(b.md) + 16*len(b.toks))
	last := 0
	for _, t := range b.toks {
		if t.dead || t.pair < 0 && t.kind != tBreak {
			continue
		}
		out.Write(b.md[last:t.pos])
		out.WriteString(t.s)
		last = t.pos
	}
	out.Write(b.md[last:])
	return strings.TrimSpace(out.String())
}
