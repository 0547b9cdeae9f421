package related

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/extract/internal/flat"
)

// maxNodes bounds the elements one page may cost; past it the rest of the
// page is ignored, which keeps hostile pages (millions of elements, 100k
// nesting) linear and small.
const maxNodes = 300_000

// dom is the related-links finder's view of the page: its flattened DOM
// (package flat), elements only, so that "everything inside element i" is
// the index range i..last(i) and subtree sums are two lookups, and the
// finder's own annotations, index for index. Every walk over it is
// iterative: deep nesting cannot exhaust the stack.
type dom struct {
	*flat.DOM

	// Prefix sums over document order, len(Node)+1 long.
	anchorsPre []int32 // <a href> elements
	textPre    []int32 // visible text bytes, attributed to the enclosing element
	linkPre    []int32 // the part of it inside links
	prosePre   []int32 // paragraphs of prose: <p> with 200+ bytes of unlinked text

	chrome  []bool  // inside navigation, page header/footer, share bars, ads (after settle)
	frame   []bool  // inside the page's structural chrome: <nav>, page <header>/<footer>
	marked  []bool  // the element's own class or id names chrome or an ad
	part    []part  // the card part the element's class names
	section []bool  // inside article, aside, nav, section or main
	inLink  []bool  // inside an <a>
	signal  []int32 // nearest ancestor-or-self whose attributes mark a block, or -1
	sigTier []tier  // the tier of that mark

	base *url.URL        // what relative links resolve against; nil when unknown
	host string          // the page's host, for same-site checks
	self map[string]bool // keys of the page's own URLs
}

// skipped elements hold no reader-visible text.
func skipped(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Svg, atom.Object, atom.Select, atom.Textarea:
		return true
	}
	return false
}

// textOf counts the bytes of a text node's words, one space between, as
// strings.Fields would but without allocating.
func textOf(n *html.Node) int32 {
	c, in := int32(0), false
	for i := 0; i < len(n.Data); i++ {
		switch n.Data[i] {
		case ' ', '\n', '\t', '\r', '\f':
			in = false
		default:
			if !in {
				c++ // the space before the word
				in = true
			}
			c++
		}
	}
	return c
}

func newDOM(root *html.Node) *dom {
	d := &dom{}
	infos := map[string]attrInfo{}
	var textLen, linkLen []int32
	visit := func(n *html.Node, par int32) flat.Action {
		if n.Type == html.TextNode {
			if par >= 0 {
				c := textOf(n)
				textLen[par] += c
				if d.inLink[par] {
					linkLen[par] += c
				}
			}
			return flat.Skip
		}
		idx := int32(len(textLen))
		textLen = append(textLen, 0)
		linkLen = append(linkLen, 0)
		info := attrsOf(n, infos)
		var pFrame, pSection, pLink bool
		pSig, pTier := int32(-1), tierNone
		if par >= 0 {
			pFrame, pSection, pLink = d.frame[par], d.section[par], d.inLink[par]
			pSig, pTier = d.signal[par], d.sigTier[par]
		}
		d.frame = append(d.frame, pFrame || isFrame(n, pSection))
		d.marked = append(d.marked, (info.marked || frameLike(n)) && !outer(n.DataAtom))
		d.part = append(d.part, info.part)
		d.section = append(d.section, pSection || isSection(n.DataAtom))
		d.inLink = append(d.inLink, pLink || n.DataAtom == atom.A)
		if t := info.tier; t != tierNone {
			pSig, pTier = idx, t
		}
		d.signal = append(d.signal, pSig)
		d.sigTier = append(d.sigTier, pTier)
		if skipped(n.DataAtom) {
			return flat.Leaf
		}
		return flat.Descend
	}
	d.DOM = flat.Build(root, flat.Options{Limit: maxNodes, Visit: visit})
	n := d.Len()
	d.anchorsPre = make([]int32, n+1)
	d.textPre = make([]int32, n+1)
	d.linkPre = make([]int32, n+1)
	for i, el := range d.Node {
		a := int32(0)
		if el.DataAtom == atom.A && flat.HasAttr(el, "href") {
			a = 1
		}
		d.anchorsPre[i+1] = d.anchorsPre[i] + a
		d.textPre[i+1] = d.textPre[i] + textLen[i]
		d.linkPre[i+1] = d.linkPre[i] + linkLen[i]
	}
	d.prosePre = make([]int32, n+1)
	for i, el := range d.Node {
		p := int32(0)
		if el.DataAtom == atom.P && d.text(int32(i))-d.linkText(int32(i)) >= proseParagraph {
			p = 1
		}
		d.prosePre[i+1] = d.prosePre[i] + p
	}
	return d
}

// proseParagraph is the unlinked text that makes a paragraph prose rather
// than a card's summary.
const proseParagraph = 200

// prose counts the prose paragraphs inside element i.
func (d *dom) prose(i int32) int { return int(d.prosePre[d.last(i)+1] - d.prosePre[i]) }

func isSection(a atom.Atom) bool {
	switch a {
	case atom.Article, atom.Aside, atom.Nav, atom.Section, atom.Main:
		return true
	}
	return false
}

// settle decides which elements are chrome once the body is known: the
// page frame, and anything whose class or id names chrome or an ad, unless
// it holds the article body. Pages name whole-page wrappers "Page-ad-margins"
// or "menu-push-wrapper"; the body is never really inside chrome.
func (d *dom) settle(body int32) {
	d.chrome = make([]bool, len(d.Node))
	for i := range d.Node {
		c := d.frame[i]
		if p := d.Parent[i]; p >= 0 && d.chrome[p] {
			c = true
		}
		if !c && d.marked[i] && !(body >= 0 && d.Contains(int32(i), body)) {
			c = true
		}
		if c && d.ownRelated(int32(i)) {
			c = false
		}
		d.chrome[i] = c
	}
}

// ownRelated reports an element whose own class names a related block
// ("related-posts") inside a wrapper that only its class calls chrome
// ("site-footer"): pages put their related block in such wrappers, and the
// block's own name is the nearer word. Structural chrome (<nav>, the page
// <footer>) and ad wrappers still hide it.
func (d *dom) ownRelated(i int32) bool {
	if d.frame[i] || d.marked[i] || d.signal[i] != i || d.sigTier[i] != tierRelated {
		return false
	}
	for a := d.Parent[i]; a >= 0; a = d.Parent[a] {
		if d.marked[a] && judge(attrWords(d.Node[a])).ad {
			return false
		}
	}
	return true
}

// isFrame: <nav>, navigation roles, buttons, and <header>/<footer> that
// belong to the page rather than to an article or section (HTML's own rule
// for which section a header heads).
func isFrame(n *html.Node, inSection bool) bool {
	switch n.DataAtom {
	case atom.Nav, atom.Button, atom.Select:
		return true
	case atom.Header, atom.Footer:
		if !inSection {
			return true
		}
	}
	switch flat.Attr(n, "role") {
	case "navigation", "banner", "contentinfo", "menu", "menubar", "search":
		return true
	}
	switch flat.Attr(n, "rel") {
	case "prev", "next", "tag", "author", "category", "sponsored":
		return true
	}
	return false
}

// frameLike: a form, or an id naming the header, footer or menu. Unlike the
// frame these are only chrome when they do not hold the body: some sites
// wrap the whole page in one <form> or a div#menu-wrapper.
func frameLike(n *html.Node) bool {
	if n.DataAtom == atom.Form {
		return true
	}
	switch strings.ToLower(flat.Attr(n, "id")) {
	case "header", "footer", "nav", "navigation", "menu", "masthead", "site-header", "site-footer":
		return true
	}
	return false
}

// attrInfo is what an element's naming attributes say about it.
type attrInfo struct {
	tier   tier // the block it marks, if any
	marked bool // it names navigation, sharing, comments, pagination or an ad
	ad     bool // it names an ad or a paid widget
	part   part // the part of a story card it holds, if any
}

// part names the parts of a story card.
type part uint8

const (
	partTitle part = 1 << iota
	partDesc
	partTime
	partSite
)

// attrsOf reads an element's naming attributes. Pages repeat the same class
// strings thousands of times, so results are cached per distinct string.
func attrsOf(n *html.Node, cache map[string]attrInfo) attrInfo {
	// The key is the naming values joined by NUL (which the HTML parser
	// never leaves in a value); most elements have one, a class, which
	// serves as the key without building a string.
	var key string
	count := 0
	for _, a := range n.Attr {
		if naming(a.Key) && a.Val != "" && len(a.Val) <= 200 {
			if count == 0 {
				key = a.Val
			} else {
				key += "\x00" + a.Val
			}
			count++
		}
	}
	if count == 0 {
		return attrInfo{}
	}
	if info, ok := cache[key]; ok {
		return info
	}
	info := judge(attrWords(n))
	if len(cache) < 10_000 {
		cache[key] = info
	}
	return info
}

// outer elements (the document, its body, its main) are never chrome.
func outer(a atom.Atom) bool {
	return a == atom.Html || a == atom.Body || a == atom.Main
}

func (d *dom) anchors(i int32) int { return int(d.anchorsPre[d.last(i)+1] - d.anchorsPre[i]) }
func (d *dom) text(i int32) int    { return int(d.textPre[d.last(i)+1] - d.textPre[i]) }
func (d *dom) linkText(i int32) int {
	return int(d.linkPre[d.last(i)+1] - d.linkPre[i])
}

// last is the index of element i's last descendant, or i.
func (d *dom) last(i int32) int32 { return d.End[i] - 1 }

// textLimit caps the text read from one element; headlines and headings are
// short, and a capped read keeps a huge element from costing much.
const textLimit = 600

// maxTextVisits bounds the nodes innerText walks: text hidden under
// thousands of empty elements is not a headline.
const maxTextVisits = 4096

// innerText is the element's visible text with spaces collapsed, read
// iteratively and stopped after about limit bytes.
func innerText(n *html.Node, limit int) string {
	return textExcept(n, limit, nil)
}

// textExcept is innerText leaving out the elements in except.
func textExcept(n *html.Node, limit int, except map[*html.Node]bool) string {
	var b strings.Builder
	space := false
	visits := 0
	for c := n.FirstChild; c != nil; {
		if visits++; b.Len() >= limit || visits > maxTextVisits {
			break
		}
		descend := false
		switch c.Type {
		case html.TextNode:
			for _, r := range c.Data {
				if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\u00a0' || r == '\u200b' {
					space = b.Len() > 0
					continue
				}
				if space {
					b.WriteByte(' ')
					space = false
				}
				if r == utf8.RuneError {
					continue
				}
				b.WriteRune(r)
			}
		case html.ElementNode:
			descend = !skipped(c.DataAtom) && !except[c]
			if c.DataAtom == atom.Br || block(c.DataAtom) || except[c] {
				space = b.Len() > 0
			}
		}
		if descend && c.FirstChild != nil {
			c = c.FirstChild
			continue
		}
		for c != nil && c != n {
			if c.NextSibling != nil {
				c = c.NextSibling
				break
			}
			c = c.Parent
			if c != nil && c.Type == html.ElementNode && block(c.DataAtom) {
				space = b.Len() > 0
			}
		}
		if c == n {
			break
		}
	}
	return b.String()
}

func block(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Section, atom.Article, atom.Header, atom.Footer, atom.Figure, atom.Figcaption, atom.Td, atom.Tr,
		atom.Dd, atom.Dt, atom.Blockquote, atom.Aside, atom.Time:
		return true
	}
	return false
}
