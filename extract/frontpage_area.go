package extract

import (
	"strings"

	"github.com/tread-reader/tread/extract/internal/flat"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// mainArea is the anchors of the page's main area, for a page that does
// not mark one with <main>: the blocks are the children of the element
// holding every story, and the main area is the first block with a run of
// stories, the blocks after it that look the same (a river of sections)
// and the headlines above it (a lead story), so that trending bars above
// and section boxes, galleries and link farms below are left out. Inside
// the first block, a column beside the run laid out differently (a rail
// of section boxes) is left out too (see besideRun).
func (fp *frontPage) mainArea() []*html.Node {
	if len(fp.anchors) < MinFrontPageStories {
		return fp.anchors
	}
	lca := fp.anchors[0].Parent
	for _, a := range fp.anchors[1:] {
		for lca != nil && !contains(lca, a) {
			lca = lca.Parent
		}
	}
	if lca == nil {
		return fp.anchors
	}
	first := firstRun(lca, fp.anchors)
	if first == nil {
		return fp.anchors
	}
	beside := besideRun(first, fp.anchors)
	var out []*html.Node
	for _, a := range fp.anchors {
		b := childOn(lca, a)
		switch {
		case b == first && !beside[a], precedes(first, b) && sameKind(first, b),
			precedes(b, first) && inHeading(a, b):
			// Before the run, a headline under a heading is the lead
			// story; bare links there are a trending bar.
			out = append(out, a)
		}
	}
	return out
}

// firstRun is the first child of n, in page order, holding at least
// MinFrontPageStories of anchors; nil when none does.
func firstRun(n *html.Node, anchors []*html.Node) *html.Node {
	counts := map[*html.Node]int{}
	for _, a := range anchors {
		counts[childOn(n, a)]++
	}
	for _, a := range anchors {
		if b := childOn(n, a); b != nil && counts[b] >= MinFrontPageStories {
			return b
		}
	}
	return nil
}

// besideRun finds, inside the block holding the main run, the anchors of
// a column that follows the run but is laid out unlike it: the rail of
// section boxes a 2010s front page set beside its main columns. It goes
// down from block while one child holds all of block's stories, to where
// they split; there, the children after the first with a run of stories
// are left out unless they are alike (sameKind) and their stories sit in
// the same markup (sameLayout) — the next sections of a river are. What
// comes before the run is kept: that is the lead.
func besideRun(block *html.Node, anchors []*html.Node) map[*html.Node]bool {
	var in []*html.Node
	for _, a := range anchors {
		if contains(block, a) {
			in = append(in, a)
		}
	}
	cur := block
	for depth := 0; depth < maxDepth && len(in) >= 2; depth++ {
		one := childOn(cur, in[0])
		for _, a := range in[1:] {
			if childOn(cur, a) != one {
				one = nil
				break
			}
		}
		if one == nil {
			break
		}
		cur = one
	}
	run := firstRun(cur, in)
	if run == nil {
		return nil
	}
	out := map[*html.Node]bool{}
	for _, a := range in {
		if c := childOn(cur, a); precedes(run, c) && !(sameKind(run, c) && sameLayout(run, c, in)) {
			out[a] = true
		}
	}
	return out
}

// sameLayout reports whether at least half of b's stories sit in markup
// (the tags and classes from the block down to the link) that some story
// of a sits in.
func sameLayout(a, b *html.Node, anchors []*html.Node) bool {
	shapes := map[string]bool{}
	total, alike := 0, 0
	for _, x := range anchors {
		switch {
		case contains(a, x):
			shapes[shape(a, x)] = true
		case contains(b, x):
			total++
		}
	}
	for _, x := range anchors {
		if contains(b, x) && shapes[shape(b, x)] {
			alike++
		}
	}
	return 2*alike >= total
}

// shape is the tags and classes from block (excluded) down to a.
func shape(block, a *html.Node) string {
	var parts []string
	for n := a.Parent; n != nil && n != block; n = n.Parent {
		parts = append(parts, n.Data+"."+flat.Attr(n, "class"))
	}
	return strings.Join(parts, "<")
}

// childOn is the child of n on the way down to d, nil when d is not under
// n.
func childOn(n, d *html.Node) *html.Node {
	for ; d != nil; d = d.Parent {
		if d.Parent == n {
			return d
		}
	}
	return nil
}

// inHeading reports whether a sits in a heading (h1 to h3) inside block.
func inHeading(a, block *html.Node) bool {
	for n := a.Parent; n != nil && n != block.Parent; n = n.Parent {
		switch n.DataAtom {
		case atom.H1, atom.H2, atom.H3:
			return true
		}
	}
	return false
}

// contains reports whether n is an ancestor of d (or d itself).
func contains(n, d *html.Node) bool {
	for ; d != nil; d = d.Parent {
		if d == n {
			return true
		}
	}
	return false
}

// precedes reports whether sibling a comes before sibling b.
func precedes(a, b *html.Node) bool {
	for n := a.NextSibling; n != nil; n = n.NextSibling {
		if n == b {
			return true
		}
	}
	return false
}

// sameKind reports whether two blocks are alike: the same element, and at
// least half their class names shared ("block block--world" and "block
// block--sport").
func sameKind(a, b *html.Node) bool {
	if a.Type != html.ElementNode || a.DataAtom != b.DataAtom || a.Data != b.Data {
		return false
	}
	ca, cb := strings.Fields(flat.Attr(a, "class")), strings.Fields(flat.Attr(b, "class"))
	if len(ca) == 0 && len(cb) == 0 {
		return true
	}
	common := 0
	for _, x := range ca {
		for _, y := range cb {
			if x == y {
				common++
				break
			}
		}
	}
	return 2*common >= max(len(ca), len(cb))
}
