// Package feed turns sources — files, folders, standard input, web pages —
// into story.Documents. It owns everything between raw bytes and stories:
// choosing between a page's offline copy and the network, refusing what is
// not a regular file before opening it, passing every source's bytes
// through one intake (parse, with package intake deciding size, kind and
// encoding once), reading the two text layouts itself, and handing HTML,
// decoded, to package extract. It never touches the terminal; callers
// sanitize what they display.
package feed

import (
	"errors"
	"io"

	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/intake"
	"github.com/tread-reader/tread/library"
	"github.com/tread-reader/tread/story"
)

// Limits on the work one Load does. They keep a hostile or mistaken source
// (a huge file, a folder tree of thousands of files) from stalling tread.
const (
	// DefaultMaxBytes is the largest file Load reads when Options.MaxBytes
	// is zero: 20MB, far above any saved article page.
	DefaultMaxBytes = intake.MaxSize
	// DefaultMaxFiles is how many files Load reads from one folder when
	// Options.MaxFiles is zero; the rest are reported as skipped.
	DefaultMaxFiles = 1000
	// MaxStreamFiles is the folder bound for readers that take a folder a
	// few pages at a time (PageFiles, then LoadFiles in chunks), as the
	// batch modes do: only the names are held at once.
	MaxStreamFiles = 1_000_000
	// DefaultMaxDepth is how many folder levels below a folder source Load
	// descends when Options.MaxDepth is zero.
	DefaultMaxDepth = 16
)

// Options tunes Load. The zero value is ready to use.
type Options struct {
	// Stdin is read for the source "-". Nil means no standard input.
	Stdin io.Reader
	// MaxBytes caps the size of each file; 0 means DefaultMaxBytes.
	MaxBytes int64
	// MaxFiles caps the files read from one folder; 0 means DefaultMaxFiles.
	MaxFiles int
	// MaxDepth caps the folder levels walked; 0 means DefaultMaxDepth.
	MaxDepth int

	// Library holds the offline copies of web pages: a URL with a copy
	// there opens from it, and every page fetched that reads into a story
	// is saved to it (a page that fails to read is not kept). Nil means
	// pages are fetched every time and kept nowhere.
	Library *library.Library
	// Fetch tunes fetching (user agent, timeouts, size cap).
	Fetch fetch.Options
	// Offline forbids the network: a URL opens its saved copy or fails
	// with ErrNotSaved.
	Offline bool
	// Refresh fetches a URL even when the library has a copy, and saves
	// the new page over it (the reader's reload). Offline wins over it.
	Refresh bool
	// Saved, when set, hears each page just saved to Library with the
	// stories it read into (its pictures are saved after it). It must
	// return at once: the page is shown only after it returns.
	Saved func(page fetch.Page, stories []story.Story)
	// Warn hears what went wrong without costing a source its stories: a
	// page read but not kept in the library. Nil drops the warnings.
	Warn func(error)
}

func (o Options) warn(err error) {
	if o.Warn != nil {
		o.Warn(err)
	}
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

func (o Options) maxFiles() int {
	if o.MaxFiles > 0 {
		return o.MaxFiles
	}
	return DefaultMaxFiles
}

func (o Options) maxDepth() int {
	if o.MaxDepth > 0 {
		return o.MaxDepth
	}
	return DefaultMaxDepth
}

// Errors a Document can carry, wrapped as "read SOURCE: …"; test with
// errors.Is.
var (
	// ErrEmpty: the source has no bytes, or only white space.
	ErrEmpty = errors.New("empty file")
	// ErrBinary: the source is not text (NUL bytes, or mostly control
	// characters and invalid bytes).
	ErrBinary = errors.New("binary file, not a page dump or HTML")
	// ErrTooLarge: the source is over Options.MaxBytes.
	ErrTooLarge = errors.New("over the size limit")
	// ErrNoStory: the text holds nothing but page chrome.
	ErrNoStory = errors.New("no story found")
	// ErrNoArticle: an HTML page holds no article: extraction found no
	// body and no related stories (an empty page, a bare home page).
	ErrNoArticle = errors.New("no article found")
	// ErrNoFiles: a folder source holds no file tread could try.
	ErrNoFiles = errors.New("folder has no files to read")
	// ErrNoStdin: the source "-" was given but Options.Stdin is nil.
	ErrNoStdin = errors.New("no standard input")
)
