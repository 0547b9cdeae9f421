package meta

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// itemprop is the first microdata value of a property that belongs to the
// page's article rather than to a comment, review or product on it.
func (s *signals) itemprop(prop string) string {
	for i, n := range s.props()[strings.ToLower(prop)] {
		if i >= 50 {
			break
		}
		if foreignScope(n) {
			continue
		}
		if v := itemValue(n); v != "" {
			return v
		}
	}
	return ""
}

// props indexes the page's microdata properties by lower-cased name, read
// in one pass over the document.
func (s *signals) props() map[string][]*goquery.Selection {
	if s.propIndex != nil {
		return s.propIndex
	}
	s.propIndex = map[string][]*goquery.Selection{}
	s.doc.Find("[itemprop]").Each(func(_ int, n *goquery.Selection) {
		for _, p := range strings.Fields(strings.ToLower(n.AttrOr("itemprop", ""))) {
			s.propIndex[p] = append(s.propIndex[p], n)
		}
	})
	return s.propIndex
}

// itemValue is a microdata property's value: its content or datetime
// attribute, a nested name, or its text.
func itemValue(n *goquery.Selection) string {
	if v, ok := n.Attr("content"); ok {
		return clean(v)
	}
	if v, ok := n.Attr("datetime"); ok {
		return clean(v)
	}
	if name := n.Find(`[itemprop~="name"]`).First(); name.Length() > 0 {
		return itemValue(name)
	}
	return clean(n.Text())
}

// foreignScope reports whether a property belongs to an item that is not
// the article: a comment, a review, a product, a list entry.
func foreignScope(n *goquery.Selection) bool {
	scope := n.Parent().Closest("[itemscope]")
	if scope.Length() == 0 {
		return false
	}
	t := lastSegment(scope.AttrOr("itemtype", ""))
	switch {
	case t == "", isArticleType(t), isPageType(t), t == "Blog", t == "CreativeWork", t == "WebSite":
		return false
	}
	return true
}

// itemAuthors lists the article's microdata authors.
func (s *signals) itemAuthors() []string {
	var out []string
	ns := append(append([]*goquery.Selection(nil), s.props()["author"]...), s.props()["creator"]...)
	for i, n := range ns {
		if i >= 20 {
			break
		}
		if !foreignScope(n) {
			if v := itemValue(n); v != "" && !strings.Contains(v, "://") {
				out = append(out, v)
			}
		}
	}
	return out
}
