package feed

import (
	"errors"

	"github.com/tread-reader/tread/story"
	"github.com/tread-reader/tread/syndication"
)

// ErrNoItems: a web feed with no items in it.
var ErrNoItems = errors.New("feed has no items")

// feedStories reads data as a web feed (RSS, Atom, JSON Feed) when its
// content says it is one, whatever its name or media type: isFeed is
// false for anything else, which the caller reads as a page. Each item is
// a main story, newest first; feedURL, when known, resolves relative
// links. This is intake's one hook for feeds: Parse and pageDocument call
// it where they decide what kind of source they hold.
func feedStories(data []byte, feedURL string) (stories []story.Story, isFeed bool, err error) {
	if !syndication.Is(data) {
		return nil, false, nil
	}
	f, err := syndication.Parse(data, feedURL)
	if err != nil {
		return nil, true, err
	}
	if len(f.Items) == 0 {
		return nil, true, ErrNoItems
	}
	return f.Stories(), true, nil
}
