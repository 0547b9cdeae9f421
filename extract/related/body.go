package related

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html/atom"
)

// mainBody finds the article body's element index, or -1: the node the
// extractor chose when it is part of this document, else an element marked
// itemprop=articleBody, else the element whose own paragraphs hold the most
// unlinked text. The guess only needs to be rough: it tells in-body lines and
// a trailing headline list apart, and keeps a block from swallowing the body.
func (d *dom) mainBody(body *goquery.Selection) int32 {
	if body != nil {
		for _, n := range body.Nodes {
			if i, ok := d.index[n]; ok {
				return i
			}
		}
	}
	for i, n := range d.nodes {
		if strings.Contains(strings.ToLower(attr(n, "itemprop")), "articlebody") && d.text(int32(i)) >= 200 {
			return int32(i)
		}
	}
	score := make(map[int32]int)
	best, bestScore := int32(-1), 0
	for i, n := range d.nodes {
		if n.DataAtom != atom.P || d.frame[i] || d.marked[i] {
			continue
		}
		own := d.text(int32(i)) - d.linkText(int32(i))
		if own < 40 {
			continue
		}
		p := d.parent[i]
		if p < 0 {
			continue
		}
		score[p] += own
		if score[p] > bestScore {
			best, bestScore = p, score[p]
		}
	}
	if bestScore < 200 {
		return -1
	}
	return best
}
