// Package library keeps the offline copies of fetched pages: one file per
// page, its body exactly as received behind a one-line JSON header (final
// URL, fetch time, the headers that matter, size and checksum). Files are
// written atomically, so a crash loses at most the page being written, and
// a damaged file is skipped with a warning rather than spoiling the rest.
//
// Beside the files, an SQLite index (index.go) keeps each page's facts,
// its extraction and its text for full-text search, so that opening the
// library, finding a URL and searching cost the same at 100 pages and at
// 100,000. The index is a cache: Reconcile rebuilds it from the files. The
// user's read state, stars and reading positions are kept in a journal
// (journal.go) that a rebuilt index reads back.
package library

import (
	"errors"
	"time"
)

// Entry describes one saved page without its body.
type Entry struct {
	URL         string    // the final URL the page came from
	Requested   string    // the URL that was asked for, when it differs
	Fetched     time.Time // when it was fetched
	Status      int
	ContentType string
	Charset     string
	Size        int64  // body bytes
	Path        string // the file holding it
}

// ErrCorrupt marks a library file that cannot be read back as it was
// written: truncated, altered, or not a tread page at all.
var ErrCorrupt = errors.New("corrupt library entry")

// fileExt names library entries; anything else in the folder is left alone.
const fileExt = ".page"

// tempPrefix starts the name of a file being written.
const tempPrefix = ".tmp-"
