package library

import (
	"context"
	"errors"
	"fmt"
	"github.com/tread-reader/tread/regfile"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/story"
)

// Progress is how far a Reconcile has come.
type Progress struct {
	Scanned  int     // files looked at
	Indexed  int     // files read and (re-)extracted
	Removed  int     // rows of files that are gone
	Skipped  int     // damaged files found (Library.Skipped lists them)
	Done     bool    // the last report of a Reconcile
	Warnings []error // what went wrong that is not a damaged page
}

// batch bounds the work between two commits and two progress reports:
// a kill loses at most one batch, and the UI hears of progress often.
const batch = 32

// staleTemp is how old a temp file must be before Reconcile deletes it:
// younger ones may belong to another tread saving right now.
var staleTemp = time.Hour

// Reconcile brings the index up to date with the files: pages added,
// changed or removed behind tread's back (a sync, a copy, rm) are
// (re-)indexed or dropped, damaged files are listed as skipped, and pages
// indexed by an older extractor are read again. It compares names, sizes
// and modification times, reading only files that changed, and skips the
// walk altogether when the folder has not changed since the last one.
// Work is committed a batch at a time, so a Reconcile that is killed
// resumes where it stopped. progress, when not nil, hears after each batch.
//
// The folder's time changes when a file is added, removed or renamed into
// it, as tread and sync tools write; a file rewritten in place (cp over
// it) leaves it alone. ReconcileAll, for the background, always walks.
func (l *Library) Reconcile(ctx context.Context, progress func(Progress)) error {
	return l.reconcile(ctx, progress, false)
}

// ReconcileAll is Reconcile comparing every file, even when the folder's
// time says nothing changed: the reader runs it in the background.
func (l *Library) ReconcileAll(ctx context.Context, progress func(Progress)) error {
	return l.reconcile(ctx, progress, true)
}

func (l *Library) reconcile(ctx context.Context, progress func(Progress), all bool) error {
	if l.ix.ro {
		return nil // an index that cannot be written is read as it is
	}
	l.scanMu.Lock()
	defer l.scanMu.Unlock()
	var p Progress
	report := func() {
		if progress != nil {
			progress(p)
		}
		p.Warnings = nil
	}
	fi, err := os.Stat(l.dir)
	if err != nil {
		return fmt.Errorf("library %s: %w", l.dir, err)
	}
	stamp := strconv.FormatInt(fi.ModTime().UnixNano(), 10)
	last, err := l.ix.getMeta(ctx, "scanned")
	if err != nil {
		return fmt.Errorf("read index: %w", err)
	}
	if all || last != stamp {
		if err := l.walk(ctx, &p, report); err != nil {
			return err
		}
	}
	if err := l.reextract(ctx, &p, report); err != nil {
		return err
	}
	if last != stamp {
		if err := setMeta(ctx, l.ix.db, "scanned", stamp); err != nil {
			return fmt.Errorf("write index: %w", err)
		}
	}
	if err := l.compactJournal(ctx); err != nil {
		p.Warnings = append(p.Warnings, err)
	}
	p.Done = true
	report()
	return nil
}

type stamp struct{ size, mtime int64 }

// walk compares the folder with the index, indexing what changed.
func (l *Library) walk(ctx context.Context, p *Progress, report func()) error {
	known, err := l.knownFiles(ctx)
	if err != nil {
		return err
	}
	var todo []string
	flush := func() error {
		if err := l.indexFiles(ctx, todo, p); err != nil {
			return err
		}
		todo = todo[:0]
		report()
		return nil
	}
	err = eachPageFile(l.dir, func(name string, fi os.FileInfo) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if strings.HasPrefix(name, tempPrefix) {
			if fi.Mode().IsRegular() {
				l.removeStale(name, fi, p)
			}
			return nil
		}
		p.Scanned++
		s, ok := known[name]
		delete(known, name)
		if ok && s == (stamp{fi.Size(), fi.ModTime().UnixNano()}) {
			return nil
		}
		if todo = append(todo, name); len(todo) >= batch {
			return flush()
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("library %s: %w", l.dir, err)
	}
	if len(todo) > 0 {
		if err := flush(); err != nil {
			return err
		}
	}
	gone := make([]string, 0, len(known))
	for name := range known {
		gone = append(gone, name)
	}
	for len(gone) > 0 {
		n := min(len(gone), 256)
		if err := l.forgetFiles(ctx, gone[:n]); err != nil {
			return err
		}
		p.Removed += n
		gone = gone[n:]
		report()
	}
	return nil
}

// eachPageFile calls fn for every file in dir whose name ends in .page,
// temp files included, reading the folder a slice at a time so a
// folder of any size is walked in constant memory.
func eachPageFile(dir string, fn func(name string, fi os.FileInfo) error) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	for {
		des, err := d.ReadDir(1024)
		for _, de := range des {
			name := de.Name()
			if !strings.HasSuffix(name, fileExt) && !strings.HasPrefix(name, tempPrefix) || de.IsDir() {
				continue
			}
			// A link is followed; a pipe or device is passed on, for
			// readRecord to refuse (and List to warn of) without opening.
			fi, err := os.Stat(filepath.Join(dir, name))
			if err != nil || fi.IsDir() {
				continue // gone since the folder was read, or a folder
			}
			if err := fn(name, fi); err != nil {
				return err
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// removeStale deletes a temp file a killed save left behind.
func (l *Library) removeStale(name string, fi os.FileInfo, p *Progress) {
	if time.Since(fi.ModTime()) < staleTemp {
		return
	}
	if err := os.Remove(filepath.Join(l.dir, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
		p.Warnings = append(p.Warnings, fmt.Errorf("library: remove leftover %w", err))
	}
}

// knownFiles is every file the index holds, with the size and time it had.
func (l *Library) knownFiles(ctx context.Context) (map[string]stamp, error) {
	known := map[string]stamp{}
	for _, q := range []string{"SELECT file, size, mtime FROM pages", "SELECT file, size, mtime FROM skipped"} {
		rows, err := l.ix.db.QueryContext(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("read index: %w", err)
		}
		for rows.Next() {
			var name string
			var s stamp
			if err := rows.Scan(&name, &s.size, &s.mtime); err != nil {
				return nil, errors.Join(fmt.Errorf("read index: %w", err), rows.Close())
			}
			known[name] = s
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return nil, fmt.Errorf("read index: %w", err)
		}
	}
	return known, nil
}

// indexFiles reads and extracts the named files, on every core, and
// writes their rows in one transaction.
func (l *Library) indexFiles(ctx context.Context, names []string, p *Progress) error {
	recs := make([]record, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Go(func() {
			for i := range next {
				recs[i], errs[i] = l.readRecord(names[i])
			}
		})
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	tx, err := l.ix.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	defer rollback(tx)
	for i, name := range names {
		switch {
		case errors.Is(errs[i], os.ErrNotExist):
			if _, err := tx.ExecContext(ctx, "DELETE FROM skipped WHERE file = ?", name); err != nil {
				return fmt.Errorf("write index: %w", err)
			}
			if err := forgetFile(ctx, tx, name); err != nil {
				return fmt.Errorf("write index: %w", err)
			}
		case errs[i] != nil:
			p.Skipped++ // Skipped lists them, for as long as they are there
			if err := forgetFile(ctx, tx, name); err != nil {
				return fmt.Errorf("write index: %w", err)
			}
			if err := skip(ctx, tx, name, recs[i].size, recs[i].mtime, errs[i].Error()); err != nil {
				return fmt.Errorf("write index: %w", err)
			}
		default:
			p.Indexed++
			if err := put(ctx, tx, recs[i]); err != nil {
				return fmt.Errorf("write index: %w", err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	return nil
}

// readRecord reads one page file and extracts it. A damaged file's error
// comes with the record's size and time, to remember it by.
func (l *Library) readRecord(name string) (record, error) {
	path := filepath.Join(l.dir, name)
	fi, err := os.Stat(path)
	if err != nil {
		return record{}, err
	}
	r := record{file: name, size: fi.Size(), mtime: fi.ModTime().UnixNano()}
	// Opening a pipe with no writer would block: refused before opening.
	if !fi.Mode().IsRegular() {
		return r, fmt.Errorf("%s: %w", path, notRegular(fi.Mode()))
	}
	page, h, err := readPageHeader(path)
	if err != nil {
		return r, err
	}
	r.h = h
	r.stories, r.failed, r.version = l.extract(page)
	return r, nil
}

// forgetFile drops the row of a file that is gone.
func forgetFile(ctx context.Context, x execer, name string) error {
	if _, err := x.ExecContext(ctx, "DELETE FROM fts WHERE rowid IN (SELECT id FROM pages WHERE file = ?)", name); err != nil {
		return err
	}
	_, err := x.ExecContext(ctx, "DELETE FROM pages WHERE file = ?", name)
	return err
}

func (l *Library) forgetFiles(ctx context.Context, names []string) error {
	tx, err := l.ix.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	defer rollback(tx)
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, "DELETE FROM skipped WHERE file = ?", name); err != nil {
			return fmt.Errorf("write index: %w", err)
		}
		if err := forgetFile(ctx, tx, name); err != nil {
			return fmt.Errorf("write index: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("write index: %w", err)
	}
	return nil
}

// reextractQuery finds pages another extractor version read: two ranges
// of the extractor index, where "<>" would read all of it at every start.
const reextractQuery = "SELECT file FROM pages WHERE extractor < ?1 OR extractor > ?1 LIMIT ?2"

// reextract reads again, a batch at a time, the pages whose stored
// extraction came from another extractor version.
func (l *Library) reextract(ctx context.Context, p *Progress, report func()) error {
	if l.ext.Extract == nil {
		return nil
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rows, err := l.ix.db.QueryContext(ctx, reextractQuery, l.ext.Version, batch)
		if err != nil {
			return fmt.Errorf("read index: %w", err)
		}
		var names []string
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				return errors.Join(fmt.Errorf("read index: %w", err), rows.Close())
			}
			names = append(names, name)
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return fmt.Errorf("read index: %w", err)
		}
		if len(names) == 0 {
			return nil
		}
		if err := l.indexFiles(ctx, names, p); err != nil {
			return err
		}
		report()
	}
}

// extract runs the extractor on page, never letting it panic out.
func (l *Library) extract(page fetch.Page) (stories []story.Story, failed, version string) {
	if l.ext.Extract == nil {
		return nil, "", ""
	}
	defer func() {
		if r := recover(); r != nil {
			stories, failed, version = nil, fmt.Sprintf("internal error: %v", r), l.ext.Version
		}
	}()
	stories, err := l.ext.Extract(page)
	if err != nil {
		return nil, err.Error(), l.ext.Version
	}
	if len(stories) == 0 {
		return nil, "no stories", l.ext.Version
	}
	return stories, "", l.ext.Version
}

// ErrNotRegular marks a file in the library folder that is not a regular
// file (a named pipe, a socket, a device): it is skipped, never opened.
var ErrNotRegular = regfile.ErrNotRegular

// notRegularError names the kind of file found.
type notRegularError struct{ kind string }

func (e notRegularError) Error() string        { return ErrNotRegular.Error() + " (" + e.kind + ")" }
func (e notRegularError) Is(target error) bool { return target == ErrNotRegular }

func notRegular(mode os.FileMode) error {
	kind := "special file"
	switch {
	case mode&os.ModeNamedPipe != 0:
		kind = "named pipe"
	case mode&os.ModeSocket != 0:
		kind = "socket"
	case mode&os.ModeCharDevice != 0:
		kind = "character device"
	case mode&os.ModeDevice != 0:
		kind = "device"
	}
	return notRegularError{kind}
}
