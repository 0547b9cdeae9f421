package library

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// The user's data — read state, stars, reading positions — is not cache:
// it lives in journalName in the library folder, one JSON line per change,
// appended and flushed to disk before the index hears of it. The index's
// user table is the journal applied; a rebuilt index reads the journal
// back. When the journal is mostly superseded lines it is compacted: the
// user table written out as a new journal, atomically.
//
//	{"url":"//host/path","read":true}
//	{"url":"//host/path","starred":false}
//	{"url":"//host/path","position":120}
//	{"url":"//host/path","forget":true}
const journalName = ".tread-user.jsonl"

// journalLine is one change; a field left out is left as it was.
type journalLine struct {
	URL      string `json:"url"`
	Read     *bool  `json:"read,omitempty"`
	Starred  *bool  `json:"starred,omitempty"`
	Position *int   `json:"position,omitempty"`
	Forget   bool   `json:"forget,omitempty"`
}

// maxJournalLine bounds one line, so a damaged journal cannot make a
// reader hold it all looking for a newline.
const maxJournalLine = 64 << 10

func (l *Library) journalPath() string { return filepath.Join(l.dir, journalName) }

// record appends c to the journal and applies it to the index.
func (l *Library) record(ctx context.Context, c journalLine) error {
	if err := l.checkWritable(); err != nil {
		return err
	}
	line, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("encode change: %w", err)
	}
	unlock, err := lockFile(l.lockPath())
	if err != nil {
		return fmt.Errorf("keep change: lock journal: %w", err)
	}
	err = l.appendJournal(line)
	if uerr := unlock(); err == nil && uerr != nil {
		err = fmt.Errorf("unlock journal: %w", uerr)
	}
	if err != nil {
		return err
	}
	tx, err := l.ix.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("index change: %w", err)
	}
	defer rollback(tx)
	if err := apply(ctx, tx, c); err != nil {
		return fmt.Errorf("index change: %w", err)
	}
	return tx.Commit()
}

// lockPath is the file journal writers lock, beside the index.
func (l *Library) lockPath() string {
	return filepath.Join(l.dir, filepath.Dir(indexName), "journal.lock")
}

// appendJournal adds one line to the journal and flushes it to disk.
func (l *Library) appendJournal(line []byte) error {
	if err := l.createJournal(); err != nil {
		return fmt.Errorf("keep change: %w", err)
	}
	f, err := os.OpenFile(l.journalPath(), os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("keep change: %w", err)
	}
	_, werr := f.Write(append(line, '\n'))
	if werr == nil {
		werr = f.Sync()
	}
	if err := errors.Join(werr, f.Close()); err != nil {
		return fmt.Errorf("keep change in %s: %w", l.journalPath(), err)
	}
	return nil
}

// apply makes c's change to the user table.
func apply(ctx context.Context, tx *sql.Tx, c journalLine) error {
	if c.Forget {
		_, err := tx.ExecContext(ctx, "DELETE FROM user WHERE url = ?", c.URL)
		return err
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO user (url) VALUES (?) ON CONFLICT DO NOTHING", c.URL); err != nil {
		return err
	}
	set := func(col string, v any) error {
		_, err := tx.ExecContext(ctx, "UPDATE user SET "+col+" = ? WHERE url = ?", v, c.URL)
		return err
	}
	var err error
	if c.Read != nil {
		err = errors.Join(err, set("read", *c.Read))
	}
	if c.Starred != nil {
		err = errors.Join(err, set("starred", *c.Starred))
	}
	if c.Position != nil {
		err = errors.Join(err, set("position", *c.Position))
	}
	return err
}

// replayJournal applies the journal lines the index has not seen: from
// the offset it stored, or all of them after a rebuild or a compaction (a
// journal whose first line names another generation is a new one). Lines
// are whole states of a field, so applying one twice does no harm.
func (l *Library) replayJournal(ctx context.Context) error {
	if l.ix.ro {
		return nil // the index cannot be written; it is read as it stands
	}
	f, err := os.Open(l.journalPath())
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read %s: %w", l.journalPath(), err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("read %s: %w", l.journalPath(), err)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("read %s: not a regular file", l.journalPath())
	}
	r := bufio.NewReaderSize(f, 64<<10)
	first, err := readLine(r, maxJournalLine)
	if err != nil {
		return fmt.Errorf("read %s: first line: %w", l.journalPath(), err)
	}
	gen := string(first)
	stored, err := l.ix.getMeta(ctx, "journal")
	if err != nil {
		return fmt.Errorf("read index: %w", err)
	}
	pos := int64(len(first)) + 1
	from := pos
	if old, off, ok := strings.Cut(stored, "\t"); ok && old == gen {
		if n, err := strconv.ParseInt(off, 10, 64); err == nil && n >= pos && n <= fi.Size() {
			from = n
		}
	}
	if from == fi.Size() && stored != "" {
		return nil
	}
	if _, err := f.Seek(from, io.SeekStart); err != nil {
		return fmt.Errorf("read %s: %w", l.journalPath(), err)
	}
	r.Reset(f)
	tx, err := l.ix.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("index journal: %w", err)
	}
	defer rollback(tx)
	if from == pos {
		if _, err := tx.ExecContext(ctx, "DELETE FROM user"); err != nil {
			return fmt.Errorf("index journal: %w", err)
		}
	}
	pos = from
	for {
		line, err := readLine(r, maxJournalLine)
		if err != nil {
			// A line cut short by a crash, or past the bound: the lines
			// before it stand.
			break
		}
		pos += int64(len(line)) + 1
		var c journalLine
		if json.Unmarshal(line, &c) != nil || c.URL == "" {
			continue // a damaged line loses one change, not the journal
		}
		if err := apply(ctx, tx, c); err != nil {
			return fmt.Errorf("index journal: %w", err)
		}
	}
	if err := setMeta(ctx, tx, "journal", gen+"\t"+strconv.FormatInt(pos, 10)); err != nil {
		return fmt.Errorf("index journal: %w", err)
	}
	return tx.Commit()
}

// newGeneration is a journal's first line, naming this one file: a
// compaction writes a new one, which the index then reads from the start.
func newGeneration() []byte {
	return fmt.Appendf(nil, `{"journal":%q}`+"\n", strconv.FormatInt(time.Now().UnixNano(), 36))
}

// createJournal starts the journal if there is none yet. O_EXCL lets two
// treads race to it: the loser finds the winner's.
func (l *Library) createJournal() error {
	f, err := os.OpenFile(l.journalPath(), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	_, werr := f.Write(newGeneration())
	if werr == nil {
		werr = f.Sync()
	}
	return errors.Join(werr, f.Close())
}

// compactAt is the journal size below which it is never compacted.
var compactAt int64 = 1 << 20

// compactJournal rewrites the journal as one line per page with user data,
// when it has grown to four times that many lines.
func (l *Library) compactJournal(ctx context.Context) (err error) {
	fi, err := os.Stat(l.journalPath())
	if err != nil || fi.Size() < compactAt {
		return nil // nothing to compact yet
	}
	var n int64
	if err := l.ix.db.QueryRowContext(ctx, "SELECT count(*) FROM user").Scan(&n); err != nil {
		return fmt.Errorf("compact journal: %w", err)
	}
	if fi.Size() < 4*100*max(n, 1) {
		return nil
	}
	unlock, err := lockFile(l.lockPath())
	if err != nil {
		return fmt.Errorf("compact journal: %w", err)
	}
	defer func() {
		if uerr := unlock(); uerr != nil && err == nil {
			err = fmt.Errorf("compact journal: unlock: %w", uerr)
		}
	}()
	// Lines another tread appended since this one last read are in the
	// user table only once replayed.
	if err := l.replayJournal(ctx); err != nil {
		return err
	}
	rows, err := l.ix.db.QueryContext(ctx, "SELECT url, read, starred, position FROM user")
	if err != nil {
		return fmt.Errorf("compact journal: %w", err)
	}
	defer rows.Close()
	_, err = writeAtomic(l.dir, journalName, func(w io.Writer) error {
		if _, err := w.Write(newGeneration()); err != nil {
			return err
		}
		enc := json.NewEncoder(w)
		for rows.Next() {
			var c journalLine
			var read, starred bool
			var pos int
			if err := rows.Scan(&c.URL, &read, &starred, &pos); err != nil {
				return err
			}
			c.Read, c.Starred, c.Position = &read, &starred, &pos
			if err := enc.Encode(c); err != nil {
				return err
			}
		}
		return rows.Err()
	})
	if err != nil {
		return fmt.Errorf("compact journal: %w", err)
	}
	return l.replayJournal(ctx)
}
