package meta

import (
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/extract/internal/flat"
)

// How far around the headline the byline and date may sit, in characters
// of text: the line above it (kicker, "Last updated") and the deck, byline
// and date line below it.
const (
	zoneBefore = 300
	zoneAfter  = 700
	maxItems   = 200000
)

// textItem is one run of visible text in reading order, or a <time> whose
// machine-readable value stands for its text.
type textItem struct {
	text string
	time time.Time
	node *html.Node // the element holding the text
}

// zone is the text around the headline: the page's text runs and the
// indices of those near the headline, those below it first, nearest first.
type zone struct {
	items []textItem
	near  []int
}

// headZone reads the text around s.anchor once.
func (s *signals) headZone() *zone {
	if s.zone != nil {
		return s.zone
	}
	s.zone = &zone{}
	if s.anchor == nil {
		return s.zone
	}
	z := s.zone
	// The headline's own ancestors are never skipped, whatever their class
	// says ("comments-open" on a <body>).
	holds := map[*html.Node]bool{}
	for p := s.anchor; p != nil; p = p.Parent {
		holds[p] = true
	}
	first, last := -1, -1
	afterBudget := zoneAfter
	var walk func(n *html.Node, depth int) bool
	walk = func(n *html.Node, depth int) bool {
		if depth > 256 || len(z.items) > maxItems {
			return false
		}
		if n == s.anchor {
			first = len(z.items)
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, depth+1)
			}
			last = len(z.items) - 1
			return true
		}
		switch n.Type {
		case html.TextNode:
			if t := strings.TrimSpace(n.Data); t != "" {
				z.items = append(z.items, textItem{text: clean(t), node: n.Parent})
				if last >= 0 {
					afterBudget -= len(t)
				}
			}
			return afterBudget > 0
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Head,
				atom.Select, atom.Option, atom.Iframe, atom.Button:
				return true
			case atom.Time:
				if t, ok := parseDate(flat.Attr(n, "datetime")); ok {
					txt := nodeText(n)
					z.items = append(z.items, textItem{text: txt, time: t, node: n})
					if last >= 0 {
						afterBudget -= len(txt) + 1
					}
					return afterBudget > 0
				}
			}
			if !holds[n] && (isHiddenNode(n) || isCommentNode(n)) {
				return true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c, depth+1) {
				return false
			}
		}
		return true
	}
	for _, n := range s.doc.Nodes {
		walk(n, 0)
	}
	if first < 0 {
		return z
	}
	budget := zoneAfter
	for i := last + 1; i < len(z.items) && budget > 0; i++ {
		z.near = append(z.near, i)
		budget -= len(z.items[i].text) + 1
	}
	budget = zoneBefore
	for i := first - 1; i >= 0 && budget > 0; i-- {
		z.near = append(z.near, i)
		budget -= len(z.items[i].text) + 1
	}
	return z
}

// isCommentNode reports a reader comment or comment thread: its dates and
// names are the commenters', never the article's.
func isCommentNode(n *html.Node) bool {
	if strings.HasSuffix(flat.Attr(n, "itemtype"), "Comment") {
		return true
	}
	for _, k := range []string{"class", "id"} {
		v := strings.ToLower(flat.Attr(n, k))
		if strings.Contains(v, "comment") && !strings.Contains(v, "comments-count") && !strings.Contains(v, "comment-count") {
			return true
		}
	}
	return false
}
