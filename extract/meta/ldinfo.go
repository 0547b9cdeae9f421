package meta

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// ldInfo is what a page's JSON-LD says about its article. Article fields come
// from the best *Article/*Posting object; Page* fields from a WebPage object,
// which is weaker evidence (its name is usually the <title>).
type ldInfo struct {
	Headline    string
	Authors     []ldAgent
	Publisher   string
	Published   string
	Created     string
	Modified    string
	URL         string
	Image       string
	Description string
	Body        string
	Lang        string
	Site        string // a WebSite object's name

	HasArticle    bool
	PageName      string
	PageAuthors   []ldAgent
	PagePublished string
	PageModified  string
}

// readLD gathers the JSON-LD of every ld+json script on the page.
func readLD(doc *goquery.Document) ldInfo {
	var g ldGraph
	n, total := 0, 0
	doc.Find("script").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		t, _ := s.Attr("type")
		if !strings.Contains(strings.ToLower(t), "ld+json") {
			return true
		}
		n++
		text := s.Text()
		total += len(text)
		if total > maxLDTotal {
			return false
		}
		for _, v := range parseLD(text) {
			g.add(v, 0)
		}
		return n < maxLDScripts
	})
	return g.info()
}

func (g *ldGraph) info() ldInfo {
	var in ldInfo
	art := g.bestArticle()
	var page map[string]any
	for _, o := range g.objs {
		if page == nil && hasType(o, isPageType) {
			page = o
		}
		if in.Site == "" && hasType(o, func(t string) bool { return t == "WebSite" }) {
			in.Site = clean(ldString(o["name"]))
		}
	}
	if art != nil {
		in.HasArticle = true
		in.Headline = clean(ldString(art["headline"]))
		if in.Headline == "" {
			in.Headline = clean(ldString(art["name"]))
		}
		in.Authors = g.agents(art, "author", "creator")
		if pub := g.ldAgents(art["publisher"], 0); len(pub) > 0 {
			in.Publisher = clean(pub[0].Name)
		}
		in.Published = ldString(art["datePublished"])
		in.Created = ldString(art["dateCreated"])
		in.Modified = ldString(art["dateModified"])
		in.URL = g.ldURL(art["mainEntityOfPage"])
		if in.URL == "" {
			in.URL = g.ldURL(art["url"])
		}
		in.Image = g.ldURL(art["image"])
		if in.Image == "" {
			in.Image = g.ldURL(art["thumbnailUrl"])
		}
		in.Description = clean(ldString(art["description"]))
		in.Body = strings.TrimSpace(unescape(ldString(art["articleBody"])))
		in.Lang = ldString(art["inLanguage"])
	}
	if page != nil {
		in.PageName = clean(ldString(page["headline"]))
		if in.PageName == "" {
			in.PageName = clean(ldString(page["name"]))
		}
		in.PageAuthors = g.agents(page, "author", "creator")
		in.PagePublished = ldString(page["datePublished"])
		in.PageModified = ldString(page["dateModified"])
		if in.Publisher == "" {
			if pub := g.ldAgents(page["publisher"], 0); len(pub) > 0 {
				in.Publisher = clean(pub[0].Name)
			}
		}
		if in.Lang == "" {
			in.Lang = ldString(page["inLanguage"])
		}
		if in.Image == "" {
			in.Image = g.ldURL(page["primaryImageOfPage"])
		}
	}
	return in
}

func (g *ldGraph) agents(o map[string]any, keys ...string) []ldAgent {
	for _, k := range keys {
		if a := g.ldAgents(o[k], 0); len(a) > 0 {
			return a
		}
	}
	return nil
}

// bestArticle picks the object describing this page's article when the
// JSON-LD lists several (a page often describes related posts too): the one
// with the most article fields, earlier ones winning ties.
func (g *ldGraph) bestArticle() map[string]any {
	var best map[string]any
	bestScore := -1
	for _, o := range g.objs {
		if !hasType(o, isArticleType) {
			continue
		}
		score := 0
		for _, k := range []string{"headline", "datePublished", "author", "articleBody", "mainEntityOfPage"} {
			if _, ok := o[k]; ok {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = o, score
		}
	}
	return best
}
