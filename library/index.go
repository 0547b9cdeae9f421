package library

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"modernc.org/sqlite" // the "sqlite" database/sql driver, pure Go with FTS5
	sqlite3 "modernc.org/sqlite/lib"
)

// indexName is the index's file, in a folder of its own in the library
// folder: SQLite creates and deletes its -wal and -shm files beside it,
// which would otherwise change the library folder's modification time,
// the time Reconcile checks to know whether any page changed. Hidden and
// without .page, folder walks pass it over.
const indexName = ".tread/index.db"

// schemaVersion is the index's PRAGMA user_version. An index with a lower
// one is a cache of an older tread and is rebuilt from the files; one with
// a higher one belongs to a newer tread and is never touched.
const schemaVersion = 1

// ErrNewerIndex is an index written by a newer tread. This tread refuses to
// read or change it, so nothing the newer one keeps there is lost.
var ErrNewerIndex = errors.New("the library index was written by a newer tread; upgrade tread to use this library")

// schema creates every table of schemaVersion. The index holds nothing that
// cannot be rebuilt from the page files and the user journal.
//
// pages.url is the normalised final URL (see key) and requested the
// normalised URL asked for when it differs; saved is Unix nanoseconds;
// published and day are Unix seconds (day is published, else saved, for
// after: and before:). story is the extraction as JSON, current when
// extractor is the version in use. fts holds the searchable text, its CJK
// characters spaced apart (see segment), with indexes of every two- and
// three-letter prefix: without them "ka*" in a big library merges the
// page lists of thousands of words, and takes seconds.
const schema = `
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE pages (
	id INTEGER PRIMARY KEY,
	file TEXT NOT NULL UNIQUE,
	size INTEGER NOT NULL,
	mtime INTEGER NOT NULL,
	url TEXT NOT NULL UNIQUE,
	requested TEXT NOT NULL DEFAULT '',
	final_url TEXT NOT NULL,
	status INTEGER NOT NULL DEFAULT 0,
	content_type TEXT NOT NULL DEFAULT '',
	charset TEXT NOT NULL DEFAULT '',
	body_size INTEGER NOT NULL DEFAULT 0,
	title TEXT NOT NULL DEFAULT '',
	site TEXT NOT NULL DEFAULT '',
	byline TEXT NOT NULL DEFAULT '',
	published INTEGER NOT NULL DEFAULT 0,
	saved INTEGER NOT NULL,
	day INTEGER NOT NULL DEFAULT 0,
	words INTEGER NOT NULL DEFAULT 0,
	extractor TEXT NOT NULL DEFAULT '',
	failed TEXT NOT NULL DEFAULT '',
	story BLOB
);
CREATE INDEX pages_saved ON pages (saved DESC, id DESC);
CREATE INDEX pages_day ON pages (day DESC, id DESC);
CREATE INDEX pages_requested ON pages (requested);
CREATE INDEX pages_extractor ON pages (extractor);
CREATE TABLE skipped (file TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL, err TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE user (
	url TEXT PRIMARY KEY,
	read INTEGER NOT NULL DEFAULT 0,
	starred INTEGER NOT NULL DEFAULT 0,
	position INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE VIRTUAL TABLE fts USING fts5 (title, site, byline, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
`

// index is the SQLite database beside the page files.
type index struct {
	db   *sql.DB
	path string
	ro   bool // opened read-only: the folder cannot be written
}

// openIndex opens or creates the index of the library in dir. A damaged
// index is moved aside and one from an older tread dropped; either way the
// index returned is empty and fresh reports so, for the caller to rebuild
// it from the files. warn hears what was done.
func openIndex(ctx context.Context, dir string, writable bool, warn func(error)) (ix *index, fresh bool, err error) {
	path := filepath.Join(dir, indexName)
	if writable {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, false, fmt.Errorf("open index: %w", err)
		}
	}
	if !writable {
		return openReadOnlyIndex(ctx, path)
	}
	ix, fresh, err = tryIndex(ctx, path)
	if err == nil || !damaged(err) {
		// A newer tread's index, a lock held too long, a full disk: not
		// the index's fault, and never a reason to move it aside.
		return ix, fresh, err
	}
	aside := fmt.Sprintf("%s.damaged-%d", path, time.Now().UnixNano())
	if rerr := os.Rename(path, aside); rerr != nil {
		return nil, false, fmt.Errorf("open index %s: %w (and could not move it aside: %w)", path, err, rerr)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if rerr := os.Remove(path + suffix); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
			return nil, false, fmt.Errorf("remove damaged index %s: %w", path+suffix, rerr)
		}
	}
	warn(fmt.Errorf("library: index %s was damaged (%v); moved it to %s and rebuilding from the files", path, err, filepath.Base(aside)))
	ix, _, err = tryIndex(ctx, path)
	return ix, true, err
}

// damaged reports whether err says the index file is not a sound SQLite
// database of ours: not a database at all, corrupt, or without the tables
// its version promises.
func damaged(err error) bool {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
			return true
		}
	}
	return errors.Is(err, errMissingTable)
}

// errMissingTable is an index whose version is ours but whose tables are not.
var errMissingTable = errors.New("the index lacks its tables")

// tryIndex opens path, creating or migrating its schema.
func tryIndex(ctx context.Context, path string) (*index, bool, error) {
	// The index holds what the pages say: private, as the pages are.
	// SQLite gives its -wal and -shm files the same mode.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, false, err
	}
	if err := f.Close(); err != nil {
		return nil, false, err
	}
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() +
		"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, false, err
	}
	ix := &index{db: db, path: path}
	fresh, err := ix.migrate(ctx)
	if err != nil {
		return nil, false, errors.Join(err, db.Close())
	}
	return ix, fresh, nil
}

// openReadOnlyIndex opens the index of a folder tread cannot write: the
// index as it is when there is one of this schema, else an index in memory
// built from the files for this run.
func openReadOnlyIndex(ctx context.Context, path string) (*index, bool, error) {
	if _, err := os.Stat(path); err == nil {
		dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?mode=ro&immutable=1&_pragma=busy_timeout(5000)"
		if db, err := sql.Open("sqlite", dsn); err == nil {
			ix := &index{db: db, path: path, ro: true}
			var v int
			err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
			switch {
			case err == nil && v == schemaVersion:
				return ix, false, nil
			case err == nil && v > schemaVersion:
				return nil, false, errors.Join(ErrNewerIndex, db.Close())
			}
			if cerr := db.Close(); cerr != nil {
				return nil, false, cerr
			}
		}
	}
	db, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		return nil, false, err
	}
	db.SetMaxOpenConns(1) // every connection to :memory: is its own database
	ix := &index{db: db, path: ":memory:"}
	if _, err := ix.migrate(ctx); err != nil {
		return nil, false, errors.Join(err, db.Close())
	}
	return ix, true, nil
}

// migrate brings the schema to schemaVersion, reporting whether the index
// is new (empty, to be built from the files).
func (ix *index) migrate(ctx context.Context) (fresh bool, err error) {
	var v int
	if err := ix.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, fmt.Errorf("read index version: %w", err)
	}
	switch {
	case v == schemaVersion:
		var n int
		// A table every version has: a file that merely claims the version
		// is damaged.
		if err := ix.db.QueryRowContext(ctx, "SELECT count(*) FROM meta").Scan(&n); err != nil {
			if strings.Contains(err.Error(), "no such table") {
				return false, fmt.Errorf("read index: %w: %w", errMissingTable, err)
			}
			return false, fmt.Errorf("read index: %w", err)
		}
		// The listing's order by date came after version 1's first
		// indexes: added in place, not worth a rebuild.
		if _, err := ix.db.ExecContext(ctx, "CREATE INDEX IF NOT EXISTS pages_day ON pages (day DESC, id DESC)"); err != nil {
			return false, fmt.Errorf("migrate index: %w", err)
		}
		return false, nil
	case v > schemaVersion:
		return false, fmt.Errorf("%s (index version %d, this tread reads %d): %w", ix.path, v, schemaVersion, ErrNewerIndex)
	}
	// Version 0 is a new file; any older version is a cache to drop.
	tx, err := ix.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migrate index: %w", err)
	}
	defer rollback(tx)
	// Another tread may have made the schema while this one waited for
	// the write lock.
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, fmt.Errorf("migrate index: %w", err)
	}
	if v == schemaVersion {
		return false, tx.Commit()
	}
	rows, err := tx.QueryContext(ctx, "SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' AND type IN ('table', 'view')")
	if err != nil {
		return false, fmt.Errorf("migrate index: %w", err)
	}
	var drops []string
	for rows.Next() {
		var typ, name string
		if err := rows.Scan(&typ, &name); err != nil {
			return false, errors.Join(fmt.Errorf("migrate index: %w", err), rows.Close())
		}
		drops = append(drops, fmt.Sprintf("DROP %s IF EXISTS %q", strings.ToUpper(typ), name))
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return false, fmt.Errorf("migrate index: %w", err)
	}
	for _, stmt := range append(drops, schema, fmt.Sprintf("PRAGMA user_version = %d", schemaVersion)) {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return false, fmt.Errorf("migrate index: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate index: %w", err)
	}
	return true, nil
}

// rollback ends tx when it was not committed; after Commit it is a no-op.
func rollback(tx *sql.Tx) {
	if err := tx.Rollback(); err != nil && !errors.Is(err, sql.ErrTxDone) {
		// Nothing to report to: the error that made us leave is returned.
		return
	}
}

func (ix *index) close() error { return ix.db.Close() }

// getMeta reads one value kept in meta; "" when unset.
func (ix *index) getMeta(ctx context.Context, k string) (string, error) {
	var v string
	err := ix.db.QueryRowContext(ctx, "SELECT v FROM meta WHERE k = ?", k).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// execer is what both *sql.DB and *sql.Tx run statements with.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func setMeta(ctx context.Context, x execer, k, v string) error {
	_, err := x.ExecContext(ctx, "INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT (k) DO UPDATE SET v = excluded.v", k, v)
	return err
}
