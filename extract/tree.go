package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/extract/internal/flat"
)

// maxNodes bounds the elements and text nodes the extractor looks at; a
// page past it is read as far as the limit reaches. The parse is bounded
// already (maxTokens), so this only catches the elements the parser adds
// on its own.
const maxNodes = maxTokens + maxTokens/4

// node is the body extractor's annotation of one element or text node of
// the page's flattened DOM (package flat), kept at the same index.
type node struct {
	owner int32 // text: the block element whose inline text it is; -1 none
	tag   atom.Atom
	hint  hint
	flags uint16

	chars    int32 // visible characters in the subtree
	links    int32 // of those, inside links
	own      int32 // characters of an element's own inline text
	ownLinks int32
	good     int32   // characters in well-formed paragraphs in the subtree
	score    float32 // content score of the subtree
}

const (
	fText     uint16 = 1 << iota
	fBlock           // a block-level element: it owns the inline text inside it
	fInLink          // inside an <a href>
	fHasBlock        // has a block-level element below it
	fDead            // removed from the content: chrome, or inside chrome
	fItemBody        // itemprop=articleBody
	fInPre           // inside <pre>: whitespace is kept
	fMatched         // its own text is part of the JSON-LD articleBody
	fEllipsis        // its own text ends in an ellipsis, as teasers do
	fTeaser          // a teaser's summary: prose under a linked headline
	fSentence        // its own text ends like a sentence
	fCaption         // a picture's caption or credit, by its class
	fHasTable        // has a <table> below it
)

// tree is the mirror of a page: its flattened DOM, and the body
// extractor's annotations in nodes, index for index.
type tree struct {
	*flat.DOM
	nodes []node
	hints map[string]classResult // class values already classified
	urls  resolver
}

// junkTags never hold article text a reader sees.
var junkTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Svg: true, atom.Canvas: true,
	atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true,
	atom.Option: true, atom.Head: true, atom.Title: true, atom.Meta: true, atom.Link: true,
	atom.Audio: true, atom.Video: true, atom.Map: true, atom.Dialog: true, atom.Frame: true,
	atom.Frameset: true, atom.Applet: true, atom.Source: true, atom.Track: true,
	atom.Math: true, atom.Datalist: true, atom.Menu: true, atom.Label: true,
}

// inlineTags flow inside a paragraph; every other element starts a block.
var inlineTags = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true, atom.Br: true,
	atom.Cite: true, atom.Code: true, atom.Data: true, atom.Del: true, atom.Dfn: true,
	atom.Em: true, atom.Font: true, atom.I: true, atom.Img: true, atom.Ins: true,
	atom.Kbd: true, atom.Mark: true, atom.Q: true, atom.S: true, atom.Samp: true,
	atom.Small: true, atom.Span: true, atom.Strike: true, atom.Strong: true, atom.Sub: true,
	atom.Sup: true, atom.Time: true, atom.Tt: true, atom.U: true, atom.Var: true,
	atom.Wbr: true, atom.Picture: true, atom.Big: true, atom.Nobr: true, atom.Acronym: true,
	atom.Rp: true, atom.Rt: true, atom.Ruby: true,
}

type classResult struct {
	h       hint
	caption bool
}

// classHint is the package's classHint, remembered per class value: pages
// repeat the same few class values on thousands of elements.
func (t *tree) classHint(class, id string) (hint, bool) {
	if id != "" {
		return classHint(class, id)
	}
	if r, ok := t.hints[class]; ok {
		return r.h, r.caption
	}
	h, c := classHint(class, "")
	if t.hints == nil {
		t.hints = make(map[string]classResult, 256)
	}
	t.hints[class] = classResult{h, c}
	return h, c
}

// buildTree mirrors the page under root, leaving out what can never be
// content: scripts, styles, form controls and hidden elements.
func buildTree(root *html.Node) *tree {
	t := &tree{nodes: make([]node, 0, 1024)}
	t.DOM = flat.Build(root, flat.Options{Limit: maxNodes, Text: true, Visit: t.visit})
	return t
}

// visit annotates one node as flat.Build keeps it, from what its parent
// passes down: the link and <pre> it is inside, and the block that owns
// its inline text.
func (t *tree) visit(h *html.Node, parent int32) flat.Action {
	owner, inherited := int32(-1), uint16(0)
	if parent >= 0 {
		p := &t.nodes[parent]
		owner, inherited = p.owner, p.flags
		if p.flags&fBlock != 0 {
			owner = parent
		}
	}
	if h.Type == html.TextNode {
		n := node{owner: owner, flags: fText | inherited&(fInLink|fInPre), chars: textChars(h.Data)}
		if n.flags&fInLink != 0 {
			n.links = n.chars
		}
		if owner >= 0 && n.chars > 0 {
			o := &t.nodes[owner]
			o.own += n.chars
			o.ownLinks += n.links
			o.flags &^= fEllipsis | fSentence
			o.flags |= textEnd(h.Data)
		}
		t.nodes = append(t.nodes, n)
		return flat.Leaf
	}
	a := h.DataAtom
	if junkTags[a] || h.Namespace != "" {
		if isMedia(h) {
			// A leaf the emitter turns into a media line.
			t.nodes = append(t.nodes, node{owner: owner, tag: a, flags: fBlock | inherited&fInLink})
			return flat.Leaf
		}
		return flat.Skip
	}
	n := node{owner: owner, tag: a, flags: inherited & (fInLink | fInPre)}
	t.annotate(&n, h)
	t.nodes = append(t.nodes, n)
	return flat.Descend
}

// annotate reads what an element's tag and attributes say about it: the
// chrome hint of its role, class and id, whether it is hidden, a link, the
// article body or a caption.
func (t *tree) annotate(n *node, h *html.Node) {
	a := h.DataAtom
	var class, id string
	hidden := flat.Hidden(h)
	for _, at := range h.Attr {
		switch at.Key {
		case "class":
			class = at.Val
		case "id":
			id = at.Val
		case "role":
			n.hint = max(n.hint, roleHint(at.Val))
		case "aria-expanded", "aria-pressed":
			// A control that opens or toggles something (a caption, a
			// menu, a timestamp's history): its own label is chrome.
			n.hint = max(n.hint, hintStrong)
		case "itemprop":
			if strings.Contains(at.Val, "articleBody") {
				n.flags |= fItemBody
			}
		case "href":
			if a == atom.A {
				n.flags |= fInLink
			}
		}
	}
	if class != "" || id != "" {
		ch, caption := t.classHint(class, id)
		n.hint = max(n.hint, ch)
		if caption {
			n.flags |= fCaption
		}
	}
	switch a {
	case atom.Html, atom.Body:
		// Page-wide classes describe the layout, not this element.
		n.hint = hintNone
	case atom.Nav, atom.Footer:
		n.hint = max(n.hint, hintStrong)
	case atom.Aside, atom.Header:
		n.hint = max(n.hint, hintWeak)
	case atom.Form:
		// Search boxes and sign-up forms are chrome, but some frameworks
		// wrap the whole page in one form: judged like named chrome, it
		// survives when it holds most of the page's prose.
		n.hint = max(n.hint, hintStrong)
	case atom.Pre:
		n.flags |= fInPre
	case atom.Tr, atom.Td, atom.Th, atom.Thead, atom.Tbody, atom.Tfoot:
		// A table is judged whole: a layout class on its cells ("sticky-
		// column" on the first) says how it scrolls, not that it is chrome.
		if n.hint < hintStrong {
			n.hint = hintNone
		}
	}
	if hidden {
		n.hint = hintHidden
	}
	if !inlineTags[a] {
		n.flags |= fBlock
	}
}

// textChars counts the visible characters of a text: runes that are not
// white space.
func textChars(s string) int32 {
	var n int32
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x80:
			if c > ' ' {
				n++
			}
		case c >= 0xC0: // a rune's first byte
			if c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0 {
				continue // no-break space
			}
			n++
		}
	}
	return n
}

// textEnd classifies how a text ends: in an ellipsis, or like a sentence.
func textEnd(s string) uint16 {
	s = strings.TrimRight(s, " \t\r\n\u00a0")
	switch {
	case strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…"):
		return fEllipsis
	case strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") ||
		strings.HasSuffix(s, "\"") || strings.HasSuffix(s, "”") || strings.HasSuffix(s, "。") ||
		strings.HasSuffix(s, ":"):
		return fSentence
	}
	return 0
}

// markTeasers finds the summaries of story teasers: prose that follows a
// headline made of a link within the same small card (dates and bylines
// may sit between them), or short prose that ends in an ellipsis. Lists of
// teasers otherwise read as prose.
func (t *tree) markTeasers() {
	title := int32(-1)
	for i := range t.nodes {
		n := &t.nodes[i]
		if n.own == 0 || n.flags&fText != 0 {
			continue
		}
		prose := n.own - n.ownLinks
		switch {
		case n.ownLinks*10 >= n.own*9 && n.own >= 15:
			title = -1
			if flat.IsHeading(n.tag) || n.ownLinks >= 25 {
				title = int32(i)
			}
		case prose >= minParagraph:
			if title >= 0 && int32(i)-title <= 40 && t.near(title, int32(i)) || n.flags&fEllipsis != 0 && prose < 400 {
				n.flags |= fTeaser
			}
			title = -1
		}
	}
}

// near reports whether element a lies inside one of b's closest ancestors:
// the two belong to the same card.
func (t *tree) near(a, b int32) bool {
	p := t.Parent[b]
	for k := 0; k < 5 && p >= 0; k++ {
		if a > p && a < t.End[p] {
			return true
		}
		p = t.Parent[p]
	}
	return false
}
