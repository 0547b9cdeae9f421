package feed

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"strings"
	"syscall"

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
	// Only a page that read into a story is kept: a copy that cannot be
	// read would fail again every time the library is opened, and a
	// reload that fails keeps the copy it was meant to replace.
	if opts.Library != nil && doc.Err == nil {
		// The page is read either way: a copy that could not be kept is a
		// warning, not a second result for the same source.
		if _, err := opts.Library.SaveStories(*page, doc.Stories); err != nil {
			opts.warn(&saveError{url: rawURL, dir: opts.Library.Dir(), err: err})
		} else if opts.Saved != nil {
			opts.Saved(*page, doc.Stories)
		}
	}
	return []story.Document{doc}
}

// saveError is a page read but not kept in the library.
type saveError struct {
	url, dir string
	err      error
}

// Error says why in the system's words ("no space left on device",
// "read-only file system") and without the temp file's name, which tells
// the reader nothing.
func (e *saveError) Error() string {
	return fmt.Sprintf("could not keep an offline copy of %s in %s: %s", e.url, e.dir, saveReason(e.err))
}

func (e *saveError) Unwrap() error { return e.err }

// saveReason is the system's words for why a save failed.
func saveReason(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno.Error()
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return "the page could not be written"
}

// pageDocument reads a fetched or saved page through the one intake
// (parse), with the type and charset the server named. The story takes
// the page's final URL, which is also what the library files it under, so
// that following a related link finds the saved copy.
func pageDocument(src string, page fetch.Page) (doc story.Document) {
	defer func() {
		if r := recover(); r != nil {
			doc = failed(src, fmt.Errorf("internal error: %v", r))
		}
	}()
	stories, err := parse(source{mediaType: page.ContentType, charset: page.Charset, url: page.URL}, page.Body)
	if err != nil {
		return failed(src, err)
	}
	return story.Document{Source: src, Stories: stories}
}
