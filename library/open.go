package library

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
)

// Library is a folder of saved pages and its index. It is safe for
// concurrent use, and by several treads at once.
type Library struct {
	dir  string
	ix   *index
	ext  Extractor
	warn func(error)

	scanMu sync.Mutex // one Reconcile at a time in this process

	mu       sync.Mutex
	warnings []error // leftovers Open could not remove, handed out by List
}

// Options tunes OpenWith. The zero value opens a library whose pages are
// indexed by their headers alone, without titles or searchable text.
type Options struct {
	// Extractor reads pages as they are saved or indexed.
	Extractor Extractor
	// Warn hears what Open repaired (a damaged index moved aside); nil
	// keeps the warnings for List.
	Warn func(error)
}

// Open opens the library in dir with no extractor; see OpenWith.
func Open(dir string) (*Library, error) { return OpenWith(dir, Options{}) }

// OpenWith opens the library in dir, creating the folder if needed, and
// its index, creating, repairing or rebuilding that as needed. It does not
// read the page files: Reconcile brings the index up to date with them,
// and a new index is empty until it has run. An index from a newer tread is
// ErrNewerIndex, and the library is not opened.
func OpenWith(dir string, opts Options) (*Library, error) {
	if dir == "" {
		return nil, errors.New("open library: no folder given")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("open library: %w", err)
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("open library: %w", err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("open library %s: not a folder", dir)
	}
	l := &Library{dir: dir, ext: opts.Extractor}
	l.warn = func(err error) {
		if opts.Warn != nil {
			opts.Warn(err)
			return
		}
		l.mu.Lock()
		l.warnings = append(l.warnings, err)
		l.mu.Unlock()
	}
	ctx := context.Background()
	ix, _, err := openIndex(ctx, dir, writable(dir), l.warn)
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", dir, err)
	}
	l.ix = ix
	if err := l.replayJournal(ctx); err != nil {
		return nil, errors.Join(fmt.Errorf("open library %s: %w", dir, err), ix.close())
	}
	return l, nil
}

// writable reports whether tread can create files in dir. It asks the
// system rather than writing, which would change the folder's time.
func writable(dir string) bool {
	return accessW(dir) == nil
}

// ErrReadOnly is a change asked of a library whose folder cannot be
// written.
var ErrReadOnly = errors.New("the library folder is read-only")

// checkWritable is nil when the library's folder can be written, else an
// error saying why not.
func (l *Library) checkWritable() error {
	if err := accessW(l.dir); err != nil {
		return fmt.Errorf("%w (%s: %w)", ErrReadOnly, l.dir, err)
	}
	return nil
}

// Close closes the index.
func (l *Library) Close() error { return l.ix.close() }

// Dir is the library's folder.
func (l *Library) Dir() string { return l.dir }

// ReadOnly reports whether the library's folder cannot be written: pages
// read, but saves and marks fail.
func (l *Library) ReadOnly() bool { return !writable(l.dir) }
