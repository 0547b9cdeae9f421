// Package related finds the stories a page presents as related to its
// article: related, read-next, see-also, timeline and recommended blocks,
// in-body "Read more:" lines, a bare list of headline links after the body,
// and site-wide further reading (most read, trending, more from a section).
//
// It reads general signals rather than per-site rules: block headings and
// the class, id and aria-label words of containers, the shape of link text
// (a headline, not a control), the shape of URLs (a story slug or id, not a
// tag, author, section or share page), and position relative to the body.
// Links in navigation, page header and footer, share bars, comments, ads and
// pagination are never returned.
package related

import (
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/extract/internal/flat"
	"github.com/tread-reader/tread/story"
)

// MaxStories caps how many related stories Find returns.
const MaxStories = 30

// maxWork bounds the elements examined across all regions of one page.
const maxWork = 1_000_000

// Find returns the page's related stories (title and URL, plus site, age and
// summary when the page gives them). body is the article body node the
// extractor chose, or an empty selection; pageURL resolves relative links.
//
// Stories the page relates to this one come first, then site-wide further
// reading, each in page order; URLs are absolute, without fragment or
// tracking parameters, and appear once.
func Find(doc *goquery.Document, body *goquery.Selection, pageURL string) []story.Story {
	if doc == nil || doc.Selection == nil || len(doc.Nodes) == 0 || doc.Nodes[0] == nil {
		return nil
	}
	d := newDOM(doc.Nodes[0])
	if len(d.Node) == 0 {
		return nil
	}
	d.setBase(pageURL)
	b, core := d.mainBody(body)
	d.settle(core)

	var found []link
	byKey := map[string]int{}
	budget := maxWork
	for _, r := range d.blocks(b, core) {
		if budget <= 0 {
			break
		}
		for _, l := range d.regionLinks(r, &budget) {
			if i, ok := byKey[l.key]; ok {
				// Seen in an earlier block: keep the closer tier.
				if l.tier < found[i].tier {
					found[i].tier, found[i].idx = l.tier, l.idx
				}
				continue
			}
			byKey[l.key] = len(found)
			found = append(found, l)
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].tier != found[j].tier {
			return found[i].tier < found[j].tier
		}
		return found[i].idx < found[j].idx
	})
	var out []story.Story
	for _, l := range found {
		if len(out) == MaxStories {
			break
		}
		out = append(out, l.s)
	}
	return out
}

// regionLinks returns the story links of region r, or none when the region
// reads as a menu or an ad: more of its link targets fail as stories
// (section roots, short labels) than pass, or it carries an ad label.
// budget counts down the elements examined.
func (d *dom) regionLinks(r region, budget *int) []link {
	var out []link
	seen := map[string]bool{}
	menuish := 0
	// Every element visited costs one unit of budget, so that overlapping
	// regions over a huge page stay bounded.
	for k := r.lo; k <= r.hi && *budget > 0; k++ {
		*budget--
		n := d.Node[k]
		if d.adLabel(k) && k != r.skip {
			return nil
		}
		if n.DataAtom != atom.A || !flat.HasAttr(n, "href") {
			continue
		}
		if r.skip >= 0 && d.Contains(r.skip, k) || d.chrome[k] {
			continue
		}
		abs, kk, _ := d.storyURL(k)
		loose := false
		if abs == "" && d.named(r) {
			abs, kk = d.sameSitePage(k)
			loose = abs != ""
		}
		if abs == "" {
			if d.menuTarget(k) && menuLabel(clean(innerText(n, 80))) && !d.kicker(k, r) {
				menuish++
			}
			continue
		}
		if seen[kk] {
			continue
		}
		if r.kind != kindLine && d.phrase(k) {
			continue
		}
		if d.text(k) == 0 && d.laterAnchor(k, r.hi, kk) {
			continue // an image link: the headline link after it names the story
		}
		it := d.item(k, r, kk)
		t := d.title(k, it, d.last(it))
		if loose && !fullHeadline(t) {
			continue
		}
		if !headline(t) {
			// A short label on a story URL ("Space Calendar") is a menu
			// entry; a control ("Read more") or an image link is not.
			if menuLabel(t) && !d.laterAnchor(k, r.hi, kk) {
				menuish++
				seen[kk] = true
			}
			continue
		}
		seen[kk] = true
		s := story.Story{Title: t, URL: abs}
		d.details(&s, it, k)
		out = append(out, link{idx: k, tier: r.tier, url: abs, key: kk, s: s})
	}
	out, generic := distinctTitles(out)
	if !r.verified && menuish+generic >= len(out) {
		return nil
	}
	return out
}

// named reports whether a region is a block the page itself names as
// related ("Related articles", class="related-posts"): there a same-site
// link with a full headline is a story even when its URL is too short to
// show it ("/b.html").
func (d *dom) named(r region) bool {
	return r.tier == tierRelated && r.kind != kindLine && !r.verified
}

// sameSitePage resolves anchor k to another page of this site that is not
// a listing, account or share page, for named blocks; "" when it is not.
func (d *dom) sameSitePage(k int32) (string, string) {
	abs := resolve(d.base, flat.Attr(d.Node[k], "href"))
	if abs == "" {
		return "", ""
	}
	u, err := url.Parse(abs)
	if err != nil || social(u) || !sameSite(site(u), d.host) {
		return "", ""
	}
	segs := strings.FieldsFunc(strings.ToLower(u.EscapedPath()), func(r rune) bool { return r == '/' })
	if len(segs) == 0 || dateArchive(segs) {
		return "", ""
	}
	for _, s := range segs {
		if nonStorySegments[s] {
			return "", ""
		}
	}
	switch path.Ext(segs[len(segs)-1]) {
	case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".pdf", ".mp3", ".mp4", ".zip", ".xml", ".json", ".js", ".css":
		return "", ""
	case "":
		if len(segs) == 1 {
			return "", "" // a section's root: "/world/"
		}
	}
	kk := key(abs)
	if d.self[kk] {
		return "", ""
	}
	return abs, kk
}

// fullHeadline is a headline of four words or more (ten characters in
// scripts without spaces): more than a menu label.
func fullHeadline(t string) bool {
	return headline(t) && (wordCount(t) >= 4 || cjkRunes(t) >= 10)
}

// distinctTitles drops links whose title the region gives to other URLs too
// ("Go to article", "Services near me"): a title shared by different stories
// names none of them. It returns the rest and how many were dropped.
func distinctTitles(ls []link) ([]link, int) {
	count := map[string]int{}
	for _, l := range ls {
		count[strings.ToLower(l.s.Title)]++
	}
	kept := ls[:0]
	for _, l := range ls {
		if count[strings.ToLower(l.s.Title)] == 1 {
			kept = append(kept, l)
		}
	}
	return kept, len(ls) - len(kept)
}

// adLabel reports an element that labels its block as an ad: a short text
// ("Ad", "Sponsored") or an ad link's title.
func (d *dom) adLabel(k int32) bool {
	n := d.Node[k]
	if n.DataAtom == atom.A && adLabel.MatchString(flat.Attr(n, "title")) {
		return true
	}
	t := d.text(k)
	return t > 0 && t <= 24 && d.last(k)-k <= 2 && adLabel.MatchString(clean(innerText(n, 30)))
}

// phrase reports a link on a phrase inside a sentence: its paragraph or
// list item holds much more text than the link, outside any other link.
// A card's headline sits in its own element, apart from the summary.
func (d *dom) phrase(k int32) bool {
	b := d.Parent[k]
	for b >= 0 && !block(d.Node[b].DataAtom) {
		b = d.Parent[b]
	}
	if b < 0 {
		return false
	}
	lt := d.text(k)
	other := d.text(b) - d.linkText(b)
	// Text in the block's own child blocks (a card's summary or byline
	// paragraph) is not around the link.
	seen := 0
	for c := d.FirstChild(b); c >= 0 && seen < maxSiblings; c = d.Next(c) {
		seen++
		if block(d.Node[c].DataAtom) && !d.Contains(c, k) {
			other -= d.text(c) - d.linkText(c)
		}
	}
	return other > lt && other > 20
}

// menuLabel reports a link text that names a place, as menu entries do,
// rather than a control ("Read more", "More in World") or nothing (an image).
func menuLabel(t string) bool {
	return t != "" && !controlText.MatchString(t) && headingTier(t) == tierNone
}

// menuTarget reports whether anchor k, which failed as a story, points
// where menus point: a home or section page of some site. Links to tag,
// author and share pages, fragments and scripts don't count: story cards
// carry those beside their headline.
func (d *dom) menuTarget(k int32) bool {
	abs := resolve(d.base, flat.Attr(d.Node[k], "href"))
	if abs == "" {
		return false
	}
	u, err := url.Parse(abs)
	if err != nil || d.self[key(abs)] || social(u) {
		return false
	}
	segs := strings.FieldsFunc(u.Path, func(r rune) bool { return r == '/' })
	for _, s := range segs {
		if nonStorySegments[strings.ToLower(s)] {
			return false
		}
	}
	return len(segs) <= 2
}

// kicker reports a section link on a story card ("Operations" above a
// headline): the smallest element around it holding other links is not a
// list, and they all go to one story, so the link labels that card rather
// than making the block a menu.
func (d *dom) kicker(k int32, r region) bool {
	p := d.Parent[k]
	for step := 0; step < maxClimb && p >= r.lo && d.last(p) <= r.hi; step++ {
		if d.anchors(p) > 1 {
			if d.anchors(p) > 4 || d.Node[p].DataAtom == atom.Ul || d.Node[p].DataAtom == atom.Ol {
				return false
			}
			story := ""
			for j := p; j <= d.last(p); j++ {
				if j == k || d.Node[j].DataAtom != atom.A || !flat.HasAttr(d.Node[j], "href") {
					continue
				}
				abs, kk, _ := d.storyURL(j)
				if abs == "" || story != "" && kk != story {
					return false
				}
				story = kk
			}
			return story != ""
		}
		p = d.Parent[p]
	}
	return false
}

// laterAnchor reports whether another anchor to the same story follows k in
// the region: cards link their image first and their headline after.
func (d *dom) laterAnchor(k, hi int32, kk string) bool {
	for j := k + 1; j <= hi && j <= k+60; j++ {
		n := d.Node[j]
		if n.DataAtom == atom.A && flat.HasAttr(n, "href") {
			if abs := resolve(d.base, flat.Attr(n, "href")); abs != "" && key(abs) == kk {
				return true
			}
		}
	}
	return false
}

// setBase settles what relative links resolve against (the page URL, else
// <base href>, else the canonical URL) and which URLs are the page itself.
func (d *dom) setBase(pageURL string) {
	d.self = map[string]bool{}
	var canon []string
	var baseHref string
	for _, n := range d.Node {
		switch n.DataAtom {
		case atom.Base:
			if baseHref == "" {
				baseHref = flat.Attr(n, "href")
			}
		case atom.Link:
			if strings.EqualFold(flat.Attr(n, "rel"), "canonical") {
				canon = append(canon, flat.Attr(n, "href"))
			}
		case atom.Meta:
			if p := flat.Attr(n, "property"); p == "og:url" {
				canon = append(canon, flat.Attr(n, "content"))
			}
		}
	}
	if u, err := url.Parse(strings.TrimSpace(pageURL)); err == nil && u.IsAbs() {
		d.base = u
	}
	if baseHref != "" {
		if u, err := url.Parse(strings.TrimSpace(baseHref)); err == nil {
			if d.base != nil {
				u = d.base.ResolveReference(u)
			}
			if u.IsAbs() {
				d.base = u
			}
		}
	}
	for _, c := range append(canon, pageURL) {
		if abs := resolve(d.base, c); abs != "" {
			d.self[key(abs)] = true
			if d.base == nil {
				d.base, _ = url.Parse(abs)
			}
		}
	}
	if d.base != nil {
		d.host = site(d.base)
	}
}
