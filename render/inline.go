package render

import (
	"strings"
	"unicode/utf8"

	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// inline writes one block's inline content (a story.Inline tree) as
// CommonMark. This is the one place page text becomes markdown: each run of
// text is sanitized first and escaped after, so no page text can become
// syntax; only the tree's elements become emphasis, code and links, and a
// link only when its URL passes SafeURL.
//
// The markdown is kept as escaped text plus markup tokens placed between
// its bytes, so that emphasis can be checked against CommonMark's flanking
// rules once the whole block is known (see fixEmphasis). Elements wait for
// the first visible character, and so does a hard line break, the way the
// extractor placed them.
type inline struct {
	md     []byte  // escaped text, without markup
	toks   []token // markup, in output order
	spans  []span  // open spans, innermost last
	space  bool    // a space is pending
	brk    bool    // a hard line break is pending
	raw    int     // inside inline code: no escaping
	lineAt int     // offset in md where the current line starts
	links  *linker
}

// span is an open emphasis, link or code span.
type span struct {
	open string
	kind tokKind
	tok  int // index of its opener in toks; -1 until a visible character places it
	noop bool
	link story.Link // a link's target (a SafeURL) and text
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

// Markers for open.
const (
	mEm     = "*"
	mStrong = "**"
	mStrike = "~~"
	mLink   = "["
	mCode   = "`"
)

// markers are the markdown delimiters of each style.
var markers = [...]string{story.Italic: mEm, story.Bold: mStrong, story.Struck: mStrike, story.Mono: mCode}

// maxInlineDepth bounds the elements one block's content may nest: the
// extractor nests each style and a link at most once.
const maxInlineDepth = 16

// inlineMarkdown is the markdown of in, whose links are in links, trimmed.
func inlineMarkdown(in story.Inline, links []story.Link, l *linker) string {
	b := inline{links: l}
	b.node(in, links, 0)
	for len(b.spans) > 0 {
		b.close("")
	}
	return b.markdown()
}

// node writes one element of the tree and its children.
func (b *inline) node(in story.Inline, links []story.Link, depth int) {
	b.write(in.Text)
	if len(in.Kids) == 0 {
		return
	}
	open := ""
	if depth < maxInlineDepth {
		switch {
		case in.Link > 0 && in.Link <= len(links):
			if u := webURL(links[in.Link-1].URL); u != "" {
				open = mLink
				b.open(open)
				b.spans[len(b.spans)-1].link = story.Link{URL: u, Text: links[in.Link-1].Text}
				if b.links.numbered && bareAddress(in, links[in.Link-1].URL, u) {
					// A link whose text is its own address reads as its
					// host and number: the address is in the links list.
					b.write(hostLabel(u))
					b.close(open)
					return
				}
			}
		case in.Style == story.Sup:
			b.sup(in, links, depth)
			return
		case in.Style > story.Plain && int(in.Style) < len(markers):
			open = markers[in.Style]
			b.open(open)
		}
	}
	if open == mCode {
		b.raw++
	}
	for _, k := range in.Kids {
		b.node(k, links, depth+1)
	}
	if open == mCode {
		b.raw--
	}
	if open != "" {
		b.close(open)
	}
}

// sup writes a footnote mark or a power apart from the word it follows:
// as superscript characters when it has nothing else ("tide¹", "x²"),
// else in brackets ("tide[a]"), which keep a link inside it.
func (b *inline) sup(in story.Inline, links []story.Link, depth int) {
	if s, ok := superscript(in.Plain()); ok && !hasLink(in) {
		b.write(s)
		return
	}
	b.write("[")
	for _, k := range in.Kids {
		b.node(k, links, depth+1)
	}
	b.write("]")
}

// superscripts maps what Unicode has superscript forms of.
var superscripts = strings.NewReplacer(
	"0", "⁰", "1", "¹", "2", "²", "3", "³", "4", "⁴", "5", "⁵", "6", "⁶", "7", "⁷", "8", "⁸", "9", "⁹",
	"+", "⁺", "-", "⁻", "=", "⁼", "(", "⁽", ")", "⁾", "n", "ⁿ", "i", "ⁱ",
)

// superscript is s in superscript characters, when each has one.
func superscript(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	for _, r := range s {
		if !strings.ContainsRune("0123456789+-=()ni", r) {
			return "", false
		}
	}
	return superscripts.Replace(s), true
}

func hasLink(in story.Inline) bool {
	if in.Link > 0 {
		return true
	}
	for _, k := range in.Kids {
		if hasLink(k) {
			return true
		}
	}
	return false
}

// bareAddress reports whether link element in shows nothing but its own
// address, raw as the page gave it or as the safe URL u.
func bareAddress(in story.Inline, raw, u string) bool {
	if in.Len() > maxURL+8 {
		return false
	}
	t := strings.TrimSpace(in.Plain())
	return t == strings.TrimSpace(raw) || t == u
}

// write adds sanitized text: white space is kept as it is but for
// being written only before a visible character, and a newline is a
// hard line break.
func (b *inline) write(s string) {
	s = sanitize.Text(s)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '\n':
				b.lineBreak()
			case ' ', '\t':
				b.space = true
			default:
				b.visible()
				b.escape(c)
			}
			i++
			continue
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		b.visible()
		b.md = append(b.md, s[i:i+n]...)
		i += n
	}
}

// visible is called before a visible character: it writes the pending
// break or space, then the pending openers.
func (b *inline) visible() {
	switch {
	case b.brk && len(b.md) > 0:
		b.breakEmphasis()
		b.toks = append(b.toks, token{pos: len(b.md), s: "\\\n", kind: tBreak, pair: -1})
		b.lineAt = len(b.md)
	case b.space && len(b.md) > 0:
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
// as syntax: with a backslash, or as an entity where glamour would show
// the backslash.
func (b *inline) escape(c byte) {
	if b.raw > 0 {
		b.md = append(b.md, c)
		return
	}
	switch c {
	case '\\', '*', '_', '`', '[', ']', '<', '>', '|':
		b.md = append(b.md, '\\', c)
		return
	case '&':
		// An entity, not "\&": glamour would print the backslash, and
		// page text must not spell an entity of its own.
		b.md = append(b.md, "&amp;"...)
		return
	case '~':
		b.md = append(b.md, "&#126;"...)
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

// close ends the innermost open span with closer (a link's closer is its
// destination: "](url)", or the reader's number). A span with nothing
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
		closer = b.links.closer(sp.link)
		if b.links.numbered {
			b.toks[sp.tok].s = ""
		}
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

// lineBreak handles a break: it is written before the next visible
// character, if any comes.
func (b *inline) lineBreak() {
	if len(b.md) == 0 {
		return
	}
	b.brk = true
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

func longestRun(s string, c byte) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}
