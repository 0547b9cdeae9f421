package extract

import (
	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/extract/internal/flat"
)

// Paragraph thresholds, in visible characters.
const (
	minParagraph = 30 // own text, links excluded, of a paragraph that counts as prose
	minArticle   = 250
)

// measure rolls the text statistics up the tree. An element's statistics
// are complete when the backward pass reaches it, because its descendants
// come after it in document order. With prune set, each element is judged
// there too, on its live content only: chrome is marked dead and left out
// of its ancestors' statistics (see judge).
func (t *tree) measure(prune bool) {
	ns := t.nodes
	total := ns[0].good
	for i := range ns {
		n := &ns[i]
		if n.flags&fText == 0 {
			n.chars, n.links, n.good, n.score = 0, 0, 0, 0
			n.flags &^= fHasBlock | fHasTable | fDead
		}
	}
	for i := len(ns) - 1; i >= 0; i-- {
		n := &ns[i]
		if n.flags&fText == 0 {
			q := n.quality()
			if q > 0 {
				n.good += q
			}
			n.score += float32(q)
			if prune && n.judge(total) {
				n.flags |= fDead
				continue
			}
		}
		if pi := t.Parent[i]; pi >= 0 {
			p := &ns[pi]
			if n.flags&(fBlock|fHasBlock) != 0 {
				p.flags |= fHasBlock
			}
			if n.tag == atom.Table || n.flags&fHasTable != 0 {
				p.flags |= fHasTable
			}
			p.chars += n.chars
			p.links += n.links
			p.good += n.good
			p.score += n.score
		}
	}
	if prune {
		for i := range ns {
			n := &ns[i]
			if p := t.Parent[i]; p >= 0 && ns[p].flags&fDead != 0 {
				n.flags |= fDead
			}
		}
	}
}

// quality scores an element's own inline text: positive for prose, negative
// for link lists and scraps (labels, dates, buttons). A short line that
// ends like a sentence is given the benefit of the doubt.
func (n *node) quality() int32 {
	if n.own == 0 {
		return 0
	}
	if n.flags&fMatched != 0 {
		return 2 * n.own
	}
	if flat.IsHeading(n.tag) {
		return -n.ownLinks
	}
	if (n.tag == atom.Td || n.tag == atom.Th) && n.own < 100 {
		return 0 // a data cell: figures and names, not scraps
	}
	prose := n.own - n.ownLinks
	switch {
	case n.flags&fTeaser != 0:
		return -n.ownLinks
	case prose >= minParagraph && n.ownLinks*5 <= n.own*3:
		return prose
	case n.ownLinks == 0 && n.flags&fSentence != 0:
		return prose / 2
	}
	return -(prose/2 + n.ownLinks)
}

// judge decides whether an element is chrome: its class, id, role or tag
// says so, and its live content does not contradict it. Chrome names that
// are also used for the article itself ("modal-enabled", "paywall") need
// the element to be mostly prose to survive; outright chrome (comments,
// share bars, related blocks) survives only when it holds most of the
// page's prose, as the article sometimes carries a misleading class.
func (n *node) judge(total int32) bool {
	switch n.hint {
	case hintComment, hintHidden:
		return n.good*10 < total*6 || n.good < minArticle
	case hintStrong:
		// Most of the page's prose, or mostly prose and a large share of
		// it: the article itself, under a class that also names some
		// feature of it or of the page.
		if n.good > 0 && n.good*10 >= total*6 {
			return false
		}
		return n.good < minArticle || n.good*10 < total*4 || n.good*3 < n.chars*2
	case hintMaybe:
		return n.good*3 < n.chars*2 || n.good < minArticle
	case hintWeak:
		return n.good*2 < n.chars
	}
	return false
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
