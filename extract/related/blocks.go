package related

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/extract/internal/flat"
)

// Bounds on how broad a block may be. A "block" holding more links than this
// is a page region or a link farm, not a list of further stories.
const (
	maxBlockLinks  = 100
	maxLineLinks   = 6
	maxHeadingText = 120 // bytes of text a heading may have
	maxClimb       = 6   // levels a heading climbs to find its links
	maxSiblings    = 64  // siblings examined after a heading
	maxRegions     = 400 // regions examined on one page
	maxSmallElems  = 200 // elements inside a heading or a line, at most
)

// kindLine marks regions that are one in-body line: their links sit beside a
// label by design, so they are not phrase links.
const kindLine = "line"

// region is a run of the page whose links Find considers, with the tier the
// page gives them.
type region struct {
	lo, hi   int32 // element indexes, inclusive
	skip     int32 // an element (the heading) whose links are left out, or -1
	tier     tier
	verified bool   // links already checked as same-site headline links
	kind     string // which signal found it, for tests and debugging
}

// blocks collects every region the page marks as related or further reading.
func (d *dom) blocks(body, core int32) []region {
	var out []region
	for i := range d.Node {
		i := int32(i)
		if d.chrome[i] {
			continue
		}
		if d.signal[i] == i {
			if r, ok := d.classBlock(i, body); ok {
				out = append(out, r)
				continue
			}
		}
		if r, ok := d.headingBlock(i, body); ok {
			out = append(out, r)
			continue
		}
		if r, ok := d.lineBlock(i); ok {
			out = append(out, r)
		}
		if len(out) >= maxRegions {
			return out
		}
	}
	return append(out, d.trailingLists(core)...)
}

// broad reports an element too large to be one block: the document, the
// body, anything holding the article body or very many links, or prose (a
// run of paragraphs is an article, whatever the guess of the body was).
func (d *dom) broad(i, body int32) bool {
	switch d.Node[i].DataAtom {
	case atom.Html, atom.Body, atom.Main:
		return true
	}
	return body >= 0 && d.Contains(i, body) || d.anchors(i) > maxBlockLinks || d.prose(i) >= maxProse
}

// maxProse prose paragraphs make an element an article rather than a block.
const maxProse = 3

// classBlock: an element whose class, id or label names a related or
// further-reading block. When it holds no links it is the block's heading.
func (d *dom) classBlock(i, body int32) (region, bool) {
	if d.broad(i, body) || d.insideBlock(i, body) {
		return region{}, false
	}
	if d.anchors(i) == 0 {
		if d.text(i) == 0 || d.text(i) > maxHeadingText || d.last(i)-i > maxSmallElems {
			return region{}, false
		}
		return d.below(i, body, d.sigTier[i], "class heading")
	}
	return region{lo: i, hi: d.last(i), skip: -1, tier: d.sigTier[i], kind: "class"}, true
}

// insideBlock reports whether a marked ancestor already makes a block that
// holds element i: the ancestor decides, so one menu made of many marked
// items ("trending-item") is judged whole rather than item by item.
func (d *dom) insideBlock(i, body int32) bool {
	for step := 0; step < 64; step++ {
		p := d.Parent[i]
		if p < 0 {
			return false
		}
		a := d.signal[p]
		if a < 0 {
			return false
		}
		if !d.broad(a, body) {
			return true
		}
		i = a
	}
	return true
}

// headingBlock: a short heading whose text names a related or
// further-reading block ("Related stories", "More from Sport", "Most read").
func (d *dom) headingBlock(i, body int32) (region, bool) {
	n := d.Node[i]
	tl := d.text(i)
	if tl < 3 || tl > maxHeadingText || d.last(i)-i > maxSmallElems || d.inLink[i] || !headingLike(n) {
		return region{}, false
	}
	// A wrapper around a heading with the same text: the outer one decides.
	if p := d.Parent[i]; p >= 0 && d.text(p) == tl && headingLike(d.Node[p]) {
		return region{}, false
	}
	text := innerText(n, maxHeadingText)
	// A heading that is all one long link is a story's headline ("Latest:
	// …"); a label with a link in it ("More from <a>Sport</a>") is not.
	if d.anchors(i) > 0 && d.linkText(i)*10 >= tl*9 && wordCount(text) > 6 {
		return region{}, false
	}
	t := headingTier(text)
	if t == tierNone {
		return region{}, false
	}
	return d.below(i, body, t, "heading")
}

func headingLike(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Legend, atom.Caption, atom.Dt, atom.Summary:
		return true
	case atom.Div, atom.Span, atom.P, atom.Strong, atom.B, atom.Header, atom.Label, atom.Em:
		// Only a leaf-ish element reads as a heading: one with inline
		// children at most.
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && block(c.DataAtom) && c.DataAtom != atom.Time {
				return false
			}
		}
		return true
	}
	return flat.Attr(n, "role") == "heading"
}

// below finds the links a heading introduces: the nearest ancestor holding
// links besides the heading's own, or, when that ancestor is the whole page
// or body, the heading's following siblings up to the next heading.
func (d *dom) below(h, body int32, t tier, kind string) (region, bool) {
	c := h
	for step := 0; step < maxClimb; step++ {
		a := d.Parent[c]
		if a < 0 {
			return region{}, false
		}
		if d.chrome[a] {
			return region{}, false
		}
		if d.broad(a, body) {
			return d.siblings(c, t, kind)
		}
		if d.anchors(a)-d.anchors(h) > 0 {
			if d.nextHeadingSibling(c) >= 0 {
				return d.siblings(c, t, kind)
			}
			return region{lo: a, hi: d.last(a), skip: h, tier: t, kind: kind}, true
		}
		c = a
	}
	return region{}, false
}

// nextHeadingSibling finds a later sibling shaped like c (same element and
// class, without links) or a real heading: where the next block of a flat
// list starts. It returns -1 when there is none nearby.
func (d *dom) nextHeadingSibling(c int32) int32 {
	cn := d.Node[c]
	cls := flat.Attr(cn, "class")
	seen := 0
	for s := d.Next(c); s >= 0 && seen < maxSiblings; s = d.Next(s) {
		seen++
		sn := d.Node[s]
		if sn.DataAtom == cn.DataAtom && flat.Attr(sn, "class") == cls && (flat.IsHeading(cn.DataAtom) || cls != "") && d.anchors(s) == 0 {
			return s
		}
		if flat.IsHeading(sn.DataAtom) && flat.IsHeading(cn.DataAtom) {
			return s
		}
	}
	return -1
}

// siblings is the run of elements after c that carry links, up to the next
// heading or the next paragraph of plain text, bounded in elements and
// links.
func (d *dom) siblings(c int32, t tier, kind string) (region, bool) {
	stop := d.nextHeadingSibling(c)
	lo, hi := int32(-1), int32(-1)
	count := 0
	for j := d.Next(c); j >= 0 && j != stop && count < 8; j = d.Next(j) {
		count++
		if d.anchors(j) == 0 {
			if d.text(j) >= 40 {
				break // prose again: the list is over
			}
			continue // an empty ad slot or spacer
		}
		if d.text(j) >= 100 && d.linkText(j)*2 < d.text(j) {
			break
		}
		if lo < 0 {
			lo = j
		}
		if d.anchorsPre[d.last(j)+1]-d.anchorsPre[lo] > maxBlockLinks {
			break
		}
		hi = d.last(j)
	}
	if lo < 0 {
		return region{}, false
	}
	return region{lo: lo, hi: hi, skip: -1, tier: t, kind: kind + " siblings"}, true
}

// lineBlock: a paragraph that opens with a label ("READ MORE:", "Related:",
// "See also", "DON'T MISS") and is otherwise mostly links.
func (d *dom) lineBlock(i int32) (region, bool) {
	switch d.Node[i].DataAtom {
	case atom.P, atom.Div, atom.Li, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote, atom.Aside, atom.Strong, atom.B:
	default:
		return region{}, false
	}
	a, tl := d.anchors(i), d.text(i)
	if a == 0 || a > maxLineLinks || tl < 10 || tl > textLimit || d.last(i)-i > maxSmallElems {
		return region{}, false
	}
	// A line is one paragraph: a container of blocks is judged by its
	// heading instead.
	for c := d.Node[i].FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom != atom.Li && block(c.DataAtom) {
			return region{}, false
		}
	}
	t := innerText(d.Node[i], textLimit+50)
	l := lineLabelLen(t)
	if l < 0 {
		return region{}, false
	}
	rest := len(t) - l
	if rest <= 0 || d.linkText(i)*10 < rest*6 {
		return region{}, false
	}
	return region{lo: i, hi: d.last(i), skip: -1, tier: tierRelated, kind: kindLine}, true
}
