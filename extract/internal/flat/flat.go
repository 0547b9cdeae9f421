// Package flat flattens a parsed HTML page into document order, the one
// mirror of the DOM that the body extractor and the related-links finder
// both build on. Node i's subtree is the index range [i, End[i]), so
// "everything inside element i" is a range and statistics over subtrees
// roll up with one backward pass or two prefix-sum lookups. Each user keeps
// its own annotations in slices indexed by the same node index.
//
// The walk is iterative, so deep nesting cannot exhaust the stack, and it
// keeps at most a given number of nodes, so a hostile page of millions of
// elements costs what its first nodes cost.
package flat

import "golang.org/x/net/html"

// Action is what Build does with a node it visits.
type Action uint8

const (
	// Skip leaves the node and its subtree out of the mirror.
	Skip Action = iota
	// Leaf keeps the node and leaves its children out.
	Leaf
	// Descend keeps the node and walks its children.
	Descend
)

// DOM is a page flattened in document order.
type DOM struct {
	Node   []*html.Node
	Parent []int32 // the nearest kept ancestor, or -1
	End    []int32 // one past the last node of the subtree

	// Truncated is set when the walk stopped at its node limit.
	Truncated bool
}

// Options says which nodes Build keeps.
type Options struct {
	// Limit is the most nodes kept; the walk stops at the first node
	// past it that could be kept.
	Limit int
	// Text keeps text nodes as nodes of their own; otherwise Visit still
	// sees them (to count their text against parent) but they are not
	// kept, and they do not count towards Limit.
	Text bool
	// Visit decides for each element and text node, in document order,
	// whether it is kept; parent is the index of the nearest kept
	// ancestor, or -1. A node Visit keeps gets the next index, len(Node)
	// at the time of the call, so a caller can append its own annotation
	// for it there. Document nodes are walked through; comments,
	// doctypes and the rest are skipped without a call.
	Visit func(n *html.Node, parent int32) Action
}

// Build flattens the page under root.
func Build(root *html.Node, o Options) *DOM {
	d := &DOM{}
	// open holds, for each node whose children are being walked, its
	// index: a kept element's own, a document's the nearest kept
	// ancestor's (documents are walked through, not kept).
	var open []int32
	top := func() int32 {
		if len(open) == 0 {
			return -1
		}
		return open[len(open)-1]
	}
	enter := func(n *html.Node) bool {
		switch n.Type {
		case html.DocumentNode:
			if n.FirstChild == nil {
				return false
			}
			open = append(open, top())
			return true
		case html.ElementNode:
		case html.TextNode:
			if !o.Text {
				o.Visit(n, top())
				return false
			}
		default:
			return false
		}
		if len(d.Node) >= o.Limit {
			d.Truncated = true
			return false
		}
		act := o.Visit(n, top())
		if act == Skip {
			return false
		}
		idx := int32(len(d.Node))
		d.Node = append(d.Node, n)
		d.Parent = append(d.Parent, top())
		d.End = append(d.End, idx+1)
		if act == Leaf || n.FirstChild == nil {
			return false
		}
		open = append(open, idx)
		return true
	}
	// leave closes n, whose children were walked: only elements and
	// documents have children, and only kept elements have an End.
	leave := func(n *html.Node) {
		i := open[len(open)-1]
		open = open[:len(open)-1]
		if n.Type == html.ElementNode {
			d.End[i] = int32(len(d.Node))
		}
	}
	for n := root; n != nil && !d.Truncated; {
		if enter(n) {
			n = n.FirstChild
			continue
		}
		for n != nil {
			if n == root || d.Truncated {
				n = nil
				break
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
			leave(n)
		}
	}
	for _, i := range open { // stopped at the limit: close what is open
		if i >= 0 {
			d.End[i] = int32(len(d.Node))
		}
	}
	return d
}

// Len is the number of nodes kept.
func (d *DOM) Len() int { return len(d.Node) }

// Contains reports whether node j is inside node i, or is i.
func (d *DOM) Contains(i, j int32) bool { return i <= j && j < d.End[i] }

// FirstChild is node i's first kept child, or -1.
func (d *DOM) FirstChild(i int32) int32 {
	if i+1 < d.End[i] {
		return i + 1
	}
	return -1
}

// Next is the node after i among its parent's kept children, or -1.
func (d *DOM) Next(i int32) int32 {
	j := d.End[i]
	if int(j) < len(d.Node) && d.Parent[j] == d.Parent[i] {
		return j
	}
	return -1
}
