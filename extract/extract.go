// Package extract turns a saved HTML page into a story: it decodes the page,
// reads its metadata (extract/meta), finds and cleans the article body, turns
// it into blocks with markdown, and collects related links (extract/related).
package extract

import (
	"errors"

	"github.com/tread-reader/tread/story"
)

// Page extracts the story from an HTML page. pageURL, when known, resolves
// relative links; otherwise the page's <base> or canonical URL does.
func Page(data []byte, pageURL string) (story.Story, error) {
	return story.Story{}, errors.New("html extraction not written yet")
}
