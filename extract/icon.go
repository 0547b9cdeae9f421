package extract

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Bounds on the search for an icon's name.
const (
	maxIconNodes = 64
	maxIconText  = 60
)

// iconText names the icon that is all a table cell or list item shows: a
// check mark or a threat's badge whose meaning is only in its aria-label,
// its title, a small image's alt text, an SVG <title>, or a text kept for
// screen readers. It reads the page itself, since the mirror leaves out
// SVG and hidden text. Links are left alone (an icon that links is a
// share or store button), as are pictures (a gallery is not icons). It
// returns "" when there is no such name.
func iconText(h *html.Node) string {
	seen := 0
	var find func(*html.Node) (string, bool)
	find = func(n *html.Node) (string, bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if seen++; seen > maxIconNodes {
				return "", false
			}
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.A || c.DataAtom == atom.Button {
				return "", false
			}
			t, ok := ownName(c)
			if !ok {
				return "", false
			}
			if t != "" {
				return t, true
			}
			if t, ok := find(c); t != "" || !ok {
				return t, ok
			}
		}
		return "", true
	}
	t, _ := find(h)
	t = strings.Join(strings.Fields(t), " ")
	if len(t) > maxIconText {
		return ""
	}
	return t
}

// ownName is the name an element gives itself, if any; false for an
// image that is a picture, not an icon.
func ownName(n *html.Node) (string, bool) {
	if n.DataAtom == atom.Img {
		if !isIcon(n) {
			return "", false
		}
		if alt := attr(n, "alt"); meaningfulAlt(fold(alt), attr(n, "src")) {
			return alt, true
		}
	}
	if l := strings.TrimSpace(attr(n, "aria-label")); l != "" {
		return l, true
	}
	if n.DataAtom == atom.Title && n.Parent != nil && n.Parent.Data == "svg" || hasHiddenClass(attr(n, "class")) {
		return textOf(n), true
	}
	if t := strings.TrimSpace(attr(n, "title")); t != "" && (strings.IndexByte(t, ' ') >= 0 || !strings.ContainsAny(t, "-_.")) {
		return t, true
	}
	return "", true
}

// isIcon reports whether an image is drawn small, or named as an icon.
func isIcon(n *html.Node) bool {
	for _, k := range []string{"width", "height"} {
		if v, err := strconv.Atoi(strings.TrimSuffix(attr(n, k), "px")); err == nil && v <= 48 {
			return true
		}
	}
	c := strings.ToLower(attr(n, "class"))
	return strings.Contains(c, "icon") || strings.Contains(c, "emoji")
}

// textOf is the text under a small element.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil && depth < 8 && b.Len() <= maxIconText; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
				b.WriteByte(' ')
			}
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}
