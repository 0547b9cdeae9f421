package syndication

import (
	"github.com/tread-reader/tread/story"
)

// Stories are the feed's items as main stories, newest first: the item's
// title (its link, when it has none), the feed's title as the site, its
// author as the byline, and its content as the body, or its summary marked
// Partial (the full article is on the item's page).
func (f *Feed) Stories() []story.Story {
	out := make([]story.Story, 0, len(f.Items))
	for _, it := range f.Items {
		out = append(out, f.Story(it))
	}
	return out
}

// Story is one item as a main story (see Stories).
func (f *Feed) Story(it Item) story.Story {
	s := story.Story{
		Title:     it.Title,
		Site:      f.Title,
		Byline:    it.Author,
		Published: it.Published,
		URL:       it.Link,
	}
	base := it.Link
	if base == "" {
		base = f.Link
	}
	if it.Content != "" {
		s.Body = bodyBlocks(it.Content, base)
	}
	if len(s.Body) == 0 {
		s.Body = bodyBlocks(it.Summary, base)
		s.Partial, s.Summary = true, true
	}
	if s.Title == "" {
		s.Title = untitled(it, s.Body)
	}
	return s
}

// untitled names an item with no title (RSS 0.92 items often have none):
// the start of its text, else its link.
func untitled(it Item, body []story.Block) string {
	for _, b := range body {
		if b.Text != "" && b.Kind != story.Image {
			r := []rune(b.Text)
			if len(r) > 80 {
				return string(r[:79]) + "…"
			}
			return b.Text
		}
	}
	if it.Link != "" {
		return it.Link
	}
	return "Untitled item"
}
