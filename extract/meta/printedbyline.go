package meta

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/tread-reader/tread/extract/internal/flat"
)

var (
	// authorHrefRE is a link to an author's page.
	authorHrefRE = regexp.MustCompile(`(?i)/(?:author|authors|people|person|profile|profiles|staff|contributor|contributors|writer|writers|journalist|journalists|expert|experts|u|user|users|bio|team-member|our-team)/[^/?#]+|/@[\w.-]+/?$`)
	// authorHints in a class, id, rel or itemprop mark an author.
	authorHints = []string{"author", "byline", "writer", "contributor", "posted-by", "postedby"}
	// notAuthorHints mark elements that name other people: commenters,
	// reviewers, avatars' alt text, "more by this author" lists.
	notAuthorHints = []string{"comment", "review", "avatar", "image", "photo", "img", "more-by", "related", "share"}
)

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// printedByline reads the byline printed beside the headline: a "By …"
// line, links to author pages, or elements whose class says author or
// byline. The nearest one wins.
//
// A byline that names only the site ("By Clemson News") is passed over when
// a person is credited further on, and credits that are not authorship
// ("Reviewed by") are skipped.
func (s *signals) printedByline(isOrg func(string) bool) []string {
	z := s.headZone()
	var orgOnly []string
	for _, i := range z.near {
		it := z.items[i]
		if !it.time.IsZero() || i > 0 && notAuthorRE.MatchString(z.items[i-1].text) {
			continue
		}
		var found []string
		if text := trimLead(it.text); s.byRE.MatchString(text) && !notAuthorRE.MatchString(text) {
			found = s.printedNames([]string{bylineLine(z.items, i, s.byRE)})
		}
		if len(found) == 0 && authorish(it.node) {
			found = s.printedNames(authorRun(z.items, i))
		}
		if len(found) == 0 {
			continue
		}
		for _, n := range found {
			if !isOrg(n) {
				return found
			}
		}
		if orgOnly == nil {
			orgOnly = found
		}
	}
	return orgOnly
}

// printedNames keeps the names in raw byline texts that are written as
// names are: capitalised words, with particles and initials.
func (s *signals) printedNames(raws []string) []string {
	var out []string
	for _, r := range raws {
		for _, n := range splitNames(r, s.byRE) {
			if nameShaped(n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// nameShaped reports whether every word of n starts with a capital, apart
// from name particles ("van der", "de la", "bin").
func nameShaped(n string) bool {
	if groupRE.MatchString(n) {
		return true
	}
	for _, w := range strings.Fields(n) {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) && !particles[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

var particles = map[string]bool{
	"van": true, "der": true, "den": true, "de": true, "da": true, "di": true, "du": true, "von": true,
	"zu": true, "bin": true, "binti": true, "al": true, "el": true, "la": true, "le": true, "dos": true,
	"das": true, "del": true, "della": true, "y": true, "ter": true, "ten": true, "af": true, "st.": true,
}

// bylineLine is the whole line a "By" starts: the text of its block, or the
// run and the one after it when the block is large.
func bylineLine(items []textItem, i int, by *regexp.Regexp) string {
	var b strings.Builder
	b.WriteString(trimLead(items[i].text))
	for j := i + 1; j < len(items) && j <= i+12 && b.Len() < 200; j++ {
		// A paragraph of prose after a <br> in the same block is the
		// article, not the byline's line.
		if !items[j].time.IsZero() || blockBetween(items[j-1].node, items[j].node) || len(items[j].text) > proseLen {
			break
		}
		b.WriteString(" ")
		b.WriteString(items[j].text)
	}
	line := b.String()
	// "By" alone in its element, the name in the next block.
	if strings.TrimSpace(by.ReplaceAllString(line, "")) == "" && i+1 < len(items) {
		line += " " + items[i+1].text
	}
	return line
}

// trimLead drops the separators a byline run starts with when it follows
// a date in the same line ("05/10/2018 - Publicado por: …").
func trimLead(t string) string {
	return strings.TrimLeft(t, " -–—|·•,;")
}

// authorRun collects the author links that follow one another ("A, B and
// C"), starting at items[i].
func authorRun(items []textItem, i int) []string {
	var out []string
	for j := i; j < len(items) && j < i+12; j++ {
		t := items[j].text
		switch {
		case j > i && strings.ContainsAny(t, "0123456789"):
			// a date closes the byline
			return out
		case authorish(items[j].node):
			out = append(out, t)
		case len(t) <= 4 || andRE.MatchString(" "+t+" ") && len(t) <= 5:
			// a separator: ",", "and", "&"
		default:
			return out
		}
	}
	return out
}

// authorish reports whether a text's element (or one of its close
// ancestors) marks it as an author's name.
func authorish(n *html.Node) bool {
	for d := 0; n != nil && n.Type == html.ElementNode && d < 4; d, n = d+1, n.Parent {
		hint := strings.ToLower(flat.Attr(n, "class") + " " + flat.Attr(n, "id") + " " + flat.Attr(n, "rel") + " " + flat.Attr(n, "itemprop"))
		if containsAny(hint, notAuthorHints) {
			return false
		}
		if containsAny(hint, authorHints) {
			return true
		}
		if n.Data == "a" && authorHrefRE.MatchString(flat.Attr(n, "href")) {
			return true
		}
	}
	return false
}

// blockBetween reports whether two text runs sit in different blocks, so
// that a line read across them would join two lines of the page.
func blockBetween(a, b *html.Node) bool {
	return blockOf(a) != blockOf(b)
}

func blockOf(n *html.Node) *html.Node {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && isBlock(n.DataAtom) {
			return n
		}
	}
	return nil
}
