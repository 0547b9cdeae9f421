package library

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/story"
)

// Save stores page, replacing any earlier copy from the same final URL,
// and indexes it, extracting it with the library's extractor.
func (l *Library) Save(page fetch.Page) (Entry, error) { return l.SaveStories(page, nil) }

// SaveStories is Save for a page already read into stories, which the
// index keeps instead of extracting the page again; nil stories are
// extracted here. The file write is atomic: the old copy stays whole until
// the new one is. The file is the page's truth: when only the index write
// fails, the page is still saved (the next Reconcile indexes it) and the
// failure goes to the library's warnings.
func (l *Library) SaveStories(page fetch.Page, stories []story.Story) (Entry, error) {
	if page.URL == "" {
		return Entry{}, errors.New("save page: no URL")
	}
	if page.Fetched.IsZero() {
		page.Fetched = time.Now()
	}
	if err := l.checkWritable(); err != nil {
		return Entry{}, fmt.Errorf("save %s: %w", page.URL, err)
	}
	name := fileName(key(page.URL))
	e, err := writePage(l.dir, name, page)
	if err != nil {
		return Entry{}, fmt.Errorf("save %s: %w", page.URL, err)
	}
	if err := l.indexSaved(name, page, stories); err != nil {
		l.warn(fmt.Errorf("library: index %s: %w (the page is saved; it is indexed when tread next opens the library)", page.URL, err))
	}
	return e, nil
}

// indexSaved writes the row of a page just saved as name.
func (l *Library) indexSaved(name string, page fetch.Page, stories []story.Story) error {
	if l.ix.ro {
		return errors.New("the index is read-only")
	}
	fi, err := os.Stat(filepath.Join(l.dir, name))
	if err != nil {
		return err
	}
	_, h, err := readPageHeader(filepath.Join(l.dir, name))
	if err != nil {
		return err
	}
	r := record{file: name, size: fi.Size(), mtime: fi.ModTime().UnixNano(), h: h}
	if stories != nil && l.ext.Extract != nil {
		r.stories, r.version = stories, l.ext.Version
	} else {
		r.stories, r.failed, r.version = l.extract(page)
	}
	return l.putOne(context.Background(), r)
}

// Lookup finds the saved copy of rawURL, matching it against both the URL
// each page was asked for and the one it came from, after normalising
// (scheme, host case, default port and fragment do not matter). It asks
// the index, and failing that looks for the one file the URL would be
// saved as (another tread may have saved it before the index heard).
func (l *Library) Lookup(rawURL string) (Entry, bool) {
	ctx := context.Background()
	k := key(rawURL)
	if k == "" {
		return Entry{}, false // "" is every page's requested URL
	}
	row := l.ix.db.QueryRowContext(ctx, "SELECT "+entryColumns+
		" FROM pages WHERE url = ?1 OR requested = ?1 ORDER BY saved DESC, id DESC LIMIT 1", k)
	e, err := scanEntry(row, l.dir)
	if err == nil {
		if _, serr := os.Lstat(e.Path); serr == nil {
			return e, true
		}
		l.forgetGone(ctx, filepath.Base(e.Path))
	}
	name := fileName(k)
	rec, err := l.readRecord(name)
	if err != nil {
		return Entry{}, false
	}
	if !l.ix.ro {
		if err := l.putOne(ctx, rec); err != nil {
			l.warn(fmt.Errorf("library: index %s: %w", rawURL, err))
		}
	}
	return rec.h.entry(filepath.Join(l.dir, name)), true
}

// forgetGone drops the row of a file deleted behind the index's back.
func (l *Library) forgetGone(ctx context.Context, name string) {
	if l.ix.ro {
		return
	}
	if err := forgetFile(ctx, l.ix.db, name); err != nil {
		l.warn(fmt.Errorf("library: index: %w", err))
	}
}

func (l *Library) putOne(ctx context.Context, r record) error {
	tx, err := l.ix.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer rollback(tx)
	if err := put(ctx, tx, r); err != nil {
		return err
	}
	return tx.Commit()
}

// Item is the index's row for rawURL (normalised, final or requested).
func (l *Library) Item(ctx context.Context, rawURL string) (Item, bool, error) {
	k := key(rawURL)
	if k == "" {
		return Item{}, false, nil // "" is every page's requested URL
	}
	row := l.ix.db.QueryRowContext(ctx, "SELECT "+itemColumns+
		" FROM pages p LEFT JOIN user u ON u.url = p.url WHERE p.url = ?1 OR p.requested = ?1 ORDER BY p.saved DESC, p.id DESC LIMIT 1", k)
	it, err := scanItem(row, l.dir)
	if errors.Is(err, sql.ErrNoRows) {
		return Item{}, false, nil
	}
	if err != nil {
		return Item{}, false, fmt.Errorf("read index: %w", err)
	}
	return it, true, nil
}

// Read returns the saved page of e, its body checked against the size and
// checksum it was saved with.
func (l *Library) Read(e Entry) (fetch.Page, error) {
	return readPage(e.Path)
}

// List brings the index up to date with the files (see Reconcile) and
// returns every readable entry, newest first, and a warning for each file
// it had to skip. It holds every entry: the reader pages with Page, and
// exports stream with Each.
func (l *Library) List() ([]Entry, []error) {
	ctx := context.Background()
	l.mu.Lock()
	warnings := l.warnings
	l.warnings = nil
	l.mu.Unlock()
	err := l.Reconcile(ctx, func(p Progress) {
		warnings = append(warnings, p.Warnings...)
	})
	if err != nil {
		return nil, append(warnings, err)
	}
	skipped, err := l.Skipped(ctx)
	warnings = append(warnings, skipped...)
	if err != nil {
		return nil, append(warnings, err)
	}
	rows, err := l.ix.db.QueryContext(ctx, "SELECT "+entryColumns+" FROM pages ORDER BY saved DESC, final_url")
	if err != nil {
		return nil, append(warnings, fmt.Errorf("read index: %w", err))
	}
	defer rows.Close()
	var entries []Entry
	for rows.Next() {
		e, err := scanEntry(rows, l.dir)
		if err != nil {
			return nil, append(warnings, fmt.Errorf("read index: %w", err))
		}
		entries = append(entries, e)
	}
	if err := rows.Err(); err != nil {
		return nil, append(warnings, fmt.Errorf("read index: %w", err))
	}
	return entries, warnings
}

// Skipped is a warning for each file in the folder that is not a page
// tread can read (damaged, or not a regular file), as the last Reconcile
// found them: "library: skip PATH: why".
func (l *Library) Skipped(ctx context.Context) ([]error, error) {
	rows, err := l.ix.db.QueryContext(ctx, "SELECT err FROM skipped ORDER BY file")
	if err != nil {
		return nil, fmt.Errorf("read index: %w", err)
	}
	defer rows.Close()
	var out []error
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return out, fmt.Errorf("read index: %w", err)
		}
		// The text is all the index keeps; a damaged file's says so.
		if rest, ok := strings.CutSuffix(msg, ": "+ErrCorrupt.Error()); ok {
			out = append(out, fmt.Errorf("library: skip %s: %w", rest, ErrCorrupt))
			continue
		}
		if path, kind, ok := strings.Cut(msg, ": "+ErrNotRegular.Error()+" ("); ok {
			out = append(out, fmt.Errorf("library: skip %s: %w", path, notRegularError{strings.TrimSuffix(kind, ")")}))
			continue
		}
		out = append(out, fmt.Errorf("library: skip %s", msg))
	}
	return out, rows.Err()
}

// Page returns up to n pages dated before after (the zero Cursor: the
// newest), newest first by their date (the day a page says it was
// published, else the day it was saved), and the cursor of the next page.
// It costs the same however many pages the library holds: a keyset query
// on (day, id), never an OFFSET. unreadOnly leaves out the pages marked
// read.
func (l *Library) Page(ctx context.Context, after Cursor, n int, unreadOnly bool) ([]Item, Cursor, error) {
	if after == (Cursor{}) {
		after = Cursor{day: 1<<63 - 1, id: 1<<63 - 1}
	}
	rows, err := l.ix.db.QueryContext(ctx, pageQuery(unreadOnly), after.day, after.id, n)
	if err != nil {
		return nil, after, fmt.Errorf("read index: %w", err)
	}
	defer rows.Close()
	items := make([]Item, 0, n)
	var day int64
	for rows.Next() {
		it, err := scanItem(rows, l.dir, &day)
		if err != nil {
			return nil, after, fmt.Errorf("read index: %w", err)
		}
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return nil, after, fmt.Errorf("read index: %w", err)
	}
	if len(items) > 0 {
		after = Cursor{day: day, id: items[len(items)-1].ID}
	}
	return items, after, nil
}

// pageQuery is Page's query: a page of the listing after a (day, id),
// by the pages_day index.
func pageQuery(unreadOnly bool) string {
	q := "SELECT " + itemColumns + ", p.day FROM pages p LEFT JOIN user u ON u.url = p.url WHERE (p.day, p.id) < (?, ?)"
	if unreadOnly {
		q += " AND coalesce(u.read, 0) = 0"
	}
	return q + " ORDER BY p.day DESC, p.id DESC LIMIT ?"
}

// Count is how many pages the index holds.
func (l *Library) Count(ctx context.Context) (int, error) {
	var n int
	if err := l.ix.db.QueryRowContext(ctx, "SELECT count(*) FROM pages").Scan(&n); err != nil {
		return 0, fmt.Errorf("read index: %w", err)
	}
	return n, nil
}

// Stories is the page of it read into stories: the index's stored
// extraction when the extractor in use made it, else the file read and
// extracted now.
func (l *Library) Stories(ctx context.Context, it Item) ([]story.Story, error) {
	var blob []byte
	var version, failed string
	err := l.ix.db.QueryRowContext(ctx, "SELECT story, extractor, failed FROM pages WHERE id = ?", it.ID).Scan(&blob, &version, &failed)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("read index: %w", err)
	}
	if err == nil && l.ext.Extract != nil && version == l.ext.Version {
		if failed != "" {
			return nil, errors.New(failed) // the extractor's own message
		}
		var stories []story.Story
		if err := json.Unmarshal(blob, &stories); err == nil && len(stories) > 0 {
			return stories, nil
		}
	}
	page, err := readPage(it.Path)
	if err != nil {
		return nil, err
	}
	stories, failed, _ := l.extract(page)
	if failed != "" {
		return nil, errors.New(failed)
	}
	return stories, nil
}

// Each calls fn with every page, newest first, and its stories (or why
// they could not be read), a page of rows at a time: memory stays the same
// however big the library is. fn's error stops the walk and is returned.
func (l *Library) Each(ctx context.Context, fn func(Item, []story.Story, error) error) error {
	var cur Cursor
	for {
		items, next, err := l.Page(ctx, cur, 64, false)
		if err != nil {
			return err
		}
		if len(items) == 0 {
			return nil
		}
		for _, it := range items {
			if err := ctx.Err(); err != nil {
				return err
			}
			stories, err := l.Stories(ctx, it)
			if err := fn(it, stories, err); err != nil {
				return err
			}
		}
		cur = next
	}
}
