package related

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A bare list of headline links at the end of a story, with no heading, is
// the writer's own further reading. To tell it from a list of sources it
// must sit at the end: little body text may follow it.
const (
	maxTrailingText = 400 // bytes of body text allowed after the list
	maxTrailItems   = 20
)

// trailingLists finds lists (ul/ol, or a run of paragraphs) whose every item
// is one same-site story link with a headline, at the end of the body or
// just after it.
func (d *dom) trailingLists(body int32) []region {
	if body < 0 {
		return nil
	}
	var out []region
	consider := func(items []*html.Node) {
		if r, ok := d.headlineRun(body, items); ok {
			out = append(out, r)
		}
	}
	scan := func(parent *html.Node) {
		var run []*html.Node
		for c := parent.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Ul, atom.Ol:
				consider(children(c, atom.Li))
			case atom.P, atom.H3, atom.H4, atom.H5, atom.H6:
				if d.oneLink(c) {
					run = append(run, c)
					continue
				}
			}
			if len(run) >= 2 {
				consider(run)
			}
			run = nil
		}
		if len(run) >= 2 {
			consider(run)
		}
	}
	scan(d.nodes[body])
	// The body's next two element siblings: lists placed right after it.
	seen := 0
	for s := d.nodes[body].NextSibling; s != nil && seen < 2; s = s.NextSibling {
		if s.Type != html.ElementNode {
			continue
		}
		seen++
		if s.DataAtom == atom.Ul || s.DataAtom == atom.Ol {
			consider(children(s, atom.Li))
		}
	}
	return out
}

func children(n *html.Node, a atom.Atom) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			out = append(out, c)
			if len(out) > maxTrailItems {
				break
			}
		}
	}
	return out
}

// oneLink reports an element that is a single link and nothing else.
func (d *dom) oneLink(n *html.Node) bool {
	i, ok := d.index[n]
	if !ok || d.anchors(i) != 1 {
		return false
	}
	t := d.text(i)
	return t > 0 && d.linkText(i)*10 >= t*9
}

// headlineRun checks a candidate list: 2..20 items, each one link with a
// headline to a same-site story, and little body text after it.
func (d *dom) headlineRun(body int32, items []*html.Node) (region, bool) {
	if len(items) < 2 || len(items) > maxTrailItems {
		return region{}, false
	}
	for _, it := range items {
		if !d.oneLink(it) {
			return region{}, false
		}
		i := d.index[it]
		if d.chrome[i] || !d.verifiedLink(i) {
			return region{}, false
		}
	}
	first, last := d.index[items[0]], d.index[items[len(items)-1]]
	hi := d.end[last]
	if d.contains(body, first) {
		after := int(d.textPre[d.end[body]+1] - d.textPre[hi+1])
		if after > maxTrailingText {
			return region{}, false
		}
	}
	return region{lo: first, hi: hi, skip: -1, tier: tierRelated, verified: true, kind: "trailing list"}, true
}
