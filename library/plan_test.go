package library

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/story"
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
		{"page", pageQuery(false), []any{1, 1, 10}},
		{"unread page", pageQuery(true), []any{1, 1, 10}},
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

// TestDayIndexAddedInPlace: an index of this version made before the
// listing was ordered by date gains its index on opening, without the
// rebuild a new schema version would cost.
func TestDayIndexAddedInPlace(t *testing.T) {
	dir := t.TempDir()
	l, err := OpenWith(dir, Options{Extractor: testExtractor})
	if err != nil {
		t.Fatal(err)
	}
	saveFixtures(t, l)
	if _, err := l.ix.db.Exec("DROP INDEX pages_day"); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l = openIndexed(t, dir, nil)
	var n int
	if err := l.ix.db.QueryRow("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'pages_day'").Scan(&n); err != nil || n != 1 {
		t.Fatalf("pages_day after reopening: %d, %v", n, err)
	}
	if c, err := l.Count(context.Background()); err != nil || c != len(fixtures) {
		t.Errorf("pages after reopening: %d, %v", c, err)
	}
}

// TestWordsGiveTheStorysReadingTime: the index's word count of a page
// gives the reading time its story shows, for text with long hyphenated
// addresses and text in a script written without spaces.
func TestWordsGiveTheStorysReadingTime(t *testing.T) {
	l := openIndexed(t, t.TempDir(), nil)
	para := strings.Repeat("The harbour-master's notice at https://harbour.example/notices/2026/long-hyphenated-notice-name says the quay reopens. ", 40)
	cjk := strings.Repeat("港の岸壁は来週から再び開かれると港湾局が発表した。", 40)
	page := "<html><head><title>Quay reopens</title></head><body><article><h1>Quay reopens</h1>" +
		strings.Repeat("<p>"+para+"</p>", 3) + strings.Repeat("<p>"+cjk+"</p>", 3) + "</article></body></html>"
	u := "https://news.example/quay"
	if _, err := l.Save(testPage(u, time.Now(), page)); err != nil {
		t.Fatal(err)
	}
	it, ok, err := l.Item(context.Background(), u)
	if err != nil || !ok {
		t.Fatalf("Item: %v %v", ok, err)
	}
	stories, err := l.Stories(context.Background(), it)
	if err != nil || len(stories) != 1 {
		t.Fatalf("Stories: %d, %v", len(stories), err)
	}
	want := stories[0].ReadingMinutes()
	if got := (it.Words + story.WordsPerMinute - 1) / story.WordsPerMinute; got != want || want < 3 {
		t.Errorf("%d words give %d min; the story reads %d min", it.Words, got, want)
	}
}
