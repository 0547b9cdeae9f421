package related

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/extract/internal/flat"
)

// mainBody finds the article body's element index, or -1: the node the
// extractor chose when it is part of this document, else an element marked
// itemprop=articleBody, else the element whose own paragraphs hold the most
// unlinked text. The guess only needs to be rough: it keeps a block from
// swallowing the body and keeps chrome words on page wrappers from hiding it.
//
// core is the element inside it whose own paragraphs hold the most text:
// extractors often choose a wider node (the article with its sidebar), and a
// trailing headline list is judged against the text it ends.
func (d *dom) mainBody(body *goquery.Selection) (b, core int32) {
	b = -1
	if body != nil && len(body.Nodes) > 0 {
		want := make(map[*html.Node]bool, len(body.Nodes))
		for _, n := range body.Nodes {
			want[n] = true
		}
		for i, n := range d.Node {
			if want[n] {
				b = int32(i)
				break
			}
		}
	}
	if b < 0 {
		for i, n := range d.Node {
			if strings.Contains(strings.ToLower(flat.Attr(n, "itemprop")), "articlebody") && d.text(int32(i)) >= 200 {
				b = int32(i)
				break
			}
		}
	}
	if b < 0 {
		b = d.densest(0, int32(len(d.Node)-1))
		return b, b
	}
	if core = d.densest(b, d.last(b)); core < 0 {
		core = b
	}
	return b, core
}

// densest is the element in lo..hi whose child paragraphs hold the most
// unlinked text, or -1 when no element holds a real article's worth.
func (d *dom) densest(lo, hi int32) int32 {
	score := make(map[int32]int)
	best, bestScore := int32(-1), 0
	for i := lo; i <= hi && int(i) < len(d.Node); i++ {
		n := d.Node[i]
		if n.DataAtom != atom.P || d.frame[i] || d.marked[i] {
			continue
		}
		own := d.text(i) - d.linkText(i)
		if own < 40 {
			continue
		}
		p := d.Parent[i]
		if p < lo {
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
