package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/extract/internal/flat"
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
		if alt := flat.Attr(n, "alt"); meaningfulAlt(fold(alt), flat.Attr(n, "src")) {
			return alt, true
		}
	}
	if l := strings.TrimSpace(flat.Attr(n, "aria-label")); l != "" {
		return l, true
	}
	if n.DataAtom == atom.Title && n.Parent != nil && n.Parent.Data == "svg" || hasHiddenClass(flat.Attr(n, "class")) {
		return textOf(n), true
	}
	if t := strings.TrimSpace(flat.Attr(n, "title")); t != "" && (strings.IndexByte(t, ' ') >= 0 || !strings.ContainsAny(t, "-_.")) {
		return t, true
	}
	return "", true
}

// isIcon reports whether an image is drawn small, or named as an icon.
func isIcon(n *html.Node) bool {
	for _, k := range []string{"width", "height"} {
		if v, err := strconv.Atoi(strings.TrimSuffix(flat.Attr(n, k), "px")); err == nil && v <= 48 {
			return true
		}
	}
	c := strings.ToLower(flat.Attr(n, "class"))
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

// iconWords are the words an image's address uses for what is a glyph of
// the page's own design rather than a picture of the story.
var iconWords = []string{"icon", "icons", "favicon", "sprite", "sprites", "badge", "badges", "logo", "logos", "arrow", "arrows", "chevron"}

// decorative reports whether image i is an icon, a badge or a logo set in
// the page's furniture, not a picture of the story: a vector file, one
// drawn small, one whose address or alt text names it an icon, or one
// inside a button, or a link that already says what its alt text says.
// An icon's alt text would add a line of "Image: ..." to the body for
// every bullet, arrow and award badge.
func (e *emitter) decorative(i int32, u, alt string) bool {
	h := e.t.Node[i]
	if isIcon(h) || iconURL(u) {
		return true
	}
	words := strings.Fields(fold(alt))
	if len(words) > 1 && strings.HasSuffix(words[len(words)-1], "icon") {
		return true
	}
	ns := e.t.nodes
	for p, k := e.t.Parent[i], 0; p >= 0 && k < 6; p, k = e.t.Parent[p], k+1 {
		switch ns[p].tag {
		case atom.Button:
			return true
		case atom.A:
			t := fold(textOf(e.t.Node[p]))
			return t != "" && t == fold(alt)
		}
	}
	return false
}

// iconURL reports whether an image's address is a vector file, which a
// page draws its icons with, or names an icon in its path.
func iconURL(u string) bool {
	p := strings.ToLower(u)
	if k := strings.IndexAny(p, "?#"); k >= 0 {
		p = p[:k]
	}
	if strings.HasSuffix(p, ".svg") || strings.HasPrefix(p, "data:") {
		return true
	}
	if k := strings.Index(p, "://"); k >= 0 {
		p = p[k+3:]
		if k := strings.IndexByte(p, '/'); k >= 0 {
			p = p[k:] // the host can be a brand's own name
		}
	}
	for _, w := range strings.FieldsFunc(p, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if strings.HasPrefix(w, "icon") || strings.HasSuffix(w, "icon") || slices.Contains(iconWords, w) {
			return true
		}
	}
	return false
}
