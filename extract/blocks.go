package extract

import (
	"strings"

	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/extract/internal/flat"
	"github.com/tread-reader/tread/story"
)

// blk is a block with what the emitter knew about it that the block does
// not say, for tidy to judge it by.
type blk struct {
	story.Block
	flags blkFlag
}

type blkFlag uint8

const (
	bLinkedImage blkFlag = 1 << iota // an image that links to another page: a teaser's thumbnail
	bTagLine                         // a line of links to tag and category pages
)

// blocksOf drops the emitter's notes.
func blocksOf(bs []blk) []story.Block {
	out := make([]story.Block, len(bs))
	for k, b := range bs {
		out[k] = b.Block
	}
	return out
}

// emitter turns the live nodes under the chosen root into story blocks.
type emitter struct {
	t       *tree
	blocks  []blk
	para    inline
	caption int   // inside a caption
	images  []blk // images met inside the paragraph, written after it
	brs     int   // consecutive <br>s: two end a paragraph

	// flat > 0 renders blocks as inline text (list items, table cells,
	// headings); lists met meanwhile are queued in nested.
	flat   int
	nested []int32
	quotes int // blockquotes open
}

func (e *emitter) first(i int32) int32 {
	if e.t.End[i] > i+1 {
		return i + 1
	}
	return -1
}

func (e *emitter) next(i int32) int32 {
	p := e.t.Parent[i]
	if p < 0 || e.t.End[i] >= e.t.End[p] {
		return -1
	}
	return e.t.End[i]
}

// children emits each child of element i.
func (e *emitter) children(i int32) {
	for c := e.first(i); c >= 0; c = e.next(c) {
		e.node(c)
	}
}

func (e *emitter) node(i int32) {
	n := &e.t.nodes[i]
	if n.flags&fDead != 0 {
		if n.flags&fBlock != 0 && e.flat == 0 && e.para.empty() && e.linkList(n) {
			e.dropLabel()
		}
		return
	}
	if n.flags&fText != 0 {
		if n.chars > 0 {
			e.brs = 0
		}
		e.para.write(e.t.Node[i].Data)
		return
	}
	if e.flat > 0 {
		e.flatNode(i)
		return
	}
	switch n.tag {
	case atom.Br:
		e.brs++
		if e.brs >= 2 {
			e.flush()
			return
		}
		e.para.lineBreak()
		return
	case atom.Iframe, atom.Video, atom.Audio:
		if m, ok := e.media(i); ok {
			e.flush()
			e.blocks = append(e.blocks, blk{Block: m})
		}
		return
	case atom.Img:
		if img, ok := e.image(i); ok {
			b := blk{Block: img}
			if e.linksAway(i, img.URL) {
				b.flags |= bLinkedImage
			}
			if e.para.empty() {
				e.flush()
				e.blocks = append(e.blocks, b)
			} else {
				e.images = append(e.images, b)
			}
		}
		return
	case atom.Hr:
		e.flush()
		return
	}
	if n.flags&fBlock == 0 {
		e.inlineElement(i)
		return
	}
	e.brs = 0
	if n.tag != atom.Table && n.flags&fHasTable == 0 && e.linkList(n) && !e.linkedLabel(i) {
		e.flush()
		e.dropLabel()
		return
	}
	switch n.tag {
	case atom.P:
		e.flush()
		e.children(i)
		e.flush()
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		e.flush()
		e.heading(i)
	case atom.Ul, atom.Ol:
		e.flush()
		e.list(i)
	case atom.Blockquote:
		e.flush()
		e.quote(i)
	case atom.Pre:
		e.flush()
		e.code(i)
	case atom.Table:
		// A data table may link every name in it; a layout table full of
		// links is a menu.
		e.flush()
		if !e.table(i) && !e.linkList(n) {
			e.children(i)
			e.flush()
		}
	default:
		e.flush()
		caption := n.tag == atom.Figcaption || n.flags&fCaption != 0
		if caption {
			e.caption++
		}
		e.children(i)
		e.flush()
		if caption {
			e.caption--
		}
	}
}

// dropLabel removes the block just written when it is only a label
// ("Table of Contents", "Resources") for the list of links being left out.
func (e *emitter) dropLabel() {
	k := len(e.blocks) - 1
	if k < 0 || len(e.images) > 0 {
		return
	}
	if b := e.blocks[k]; (b.Kind == story.Heading || b.Kind == story.Paragraph) && isLabel(b.Text) {
		e.blocks = e.blocks[:k]
	}
}

// maxLabelWords is the most words a label has.
const maxLabelWords = 4

// isLabel reports whether a text only names what follows it: a few words
// and no sentence.
func isLabel(text string) bool {
	text = strings.TrimRight(strings.TrimSpace(text), ":")
	if text == "" || strings.ContainsAny(text, "\n.!?") {
		return false
	}
	return len(strings.Fields(text)) <= maxLabelWords
}

// linkList reports whether a block is mostly links: a menu, a list of
// related stories, a tag list.
func (e *emitter) linkList(n *node) bool {
	if n.chars == 0 {
		return false
	}
	return n.links*5 > n.chars*3
}

// maxLabelScan bounds how far linkedLabel looks for the text after a
// heading.
const maxLabelScan = 200

// linkedLabel reports whether heading i, whose text is a link, labels the
// section after it ("<h2><a href=…>Day 7</a></h2>" over the day's prose)
// rather than heading a teaser for another story: the next text after it
// is prose, not a teaser's summary nor another link.
func (e *emitter) linkedLabel(i int32) bool {
	ns := e.t.nodes
	if !flat.IsHeading(ns[i].tag) {
		return false
	}
	for k := e.t.End[i]; k < int32(len(ns)) && k < e.t.End[i]+maxLabelScan; k++ {
		n := &ns[k]
		if n.flags&fText != 0 || n.own == 0 {
			continue
		}
		return n.flags&(fDead|fTeaser) == 0 && n.own-n.ownLinks >= minParagraph && n.ownLinks*2 < n.own
	}
	return false
}

// flatNode renders an element inside a list item, table cell or heading:
// blocks only separate words, nested lists wait for their own items.
func (e *emitter) flatNode(i int32) {
	n := &e.t.nodes[i]
	switch {
	case n.tag == atom.Br:
		e.para.lineBreak()
	case n.tag == atom.Img:
	case n.tag == atom.Ul || n.tag == atom.Ol:
		e.nested = append(e.nested, i)
	case n.flags&fBlock != 0:
		e.para.space = true
		e.children(i)
		e.para.space = true
	default:
		e.inlineElement(i)
	}
}

// maxSupChars is the longest <sup> taken for a mark rather than text.
const maxSupChars = 8

// inlineElement emits an inline element into the current paragraph,
// wrapping it in markdown where it has meaning.
func (e *emitter) inlineElement(i int32) {
	n := &e.t.nodes[i]
	if n.flags&fHasBlock != 0 {
		// An inline element wrapping blocks (a link around a card, a span
		// around paragraphs) is only a container.
		e.children(i)
		return
	}
	style := story.Plain
	switch n.tag {
	case atom.Em, atom.I, atom.Cite, atom.Dfn, atom.Var:
		style = story.Italic
	case atom.Strong, atom.B:
		style = story.Bold
	case atom.Del, atom.S, atom.Strike:
		style = story.Struck
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		style = story.Mono
	case atom.Sup:
		// A footnote mark or a power: set apart, or "tide1" reads as a
		// word. A long <sup> is only small print.
		if n.chars <= maxSupChars {
			style = story.Sup
		}
	case atom.A:
		if href := e.t.linkURL(i); href != "" {
			start := len(e.para.text)
			e.para.openLink(href)
			e.children(i)
			e.para.close()
			if isTaxonomyURL(href) {
				e.para.tagLinks++
				e.para.tagChars += len(e.para.text) - start
			}
			return
		}
	}
	if style == story.Plain {
		e.children(i)
		return
	}
	e.para.open(style)
	e.children(i)
	e.para.close()
}

// add appends a block.
func (e *emitter) add(b story.Block) {
	e.blocks = append(e.blocks, blk{Block: b})
}

// flush ends the current paragraph and writes it, and the images found in
// it, as blocks.
func (e *emitter) flush() {
	if text := e.para.plain(); text != "" {
		in, links := e.para.tree()
		b := blk{Block: story.Block{Kind: story.Paragraph, Text: text, Inline: in, Links: links}}
		if e.para.tagLinks >= 2 && e.para.tagChars*4 >= len(text) && len(text) < 300 {
			b.flags |= bTagLine
		}
		if e.caption > 0 {
			b.Kind = story.Caption
			// A caption belongs to its picture: the reader sees it set
			// apart under the image, but it is not running text.
			b.Text = ""
		}
		e.blocks = append(e.blocks, b)
	}
	e.para.reset()
	e.blocks = append(e.blocks, e.images...)
	e.images = e.images[:0]
	e.brs = 0
}

func (e *emitter) heading(i int32) {
	var b inline
	e.inlineInto(&b, i)
	e.nested = nil
	text := b.plain()
	if text == "" {
		return
	}
	level := int(e.t.nodes[i].tag.String()[1] - '0')
	in, links := b.tree()
	e.add(story.Block{
		Kind: story.Heading, Level: level, Text: strings.ReplaceAll(text, "\n", " "),
		Inline: oneLine(in), Links: links,
	})
}

// oneLine turns the hard line breaks in in into spaces, for a heading or
// a table cell, which markdown keeps on one line.
func oneLine(in story.Inline) story.Inline {
	in.Text = strings.ReplaceAll(in.Text, "\n", " ")
	if len(in.Kids) > 0 {
		kids := make([]story.Inline, len(in.Kids))
		for k, c := range in.Kids {
			kids[k] = oneLine(c)
		}
		in.Kids = kids
	}
	return in
}

// inlineInto renders element i's content as one run of inline text into b,
// ignoring block boundaries inside it.
func (e *emitter) inlineInto(b *inline, i int32) {
	saved := e.para
	e.para = *b
	e.flat++
	e.children(i)
	e.flat--
	*b = e.para
	e.para = saved
}
