package feed

import (
	"fmt"
	"strings"

	"github.com/tread-reader/tread/extract"
	"github.com/tread-reader/tread/intake"
	"github.com/tread-reader/tread/story"
)

// sniffBytes is how much of a source is decoded to tell text from binary
// and HTML from a dump.
const sniffBytes = 64 << 10

// Parse reads the bytes of one source. name (a file name, or "" when there
// is none) lends its extension to the sniffing: .html, .htm and .xhtml
// files, and anything that opens with HTML markup, go to the extractor;
// the rest is read as a text page dump or plain-text article (ParseDump).
// A page that extracts to nothing to read is ErrNoArticle; a best-effort
// story (story.Partial) is returned as one. Errors are ErrEmpty,
// ErrBinary, ErrTooLarge, ErrNoStory, ErrNoArticle or extract's behind
// "extract html: "; the caller names the source.
func Parse(name string, data []byte) ([]story.Story, error) {
	return parse(source{name: name}, data)
}

// source is what is known of a source's bytes beside the bytes.
type source struct {
	name      string // a file name, for its extension; "" when none
	mediaType string // as the server sent it ("text/html"); "" for files
	charset   string // as the server named it; "" when it did not
	url       string // the page's final URL, for a fetched or saved page
}

// parse is the one intake of every source: its size, kind and encoding
// are decided here, once (package intake), and the extractor or the dump
// reader is handed UTF-8 it can trust.
func parse(src source, data []byte) ([]story.Story, error) {
	head := intake.Text(data[:min(len(data), sniffBytes)], src.charset)
	whole := len(data) <= sniffBytes
	if whole && trimLine(head) == "" {
		return nil, ErrEmpty
	}
	// A feed is known by its content, whatever its name or type, and
	// reads its own encoding declaration: this is intake's hook for it.
	if stories, isFeed, err := feedStories(data, src.url); isFeed {
		return stories, err
	}
	if intake.IsBinary(head) {
		return nil, ErrBinary
	}
	if intake.IsHTML(src.name, src.mediaType, head) {
		return parseHTML(src, data)
	}
	if src.mediaType == "text/html" || src.mediaType == "application/xhtml+xml" {
		// Served as HTML with no markup in it: a PDF or an error text
		// sent under the wrong type.
		return nil, fmt.Errorf("extract html: %w", extract.ErrNotHTML)
	}
	text := head
	if !whole {
		text = intake.Text(data, src.charset)
	}
	if trimLine(text) == "" {
		return nil, ErrEmpty
	}
	stories, err := ParseDump(text)
	if err == nil && src.url != "" && len(stories) == 1 && stories[0].URL == "" {
		stories[0].URL = src.url
	}
	return stories, err
}

// parseHTML extracts an HTML source's story. A page larger than the
// extractor reads is refused in the same words as the other size limits.
func parseHTML(src source, data []byte) ([]story.Story, error) {
	if len(data) > extract.MaxSize {
		return nil, overLimit(int64(len(data)), extract.MaxSize)
	}
	text := intake.HTML(data, src.charset)
	s, err := extractPage(text, src.url)
	if err != nil {
		return nil, fmt.Errorf("extract html: %w", err)
	}
	if list, isList := frontPageStories(s, text, src.url); isList {
		return list, nil
	}
	if !hasArticle(s) {
		return nil, ErrNoArticle
	}
	if src.url != "" {
		// The final URL, which the library files the page under, so that
		// following a related link finds the saved copy.
		s.URL = src.url
	}
	return []story.Story{s}, nil
}

// extractPage is extract.Read; tests swap it to see what reaches it.
var extractPage = extract.Read

// hasArticle reports whether an extracted story has anything to read: some
// body (text, a list, a table or an image) or related stories to walk to.
// A headline alone is not an article: a home page or an empty shell gives
// one ("Home | Site") and would open as a story with nothing under it.
func hasArticle(s story.Story) bool {
	if len(s.Related) > 0 {
		return true
	}
	for _, b := range s.Body {
		if strings.TrimSpace(b.Text) != "" || len(b.Items) > 0 || len(b.Rows) > 0 || b.Kind == story.Image && b.URL != "" {
			return true
		}
	}
	return false
}
