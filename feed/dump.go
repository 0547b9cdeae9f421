package feed

import (
	"regexp"
	"strings"

	"github.com/tread-reader/tread/intake"
	"github.com/tread-reader/tread/story"
)

// Bounds on what one text yields, so hostile input costs little.
const (
	maxLines      = 200_000 // significant lines read from one text
	maxStories    = 500     // main stories in one text
	maxRelated    = 200     // related items under one story
	maxTitleBytes = 300     // longer lines are prose, never a headline
	maxHead       = 8       // lines of chrome above a page's first headline
)

// ParseDump reads a text page dump, or a plain-text article, into stories.
//
// A page dump, as saved from a news aggregator, gives each story a header
// and then its body, one paragraph per line:
//
//	Headline                 (printed twice)
//	Headline
//	Glasgow Times8 hours ago (publisher glued to the age)
//	paragraph…
//
// Related items follow a "Related Articles" block with a fuller header:
// headline twice, publisher, "time15 minutes ago", "  • publisher", the
// headline again, then the body. Headers are found by their structure —
// the doubled headline and the age and publisher lines — so any publisher,
// age or number of items reads the same way. Lines before the first header
// and from the first page-furniture line after a body (see chrome.go) up to
// the next header are page chrome and dropped.
//
// Text without such headers is a plain-text article: headline, blank line,
// an optional "By Name" line, then paragraphs separated by blank lines.
//
// ParseDump never fails on odd text; it returns ErrNoStory only when there is
// nothing but white space and chrome.
func ParseDump(text string) ([]story.Story, error) {
	text = intake.NormalizeNewlines(strings.TrimPrefix(text, "\ufeff"))
	lines := significantLines(text)
	if len(lines) == 0 {
		return nil, ErrNoStory
	}
	pg := newPage(lines)
	items := pg.findItems()
	// Page chrome above the first headline is a few lines (a logo, a
	// menu); a header found deep in the text, and not printed twice, is
	// more likely a line of an article that is plain text.
	if len(items) == 0 || items[0].start > maxHead && !items[0].twice {
		s, ok := parsePlain(text)
		if !ok {
			return nil, ErrNoStory
		}
		return []story.Story{s}, nil
	}
	stories := pg.assemble(items)
	if len(stories) == 0 {
		return nil, ErrNoStory
	}
	return stories, nil
}

// significantLines returns the trimmed non-blank lines, without decoration
// such as logo alt text.
func significantLines(text string) []string {
	var out []string
	for len(text) > 0 && len(out) < maxLines {
		var l string
		l, text, _ = strings.Cut(text, "\n")
		if l = trimLine(l); l != "" && !isDecor(l) {
			out = append(out, l)
		}
	}
	return out
}

// item is one story header found in a dump, and where its body starts.
type item struct {
	start     int // first line of the header (the headline)
	bodyStart int // first line after the header
	title     string
	site      string
	age       string
	byline    string
	related   bool // its header has related-item lines (time…, • …)
	twice     bool // its headline is printed twice
}

type metaKind int

const (
	notMeta    metaKind = iota
	metaTime            // "time15 minutes ago"
	metaPubAge          // "Reuters12 hours ago", "Reuters · 2 days ago"
	metaAge             // "2 days ago"
	metaBullet          // "  • Reuters"
)

type meta struct {
	kind      metaKind
	site, age string
	glued     bool
}

var bulletRe = regexp.MustCompile(`^[•·▪◦‣]\s*(.+)$`)

// agePrefixes introduce an age. Only "time" (how aggregator dumps print a
// related item's age) marks a header by itself; the others are common in
// article text too.
var agePrefixes = map[string]metaKind{"time": metaTime, "updated": metaAge, "posted": metaAge, "published": metaAge}

func classify(l string) meta {
	if !maybeMeta(l) {
		return meta{}
	}
	if m := bulletRe.FindStringSubmatch(l); m != nil {
		if site := trimLine(m[1]); publisherLike(site) {
			return meta{kind: metaBullet, site: site}
		}
		return meta{}
	}
	prefix, age, glued, ok := splitAge(l)
	if !ok {
		return meta{}
	}
	switch {
	case prefix == "":
		return meta{kind: metaAge, age: age}
	case agePrefixes[strings.ToLower(prefix)] != notMeta:
		return meta{kind: agePrefixes[strings.ToLower(prefix)], age: age}
	}
	prefix = strings.TrimRight(prefix, " ·|-–—•")
	if !publisherLike(prefix) {
		return meta{}
	}
	return meta{kind: metaPubAge, site: prefix, age: age, glued: glued}
}

// page is a dump's significant lines with what each one is, worked out once.
type page struct {
	ls   []string
	meta []meta
	end  []bool // isEnd
}

func newPage(ls []string) *page {
	p := &page{ls: ls, meta: make([]meta, len(ls)), end: make([]bool, len(ls))}
	for i, l := range ls {
		p.meta[i] = classify(l)
		p.end[i] = isEnd(l)
	}
	return p
}

// findItems scans the lines once for story headers.
func (pg *page) findItems() []item {
	ls := pg.ls
	var items []item
	lo := 0 // a header may not reach back into the previous one
	inRelated := false
	n := len(ls)
	for i := 0; i < n; {
		if pg.end[i] {
			inRelated = isRelatedHeading(ls[i])
		}
		if pg.meta[i].kind != notMeta {
			j := pg.metaRun(i)
			if it, ok := pg.header(lo, i, j); ok {
				items = append(items, it)
				lo, i = it.bodyStart, it.bodyStart
				continue
			}
			i = j
			continue
		}
		// A headline printed twice with no publisher or age lines: the top
		// of the page, or an item in a related block.
		if (len(items) == 0 && i == 0 || inRelated) && pg.doubled(i) && !pg.metaFollows(i+2) {
			it := item{start: i, bodyStart: i + 2, title: ls[i], twice: true}
			if it.bodyStart < n && same(ls[it.bodyStart], it.title) {
				it.bodyStart++
			}
			items = append(items, it)
			lo, i = it.bodyStart, it.bodyStart
			continue
		}
		i++
	}
	return items
}

// metaRun returns the end of the header lines starting at i. A header has
// one age and one publisher at most, and its bullet line repeats the
// publisher; the run stops at the first line that would break that, so a
// body line ending in "2 days ago" or starting with "•" right after a header
// stays in the body.
func (pg *page) metaRun(i int) int {
	ls := pg.ls
	var age bool
	site := ""
	if i > 0 {
		site = ls[i-1] // maybe the publisher line
	}
	for j := i; j < len(ls); j++ {
		m := pg.meta[j]
		switch m.kind {
		case metaTime, metaAge, metaPubAge:
			if age {
				return j
			}
			age = true
			if m.kind == metaPubAge {
				site = m.site
			}
		case metaBullet:
			if j > i && !same(m.site, site) {
				return j
			}
		default:
			return j
		}
	}
	return len(ls)
}

// doubled reports a headline-like line at i printed again at i+1.
func (pg *page) doubled(i int) bool {
	ls := pg.ls
	return i+1 < len(ls) && len(ls[i]) <= maxTitleBytes && same(ls[i], ls[i+1]) &&
		!pg.end[i] && pg.meta[i].kind == notMeta
}

// metaFollows reports header lines at i or just after one publisher line.
func (pg *page) metaFollows(i int) bool {
	for k := i; k < len(pg.ls) && k <= i+1; k++ {
		if pg.meta[k].kind != notMeta {
			return true
		}
	}
	return false
}

// header reads the header whose age/publisher lines are ls[s:e], looking
// back no further than lo for the publisher and headline lines. It refuses
// (ok false) when the lines do not have a header's shape, so that a body
// paragraph ending in "2 days ago" is not taken for one.
func (pg *page) header(lo, s, e int) (it item, ok bool) {
	ls := pg.ls
	var hasTime, gluedPub, hasPub bool
	var bulletSite string
	for _, m := range pg.meta[s:e] {
		switch m.kind {
		case metaTime:
			hasTime = true
			it.related = true
		case metaBullet:
			bulletSite = m.site
			it.related = true
		case metaPubAge:
			hasPub = true
			gluedPub = gluedPub || m.glued
			if it.site == "" {
				it.site = m.site
			}
		}
		if it.age == "" {
			it.age = m.age
		}
	}
	p := s - 1
	pubLine := false
	if !hasPub && p >= lo && publisherLike(ls[p]) && (p-1 < lo || !same(ls[p], ls[p-1])) {
		bulletMatch := bulletSite != "" && same(bulletSite, ls[p])
		repeatedAfter := p-1 >= lo && e < len(ls) && same(ls[e], ls[p-1])
		doubledAbove := p-2 >= lo && same(ls[p-1], ls[p-2])
		if bulletMatch || repeatedAfter || doubledAbove {
			pubLine = true
			it.site = ls[p]
			p--
		}
	}
	if it.site == "" {
		it.site = bulletSite
	}
	if p-1 >= lo {
		if name := byline(ls[p]); name != "" {
			it.byline = name
			p--
		}
	}
	if p < lo || len(ls[p]) > maxTitleBytes || pg.end[p] {
		return item{}, false
	}
	it.title = ls[p]
	it.twice = p-1 >= lo && same(ls[p-1], ls[p])
	if it.twice {
		p--
	}
	if !(it.twice || hasTime || gluedPub || pubLine) {
		return item{}, false
	}
	it.start = p
	it.bodyStart = e
	if e < len(ls) && same(ls[e], it.title) {
		it.bodyStart++
	}
	return it, true
}

// assemble builds stories from the headers: each body runs from its header
// to the next header, cut at the first line of page furniture. A header of
// the related-item shape, or any header after a related-stories heading,
// makes a related item of the story above it.
func (pg *page) assemble(items []item) []story.Story {
	ls := pg.ls
	var stories []story.Story
	inRelated := false
	for k, it := range items {
		end := len(ls)
		if k+1 < len(items) {
			end = items[k+1].start
		}
		body := ls[it.bodyStart:end]
		cut := len(body)
		for i := range body {
			if pg.end[it.bodyStart+i] {
				cut = i
				break
			}
		}
		s := story.Story{Title: it.title, Site: it.site, Age: it.age, Byline: it.byline}
		for i, l := range body[:cut] {
			if i == 0 && s.Byline == "" {
				if name := byline(l); name != "" {
					s.Byline = name
					continue
				}
			}
			s.Body = append(s.Body, paragraph(l))
		}
		if (it.related || inRelated) && len(stories) > 0 {
			last := &stories[len(stories)-1]
			if len(last.Related) < maxRelated {
				last.Related = append(last.Related, s)
			}
		} else if len(stories) < maxStories {
			stories = append(stories, s)
			inRelated = false
		}
		// The last furniture heading after a body says what follows: a
		// related-stories heading opens a related block, anything else
		// (an app banner, a footer) closes it, so a second page saved into
		// the same dump starts a new main story.
		for i, l := range body[cut:] {
			if pg.end[it.bodyStart+cut+i] {
				inRelated = isRelatedHeading(l)
			}
		}
	}
	return stories
}

// maybeMeta is a cheap test that lets most body lines skip the regexps.
func maybeMeta(l string) bool {
	if len(l) > 200 {
		return false
	}
	if strings.HasPrefix(l, "•") || strings.HasPrefix(l, "·") || strings.HasPrefix(l, "▪") ||
		strings.HasPrefix(l, "◦") || strings.HasPrefix(l, "‣") {
		return true
	}
	tail := strings.ToLower(l[max(0, len(l)-9):])
	return strings.HasSuffix(tail, "ago") || strings.HasSuffix(tail, "now") || strings.HasSuffix(tail, "yesterday")
}
