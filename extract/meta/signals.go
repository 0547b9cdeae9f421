package meta

import (
	stdhtml "html"
	"net/url"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/extract/internal/flat"
)

// signals is everything a page says about itself, gathered once so that
// each field can weigh every source against the others.
type signals struct {
	doc   *goquery.Document
	base  *url.URL // resolves relative URLs; nil when nothing is known
	tags  map[string][]string
	ld    ldInfo
	title string // <title>
	h1s   []heading
	lang  string
	// anchor is the element holding the headline the reader sees; the
	// byline and date are looked for around it.
	anchor    *html.Node
	zone      *zone
	propIndex map[string][]*goquery.Selection
	// links are the page's <link> elements; labelList (the labels of the
	// hosts the page is known by) and titleSiteName are derived once, on
	// first use.
	links         []linkTag
	labelList     []string
	titleSiteDone bool
	titleSiteName string
	// langTag is the page's declared language; byRE reads byline labels
	// and dayFirst orders numeric dates as that language writes them.
	langTag  string
	byRE     *regexp.Regexp
	dayFirst bool
}

// linkTag is a <link> element's rel, href and title, as written.
type linkTag struct {
	rel, href, title string
}

// heading is an <h1> with whether it sits inside the article or main
// content rather than the page chrome.
type heading struct {
	text      string
	lines     []string // the text of each block inside, when it has several
	inArticle bool
	node      *html.Node
}

// gather reads the page's meta tags, JSON-LD, <title>, headings and base URL.
func gather(doc *goquery.Document, pageURL string) *signals {
	s := &signals{doc: doc, tags: map[string][]string{}}
	s.base = baseURL(doc, pageURL)
	// One pass reads the meta tags and the <link>s (feeds, canonical,
	// icons) that name the site.
	for _, n := range doc.Find("meta, link").Nodes {
		if n.DataAtom == atom.Link {
			if href, ok := lookup(n, "href"); ok && len(s.links) < 200 {
				s.links = append(s.links, linkTag{rel: flat.Attr(n, "rel"), href: href, title: flat.Attr(n, "title")})
			}
			continue
		}
		s.addMeta(n)
	}
	s.ld = readLD(doc)
	s.title = clean(doc.Find("title").First().Text())
	doc.Find("h1").EachWithBreak(func(i int, h *goquery.Selection) bool {
		lines := blockLines(h)
		t := clean(strings.Join(lines, " "))
		if t != "" && len(t) < 400 && !hidden(h) {
			s.h1s = append(s.h1s, heading{text: t, lines: lines, inArticle: inContent(h), node: h.Get(0)})
		}
		return i < 20
	})
	if l, ok := doc.Find("html").First().Attr("lang"); ok {
		s.lang = strings.TrimSpace(l)
	}
	s.langTag = s.pickLang()
	s.byRE = bylineLabels(s.langTag)
	s.dayFirst = dayFirst(s.lang, s.tag("content-language"), s.tag("og:locale"), s.ld.Lang)
	return s
}

// addMeta files a meta tag's content under each of its names.
func (s *signals) addMeta(n *html.Node) {
	content, ok := lookup(n, "content")
	if !ok {
		content, ok = lookup(n, "value")
	}
	content = clean(content)
	if !ok || content == "" {
		return
	}
	for _, a := range []string{"property", "name", "itemprop", "http-equiv"} {
		if k, ok := lookup(n, a); ok {
			for _, key := range strings.Fields(strings.ToLower(k)) {
				s.tags[key] = append(s.tags[key], content)
			}
		}
	}
}

// lookup is an attribute's value and whether the element has it.
func lookup(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// tag is the first value of the first meta key present.
func (s *signals) tag(keys ...string) string {
	for _, k := range keys {
		if v := s.tags[k]; len(v) > 0 {
			return v[0]
		}
	}
	return ""
}

// baseURL is <base href> resolved against the page URL, or the page URL, or
// the canonical URL when the page URL is unknown.
func baseURL(doc *goquery.Document, pageURL string) *url.URL {
	var base *url.URL
	if u, err := url.Parse(strings.TrimSpace(pageURL)); err == nil && isWeb(u) {
		base = u
	}
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if u, err := url.Parse(strings.TrimSpace(href)); err == nil {
			if base != nil {
				u = base.ResolveReference(u)
			}
			if isWeb(u) {
				return u
			}
		}
	}
	if base == nil {
		for _, sel := range []string{`link[rel~="canonical"]`, `meta[property="og:url"]`} {
			n := doc.Find(sel).First()
			v := n.AttrOr("href", n.AttrOr("content", ""))
			if u, err := url.Parse(strings.TrimSpace(v)); err == nil && isWeb(u) {
				return u
			}
		}
	}
	return base
}

// isWeb reports an absolute http or https URL with a host.
func isWeb(u *url.URL) bool {
	return (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// abs makes a URL absolute against the page's base. It returns "" for
// things that are not web URLs (javascript:, data:, bare words when there is
// no base to resolve them against).
func (s *signals) abs(raw string) string {
	raw = strings.TrimSpace(unescape(raw))
	if raw == "" || len(raw) > 4096 {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if s.base != nil {
		u = s.base.ResolveReference(u)
	}
	if !isWeb(u) {
		return ""
	}
	return u.String()
}

// host is the page's host name without "www.".
func (s *signals) host() string {
	if s.base == nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(s.base.Hostname()), "www.")
}

// clean unescapes leftover entities and folds whitespace; metadata is one line.
func clean(s string) string {
	if strings.IndexByte(s, '&') >= 0 {
		s = unescape(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// contentAncestor reports whether n sits inside the page's article or main
// content rather than its header, navigation or sidebars.
func inContent(n *goquery.Selection) bool {
	for p := n.Parent(); p.Length() > 0; p = p.Parent() {
		node := p.Get(0)
		switch node.DataAtom {
		case atom.Article, atom.Main:
			return true
		case atom.Nav, atom.Aside, atom.Footer:
			return false
		}
		if role, _ := p.Attr("role"); role == "main" || role == "article" {
			return true
		}
		if it, _ := p.Attr("itemtype"); isArticleType(lastSegment(it)) {
			return true
		}
	}
	return false
}

// hidden reports elements a reader never sees.
func hidden(n *goquery.Selection) bool {
	for p := n; p.Length() > 0; p = p.Parent() {
		if flat.Hidden(p.Get(0)) {
			return true
		}
		cls, _ := p.Attr("class")
		for _, c := range strings.Fields(strings.ToLower(cls)) {
			switch c {
			case "sr-only", "screen-reader-text", "visually-hidden", "visuallyhidden", "hidden", "d-none":
				return true
			}
		}
	}
	return false
}

func lastSegment(s string) string {
	s = strings.TrimRight(strings.TrimSpace(s), "/")
	if i := strings.LastIndexAny(s, "/:#"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// blockLines is an element's text split where a browser would break lines:
// at <br> and around block elements, so that a heading with a kicker or
// subtitle inside it does not run the two together.
func blockLines(sel *goquery.Selection) []string {
	var lines []string
	var cur strings.Builder
	flush := func() {
		if t := clean(cur.String()); t != "" {
			lines = append(lines, t)
		}
		cur.Reset()
	}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 64 {
			return
		}
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
				return
			case atom.Br:
				flush()
				return
			}
		}
		block := n.Type == html.ElementNode && isBlock(n.DataAtom)
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
		if block {
			flush()
		}
	}
	for _, n := range sel.Nodes {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, 0)
		}
	}
	flush()
	return lines
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Header, atom.Footer, atom.Li, atom.Ul, atom.Ol,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Table, atom.Tr, atom.Td,
		atom.Blockquote, atom.Figure, atom.Figcaption, atom.Article, atom.Aside, atom.Nav,
		atom.Dl, atom.Dt, atom.Dd, atom.Pre, atom.Hr, atom.Form, atom.Main:
		return true
	}
	return false
}

// unescape decodes HTML entities left in metadata (JSON-LD and attribute
// values are often escaped twice).
func unescape(s string) string { return stdhtml.UnescapeString(s) }

// firstHeading is where the headline most likely sits when no heading
// matched the title: the first <h1> in the article, else the first <h1>.
func (s *signals) firstHeading() *html.Node {
	for _, h := range s.h1s {
		if h.inArticle {
			return h.node
		}
	}
	if len(s.h1s) > 0 {
		return s.h1s[0].node
	}
	return nil
}
