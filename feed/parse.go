package feed

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/tread-reader/tread/extract"
	"github.com/tread-reader/tread/story"
)

// sniffBytes is how much of a source is decoded to tell text from binary
// and HTML from a dump.
const sniffBytes = 64 << 10

// Parse reads the bytes of one source. A web feed, known by its content,
// gives one story per item (see feedStories). Otherwise name (a file name, or "" when there
// is none) lends its extension to the sniffing: .html, .htm and .xhtml
// files, and anything that opens with HTML markup, go to extract.Page; the
// rest is read as a text page dump or plain-text article (ParseDump).
// A page that extracts to nothing to read is ErrNoArticle; a best-effort
// story (story.Partial) is returned as one. Errors are ErrEmpty,
// ErrBinary, ErrTooLarge, ErrNoStory, ErrNoArticle or extract's behind
// "extract html: "; the caller names the source.
func Parse(name string, data []byte) ([]story.Story, error) {
	head := DecodeText(data[:min(len(data), sniffBytes)])
	if len(data) <= sniffBytes && trimLine(head) == "" {
		return nil, ErrEmpty
	}
	if stories, isFeed, err := feedStories(data, ""); isFeed {
		return stories, err
	}
	if looksBinary(head) {
		return nil, ErrBinary
	}
	if isHTML(name, head) {
		if err := checkHTMLSize(len(data)); err != nil {
			return nil, err
		}
		s, err := extractPage(data, "")
		if err != nil {
			return nil, fmt.Errorf("extract html: %w", err)
		}
		if list, isList := frontPageStories(s, data, "", ""); isList {
			return list, nil
		}
		if !hasArticle(s) {
			return nil, ErrNoArticle
		}
		return []story.Story{s}, nil
	}
	text := DecodeText(data)
	if trimLine(text) == "" {
		return nil, ErrEmpty
	}
	return ParseDump(text)
}

// extractPage is extract.Page; tests swap it to see what reaches it.
var extractPage = extract.Page

var htmlExts = map[string]bool{".html": true, ".htm": true, ".xhtml": true, ".shtml": true}

// htmlStarts open an HTML document. A text dump never starts with markup,
// so the first tag is a safe signal; its name must end at a space or '>'
// so that "<br>" is not taken for "<b".
var htmlStarts = []string{
	"<!doctype html", "<html", "<head", "<body", "<!--", "<meta", "<title",
	"<script", "<style", "<link", "<div", "<p", "<h1", "<article", "<table",
	"<iframe", "<font", "<a", "<b", "<br", "<section", "<main", "<header",
}

func isHTML(name, head string) bool {
	if htmlExts[strings.ToLower(filepath.Ext(name))] {
		return true
	}
	s := strings.TrimLeft(strings.TrimPrefix(head, "\ufeff"), " \t\n\f")
	s = strings.ToLower(s[:min(len(s), 1024)])
	if strings.HasPrefix(s, "<?xml") {
		return strings.Contains(s, "<html") || strings.Contains(s, "<!doctype html")
	}
	for _, p := range htmlStarts {
		if rest, ok := strings.CutPrefix(s, p); ok {
			if p == "<!--" || rest == "" || strings.IndexByte(" \t\n\f>/", rest[0]) >= 0 {
				return true
			}
		}
	}
	return false
}

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

// checkHTMLSize refuses a page larger than the extractor reads, in the
// same words as the other size limits.
func checkHTMLSize(n int) error {
	if n > extract.MaxSize {
		return overLimit(int64(n), extract.MaxSize)
	}
	return nil
}
