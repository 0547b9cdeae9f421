package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/tread-reader/tread/extract"
	"github.com/tread-reader/tread/feed"
	"github.com/tread-reader/tread/library"
	"github.com/tread-reader/tread/story"
	"github.com/tread-reader/tread/ui"
)

// firstScreen is how many pages a new index is given time to take in
// before the reader's first screen, on the first run or after a rebuild.
const firstScreen = 50

// libraryOptions wires the library to tread's page reader, and its
// warnings to the session's.
func (s *session) libraryOptions() library.Options {
	return library.Options{
		Extractor: library.Extractor{Version: extract.Version, Extract: feed.ReadPage},
		Warn:      func(err error) { s.warn(err.Error()) },
	}
}

// openedLibrary is the library when its folder exists, else nil: reading
// never creates the library folder.
func (s *session) openedLibrary() (*library.Library, error) {
	if !s.libraryExists() {
		return nil, nil
	}
	lib, err := s.library()
	if err != nil {
		return nil, fmt.Errorf("library: %w", err)
	}
	return lib, nil
}

// reconcile brings the index up to date with the library's files before a
// batch mode reads it, each damaged file a warning.
func (s *session) reconcile(ctx context.Context, lib *library.Library) error {
	err := lib.Reconcile(ctx, func(p library.Progress) {
		for _, w := range p.Warnings {
			s.warn(w.Error())
		}
	})
	if err != nil {
		return fmt.Errorf("library: %w", err)
	}
	s.warnSkipped(ctx, lib)
	return nil
}

// warnSkipped warns of each file in the library that is not a readable
// page, on every run until it is fixed or removed, as the reader's list
// once did.
func (s *session) warnSkipped(ctx context.Context, lib *library.Library) {
	skipped, err := lib.Skipped(ctx)
	if err != nil {
		s.warn("library: " + err.Error())
	}
	for _, w := range skipped {
		s.warn(w.Error())
	}
}

// startLibrary brings the index up to date in the background and returns
// the library for the reader to page through, or nil when it has no pages
// (the sample edition shows instead). A new index (the first run, or a
// rebuild) is given a moment to take in the newest pages first.
func (s *session) startLibrary(ctx context.Context) (*library.Library, error) {
	lib, err := s.openedLibrary()
	if err != nil || lib == nil {
		return nil, err
	}
	n, err := lib.Count(ctx)
	if err != nil {
		return nil, fmt.Errorf("library: %w", err)
	}
	started := make(chan struct{})
	s.bg.Go(func() { s.reconcileBackground(ctx, lib, started) })
	if n == 0 {
		select {
		case <-started:
		case <-time.After(3 * time.Second):
		}
		if n, err = lib.Count(ctx); err != nil {
			return nil, fmt.Errorf("library: %w", err)
		}
	}
	s.warnSkipped(ctx, lib)
	if n == 0 {
		return nil, nil
	}
	return lib, nil
}

// reconcileBackground compares every file with the index, closing started
// once the first pages are in (or the pass is over).
func (s *session) reconcileBackground(ctx context.Context, lib *library.Library, started chan struct{}) {
	var once bool
	err := lib.ReconcileAll(ctx, func(p library.Progress) {
		for _, w := range p.Warnings {
			s.warn(w.Error())
		}
		if !once && p.Indexed >= firstScreen {
			once = true
			close(started)
		}
	})
	if err != nil && ctx.Err() == nil {
		s.warn("library: " + err.Error())
	}
	if err == nil {
		// What this pass found unreadable, said on the way out.
		s.warnSkipped(ctx, lib)
	}
	if !once {
		close(started)
	}
}

// libraryStories reads a library page from the index's stored extraction
// when it is current; ok is false when the index has no row for url.
func (s *session) libraryStories(ctx context.Context, url string) ([]story.Story, bool, error) {
	lib, err := s.openedLibrary()
	if err != nil || lib == nil {
		return nil, false, err
	}
	it, ok, err := lib.Item(ctx, url)
	if err != nil || !ok {
		return nil, false, err
	}
	stories, err := lib.Stories(ctx, it)
	return stories, true, err
}

// eachDoc calls fn with the documents of sources, in order; with none, with
// each library page's, newest first, a page at a time from the index (its
// stored extraction where current), so that exporting a library of any
// size takes the same memory; or the sample edition when the library is
// empty. A library page that cannot be read is a warning (see skipFailed).
// fn's error stops the walk.
func eachDoc(ctx context.Context, s *session, sources []string, fn func(story.Document) error) error {
	if len(sources) > 0 {
		return s.eachNamed(ctx, sources, fn)
	}
	lib, err := s.openedLibrary()
	if err != nil {
		if ferr := fn(story.Document{Source: s.libDir, Err: err}); ferr != nil {
			return ferr
		}
	}
	if lib != nil {
		if err := s.reconcile(ctx, lib); err != nil {
			return fn(story.Document{Source: s.libDir, Err: err})
		}
	}
	seen := false
	if lib != nil {
		err = lib.Each(ctx, func(it library.Item, stories []story.Story, err error) error {
			seen = true
			doc := story.Document{Source: it.URL, Stories: stories, Err: err}
			for _, d := range s.skipFailed(ctx, []story.Document{doc}, s.warn) {
				if err := fn(d); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if !seen {
		return fn(sampleEdition())
	}
	return nil
}

// eachNamed calls fn with the documents of named sources in the order
// given. Files and URLs load a few at once (see loadEach); a folder is
// read a chunk of pages at a time (see eachInFolder), so that printing a
// folder of any size takes the same memory.
func (s *session) eachNamed(ctx context.Context, sources []string, fn func(story.Document) error) error {
	var batch []string
	flush := func() error {
		docs := s.loadEach(ctx, batch, func(ctx context.Context, src string, warn func(string)) []story.Document {
			return s.loadWith(ctx, src, false, warn)
		})
		batch = nil
		for _, d := range docs {
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	}
	for _, src := range sources {
		if fi, err := os.Stat(src); err != nil || !fi.IsDir() || feed.IsURL(src) {
			batch = append(batch, src)
			continue
		}
		if err := flush(); err != nil {
			return err
		}
		if err := s.eachInFolder(ctx, src, fn); err != nil {
			return err
		}
	}
	return flush()
}

// folderChunk is how many pages of a folder are read before they are
// handed on: enough to keep every core busy, few enough to hold.
const folderChunk = 64

// eachInFolder calls fn with the documents of a folder's pages, read a
// chunk at a time on every core, in the folder's sorted order.
func (s *session) eachInFolder(ctx context.Context, dir string, fn func(story.Document) error) error {
	opts := feed.Options{MaxFiles: feed.MaxStreamFiles}
	files := feed.PageFiles(ctx, dir, opts)
	if len(files) == 0 {
		return fn(feed.Load(ctx, dir, opts)[0]) // says the folder has no pages
	}
	for start := 0; start < len(files); start += folderChunk {
		chunk := files[start:min(start+folderChunk, len(files))]
		for _, d := range feed.LoadFiles(ctx, chunk, opts) {
			if err := fn(s.dated(d.Source, []story.Document{d})[0]); err != nil {
				return err
			}
		}
	}
	return nil
}

// expandFolder opens a folder source for the reader as a ui.Folder: its
// pages listed at once (feed.PageFiles), then read a chunk at a time on
// every core (feed.LoadFiles), each story dated as a loaded page is.
func (s *session) expandFolder(ctx context.Context, source string) (ui.Folder, bool) {
	if fi, err := os.Stat(source); err != nil || !fi.IsDir() {
		return ui.Folder{}, false
	}
	opts := feed.Options{MaxFiles: feed.MaxStreamFiles}
	files := feed.PageFiles(ctx, source, opts)
	read := func(ctx context.Context, from, n int) []story.Document {
		docs := feed.LoadFiles(ctx, files[from:from+n], opts)
		for i := range docs {
			s.dated(docs[i].Source, docs[i:i+1])
		}
		return docs
	}
	return ui.Folder{Total: len(files), Read: read}, true
}

// jsonArray writes a JSON array one element at a time, laid out as
// json.Encoder with a two-space indent lays out the whole array.
type jsonArray struct {
	w io.Writer
	n int
}

func (a *jsonArray) add(v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("  ", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	sep := ",\n  "
	if a.n == 0 {
		sep = "[\n  "
	}
	a.n++
	_, err := io.WriteString(a.w, sep+string(bytes.TrimSuffix(b.Bytes(), []byte("\n"))))
	return err
}

func (a *jsonArray) close() error {
	end := "\n]\n"
	if a.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(a.w, end)
	return err
}
