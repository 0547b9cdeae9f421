package extract

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/tread-reader/tread/extract/internal/flat"
	"github.com/tread-reader/tread/intake"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// Bounds on a front page read as a list.
const (
	// MinFrontPageStories is the fewest story links that make a page with
	// no article a front page.
	MinFrontPageStories = 5
	// maxFrontPageStories caps the stories listed.
	maxFrontPageStories = 150
	// maxFrontPageLinks caps the links looked at.
	maxFrontPageLinks = 20000
)

// FrontPage reads a page that has no article but lists stories — a news
// site's home page or a section page — as the stories it lists: the
// headline links of its main area, in page order, each once, without
// navigation, header and footer, section, tag and author pages, ads or
// share links. Each story has a title and a URL and no body (it is read
// when opened). contentType is as for PageWithContentType. ok is false
// when the page lists fewer than MinFrontPageStories stories: it is then
// neither an article nor a list.
func FrontPage(data []byte, pageURL, contentType string) (stories []story.Story, ok bool, err error) {
	if len(data) > MaxSize {
		return nil, false, fmt.Errorf("%w (%d bytes)", ErrTooLarge, len(data))
	}
	return ReadFrontPage(intake.HTML(data, intake.ContentTypeCharset(contentType)), pageURL)
}

// ReadFrontPage is FrontPage for a page already decoded to UTF-8, as
// package feed hands it over; like Read, it leaves unread what lies past
// maxTokens tokens.
func ReadFrontPage(text []byte, pageURL string) (stories []story.Story, ok bool, err error) {
	text, _ = cutAtTokens(text, maxTokens)
	root, err := parse(text)
	if err != nil {
		return nil, false, err
	}
	fp := frontPage{urls: newResolver(baseHref(root), pageURL, "")}
	if fp.urls.base != nil {
		fp.site = siteOf(fp.urls.base.Hostname())
	}
	scope := mainElement(root)
	if scope == nil {
		scope = root
	}
	fp.walk(scope, 0, false)
	out := fp.out
	if scope == root {
		out = fp.mainArea()
	}
	if len(out) < MinFrontPageStories {
		return nil, false, nil
	}
	return out[:min(len(out), maxFrontPageStories)], true, nil
}

type frontPage struct {
	urls    resolver
	site    string // the page's site, "cnn.com"; "" when the page URL is unknown
	seen    map[string]bool
	links   int
	out     []story.Story
	anchors []*html.Node // the anchor of each story in out
}

// walk collects story links under n, skipping chrome. inItem says n is
// inside an <article> or <section>, whose own <header> and <footer> hold
// its headline and byline, not the page's chrome.
func (fp *frontPage) walk(n *html.Node, depth int, inItem bool) {
	if depth > maxDepth || fp.links >= maxFrontPageLinks {
		return
	}
	if n.Type == html.ElementNode {
		if chromeElement(n, inItem) {
			return
		}
		if n.DataAtom == atom.A {
			fp.links++
			fp.link(n)
			return
		}
		inItem = inItem || n.DataAtom == atom.Article || n.DataAtom == atom.Section
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		fp.walk(c, depth+1, inItem)
	}
}

// link adds an anchor when it is a headline link to a story.
func (fp *frontPage) link(a *html.Node) {
	href := fp.urls.resolve(flat.Attr(a, "href"))
	if href == "" || !fp.storyURL(href) {
		return
	}
	title := sanitize.Line(nodeText(a))
	key := strings.TrimSuffix(strings.SplitN(href, "#", 2)[0], "/")
	if fp.seen[key] || !headlineText(title) {
		return
	}
	if fp.seen == nil {
		fp.seen = map[string]bool{}
	}
	fp.seen[key] = true
	fp.out = append(fp.out, story.Story{Title: title, URL: href})
	fp.anchors = append(fp.anchors, a)
}

// storyURL reports whether u looks like a story of this site: http(s), on
// the page's site, and a path shaped like an article's (a date, a slug of
// several words, a long number or a file name) rather than a section, tag
// or author page.
func (fp *frontPage) storyURL(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	// Without the page's URL, a relative link is the site's own.
	relative := fp.urls.base == nil && p.Scheme == "" && p.Host == "" && strings.HasPrefix(p.Path, "/")
	if p.Scheme != "http" && p.Scheme != "https" && !relative {
		return false
	}
	if fp.site != "" && siteOf(p.Hostname()) != fp.site {
		return false
	}
	if isTaxonomyURL(u) {
		return false
	}
	segs := strings.FieldsFunc(strings.ToLower(p.Path), func(r rune) bool { return r == '/' })
	if len(segs) == 0 {
		return false
	}
	for _, s := range segs {
		if nonStorySegments[s] {
			return false
		}
	}
	last := segs[len(segs)-1]
	for _, s := range segs {
		if datePart.MatchString(s) && len(segs) >= 2 || strings.Count(s, "-")+strings.Count(s, "_") >= 2 || longNumber.MatchString(s) {
			return true
		}
	}
	return strings.Contains(last, ".") && len(segs) >= 2
}

var (
	datePart   = regexp.MustCompile(`^(19|20)\d\d$|^\d{4}-\d\d-\d\d$`)
	longNumber = regexp.MustCompile(`\d{5,}`)
)

// nonStorySegments are path segments of pages that are not stories.
var nonStorySegments = map[string]bool{
	"author": true, "authors": true, "profile": true, "profiles": true, "people": true,
	"about": true, "about-us": true, "contact": true, "contact-us": true, "search": true,
	"login": true, "signin": true, "sign-in": true, "register": true, "subscribe": true,
	"subscription": true, "newsletter": true, "newsletters": true, "privacy": true,
	"privacy-policy": true, "terms": true, "terms-of-use": true, "cookies": true, "help": true,
	"feedback": true, "advertise": true, "careers": true, "jobs": true, "share": true,
	"sharer": true, "sharer.php": true, "intent": true, "rss": true, "feed": true, "feeds": true,
	"account": true, "shop": true, "store": true,
}

// headlineText reports whether an anchor's text reads as a headline: a
// few words, not a label such as "Read more" or "Video".
func headlineText(t string) bool {
	if len(t) < 12 || len(t) > 300 || len(strings.Fields(t)) < 3 {
		return false
	}
	return !labels[strings.ToLower(strings.Trim(t, " .:»›→…"))]
}

var labels = map[string]bool{
	"read more": true, "full story": true, "continue reading": true, "read the full story": true,
	"see all stories": true, "more stories": true, "view all": true, "see more": true,
}

// chromeTags are elements whose links are the page's chrome.
var chromeTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
	atom.Menu: true, atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Select: true, atom.Button: true, atom.Iframe: true,
}

// chromeWords in an element's class or id mark it as chrome.
var chromeWords = regexp.MustCompile(`(?i)(^|[-_ ]|\b)(nav|navbar|navigation|menu|menus|header|hdr|masthead|footer|ftr|breadcrumbs?|share|sharing|social|sponsor(ed)?|advert\w*|ads?|promo|newsletter|cookie|consent|trending|inthenews|popular|most-?read|mostread|most-?popular|sidebar|rail|skip|login|subscribe|paywall|banner|ticker|related)($|[-_ ]|\b)`)

// chromeElement reports whether n holds page chrome rather than stories.
func chromeElement(n *html.Node, inItem bool) bool {
	if chromeTags[n.DataAtom] {
		return !inItem || (n.DataAtom != atom.Header && n.DataAtom != atom.Footer)
	}
	switch strings.ToLower(flat.Attr(n, "role")) {
	case "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar":
		return true
	}
	if flat.Hidden(n) {
		return true
	}
	class, id := flat.Attr(n, "class"), flat.Attr(n, "id")
	return chromeWords.MatchString(class) || chromeWords.MatchString(id) || gluedChrome.MatchString(class+" "+id)
}

// gluedChrome finds the abbreviations sites glue into longer names
// ("cnn_ftrcntnt", "site-hdr-wrap").
var gluedChrome = regexp.MustCompile(`(?i)ftr|hdr|topnav|mainnav|subnav|navbar`)

// mainArea is the stories of the page's main area, for a page that does
// not mark one with <main>: the blocks are the children of the element
// holding every story, and the main area is the first block with a run of
// stories, the blocks after it that look the same (a river of sections)
// and the headlines above it (a lead story), so that trending bars above
// and section boxes, galleries and link farms below are left out.
func (fp *frontPage) mainArea() []story.Story {
	if len(fp.anchors) < MinFrontPageStories {
		return fp.out
	}
	lca := fp.anchors[0].Parent
	for _, a := range fp.anchors[1:] {
		for lca != nil && !contains(lca, a) {
			lca = lca.Parent
		}
	}
	if lca == nil {
		return fp.out
	}
	block := func(a *html.Node) *html.Node {
		for a.Parent != nil && a.Parent != lca {
			a = a.Parent
		}
		return a
	}
	counts := map[*html.Node]int{}
	for _, a := range fp.anchors {
		counts[block(a)]++
	}
	var first *html.Node
	for _, a := range fp.anchors {
		if b := block(a); counts[b] >= MinFrontPageStories {
			first = b
			break
		}
	}
	if first == nil {
		return fp.out
	}
	var out []story.Story
	for i, a := range fp.anchors {
		b := block(a)
		switch {
		case b == first, precedes(first, b) && sameKind(first, b),
			precedes(b, first) && inHeading(a, b):
			// Before the run, a headline under a heading is the lead
			// story; bare links there are a trending bar.
			out = append(out, fp.out[i])
		}
	}
	return out
}

// inHeading reports whether a sits in a heading (h1 to h3) inside block.
func inHeading(a, block *html.Node) bool {
	for n := a.Parent; n != nil && n != block.Parent; n = n.Parent {
		switch n.DataAtom {
		case atom.H1, atom.H2, atom.H3:
			return true
		}
	}
	return false
}

// contains reports whether n is an ancestor of d (or d itself).
func contains(n, d *html.Node) bool {
	for ; d != nil; d = d.Parent {
		if d == n {
			return true
		}
	}
	return false
}

// precedes reports whether sibling a comes before sibling b.
func precedes(a, b *html.Node) bool {
	for n := a.NextSibling; n != nil; n = n.NextSibling {
		if n == b {
			return true
		}
	}
	return false
}

// sameKind reports whether two blocks are alike: the same element, and at
// least half their class names shared ("block block--world" and "block
// block--sport").
func sameKind(a, b *html.Node) bool {
	if a.Type != html.ElementNode || a.DataAtom != b.DataAtom || a.Data != b.Data {
		return false
	}
	ca, cb := strings.Fields(flat.Attr(a, "class")), strings.Fields(flat.Attr(b, "class"))
	if len(ca) == 0 && len(cb) == 0 {
		return true
	}
	common := 0
	for _, x := range ca {
		for _, y := range cb {
			if x == y {
				common++
				break
			}
		}
	}
	return 2*common >= max(len(ca), len(cb))
}

// mainElement is the page's <main> or role="main", nil when it has none.
func mainElement(root *html.Node) *html.Node {
	var found *html.Node
	var find func(*html.Node, int)
	find = func(n *html.Node, depth int) {
		if found != nil || depth > maxDepth {
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.Main || strings.EqualFold(flat.Attr(n, "role"), "main")) {
			found = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c, depth+1)
		}
	}
	find(root, 0)
	return found
}

// nodeText is the text under n, tags dropped.
func nodeText(n *html.Node) string {
	var b bytes.Buffer
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > maxDepth || b.Len() > 2000 {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
				return
			}
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return b.String()
}

// siteOf is a host's site: its last two labels ("money.cnn.com" →
// "cnn.com"), three when the second-last is short ("bbc.co.uk").
func siteOf(host string) string {
	labels := strings.Split(strings.TrimSuffix(strings.ToLower(host), "."), ".")
	n := 2
	if len(labels) >= 3 && len(labels[len(labels)-2]) <= 3 && len(labels[len(labels)-1]) == 2 {
		n = 3
	}
	if len(labels) <= n {
		return strings.Join(labels, ".")
	}
	return strings.Join(labels[len(labels)-n:], ".")
}
