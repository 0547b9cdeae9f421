package related

import (
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
	consider := func(items []int32) {
		if r, ok := d.headlineRun(body, items); ok {
			out = append(out, r)
		}
	}
	var run []int32
	for c := d.FirstChild(body); c >= 0; c = d.Next(c) {
		switch d.Node[c].DataAtom {
		case atom.Ul, atom.Ol:
			consider(d.children(c, atom.Li))
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
	// The body's next two element siblings: lists placed right after it.
	for s, seen := d.Next(body), 0; s >= 0 && seen < 2; s, seen = d.Next(s), seen+1 {
		if a := d.Node[s].DataAtom; a == atom.Ul || a == atom.Ol {
			consider(d.children(s, atom.Li))
		}
	}
	return out
}

// children lists element i's child elements of one kind, stopping once
// there are more than a trailing list may hold.
func (d *dom) children(i int32, a atom.Atom) []int32 {
	var out []int32
	for c := d.FirstChild(i); c >= 0; c = d.Next(c) {
		if d.Node[c].DataAtom == a {
			out = append(out, c)
			if len(out) > maxTrailItems {
				break
			}
		}
	}
	return out
}

// oneLink reports an element that is a single link and nothing else.
func (d *dom) oneLink(i int32) bool {
	if d.anchors(i) != 1 {
		return false
	}
	t := d.text(i)
	return t > 0 && d.linkText(i)*10 >= t*9
}

// headlineRun checks a candidate list: 2..20 items, each one link with a
// headline to a same-site story, and little body text after it.
func (d *dom) headlineRun(body int32, items []int32) (region, bool) {
	if len(items) < 2 || len(items) > maxTrailItems {
		return region{}, false
	}
	for _, i := range items {
		if !d.oneLink(i) || d.chrome[i] || !d.verifiedLink(i) {
			return region{}, false
		}
	}
	first, last := items[0], items[len(items)-1]
	hi := d.last(last)
	if d.Contains(body, first) {
		after := int(d.textPre[d.last(body)+1] - d.textPre[hi+1])
		if after > maxTrailingText {
			return region{}, false
		}
	}
	return region{lo: first, hi: hi, skip: -1, tier: tierRelated, verified: true, kind: "trailing list"}, true
}
