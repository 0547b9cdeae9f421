package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/tread-reader/tread/feed"
	"github.com/tread-reader/tread/library"
	"github.com/tread-reader/tread/regfile"
	"github.com/tread-reader/tread/sanitize"
)

// saveMaxDepth is how deep --save walks into a folder, as a folder source
// is read.
const saveMaxDepth = feed.DefaultMaxDepth

// printSave adds every source to the library without opening the reader:
// a URL is fetched and kept as the reader keeps it (one already saved is
// skipped); a local HTML page or page dump is copied in as it is, under
// the canonical URL the page names or else its path; a folder is walked
// for them. It prints one line per page: saved, skipped (unchanged) or,
// on stderr, failed. Any failure makes the exit status 1.
func printSave(ctx context.Context, o options, s *session, stdout, stderr io.Writer) int {
	lib, err := s.library()
	if err != nil {
		fmt.Fprintf(stderr, "tread: library: %s\n", sanitize.Line(err.Error()))
		return 1
	}
	code := 0
	fail := func(source string, err error) {
		var pe *fs.PathError
		if errors.As(err, &pe) && pe.Path == source {
			err = pe.Err // the line names the source already
		}
		fmt.Fprintf(stderr, "tread: failed %s: %s\n", sourceName(source), strings.TrimPrefix(sanitize.Line(err.Error()), "read "+sourceName(source)+": "))
		code = 1
	}
	for _, src := range o.sources {
		if ctx.Err() != nil {
			fail(src, ctx.Err())
			break
		}
		if feed.IsURL(src) {
			saveURL(ctx, s, lib, src, stdout, fail)
			continue
		}
		err := walkPages(src, func(path string) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			saved, url, err := saveLocal(lib, path)
			switch {
			case err != nil:
				fail(path, err)
			case saved && url != path:
				fmt.Fprintf(stdout, "saved %s (from %s)\n", sanitize.Line(url), sanitize.Line(path))
			case saved:
				fmt.Fprintf(stdout, "saved %s\n", sanitize.Line(path))
			default:
				fmt.Fprintf(stdout, "skipped %s (unchanged)\n", sanitize.Line(path))
			}
			return nil
		})
		if err != nil {
			fail(src, err)
		}
	}
	s.printWarnings(stderr)
	return code
}

// saveURL fetches a URL into the library unless it is there already.
func saveURL(ctx context.Context, s *session, lib *library.Library, src string, stdout io.Writer, fail func(string, error)) {
	if _, ok := lib.Lookup(src); ok {
		fmt.Fprintf(stdout, "skipped %s (already saved)\n", sanitize.Line(src))
		return
	}
	for _, d := range s.load(ctx, src) {
		if d.Err != nil {
			fail(src, d.Err)
			return
		}
	}
	if _, ok := lib.Lookup(src); !ok {
		fail(src, errors.New("the page was read but could not be kept"))
		return
	}
	fmt.Fprintf(stdout, "saved %s\n", sanitize.Line(src))
}

// walkPages calls fn with every page file under root (root itself when it
// is a file): regular files only, never following a link out of the tree,
// at most saveMaxDepth folders down. A folder of any size is walked one
// file at a time. It is the one place --save walks the file system.
func walkPages(root string, fn func(path string) error) error {
	fi, err := os.Stat(root)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s: not a regular file", root)
		}
		return fn(root)
	}
	base := strings.Count(filepath.Clean(root), string(filepath.Separator))
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || strings.Count(path, string(filepath.Separator))-base > saveMaxDepth) {
				return filepath.SkipDir
			}
			return nil
		}
		fi, err := d.Info()
		if err != nil || !feed.IsPageFile(d.Name(), fi) {
			return nil // gone since listed, a link, or not a page
		}
		return fn(path)
	})
}

// saveLocal copies a local page into the library. saved is false when the
// library holds the same bytes under the same URL already.
func saveLocal(lib *library.Library, path string) (saved bool, url string, err error) {
	// A pipe or device is refused before it is opened (package regfile).
	f, fi, err := regfile.Open(path)
	if err != nil {
		return false, "", err
	}
	defer f.Close()
	if fi.Size() > feed.DefaultMaxBytes {
		return false, "", fmt.Errorf("larger than %d MB", feed.DefaultMaxBytes>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, feed.DefaultMaxBytes+1))
	if err != nil {
		return false, "", err
	}
	page := feed.LocalPage(path, data, time.Now())
	if library.IsEntry(data) {
		if page, err = library.ParseEntry(data); err != nil {
			return false, "", err
		}
	}
	if e, ok := lib.Lookup(page.URL); ok {
		if old, err := lib.Read(e); err == nil && bytes.Equal(old.Body, page.Body) {
			return false, page.URL, nil
		}
	}
	stories, err := feed.ReadPage(page)
	if err != nil {
		return false, "", err
	}
	if _, err := lib.SaveStories(page, stories); err != nil {
		return false, "", err
	}
	return true, page.URL, nil
}

// checkLibraryFlags checks --save and --search against the other flags:
// each is a mode of its own.
func checkLibraryFlags(o options, set map[string]bool) error {
	switch {
	case set["search"] && o.search == "":
		return fmt.Errorf("%w: --search needs a query", errUsage)
	case set["search"] && len(o.sources) > 0:
		return fmt.Errorf("%w: --search searches the library and takes no sources (got %q)", errUsage, o.sources[0])
	case set["search"] && (o.dump || o.export != "" || o.save):
		return fmt.Errorf("%w: --search cannot be used with --dump, --export or --save", errUsage)
	case o.save && len(o.sources) == 0:
		return fmt.Errorf("%w: --save needs a SOURCE to save", errUsage)
	case o.save && (o.json || o.dump || o.export != ""):
		return fmt.Errorf("%w: --save cannot be used with --json, --dump or --export", errUsage)
	case o.save && slices.Contains(o.sources, "-"):
		return fmt.Errorf("%w: --save cannot save standard input; save it to a file first", errUsage)
	}
	return nil
}
