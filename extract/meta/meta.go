// Package meta reads a page's metadata: title, site, byline, published time,
// canonical URL, lead image and description, from JSON-LD, OpenGraph and
// Twitter tags, microdata and the DOM, in that order of trust.
package meta

import (
	"time"

	"github.com/PuerkitoBio/goquery"
)

// Meta is what a page says about its article.
type Meta struct {
	Title       string
	Site        string
	Byline      string
	Published   time.Time
	URL         string // canonical
	Image       string
	Description string
	ArticleBody string // JSON-LD articleBody, when the page has one
	Lang        string
}

// Extract reads doc's metadata. pageURL resolves relative URLs.
func Extract(doc *goquery.Document, pageURL string) Meta {
	return Meta{}
}
