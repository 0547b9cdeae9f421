package library

import (
	"context"
	"fmt"
	"strings"
)

// Snippet markers: a search result's Snippet has each match between
// MatchStart and MatchEnd. They are control characters, which the indexed
// text never holds, so no page can fake one.
const (
	MatchStart = "\x02"
	MatchEnd   = "\x03"
)

// Search returns up to limit pages matching q, best first (bm25, a match
// in the title weighing most), each with a snippet of its text around the
// matches. A query of filters alone lists its pages newest first.
func (l *Library) Search(ctx context.Context, q Query, limit int) ([]Item, error) {
	var where []string
	var args []any
	expr := q.expr()
	from := "pages p"
	order := "p.saved DESC, p.id DESC"
	snippet := "''"
	if expr != "" {
		from = "fts JOIN pages p ON p.id = fts.rowid"
		where = append(where, "fts MATCH ?")
		args = append(args, expr)
		order = "bm25(fts, 8.0, 2.0, 2.0, 1.0), p.saved DESC"
		snippet = "snippet(fts, 3, '" + MatchStart + "', '" + MatchEnd + "', '…', 24)"
	} else if len(q.exclude) > 0 {
		where = append(where, "p.id NOT IN (SELECT rowid FROM fts WHERE fts MATCH ?)")
		args = append(args, strings.Join(q.exclude, " OR "))
	}
	if !q.after.IsZero() {
		where = append(where, "p.day >= ?")
		args = append(args, q.after.Unix())
	}
	if !q.before.IsZero() {
		where = append(where, "p.day < ?")
		args = append(args, q.before.Unix())
	}
	if q.unread {
		where = append(where, "coalesce(u.read, 0) = 0")
	}
	if q.read {
		where = append(where, "coalesce(u.read, 0) = 1")
	}
	if q.starred {
		where = append(where, "coalesce(u.starred, 0) = 1")
	}
	stmt := "SELECT " + itemColumns + ", " + snippet + " FROM " + from + " LEFT JOIN user u ON u.url = p.url"
	if len(where) > 0 {
		stmt += " WHERE " + strings.Join(where, " AND ")
	}
	stmt += " ORDER BY " + order + " LIMIT ?"
	args = append(args, limit)
	rows, err := l.ix.db.QueryContext(ctx, stmt, args...)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	var items []Item
	for rows.Next() {
		var snip string
		it, err := scanItem(rows, l.dir, &snip)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		it.Snippet = unsegment(snip)
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return items, nil
}
