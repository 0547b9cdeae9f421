// Package library keeps the offline copies of fetched pages: one file per
// page, its body exactly as received behind a one-line JSON header (final
// URL, fetch time, the headers that matter, size and checksum). Files are
// written atomically, so a crash loses at most the page being written, and
// a damaged file is skipped with a warning rather than spoiling the rest.
package library

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/tread-reader/tread/fetch"
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

// staleTemp is how old a temp file must be before Open deletes it: younger
// ones may belong to another tread saving right now.
var staleTemp = time.Hour

// Library is a folder of saved pages. It is safe for concurrent use.
type Library struct {
	dir string

	mu       sync.Mutex
	index    map[string]Entry // URL key (requested and final) → newest entry
	warnings []error          // leftovers Open could not remove, handed out by List
}

// Open opens the library in dir, creating the folder if needed, and reads
// the headers of its entries. Damaged entries do not make it fail; List
// reports them.
func Open(dir string) (*Library, error) {
	if dir == "" {
		return nil, errors.New("open library: no folder given")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open library: %w", err)
	}
	l := &Library{dir: dir, index: map[string]Entry{}}
	l.removeStaleTemps()
	// Damaged entries are List's to report, as it reads the folder afresh.
	entries, err := l.scan(nil)
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", dir, err)
	}
	// Oldest first, so a newer copy claiming the same URL wins.
	for _, e := range slices.Backward(entries) {
		l.remember(e)
	}
	return l, nil
}

// Dir is the library's folder.
func (l *Library) Dir() string { return l.dir }

// removeStaleTemps deletes what a killed save left behind.
func (l *Library) removeStaleTemps() {
	des, err := os.ReadDir(l.dir)
	if err != nil {
		return // scan reports an unreadable folder
	}
	for _, de := range des {
		if !strings.HasPrefix(de.Name(), tempPrefix) {
			continue
		}
		fi, err := de.Info()
		if err != nil || time.Since(fi.ModTime()) < staleTemp {
			continue
		}
		if err := os.Remove(filepath.Join(l.dir, de.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			l.warnings = append(l.warnings, fmt.Errorf("library: remove leftover %w", err))
		}
	}
}

// scan reads every entry's header, newest first, passing each file it
// skips to skip when that is not nil.
func (l *Library) scan(skip func(error)) ([]Entry, error) {
	des, err := os.ReadDir(l.dir)
	if err != nil {
		return nil, err
	}
	var entries []Entry
	for _, de := range des {
		name := de.Name()
		if !strings.HasSuffix(name, fileExt) || strings.HasPrefix(name, tempPrefix) || de.IsDir() {
			continue
		}
		e, err := readEntry(filepath.Join(l.dir, name))
		if err != nil {
			if skip != nil {
				skip(fmt.Errorf("library: skip %w", err))
			}
			continue
		}
		entries = append(entries, e)
	}
	sortNewestFirst(entries)
	return entries, nil
}

func sortNewestFirst(entries []Entry) {
	slices.SortStableFunc(entries, func(a, b Entry) int {
		if c := b.Fetched.Compare(a.Fetched); c != 0 {
			return c
		}
		return strings.Compare(a.URL, b.URL)
	})
}

// remember indexes e under its final and requested URLs.
func (l *Library) remember(e Entry) {
	l.index[key(e.URL)] = e
	if e.Requested != "" {
		l.index[key(e.Requested)] = e
	}
}

// List returns every readable entry, newest first, and a warning for each
// file it had to skip. It reads the folder afresh, so it sees what another
// tread saved too.
func (l *Library) List() ([]Entry, []error) {
	var warnings []error
	entries, err := l.scan(func(err error) { warnings = append(warnings, err) })
	l.mu.Lock()
	defer l.mu.Unlock()
	warnings = append(slices.Clone(l.warnings), warnings...)
	if err != nil {
		return nil, append(warnings, fmt.Errorf("library %s: %w", l.dir, err))
	}
	for _, e := range slices.Backward(entries) {
		l.remember(e)
	}
	return entries, warnings
}

// Lookup finds the saved copy of rawURL, matching it against both the URL
// each page was asked for and the one it came from, after normalising
// (scheme, host case, default port and fragment do not matter).
func (l *Library) Lookup(rawURL string) (Entry, bool) {
	k := key(rawURL)
	l.mu.Lock()
	e, ok := l.index[k]
	l.mu.Unlock()
	if ok {
		if _, err := os.Stat(e.Path); err == nil {
			return e, true
		}
	}
	// Another tread may have saved it since Open: its file name is known.
	e, err := readEntry(filepath.Join(l.dir, fileName(k)))
	if err != nil {
		return Entry{}, false
	}
	l.mu.Lock()
	l.remember(e)
	l.mu.Unlock()
	return e, true
}

// Read returns the saved page of e, its body checked against the size and
// checksum it was saved with.
func (l *Library) Read(e Entry) (fetch.Page, error) {
	return readPage(e.Path)
}

// Save stores page, replacing any earlier copy from the same final URL.
// The write is atomic: the old copy stays whole until the new one is.
func (l *Library) Save(page fetch.Page) (Entry, error) {
	if page.URL == "" {
		return Entry{}, errors.New("save page: no URL")
	}
	if page.Fetched.IsZero() {
		page.Fetched = time.Now()
	}
	name := fileName(key(page.URL))
	e, err := writePage(l.dir, name, page)
	if err != nil {
		return Entry{}, fmt.Errorf("save %s: %w", page.URL, err)
	}
	l.mu.Lock()
	l.remember(e)
	l.mu.Unlock()
	return e, nil
}
