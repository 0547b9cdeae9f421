package extract

import (
	"golang.org/x/net/html/atom"
)

// Paragraph thresholds, in visible characters.
const (
	minParagraph = 30 // own text, links excluded, of a paragraph that counts as prose
	minArticle   = 250
)

// measure rolls the text statistics up the tree, counting live nodes only.
// An element's own statistics are complete when the backward pass reaches
// it, because its descendants come after it in document order.
func (t *tree) measure() {
	ns := t.nodes
	for i := range ns {
		n := &ns[i]
		if n.flags&fText == 0 {
			n.chars, n.links, n.own, n.ownLinks, n.good, n.score = 0, 0, 0, 0, 0, 0
			n.flags &^= fHasBlock
		}
	}
	for i := len(ns) - 1; i >= 0; i-- {
		n := &ns[i]
		if n.flags&fDead != 0 {
			continue
		}
		if n.flags&fText != 0 {
			n.links = 0
			if n.flags&fInLink != 0 {
				n.links = n.chars
			}
			if n.owner >= 0 {
				o := &ns[n.owner]
				o.own += n.chars
				o.ownLinks += n.links
			}
		} else {
			q := n.quality()
			if q > 0 {
				n.good += q
			}
			n.score += float32(q)
		}
		if n.parent >= 0 {
			p := &ns[n.parent]
			if n.flags&(fBlock|fHasBlock) != 0 {
				p.flags |= fHasBlock
			}
			p.chars += n.chars
			p.links += n.links
			p.good += n.good
			p.score += n.score
		}
	}
}

// quality scores an element's own inline text: positive for prose, negative
// for link lists and scraps (labels, dates, buttons).
func (n *node) quality() int32 {
	if n.own == 0 {
		return 0
	}
	if isHeading(n.tag) {
		return 0
	}
	prose := n.own - n.ownLinks
	if n.flags&fMatched != 0 {
		return 2 * n.own
	}
	if prose >= minParagraph && n.ownLinks*2 <= n.own {
		return prose
	}
	return -(prose/2 + n.ownLinks)
}

// prune marks chrome dead: elements whose class, id, role or tag says they
// are not the article, unless they hold most of the page's prose (the
// article itself sometimes carries a misleading class).
func (t *tree) prune() {
	ns := t.nodes
	total := ns[0].good
	for i := range ns {
		n := &ns[i]
		if n.parent >= 0 && ns[n.parent].flags&fDead != 0 {
			n.flags |= fDead
			continue
		}
		switch n.hint {
		case hintStrong:
			if n.good*10 < total*6 || n.good < minArticle {
				n.flags |= fDead
			}
		case hintWeak:
			if n.good*2 < n.chars {
				n.flags |= fDead
			}
		}
	}
}

// bestRoot picks the element whose subtree holds the article: the one with
// the highest content score, nudged toward elements whose markup names
// them as the article body. Ties go to the deeper element.
func (t *tree) bestRoot() int32 {
	ns := t.nodes
	best, bestScore := int32(0), float32(0)
	for i := range ns {
		n := &ns[i]
		if n.flags&(fText|fDead) != 0 || n.score <= 0 {
			continue
		}
		s := n.score
		switch {
		case n.flags&fItemBody != 0:
			s *= 1.5
		case n.hint == hintPositive:
			s *= 1.2
		case n.tag == atom.Article:
			s *= 1.1
		}
		if s >= bestScore {
			best, bestScore = int32(i), s
		}
	}
	return best
}
