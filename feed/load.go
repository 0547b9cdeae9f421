package feed

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/tread-reader/tread/intake"
	"github.com/tread-reader/tread/regfile"
	"github.com/tread-reader/tread/story"
)

// More errors a Document can carry.
var (
	// ErrTooMany: a folder holds more than Options.MaxFiles files; the
	// first ones were read.
	ErrTooMany = errors.New("too many files, the rest skipped")
	// ErrTooDeep: a folder is nested deeper than Options.MaxDepth below the
	// source; it was skipped.
	ErrTooDeep = errors.New("folder nested too deep, skipped")
)

// Load reads one source into Documents: a file gives one (a library .page
// file is read as the page it saved), "-" reads opts.Stdin, a folder gives
// one per page-like file under it (.txt, .text, .html, .htm, .xhtml, .shtml,
// .page, and files without an extension that are text), in sorted order,
// hidden files and folders skipped, symbolic links to folders not
// followed, and an http or https URL gives its page, from the library's
// saved copy or the network (see Options). Other URL schemes fail with
// ErrScheme. A source that cannot be read yields a Document whose Err is one
// line naming it ("read notes.bin: binary file, not a page dump or HTML");
// in a folder, the other files still load. Load never panics and stops early
// when ctx is cancelled, ending the list with a Document carrying ctx's
// error.
func Load(ctx context.Context, source string, opts Options) []story.Document {
	if err := ctx.Err(); err != nil {
		return []story.Document{failed(source, err)}
	}
	if source == "-" {
		if opts.Stdin == nil {
			return []story.Document{failed(source, ErrNoStdin)}
		}
		data, err := readAll(ctx, func() (io.ReadCloser, error) { return io.NopCloser(opts.Stdin), nil }, opts.maxBytes())
		return []story.Document{document(source, "", data, err)}
	}
	if IsURL(source) {
		return loadURL(ctx, source, opts)
	}
	if otherScheme(source) {
		return []story.Document{{Source: source, Err: fmt.Errorf("open %s: %w", source, ErrScheme)}}
	}
	fi, err := os.Stat(source)
	if err != nil {
		return []story.Document{failed(source, err)}
	}
	if fi.IsDir() {
		return loadDir(ctx, source, opts)
	}
	return []story.Document{loadFile(ctx, source, fi, opts)}
}

// loadFile reads a file that is not a folder. Pipes, sockets and devices
// are refused before they are opened: a pipe nobody writes to would block
// the open beyond any cancelling (standard input, "-", is the way to pipe
// a page in).
func loadFile(ctx context.Context, path string, fi fs.FileInfo, opts Options) story.Document {
	if err := regfile.Check(fi.Mode()); err != nil {
		return failed(path, err)
	}
	limit := opts.maxBytes()
	if fi.Size() > limit {
		return failed(path, overLimit(fi.Size(), limit))
	}
	data, err := readAll(ctx, func() (io.ReadCloser, error) {
		f, _, err := regfile.Open(path)
		return f, err
	}, limit)
	if err == nil && isSavedPage(path, data) {
		return savedDocument(path, data)
	}
	return document(path, path, data, err)
}

// readAll opens and reads a source in a goroutine so that a read that
// blocks (standard input from a terminal or a silent pipe) cannot outlive
// ctx; when ctx ends first the goroutine is left to finish on its own.
// Files are regular ones by now, and do not block.
func readAll(ctx context.Context, open func() (io.ReadCloser, error), limit int64) ([]byte, error) {
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		r, err := open()
		if err != nil {
			done <- result{err: err}
			return
		}
		data, err := io.ReadAll(io.LimitReader(r, limit+1))
		if cerr := r.Close(); err == nil {
			err = cerr
		}
		if err == nil && int64(len(data)) > limit {
			err = fmt.Errorf("%w (more than %s)", ErrTooLarge, intake.FormatSize(limit))
			data = nil
		}
		done <- result{data, err}
	}()
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case r := <-done:
		return r.data, r.err
	}
}

// document parses what was read from source; name gives Parse the file's
// extension.
func document(source, name string, data []byte, err error) (doc story.Document) {
	if err != nil {
		return failed(source, err)
	}
	// One bad file must not take the others (or the UI) down with it:
	// a panic in a parser becomes this source's error.
	defer func() {
		if r := recover(); r != nil {
			doc = failed(source, fmt.Errorf("internal error: %v", r))
		}
	}()
	stories, err := Parse(name, data)
	if err != nil {
		return failed(source, err)
	}
	return story.Document{Source: source, Stories: stories}
}

// failed makes the Document for a source that could not be read. The
// operating system's own error drops its "open PATH" prefix, since the
// message names the source already.
func failed(source string, err error) story.Document {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	name := source
	if source == "-" {
		name = "standard input"
	}
	if errors.Is(err, regfile.ErrNotRegular) {
		// Nothing was read: "x.page: not a regular file (named pipe)".
		return story.Document{Source: source, Err: fmt.Errorf("%s: %w", name, err)}
	}
	return story.Document{Source: source, Err: fmt.Errorf("read %s: %w", name, err)}
}

// PageFile is one file a folder source holds that may be a page, or,
// with Err set, one the walk could not enter or refuses (Path names it).
type PageFile struct {
	Path  string
	Info  fs.FileInfo
	Sniff bool // no extension: a page only if it is text (see LoadFiles)
	Err   error
}

// PageFiles walks a folder source and lists the files in it to read as
// pages, in sorted order, without reading any: a folder of any size lists
// in the time its names take, and its pages can be read a few at a time
// (LoadFiles). What the walk could not enter or refuses (a folder nested
// too deep, a pipe named like a page) is listed in its place with Err set;
// a folder of more than Options.MaxFiles files lists the first of them and
// says so. Hidden files and folders are skipped, and links to folders not
// followed.
func PageFiles(ctx context.Context, root string, opts Options) (files []PageFile) {
	problem := func(path string, err error) { files = append(files, PageFile{Path: path, Err: err}) }
	n := 0
	// A trailing separator makes the walk follow root when it is itself a
	// link to a folder.
	walkRoot := root
	if !os.IsPathSeparator(root[len(root)-1]) {
		walkRoot += string(filepath.Separator)
	}
	walkErr := filepath.WalkDir(walkRoot, func(path string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			if path == walkRoot {
				path = root
			}
			problem(path, err)
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if path == walkRoot {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if depth(root, path) > opts.maxDepth() {
				problem(path, fmt.Errorf("%w (over %d levels)", ErrTooDeep, opts.maxDepth()))
				return fs.SkipDir
			}
			return nil
		}
		read, sniff := pageLike(d.Name())
		if !read {
			return nil
		}
		// Follow a link to a file, but not to a folder (it could loop).
		fi, err := os.Stat(path)
		if err != nil {
			problem(path, err)
			return nil
		}
		if !fi.Mode().IsRegular() {
			// Folders behind links are not followed, and pipes, devices
			// and sockets never opened; one that a page's name promises
			// is said, as an unreadable page would be.
			if !sniff && !fi.IsDir() {
				problem(path, regfile.Check(fi.Mode()))
			}
			return nil
		}
		if n == opts.maxFiles() {
			problem(root, fmt.Errorf("%w (limit %d)", ErrTooMany, opts.maxFiles()))
			return fs.SkipAll
		}
		n++
		files = append(files, PageFile{Path: path, Info: fi, Sniff: sniff})
		return nil
	})
	if walkErr != nil {
		problem(root, walkErr)
	}
	return files
}

// LoadFiles reads files that PageFiles listed, on every core, and returns
// their Documents in the order given. A file without an extension that
// turns out not to be text is no page and gives none.
func LoadFiles(ctx context.Context, files []PageFile, opts Options) []story.Document {
	docs := make([]story.Document, len(files))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(files), 1)) {
		wg.Go(func() {
			for i := range work {
				if f := files[i]; f.Err != nil {
					docs[i] = failed(f.Path, f.Err)
				} else {
					docs[i] = loadFile(ctx, f.Path, f.Info, opts)
				}
			}
		})
	}
	for i := range files {
		work <- i
	}
	close(work)
	wg.Wait()
	out := docs[:0]
	for i, d := range docs {
		if files[i].Sniff && errors.Is(d.Err, ErrBinary) {
			continue // no extension and not text: not a page
		}
		out = append(out, d)
	}
	return out
}

// loadDir reads every page of a folder: PageFiles, then LoadFiles.
func loadDir(ctx context.Context, root string, opts Options) []story.Document {
	docs := LoadFiles(ctx, PageFiles(ctx, root, opts), opts)
	if len(docs) == 0 {
		return []story.Document{failed(root, ErrNoFiles)}
	}
	return docs
}

// depth counts the folder levels from root down to path.
func depth(root, path string) int {
	rel, err := filepath.Rel(root, path)
	if err != nil {
		return 0
	}
	return strings.Count(rel, string(filepath.Separator)) + 1
}

// overLimit is ErrTooLarge for n bytes against limit, in words.
func overLimit(n, limit int64) error {
	size, max := intake.FormatSize(n), intake.FormatSize(limit)
	if size == max {
		// Just over: "20MB; limit 20MB" would read as a contradiction.
		return fmt.Errorf("%w (more than %s)", ErrTooLarge, max)
	}
	return fmt.Errorf("%w (%s; limit %s)", ErrTooLarge, size, max)
}
