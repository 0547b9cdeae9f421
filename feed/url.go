package feed

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/tread-reader/tread/extract"
	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/story"
)

// More errors a Document can carry.
var (
	// ErrNotSaved: offline, and the library has no copy of the URL.
	ErrNotSaved = errors.New("no saved copy")
	// ErrScheme: a URL source whose scheme is not http or https.
	ErrScheme = errors.New("only http and https URLs can be opened")
)

// IsURL reports whether source names a web page to fetch rather than a
// file: it starts with "http://" or "https://", in any case.
func IsURL(source string) bool {
	s := strings.ToLower(strings.TrimSpace(source))
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// otherScheme reports whether source looks like a URL of another scheme
// ("ftp://…", "file://…") and no file of that name exists, so that the
// reader hears what is wrong instead of "no such file".
func otherScheme(source string) bool {
	scheme, rest, ok := strings.Cut(source, "://")
	if !ok || scheme == "" || rest == "" || strings.ContainsAny(scheme, `/\.`) {
		return false
	}
	for i, r := range scheme {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !letter && (i == 0 || !(r >= '0' && r <= '9' || r == '+' || r == '-')) {
			return false
		}
	}
	_, err := os.Lstat(source)
	return errors.Is(err, os.ErrNotExist)
}

// loadURL opens a web page: its saved copy when the library has one (unless
// opts.Refresh asks for the network), else a fetch whose page is saved as
// received before it is read. Offline it never fetches.
func loadURL(ctx context.Context, source string, opts Options) []story.Document {
	rawURL := strings.TrimSpace(source)
	if opts.Offline {
		// Online, fetch names what is wrong with a URL.
		if u, err := url.Parse(rawURL); err != nil || u.Hostname() == "" {
			return []story.Document{failed(source, errors.New("invalid URL"))}
		}
	}
	var damaged error
	if opts.Library != nil && (opts.Offline || !opts.Refresh) {
		if e, ok := opts.Library.Lookup(rawURL); ok {
			page, err := opts.Library.Read(e)
			if err == nil {
				return []story.Document{pageDocument(source, page)}
			}
			damaged = err
		}
	}
	if opts.Offline {
		if damaged != nil {
			return []story.Document{{Source: source, Err: fmt.Errorf("saved copy of %s is damaged (offline): %w", rawURL, damaged)}}
		}
		return []story.Document{{Source: source, Err: fmt.Errorf("%w of %s (offline)", ErrNotSaved, rawURL)}}
	}
	page, err := fetch.Fetch(ctx, rawURL, opts.Fetch)
	if err != nil {
		// fetch's errors are one line that names the URL already.
		return []story.Document{{Source: source, Err: err}}
	}
	doc := pageDocument(source, *page)
	docs := []story.Document{doc}
	// Only a page that read into a story is kept: a copy that cannot be
	// read would fail again every time the library is opened, and a
	// reload that fails keeps the copy it was meant to replace.
	if opts.Library != nil && doc.Err == nil {
		// The page is read either way; a copy that could not be kept is
		// the reader's to know about, as its own line.
		if _, err := opts.Library.SaveStories(*page, doc.Stories); err != nil {
			docs = append(docs, story.Document{Source: source, Err: fmt.Errorf("keep offline copy of %s: %w", rawURL, err)})
		}
	}
	return docs
}

// extractFetched is extract.PageWithContentType; tests swap it.
var extractFetched = extract.PageWithContentType

// pageDocument reads a fetched or saved page: HTML through the extractor
// with the charset the server named, plain text as a page dump. The story
// takes the page's final URL, which is also what the library files it
// under, so that following a related link finds the saved copy.
func pageDocument(source string, page fetch.Page) (doc story.Document) {
	defer func() {
		if r := recover(); r != nil {
			doc = failed(source, fmt.Errorf("internal error: %v", r))
		}
	}()
	if page.ContentType == "text/plain" {
		text, err := page.UTF8()
		if err != nil {
			return failed(source, err)
		}
		stories, err := Parse("", text)
		if err != nil {
			return failed(source, err)
		}
		if len(stories) == 1 && stories[0].URL == "" {
			stories[0].URL = page.URL
		}
		return story.Document{Source: source, Stories: stories}
	}
	ct := page.ContentType
	if page.Charset != "" {
		ct += "; charset=" + page.Charset
	}
	if err := checkHTMLSize(len(page.Body)); err != nil {
		return failed(source, err)
	}
	s, err := extractFetched(page.Body, page.URL, ct)
	if err != nil {
		return failed(source, fmt.Errorf("extract html: %w", err))
	}
	if !hasArticle(s) {
		return failed(source, ErrNoArticle)
	}
	s.URL = page.URL
	return story.Document{Source: source, Stories: []story.Story{s}}
}
