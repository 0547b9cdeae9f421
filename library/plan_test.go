package library

import (
	"context"
	"strings"
	"testing"
)

// The queries the reader waits on use an index, never a scan of every
// page: their cost must not grow with the library.
func TestQueryPlans(t *testing.T) {
	l, _ := fixtureLibrary(t)
	for _, q := range []struct {
		name, sql string
		args      []any
	}{
		{"lookup", "SELECT " + entryColumns + " FROM pages WHERE url = ?1 OR requested = ?1 ORDER BY saved DESC, id DESC LIMIT 1", []any{"x"}},
		{"item", "SELECT " + itemColumns + " FROM pages p LEFT JOIN user u ON u.url = p.url WHERE p.url = ?1 OR p.requested = ?1 ORDER BY p.saved DESC, p.id DESC LIMIT 1", []any{"x"}},
		{"reextract", reextractQuery, []any{"v1", 32}},
		{"page", "SELECT " + itemColumns + " FROM pages p LEFT JOIN user u ON u.url = p.url WHERE (p.saved, p.id) < (?, ?) ORDER BY p.saved DESC, p.id DESC LIMIT ?", []any{1, 1, 10}},
	} {
		rows, err := l.ix.db.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+q.sql, q.args...)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		all := strings.Join(plan, "; ")
		// A temp B-tree sorts the one or two rows an OR finds; a SCAN
		// would read every page.
		if strings.Contains(all, "SCAN ") {
			t.Errorf("%s: %s", q.name, all)
		} else {
			t.Logf("%s: %s", q.name, all)
		}
	}
}
