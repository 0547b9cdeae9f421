package library

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/story"
)

// Item is one saved page as the index knows it: what a list row or a
// search result shows, without reading the page's file.
type Item struct {
	ID        int64
	URL       string // the final URL the page came from
	Title     string // "" when the page had none, or was not extracted
	Site      string
	Byline    string
	Published time.Time // zero when unknown
	Saved     time.Time // when it was fetched (a copied file: when copied)
	Words     int
	Read      bool
	Starred   bool
	Position  int    // where the reader left it, as SetPosition was told
	Failed    string // why extraction failed; "" when it did not
	Snippet   string // Search only: the text around the matches, matches in [brackets]
	Path      string // the page's file
}

// Cursor marks where a page of List stopped; the zero Cursor is the start.
type Cursor struct {
	day, id int64 // the last page's date (Unix seconds) and id
}

// Extractor reads a saved page into its stories. It runs when a page is
// saved or indexed, never when the library opens; Version names its rules,
// and a page indexed under another Version is read again in the background.
type Extractor struct {
	Version string
	Extract func(fetch.Page) ([]story.Story, error)
}

// record is what indexing one file produced.
type record struct {
	file        string
	size, mtime int64
	h           header
	stories     []story.Story
	failed      string
	version     string
}

// testHookIndexWrite, when set by a test, fails index writes as a full
// disk would.
var testHookIndexWrite func() error

// put writes r's row and searchable text in tx, replacing whatever row
// held its file or URL before.
func put(ctx context.Context, tx *sql.Tx, r record) error {
	if testHookIndexWrite != nil {
		if err := testHookIndexWrite(); err != nil {
			return err
		}
	}
	u, req := key(r.h.URL), ""
	if r.h.Requested != "" && key(r.h.Requested) != u {
		req = key(r.h.Requested)
	}
	// Two files with one page (a copy made outside tread): the newer is
	// the page, the other is listed as skipped, so that neither is read
	// again at every walk.
	var other string
	var otherSaved, otherSize, otherMtime int64
	err := tx.QueryRowContext(ctx, "SELECT file, saved, size, mtime FROM pages WHERE url = ? AND file <> ?", u, r.file).
		Scan(&other, &otherSaved, &otherSize, &otherMtime)
	switch {
	case err == nil && otherSaved >= r.h.Fetched.UnixNano():
		if err := forgetFile(ctx, tx, r.file); err != nil {
			return err
		}
		return skip(ctx, tx, r.file, r.size, r.mtime, fmt.Sprintf("%s: an older copy of %s (kept: %s)", r.file, r.h.URL, other))
	case err == nil:
		if err := skip(ctx, tx, other, otherSize, otherMtime, fmt.Sprintf("%s: an older copy of %s (kept: %s)", other, r.h.URL, r.file)); err != nil {
			return err
		}
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	var old []int64
	rows, err := tx.QueryContext(ctx, "SELECT id FROM pages WHERE file = ? OR url = ?", r.file, u)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return errors.Join(err, rows.Close())
		}
		old = append(old, id)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	for _, id := range old {
		if err := removeRow(ctx, tx, id); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM skipped WHERE file = ?", r.file); err != nil {
		return err
	}
	var s story.Story
	if len(r.stories) > 0 {
		s = r.stories[0]
	}
	var blob []byte
	if r.failed == "" {
		if blob, err = json.Marshal(r.stories); err != nil {
			return fmt.Errorf("encode stories: %w", err)
		}
	}
	text := storiesText(r.stories)
	saved := r.h.Fetched.UnixNano()
	day := r.h.Fetched.Unix()
	var published int64
	if !s.Published.IsZero() {
		published = s.Published.Unix()
		day = published
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO pages (file, size, mtime, url, requested, final_url, status,
		content_type, charset, body_size, title, site, byline, published, saved, day, words, extractor, failed, story)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.file, r.size, r.mtime, u, req, r.h.URL, r.h.Status, r.h.ContentType, r.h.Charset, r.h.Size,
		s.Title, s.Site, s.Byline, published, saved, day, countWords(text), r.version, r.failed, blob)
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO fts (rowid, title, site, byline, body) VALUES (?, ?, ?, ?, ?)",
		id, segment(s.Title), segment(s.Site+" "+hostOf(r.h.URL)), segment(s.Byline), segment(text))
	return err
}

// skip lists a file the index leaves out, with why.
func skip(ctx context.Context, x execer, file string, size, mtime int64, why string) error {
	_, err := x.ExecContext(ctx, `INSERT INTO skipped (file, size, mtime, err) VALUES (?, ?, ?, ?)
		ON CONFLICT (file) DO UPDATE SET size = excluded.size, mtime = excluded.mtime, err = excluded.err`,
		file, size, mtime, why)
	return err
}

// removeRow deletes a page's row and its searchable text.
func removeRow(ctx context.Context, tx *sql.Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM fts WHERE rowid = ?", id); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, "DELETE FROM pages WHERE id = ?", id)
	return err
}

// storiesText is the searchable text of a page: its stories' bodies.
func storiesText(stories []story.Story) string {
	parts := make([]string, 0, len(stories))
	for _, s := range stories {
		parts = append(parts, s.Text())
	}
	return strings.Join(parts, "\n\n")
}

// countWords is text's length in words as the reader counts them
// (story.Count), each character of a script written without spaces
// counted as the part of a word it takes as long to read, so that a
// row's reading time from the index is the one its story shows.
func countWords(text string) int {
	words, chars := story.Count(text)
	return words + (chars*story.WordsPerMinute+story.CharsPerMinute-1)/story.CharsPerMinute
}

func hostOf(raw string) string {
	k := key(raw)
	host, _, _ := strings.Cut(strings.TrimPrefix(k, "//"), "/")
	return strings.TrimPrefix(host, "www.")
}

// itemColumns are the columns scanItem reads, from pages p joined to user u.
const itemColumns = `p.id, p.final_url, p.title, p.site, p.byline, p.published, p.saved, p.words,
	coalesce(u.read, 0), coalesce(u.starred, 0), coalesce(u.position, 0), p.failed, p.file`

type scanner interface{ Scan(dest ...any) error }

func scanItem(sc scanner, dir string, extra ...any) (Item, error) {
	var it Item
	var published, saved int64
	var file string
	dest := append([]any{&it.ID, &it.URL, &it.Title, &it.Site, &it.Byline, &published, &saved, &it.Words,
		&it.Read, &it.Starred, &it.Position, &it.Failed, &file}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return Item{}, err
	}
	if published != 0 {
		it.Published = time.Unix(published, 0).UTC()
	}
	it.Saved = time.Unix(0, saved).UTC()
	it.Path = filepath.Join(dir, file)
	return it, nil
}

// entryColumns are the columns scanEntry reads from pages.
const entryColumns = `final_url, requested, saved, status, content_type, charset, body_size, file`

func scanEntry(sc scanner, dir string) (Entry, error) {
	var e Entry
	var saved int64
	var file string
	if err := sc.Scan(&e.URL, &e.Requested, &saved, &e.Status, &e.ContentType, &e.Charset, &e.Size, &file); err != nil {
		return Entry{}, err
	}
	e.Fetched = time.Unix(0, saved).UTC()
	e.Path = filepath.Join(dir, file)
	return e, nil
}
