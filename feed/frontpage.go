package feed

import (
	"github.com/tread-reader/tread/extract"
	"github.com/tread-reader/tread/story"
)

// frontPageStories reads an HTML page that extracted to no clear article
// (s is partial, or has nothing to read; text is the page in UTF-8) as a front page when it lists
// stories: one main story per headline link, with a title and URL and the
// page's site, each read when opened. isList is false for any other page,
// which keeps its best-effort story. This is intake's one hook for front
// pages: Parse and pageDocument call it after extraction.
func frontPageStories(s story.Story, text []byte, pageURL string) (stories []story.Story, isList bool) {
	if !s.Partial && hasArticle(s) {
		return nil, false
	}
	if pageURL == "" {
		pageURL = s.URL // the page's canonical URL, for a saved file
	}
	list, ok, err := extract.ReadFrontPage(text, pageURL)
	if err != nil || !ok {
		return nil, false
	}
	for i := range list {
		list[i].Site = s.Site
	}
	return list, true
}
