package meta

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// titleSepRE finds the separators pages put between a headline and the site
// name in <title> and og:title.
var titleSepRE = regexp.MustCompile(`\s+[|\-–—·•»«~/:⋆]{1,2}\s+|\s*[|｜]\s*|\s+::\s+`)

// pickTitle chooses the headline a reader sees. An <h1> that a metadata
// title agrees with is the article's heading (not a logo or a section name).
// Failing that, an <h1> that shares most of its words with the metadata is a
// headline the page reworded for search engines, and still what the reader
// sees; only then does a metadata title, stripped of the site name, stand in.
func (s *signals) pickTitle(site string) string {
	metas := s.metaTitles()
	names := s.siteNames(site, metas)
	// Whole agreement beats agreement with one segment of a metadata title,
	// and headings in the article beat those in the page chrome.
	for _, whole := range []bool{true, false} {
		for _, inArticle := range []bool{true, false} {
			for _, h := range s.h1s {
				if h.inArticle != inArticle {
					continue
				}
				for _, line := range h.candidates() {
					if agrees(line, metas, names, whole) {
						s.anchor = h.node
						return spelling(line, metas, names)
					}
				}
			}
		}
	}
	if h := s.rewordedH1(metas, names); h.node != nil {
		s.anchor = h.node
		return h.text
	}
	for _, m := range metas {
		if t := stripSite(m, names); t != "" {
			s.anchor = s.findHeading(t)
			return t
		}
	}
	return ""
}

// findHeading is the element that prints a headline taken from metadata,
// when the page has no agreeing <h1>: another heading, a legend, a title
// (in the class names of other languages too: "titulo", "titre", "titel").
func (s *signals) findHeading(t string) *html.Node {
	var found *html.Node
	s.doc.Find("h1, h2, h3, legend, [class*=title], [class*=headline], [class*=titul], [class*=titre], [class*=titel], [class*=titol]").EachWithBreak(func(i int, n *goquery.Selection) bool {
		if txt, ok := shortText(n.Get(0), 400); ok && sameTitle(txt, t) {
			found = n.Get(0)
			return false
		}
		return i < 500
	})
	return found
}

// candidates are the texts a heading may be matched on: all of it, and each
// of its lines when a kicker or subtitle sits inside it.
func (h heading) candidates() []string {
	if len(h.lines) <= 1 {
		return []string{h.text}
	}
	return append([]string{h.text}, h.lines...)
}

// metaTitles lists the titles the page's metadata gives, most trusted first.
func (s *signals) metaTitles() []string {
	var out []string
	add := func(t string) {
		if t = trimDecor(clean(t)); t != "" {
			out = append(out, t)
		}
	}
	add(s.ld.Headline)
	for _, k := range []string{"og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title", "citation_title", "headline", "title"} {
		add(s.tag(k))
	}
	add(s.itemprop("headline"))
	add(s.ld.PageName)
	add(s.title)
	return out
}

// siteNames lists the names the site goes by, for recognising the site part
// of a title. Besides what the metadata says, the tail <title> adds to
// another metadata title ("Headline – Site" where og:title is "Headline")
// names the site.
func (s *signals) siteNames(site string, metas []string) []string {
	var out []string
	for _, n := range []string{site, s.tag("og:site_name"), s.ld.Publisher, s.ld.Site, s.tag("application-name"), s.tag("apple-mobile-web-app-title"), s.titleSite()} {
		if n = clean(n); n != "" {
			out = append(out, n)
			// Each part of "Site | Tagline" names the site too.
			if parts := siteParts(n); len(parts) > 1 {
				out = append(out, parts...)
			}
		}
	}
	if h := s.host(); h != "" {
		out = append(out, h)
	}
	if t := trimDecor(s.title); t != "" {
		for _, m := range metas {
			if m == t || !strings.HasPrefix(t, m) {
				continue
			}
			tail := t[len(m):]
			if loc := titleSepRE.FindStringIndex(tail); loc != nil && loc[0] == 0 {
				if n := strings.TrimSpace(tail[loc[1]:]); n != "" {
					out = append(out, n)
				}
			}
			break
		}
	}
	return out
}

// stripSite removes site-name segments from the start or end of a title. In
// "Headline | Section | Site" everything after the first pipe goes.
func stripSite(t string, names []string) string {
	t = trimDecor(clean(t))
	// "Site: Headline" has no space before its colon.
	if i := strings.Index(t, ": "); i > 0 && isSiteName(t[:i], names) {
		return stripSite(t[i+2:], names)
	}
	locs := titleSepRE.FindAllStringIndex(t, -1)
	if len(locs) == 0 {
		return t
	}
	if pipeTail(t, locs, names) {
		return strings.TrimSpace(t[:locs[0][0]])
	}
	last := locs[len(locs)-1]
	if isSiteName(t[last[1]:], names) {
		return stripSite(strings.TrimSpace(t[:last[0]]), names)
	}
	first := locs[0]
	if isSiteName(t[:first[0]], names) {
		return stripSite(strings.TrimSpace(t[first[1]:]), names)
	}
	return t
}

// pipeTail reports a "Headline | Section | Site" title: what follows the
// first pipe is site furniture when the part before it is not the site.
func pipeTail(t string, locs [][]int, names []string) bool {
	sep := strings.TrimSpace(t[locs[0][0]:locs[0][1]])
	head := strings.TrimSpace(t[:locs[0][0]])
	return sep == "|" && len(strings.Fields(head)) >= 2 && !isSiteName(head, names)
}

// isSiteName reports whether a title segment names the site: it matches a
// known site name or the host once spaces and punctuation are folded away.
func isSiteName(seg string, names []string) bool {
	k := squash(seg)
	if k == "" {
		return false
	}
	for _, n := range names {
		if nk := squash(n); nk != "" && overlapsName(k, nk) {
			return true
		}
		// A host: "nutritionsource.hsph.harvard.edu" names "The Nutrition Source".
		if strings.Contains(n, ".") && !strings.Contains(n, " ") {
			for _, label := range strings.Split(strings.ToLower(n), ".") {
				if kk := strings.TrimPrefix(k, "the"); len(label) >= 4 && overlapsName(kk, label) && 4*min(len(kk), len(label)) >= 3*max(len(kk), len(label)) {
					return true
				}
			}
		}
	}
	return false
}

// overlapsName reports whether a folded segment and a folded name are the
// same name: equal, or one mostly made of the other ("Move.org" and "Move").
func overlapsName(k, n string) bool {
	if k == n {
		return true
	}
	short, long := k, n
	if len(short) > len(long) {
		short, long = long, short
	}
	return len(short) >= 4 && strings.Contains(long, short) && 3*len(short) >= 2*len(long)
}

// agrees reports whether a heading is one of the metadata titles: whole or
// without its site part, or (when whole is false) one end segment of it
// that is not the site's name.
func agrees(h string, metas, names []string, whole bool) bool {
	for _, m := range metas {
		if whole {
			if sameTitle(h, m) || sameTitle(h, stripSite(m, names)) {
				return true
			}
			continue
		}
		for _, seg := range endSegments(m) {
			if sameTitle(h, seg) && !isSiteName(seg, names) {
				return true
			}
		}
	}
	return false
}

func endSegments(m string) []string {
	locs := titleSepRE.FindAllStringIndex(m, -1)
	if len(locs) == 0 {
		return nil
	}
	return []string{strings.TrimSpace(m[:locs[0][0]]), strings.TrimSpace(m[locs[len(locs)-1][1]:])}
}

// spelling is the heading as most sources spell it. Themes retypeset the
// visible heading (curly quotes, dashes, "and" for "&") while metadata often
// keeps the author's text; the majority decides, the heading winning ties.
func spelling(h string, metas, names []string) string {
	votes := map[string]int{h: 1}
	order := []string{h}
	for _, m := range metas {
		for _, c := range append([]string{m, stripSite(m, names)}, endSegments(m)...) {
			if sameTitle(h, c) {
				if _, ok := votes[c]; !ok {
					order = append(order, c)
				}
				votes[c]++
				break
			}
		}
	}
	best := h
	for _, c := range order {
		if votes[c] > votes[best] {
			best = c
		}
	}
	return best
}

// rewordedH1 is the <h1> that shares most of its words with the metadata
// titles. Site names, short section labels and headings with little in
// common with the metadata (a logo, "Our Blog") do not count.
func (s *signals) rewordedH1(metas, names []string) heading {
	if len(metas) == 0 {
		for _, h := range s.h1s {
			if h.inArticle {
				return h
			}
		}
		if len(s.h1s) == 1 && !isSiteName(s.h1s[0].text, names) {
			return s.h1s[0]
		}
		return heading{}
	}
	vocab := map[string]bool{}
	for _, m := range metas {
		for _, w := range titleWords(m) {
			vocab[w] = true
		}
	}
	var best heading
	bestScore := 0.0
	for _, h := range s.h1s {
		words := titleWords(h.text)
		if len(words) < 3 || isSiteName(h.text, names) {
			continue
		}
		shared := 0
		for _, w := range words {
			if vocab[w] {
				shared++
			}
		}
		score := float64(shared) / float64(len(words))
		if h.inArticle {
			score += 0.01
		}
		if score > bestScore {
			best, bestScore = h, score
		}
	}
	if bestScore >= 0.4 {
		return best
	}
	return heading{}
}

// titleWords are a title's content words, cut to four letters so that
// "Costs" meets "Cost" and "Electrician" meets "Electrical".
func titleWords(t string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if stopWords[w] {
			continue
		}
		if r := []rune(w); len(r) > 4 {
			w = string(r[:4])
		}
		out = append(out, w)
	}
	return out
}

var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "in": true, "on": true, "for": true,
	"and": true, "or": true, "is": true, "it": true, "how": true, "what": true, "why": true, "with": true,
	"at": true, "by": true, "from": true, "your": true, "you": true, "my": true, "our": true, "s": true,
	"does": true, "do": true, "are": true, "be": true, "this": true, "that": true, "vs": true,
}

// trimDecor drops separators and ornaments left at a title's ends ("⋆",
// "|", "–") when a CMS cut the site name but not its separator.
func trimDecor(t string) string {
	return strings.TrimFunc(t, func(r rune) bool {
		if unicode.IsSpace(r) {
			return true
		}
		switch r {
		case '|', '-', '–', '—', '·', '•', '»', '«', '~', '/', ':', ',', ';':
			return true
		}
		return unicode.Is(unicode.Sm, r) || unicode.Is(unicode.So, r)
	})
}

// squash keeps only lower-case letters and digits.
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sameTitle compares two titles ignoring case, spacing, quote and dash styles.
func sameTitle(a, b string) bool {
	a, b = squash(a), squash(b)
	return a != "" && a == b
}

// shortText is an element's text when it has at most limit bytes; it stops
// reading as soon as the text grows longer, so that a wrapper around the
// whole page costs no more than a heading.
func shortText(n *html.Node, limit int) (string, bool) {
	var b strings.Builder
	var walk func(n *html.Node, depth int) bool
	walk = func(n *html.Node, depth int) bool {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			return b.Len() <= limit
		}
		if depth > 32 {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c, depth+1) {
				return false
			}
		}
		return true
	}
	if !walk(n, 0) {
		return "", false
	}
	return b.String(), true
}
