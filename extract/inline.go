package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// inline builds one block's text twice over: plain text for scoring and
// --json, and the same text as a story.Inline tree that keeps emphasis,
// code and links as data for render to write. White space is collapsed the
// way a browser does: runs become one space, and a space is only written
// once a visible character follows it, so inline elements neither lose nor
// invent spaces. Emphasis and link elements wait for the first visible
// character, so "<b> word</b>" keeps its space outside the bold; a <br>
// waits the same way, so it never ends a span or a block.
//
// No markdown is written here: page text stays text, whatever it holds.
type inline struct {
	text  []byte
	spans []span         // open spans, innermost last
	stack []story.Inline // the placed spans' elements; stack[0] is the root
	leaf  int            // where in text the text not yet in the tree starts
	links []story.Link
	space bool // a space is pending
	brk   bool // a hard line break is pending

	tagLinks, tagChars int // links to tag and category pages, and their text's length
}

// span is an open emphasis, link or code element.
type span struct {
	style  story.Style
	url    string // a link's target
	placed bool   // a visible character came: its element is on the stack
	noop   bool   // an emphasis already open outside it
	start  int    // where in text its content starts, once placed
}

func (b *inline) reset() {
	b.text, b.spans, b.stack, b.links = b.text[:0], b.spans[:0], b.stack[:0], nil
	b.leaf, b.space, b.brk = 0, false, false
	b.tagLinks, b.tagChars = 0, 0
}

func (b *inline) empty() bool { return len(b.text) == 0 }

// write adds text from the page, collapsing white space. Terminal control
// sequences are removed whole first (sanitize.Text), so what is left of one
// can never read as text or as markup.
func (b *inline) write(s string) {
	if sanitize.NeedsText(s) {
		s = sanitize.Text(strings.NewReplacer("\r", " ", "\f", " ").Replace(s))
	}
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
		}
		i += n
	}
}

// visible is called before a visible character: it writes the pending
// break or space, then places the pending elements.
func (b *inline) visible() {
	switch {
	case b.brk && len(b.text) > 0:
		b.text = append(b.text, '\n')
	case b.space && len(b.text) > 0:
		b.text = append(b.text, ' ')
	}
	b.space, b.brk = false, false
	for k := range b.spans {
		sp := &b.spans[k]
		if sp.placed || sp.noop {
			continue
		}
		b.push(sp)
	}
}

// push places span sp: its element goes on the stack.
func (b *inline) push(sp *span) {
	if len(b.stack) == 0 {
		b.stack = append(b.stack, story.Inline{})
	}
	b.flushLeaf()
	el := story.Inline{Style: sp.style}
	if sp.url != "" {
		b.links = append(b.links, story.Link{URL: sp.url})
		el.Link = len(b.links)
	}
	b.stack = append(b.stack, el)
	sp.placed, sp.start = true, len(b.text)
}

// flushLeaf moves the text written since the last element began or ended
// into the innermost element.
func (b *inline) flushLeaf() {
	if b.leaf < len(b.text) && len(b.stack) > 0 {
		top := &b.stack[len(b.stack)-1]
		top.Kids = append(top.Kids, story.Inline{Text: string(b.text[b.leaf:])})
	}
	b.leaf = len(b.text)
}

// open starts an emphasis or code element; it is placed only if a visible
// character follows. A style already open is not opened again:
// "<i><em>x</em></i>" is one emphasis, not two, which would read as bold.
// So the tree is at most one level deep per style and link.
func (b *inline) open(style story.Style) {
	noop := false
	for _, sp := range b.spans {
		if sp.style == style && sp.url == "" {
			noop = true
		}
	}
	b.spans = append(b.spans, span{style: style, noop: noop})
}

// openLink starts a link to url.
func (b *inline) openLink(url string) {
	b.spans = append(b.spans, span{url: url})
}

// close ends the innermost open element. One with nothing visible in it
// leaves no trace.
func (b *inline) close() {
	if len(b.spans) == 0 {
		return
	}
	sp := b.spans[len(b.spans)-1]
	b.spans = b.spans[:len(b.spans)-1]
	if !sp.placed {
		return
	}
	b.flushLeaf()
	el := b.stack[len(b.stack)-1]
	b.stack = b.stack[:len(b.stack)-1]
	if el.Link > 0 {
		b.links[el.Link-1].Text = strings.TrimSpace(string(b.text[sp.start:]))
	}
	top := &b.stack[len(b.stack)-1]
	top.Kids = append(top.Kids, el)
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

// tree returns the content as an inline tree, closing what is still open,
// and the links it refers to.
func (b *inline) tree() (story.Inline, []story.Link) {
	for len(b.spans) > 0 {
		b.close()
	}
	if len(b.stack) == 0 {
		return story.Inline{Text: b.plain()}, nil
	}
	b.flushLeaf()
	return b.stack[0], b.links
}

// relink shifts the link numbers in in by offset, for content whose links
// join a block's list after others.
func relink(in story.Inline, offset int) story.Inline {
	if offset == 0 {
		return in
	}
	if in.Link > 0 {
		in.Link += offset
	}
	if len(in.Kids) > 0 {
		kids := make([]story.Inline, len(in.Kids))
		for k, c := range in.Kids {
			kids[k] = relink(c, offset)
		}
		in.Kids = kids
	}
	return in
}
