package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/feed"
	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/library"
	"github.com/tread-reader/tread/sample"
	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// session is what loading a source needs beyond its name: the settings,
// the flags, and the library of offline copies, opened on first use so
// that reading local files never creates a library folder.
type session struct {
	libDir  string // the library folder; "" when there is none
	offline bool
	fetch   fetch.Options
	stdin   io.Reader

	// busy bounds the sources loading at once: the reader starts every
	// source's load together, and a hundred URLs or a big library would
	// otherwise all be fetched and extracted at the same moment.
	busy chan struct{}

	once     sync.Once
	lib      *library.Library
	libErr   error
	reported sync.Once      // the library's failure to open is said once
	bg       sync.WaitGroup // the index's catch-up the reader starts

	mu       sync.Mutex
	warnings []string // said on standard error; they leave the exit status alone

	pictures *pictureSaver // the pictures of pages saved, in the background
}

func newSession(o options, cfg config.Config, stdin io.Reader) *session {
	dir := effectiveLibrary(o, cfg)
	ua := cfg.UserAgent
	if ua == "" {
		ua = "tread/" + version
	}
	s := &session{
		libDir:  dir,
		offline: o.offline,
		fetch: fetch.Options{
			UserAgent:      ua,
			Timeout:        cfg.Timeout,
			ConnectTimeout: cfg.ConnectTimeout,
			MaxSize:        int64(cfg.MaxSize),
		},
		stdin: stdin,
		busy:  make(chan struct{}, max(8, runtime.GOMAXPROCS(0))),
	}
	s.pictures = newPictureSaver(cfg, s.fetch, s.warn)
	return s
}

// library opens the library folder, once.
func (s *session) library() (*library.Library, error) {
	s.once.Do(func() {
		if s.libDir == "" {
			s.libErr = errors.New("no library folder: set library in the settings or use --library")
			return
		}
		s.lib, s.libErr = library.OpenWith(s.libDir, s.libraryOptions())
	})
	return s.lib, s.libErr
}

// load reads one source: the reader's Loader and the batch modes' reader.
func (s *session) load(ctx context.Context, source string) []story.Document {
	return s.loadWith(ctx, source, false, s.warn)
}

// reload reads a source again, a URL from the network even when it has a
// saved copy (offline, the saved copy is all there is).
func (s *session) reload(ctx context.Context, source string) []story.Document {
	return s.loadWith(ctx, source, true, s.warn)
}

// loadWith loads source; warn hears what went wrong that costs it no
// stories (a page read but not kept).
func (s *session) loadWith(ctx context.Context, source string, refresh bool, warn func(string)) []story.Document {
	select {
	case s.busy <- struct{}{}:
		defer func() { <-s.busy }()
	case <-ctx.Done():
		return []story.Document{{Source: source, Err: ctx.Err()}}
	}
	if doc, ok := sample.Page(source, time.Now()); ok {
		// the sample's own pages: never the library, never the network
		return []story.Document{doc}
	}
	opts := feed.Options{
		Stdin: s.stdin, Fetch: s.fetch, Offline: s.offline, Refresh: refresh,
		Warn: func(err error) { warn(err.Error()) },
	}
	// Offline, a library that does not exist holds no copy: it is not
	// made just to be looked in.
	if feed.IsURL(source) && (!s.offline || s.libraryExists()) {
		lib, err := s.library()
		opts.Library = lib
		if lib != nil {
			opts.Saved = func(page fetch.Page, stories []story.Story) { s.pictures.saved(lib, page, stories) }
		}
		if err != nil && s.libDir != "" {
			// Pages still open without a library; the reader hears once
			// that they are not being kept, as a warning: the source's
			// one result is its page.
			s.reported.Do(func() {
				s.warn(fmt.Sprintf("library: %v; pages are not being kept", err))
			})
		}
	}
	return s.dated(source, feed.Load(ctx, source, opts))
}

// dated gives each story its time (story.Story.When) for showing its age
// as it grows and for sorting: a relative age counts back from when the
// page was saved (savedTime), or from now when that is unknown, as for
// standard input, where the page is as old as the run.
func (s *session) dated(source string, docs []story.Document) []story.Document {
	now := time.Now()
	for i, d := range docs {
		if len(d.Stories) == 0 {
			continue
		}
		src := d.Source
		if src == "" {
			src = source
		}
		saved := s.savedTime(src, d.Stories[0])
		if saved.IsZero() {
			saved = now
		}
		feed.Dated(docs[i].Stories, saved)
	}
	return docs
}

// saved reports whether the library holds a copy of url. It never creates
// the library folder. It costs a file-system call or two, so the reader
// asks it in a tea.Cmd, not while drawing.
func (s *session) saved(url string) bool {
	if !s.libraryExists() {
		return false
	}
	lib, err := s.library()
	if err != nil {
		return false
	}
	_, ok := lib.Lookup(url)
	return ok
}

func (s *session) libraryExists() bool {
	if s.libDir == "" {
		return false
	}
	fi, err := os.Stat(s.libDir)
	return err == nil && fi.IsDir()
}

// skipFailed drops the failed documents of a saved page opened as part of
// the library, each with a warning: a copy that cannot be read (damaged,
// or saved by an older tread from a page it could not read) would fail the
// same way every time the library opens, and must not fail every run.
func (s *session) skipFailed(ctx context.Context, docs []story.Document, warn func(string)) []story.Document {
	if ctx.Err() != nil {
		return docs // cut short, not broken
	}
	kept := docs[:0:0]
	for _, d := range docs {
		if d.Err == nil {
			kept = append(kept, d)
			continue
		}
		warn("library: skip " + strings.TrimPrefix(errorLine(d), "read "))
	}
	return kept
}

// warn keeps a warning for the end of the run. Loads run at once, so it
// locks.
func (s *session) warn(msg string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.warnings = append(s.warnings, msg)
}

// printWarnings says the warnings so far on w, once each, and forgets them.
func (s *session) printWarnings(w io.Writer) {
	s.mu.Lock()
	warnings := s.warnings
	s.warnings = nil
	s.mu.Unlock()
	said := make(map[string]bool, len(warnings))
	for _, msg := range warnings {
		if said[msg] {
			continue // a skipped page found at start and again by the reconcile
		}
		said[msg] = true
		fmt.Fprintf(w, "tread: warning: %s\n", sanitize.Line(msg))
	}
}

// savedTime is when a story's page was saved: its library copy's fetch
// time for a web page, a file's modification time for a file; zero when
// unknown.
func (s *session) savedTime(source string, st story.Story) time.Time {
	if feed.IsURL(source) {
		if !s.libraryExists() {
			return time.Time{} // never made just to be looked in
		}
		if lib, err := s.library(); err == nil && st.URL != "" {
			if e, ok := lib.Lookup(st.URL); ok {
				return e.Fetched
			}
		}
		return time.Time{}
	}
	if source == "-" {
		return time.Time{}
	}
	if fi, err := os.Stat(source); err == nil && fi.Mode().IsRegular() {
		return fi.ModTime()
	}
	// A pipe, or a file gone since it was read: no time to give.
	return time.Time{}
}
