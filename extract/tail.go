package extract

import (
	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/extract/internal/flat"
)

// What follows a story inside the element chosen as its body is often the
// page's furniture rather than more of the story: a grid of teaser cards
// for other stories, a list of sources, a sign-up box. pruneTail finds it by
// its structure, not its words, and only past the body's last paragraph of
// prose, so a list of links the story itself walks through is kept.

// Card-grid limits, in visible characters.
const (
	minCards     = 3   // siblings in a run before it reads as a grid
	maxCardChars = 320 // a card is a headline and a line or two, not an article
	maxCardScan  = 64  // elements read for a card's first words: cards are small
)

// pruneTail marks dead the runs of card-like siblings that come after the
// last paragraph of prose under best.
func (t *tree) pruneTail(best int32) {
	ns := t.nodes
	var runs [][2]int32 // [first card, end of last card)
	for i := best; i < t.End[best]; i++ {
		n := &ns[i]
		if n.flags&(fText|fDead) != 0 || n.flags&fHasBlock == 0 {
			continue
		}
		runs = t.cardRuns(int32(i), runs)
	}
	if len(runs) == 0 {
		return
	}
	last := t.lastProse(best, runs)
	var tail int32
	for _, r := range runs {
		if r[0] > last {
			tail += t.runChars(r)
		}
	}
	if tail == 0 || tail*2 >= ns[best].chars {
		// Cards that outweigh the prose are what the page is: a course
		// list, a gallery of webcams, a listing with an introduction.
		return
	}
	for _, r := range runs {
		if r[0] <= last {
			continue
		}
		for k := r[0]; k < r[1]; k++ {
			ns[k].flags |= fDead
		}
	}
}

// runChars counts the visible characters of a run's cards.
func (t *tree) runChars(r [2]int32) int32 {
	var n int32
	for c := r[0]; c < r[1]; c = t.End[c] {
		if t.nodes[c].flags&fDead == 0 {
			n += t.nodes[c].chars
		}
	}
	return n
}

// cardRuns appends to runs the runs of at least minCards consecutive card
// children of p that share a tag and class.
func (t *tree) cardRuns(p int32, runs [][2]int32) [][2]int32 {
	ns := t.nodes
	start, count := int32(-1), 0
	var prev int32 = -1
	flush := func() {
		if count >= minCards {
			runs = append(runs, [2]int32{start, t.End[prev]})
		}
		start, count = -1, 0
	}
	for c := p + 1; c < t.End[p]; c = t.End[c] {
		n := &ns[c]
		if n.flags&fText != 0 {
			if n.chars > 0 {
				flush()
			}
			continue
		}
		if n.flags&fDead != 0 || n.chars == 0 {
			continue
		}
		if !t.isCard(c) {
			flush()
			continue
		}
		if count > 0 && (n.tag != ns[prev].tag || flat.Attr(t.Node[c], "class") != flat.Attr(t.Node[prev], "class")) {
			flush()
		}
		if count == 0 {
			start = c
		}
		count++
		prev = c
	}
	flush()
	return runs
}

// isCard reports whether element c reads as a teaser card: a short block
// that links elsewhere, with a headline made of a link and at most a line
// or two of text beside it.
func (t *tree) isCard(c int32) bool {
	n := &t.nodes[c]
	if n.flags&fBlock == 0 && n.flags&fHasBlock == 0 || n.chars > maxCardChars || n.links == 0 {
		return false
	}
	if n.tag == atom.Tr || n.tag == atom.Td || n.tag == atom.Th {
		return false // a table's rows are judged as a table
	}
	if n.links < 8 && n.links*4 < n.chars {
		return false
	}
	// A card opens with its link, a picture or a headline; a paragraph
	// that links a phrase in passing opens with its own words.
	for k := c + 1; k < t.End[c] && k <= c+maxCardScan; k++ {
		d := &t.nodes[k]
		if d.flags&fDead == 0 && (d.tag == atom.Img || d.flags&fText != 0 && d.chars > 0) {
			return d.flags&fInLink != 0
		}
	}
	return false
}

// lastProse is the index of the last paragraph of prose under best that is
// not inside one of runs: the end of the story. It is t.End[best] when
// there is none, so that nothing is taken for a tail.
func (t *tree) lastProse(best int32, runs [][2]int32) int32 {
	ns := t.nodes
	inRun := make([]bool, t.End[best]-best)
	for _, r := range runs {
		for k := r[0]; k < r[1]; k++ {
			inRun[k-best] = true
		}
	}
	for i := t.End[best] - 1; i > best; i-- {
		n := &ns[i]
		if inRun[i-best] || n.flags&(fText|fDead|fTeaser) != 0 {
			continue
		}
		if prose := n.own - n.ownLinks; prose >= minParagraph && n.ownLinks*5 <= n.own*3 {
			return i
		}
	}
	return t.End[best]
}
