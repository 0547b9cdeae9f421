// Package related finds the stories a page presents as related to its
// article: related, read-next, more-from and recommended blocks, and runs of
// same-site article links after the body.
package related

import (
	"github.com/PuerkitoBio/goquery"
	"github.com/tread-reader/tread/story"
)

// Find returns the page's related stories (title and URL, plus site, age and
// summary when the page gives them). body is the article body node the
// extractor chose, or an empty selection; pageURL resolves relative links.
func Find(doc *goquery.Document, body *goquery.Selection, pageURL string) []story.Story {
	return nil
}
