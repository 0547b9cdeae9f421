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
	keep := fp.anchors
	if scope == root {
		keep = fp.mainArea()
	}
	out := fp.once(keep)
	if len(out) < MinFrontPageStories {
		return nil, false, nil
	}
	return out[:min(len(out), maxFrontPageStories)], true, nil
}

type frontPage struct {
	urls    resolver
	site    string // the page's site, "cnn.com"; "" when the page URL is unknown
	links   int
	anchors []*html.Node          // every headline link to a story, in page order
	stories map[*html.Node]string // each anchor's story key (see storyKey)
	out     map[*html.Node]story.Story
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

// link adds an anchor when it is a headline link to a story. A story
// linked twice is kept twice here and listed once by once, after the main
// area is chosen, so that a copy in a trending bar the area leaves out does
// not hide the one in the main area.
func (fp *frontPage) link(a *html.Node) {
	href := fp.urls.resolve(flat.Attr(a, "href"))
	if href == "" {
		return
	}
	key, ok := fp.storyKey(href)
	title := sanitize.Line(nodeText(a))
	if !ok || !headlineText(title) {
		return
	}
	if fp.out == nil {
		fp.out, fp.stories = map[*html.Node]story.Story{}, map[*html.Node]string{}
	}
	fp.out[a] = story.Story{Title: title, URL: href}
	fp.stories[a] = key
	fp.anchors = append(fp.anchors, a)
}

// once is the stories of anchors, in order, each story once: the first
// link to it keeps its place and its headline, as the page's most
// prominent mention (the lead or its column, before a later box repeats
// it under a shorter headline).
func (fp *frontPage) once(anchors []*html.Node) []story.Story {
	seen := map[string]bool{}
	var out []story.Story
	for _, a := range anchors {
		if k := fp.stories[a]; !seen[k] {
			seen[k] = true
			out = append(out, fp.out[a])
		}
	}
	return out
}

// storyKey reports whether u looks like a story of this site — http(s),
// on the page's site, and a path shaped like an article's (a date, a slug
// of several words, a long number or a file name) rather than a section,
// tag or author page — and gives its identity, so that a story linked
// twice is listed once: the host without "www.", the path without a
// trailing slash, and the query only when the path does not name the
// story by itself (article.php?id=12). Where it does, a query only says
// which link was followed (?hpt=hp_t2, ?utm_source=…).
func (fp *frontPage) storyKey(u string) (key string, ok bool) {
	p, err := url.Parse(u)
	if err != nil {
		return "", false
	}
	// Without the page's URL, a relative link is the site's own.
	relative := fp.urls.base == nil && p.Scheme == "" && p.Host == "" && strings.HasPrefix(p.Path, "/")
	if p.Scheme != "http" && p.Scheme != "https" && !relative {
		return "", false
	}
	if fp.site != "" && siteOf(p.Hostname()) != fp.site {
		return "", false
	}
	if isTaxonomyURL(u) {
		return "", false
	}
	segs := strings.FieldsFunc(strings.ToLower(p.Path), func(r rune) bool { return r == '/' })
	if len(segs) == 0 {
		return "", false
	}
	for _, s := range segs {
		if nonStorySegments[s] {
			return "", false
		}
	}
	key = strings.TrimPrefix(strings.ToLower(p.Host), "www.") + strings.TrimRight(p.EscapedPath(), "/")
	for _, s := range segs {
		if datePart.MatchString(s) && len(segs) >= 2 || strings.Count(s, "-")+strings.Count(s, "_") >= 2 || longNumber.MatchString(s) {
			return key, true
		}
	}
	if p.RawQuery != "" {
		key += "?" + p.RawQuery
	}
	return key, strings.Contains(segs[len(segs)-1], ".") && len(segs) >= 2
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
