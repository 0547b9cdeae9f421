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
//
// The ranking query reads the full-text index alone (joining the pages
// and user tables only when a filter needs them) and returns ids; rows and
// snippets are read for those ids only, so a word in every page costs one
// pass over its posting list, not a row and a snippet per page.
func (l *Library) Search(ctx context.Context, q Query, limit int) ([]Item, error) {
	var where []string
	var args []any
	expr := q.expr()
	filtered := !q.after.IsZero() || !q.before.IsZero() || q.unread || q.read || q.starred
	bound, err := l.rankBound(ctx, expr)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	var stmt string
	switch {
	case expr != "" && !filtered:
		stmt = "SELECT rowid FROM fts WHERE fts MATCH ? AND rank MATCH ? AND rowid >= ? ORDER BY rank LIMIT ?"
		args = append(args, expr, rankFunc, bound, limit)
	default:
		from, order := "pages p", "p.saved DESC, p.id DESC"
		if expr != "" {
			from = "fts JOIN pages p ON p.id = fts.rowid"
			where = append(where, "fts MATCH ?", "rank MATCH ?", "fts.rowid >= ?")
			args = append(args, expr, rankFunc, bound)
			order = "fts.rank"
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
		stmt = "SELECT p.id FROM " + from + " LEFT JOIN user u ON u.url = p.url"
		if len(where) > 0 {
			stmt += " WHERE " + strings.Join(where, " AND ")
		}
		stmt += " ORDER BY " + order + " LIMIT ?"
		args = append(args, limit)
	}
	ids, err := l.ids(ctx, stmt, args...)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	items := make([]Item, 0, len(ids))
	for _, id := range ids {
		row := l.ix.db.QueryRowContext(ctx, "SELECT "+itemColumns+" FROM pages p LEFT JOIN user u ON u.url = p.url WHERE p.id = ?", id)
		it, err := scanItem(row, l.dir)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		if expr != "" {
			var snip string
			err := l.ix.db.QueryRowContext(ctx, "SELECT snippet(fts, 3, '"+MatchStart+"', '"+MatchEnd+"', '…', 24) FROM fts WHERE fts MATCH ? AND rowid = ?", expr, id).Scan(&snip)
			if err != nil {
				return nil, fmt.Errorf("search: %w", err)
			}
			it.Snippet = unsegment(snip)
		}
		items = append(items, it)
	}
	return items, nil
}

// rankCap bounds the pages bm25 ranks for one query. Ranking costs about
// 15 µs a page on this machine, and a word in every page of a library of
// 100,000 would take seconds; past rankCap matches, the query ranks the
// rankCap most recently indexed of them (a word that common says little
// about which page is best anyway). Finding them costs a walk of the
// word's page list, a few milliseconds. A prefix costs ten times as much
// to rank (each of the words it stands for is scored) and ranks a tenth.
var rankCap = 20000

// rankBound is the lowest rowid a search for expr ranks: 0 when it matches
// rankCap pages or fewer.
func (l *Library) rankBound(ctx context.Context, expr string) (int64, error) {
	if expr == "" {
		return 0, nil
	}
	limit := rankCap
	if strings.Contains(expr, `"*`) {
		limit = max(rankCap/10, 1)
	}
	ids, err := l.ids(ctx, "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid DESC LIMIT ?", expr, limit+1)
	if err != nil || len(ids) <= limit {
		return 0, err
	}
	return ids[limit-1], nil
}

// rankFunc weighs a match in the title most, then site and byline, then
// the body.
const rankFunc = "bm25(8.0, 2.0, 2.0, 1.0)"

// ids runs a query of page ids.
func (l *Library) ids(ctx context.Context, stmt string, args ...any) ([]int64, error) {
	rows, err := l.ix.db.QueryContext(ctx, stmt, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
