package library

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/extract"
	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/story"
)

// testExtractor is the real HTML extractor, as tread wires it.
var testExtractor = Extractor{
	Version: "test-" + extract.Version,
	Extract: func(p fetch.Page) ([]story.Story, error) {
		s, err := extract.PageWithContentType(p.Body, p.URL, p.ContentType+"; charset="+p.Charset)
		if err != nil {
			return nil, err
		}
		return []story.Story{s}, nil
	},
}

// fixtures are the pages in testdata/pages, saved an hour apart, the
// first newest.
var fixtures = []string{"ferry", "festival", "council", "seoul", "tokyo"}

func fixtureURL(name string) string { return "https://news.example/" + name }

// openIndexed opens a library in dir with the test extractor, warnings
// failing the test unless warn takes them.
func openIndexed(t testing.TB, dir string, warn func(error)) *Library {
	t.Helper()
	if warn == nil {
		warn = func(err error) { t.Errorf("warning: %v", err) }
	}
	l, err := OpenWith(dir, Options{Extractor: testExtractor, Warn: warn})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := l.Close(); err != nil {
			t.Error(err)
		}
	})
	return l
}

// saveFixtures saves the testdata pages into l.
func saveFixtures(t testing.TB, l *Library) {
	t.Helper()
	base := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	for i, name := range fixtures {
		body, err := os.ReadFile(filepath.Join("testdata", "pages", name+".html"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := l.Save(testPage(fixtureURL(name), base.Add(-time.Duration(i)*time.Hour), string(body))); err != nil {
			t.Fatal(err)
		}
	}
}

// fixtureLibrary is a new library in a temp folder holding the fixtures.
func fixtureLibrary(t *testing.T) (*Library, string) {
	t.Helper()
	dir := t.TempDir()
	l := openIndexed(t, dir, nil)
	saveFixtures(t, l)
	return l, dir
}

func search(t *testing.T, l *Library, query string) []string {
	t.Helper()
	q, err := ParseQuery(query)
	if err != nil {
		t.Fatalf("ParseQuery(%q): %v", query, err)
	}
	items, err := l.Search(context.Background(), q, 20)
	if err != nil {
		t.Fatalf("Search(%q): %v", query, err)
	}
	var names []string
	for _, it := range items {
		names = append(names, strings.TrimPrefix(it.URL, "https://news.example/"))
	}
	return names
}

func TestSearch(t *testing.T) {
	l, _ := fixtureLibrary(t)
	ctx := context.Background()
	if err := l.MarkRead(ctx, fixtureURL("festival"), true); err != nil {
		t.Fatal(err)
	}
	if err := l.Star(ctx, fixtureURL("council"), true); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		query string
		want  []string
	}{
		{"ferry", []string{"ferry", "festival"}}, // the title's match first
		{"FERRY", []string{"ferry", "festival"}},
		{"ferry sailing", []string{"ferry", "festival"}},
		{"ferry -concerts", []string{"ferry"}},
		{"-ferry", []string{"council", "seoul", "tokyo"}},
		{"cafe", []string{"ferry"}},     // café, accents ignored
		{"facade", []string{"council"}}, // façade
		{"concert*", []string{"festival"}},
		{`"late sailing"`, []string{"festival"}},
		{`"sailing late"`, nil},
		{"site:valley", []string{"council"}},
		{"site:news.example ferry", []string{"ferry", "festival"}},
		{`by:"ines calder"`, []string{"ferry"}},
		{"by:reyes ferry", []string{"festival"}},
		{"after:2026-02-20", []string{"ferry"}},
		{"before:2026-01-01", []string{"council"}},
		{"after:2026-01-01 before:2026-02-20", []string{"seoul", "tokyo"}},
		{"is:unread ferry", []string{"ferry"}},
		{"is:read", []string{"festival"}},
		{"is:starred", []string{"council"}},
		{"도서관", []string{"seoul"}}, // a Korean word inside a sentence
		{"서울시", []string{"seoul"}},
		{"渡し船", []string{"tokyo"}}, // Japanese: no spaces at all
		{"港", []string{"tokyo"}},   // one character
		{"コーヒー", []string{"tokyo"}},
		{"NEAR", nil},
		{`ferry NEAR sailing`, nil},          // NEAR is a word here, not an operator
		{`harbour:ferry`, []string{"ferry"}}, // not a field: the phrase "harbour ferry"
		{`"*" ferry`, []string{"ferry", "festival"}},
		{`fer"ry`, nil},
		{strings.Repeat("x", 10000), nil},
	}
	for _, tt := range tests {
		if got := search(t, l, tt.query); !slices.Equal(got, tt.want) {
			t.Errorf("search %.40q = %v, want %v", tt.query, got, tt.want)
		}
	}
}

func TestSearchSnippet(t *testing.T) {
	l, _ := fixtureLibrary(t)
	for _, tt := range []struct{ query, want string }{
		{"propeller", MatchStart + "propeller" + MatchEnd},
		{"渡し船", MatchStart + "渡し船" + MatchEnd},
	} {
		q, err := ParseQuery(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		items, err := l.Search(context.Background(), q, 5)
		if err != nil || len(items) != 1 {
			t.Fatalf("Search(%s) = %v, %v", tt.query, items, err)
		}
		if !strings.Contains(items[0].Snippet, tt.want) || strings.Contains(items[0].Snippet, sep) {
			t.Errorf("snippet for %s = %q", tt.query, items[0].Snippet)
		}
	}
}

func TestBadQueries(t *testing.T) {
	for _, q := range []string{
		"", "   ", `"unclosed phrase`, "after:yesterday", "before:2026-13-01", "is:maybe",
		"-after:2026-01-01", "*** ...", "f*", strings.Repeat("word ", maxTerms+1),
	} {
		if _, err := ParseQuery(q); !errors.Is(err, ErrQuery) || strings.Contains(err.Error(), "\n") {
			t.Errorf("ParseQuery(%.30q) = %v, want a one-line ErrQuery", q, err)
		}
	}
}

// TestPagesNewestFirst: the listing is newest first by each page's own
// date, not by when it was saved (the fixtures were saved in another
// order), paged by a cursor.
func TestPagesNewestFirst(t *testing.T) {
	l, _ := fixtureLibrary(t)
	ctx := context.Background()
	if err := l.MarkRead(ctx, fixtureURL("council"), true); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		unread bool
		want   []string
	}{
		{false, []string{"ferry", "festival", "tokyo", "seoul", "council"}},
		{true, []string{"ferry", "festival", "tokyo", "seoul"}},
	} {
		var got []string
		var cur Cursor
		for pages := 0; ; pages++ {
			items, next, err := l.Page(ctx, cur, 2, tt.unread)
			if err != nil {
				t.Fatal(err)
			}
			if len(items) == 0 {
				break
			}
			for _, it := range items {
				got = append(got, strings.TrimPrefix(it.URL, "https://news.example/"))
				if it.Title == "" || it.Words < 20 || it.Saved.IsZero() || it.Published.IsZero() {
					t.Errorf("item %+v", it)
				}
			}
			cur = next
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Page(unread=%v) = %v, want %v", tt.unread, got, tt.want)
		}
	}
}

func TestLookupUsesIndex(t *testing.T) {
	l, dir := fixtureLibrary(t)
	for _, u := range []string{fixtureURL("ferry"), "HTTP://NEWS.EXAMPLE:443/ferry#top"} {
		e, ok := l.Lookup(u)
		if !ok || e.URL != fixtureURL("ferry") || filepath.Dir(e.Path) != dir {
			t.Errorf("Lookup(%s) = %+v, %v", u, e, ok)
		}
	}
	if _, ok := l.Lookup("https://news.example/missing"); ok {
		t.Error("found a page never saved")
	}
}

// Read state, stars and positions are the user's: they survive the index
// being deleted and rebuilt from the files.
func TestUserDataSurvivesRebuild(t *testing.T) {
	l, dir := fixtureLibrary(t)
	ctx := context.Background()
	for _, err := range []error{
		l.MarkRead(ctx, fixtureURL("ferry"), true),
		l.MarkRead(ctx, fixtureURL("council"), true),
		l.MarkRead(ctx, fixtureURL("council"), false),
		l.Star(ctx, fixtureURL("tokyo"), true),
		l.SetPosition(ctx, fixtureURL("seoul"), 42),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	want := state(t, l)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(filepath.Join(dir, indexName+suffix)); err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
	}
	l = openIndexed(t, dir, nil)
	if err := l.Reconcile(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if got := state(t, l); got != want || !strings.Contains(got, "ferry read") || !strings.Contains(got, "seoul @42") {
		t.Errorf("after rebuild:\n%s\nwant\n%s", got, want)
	}
}

// state lists every page's read state, star and position.
func state(t *testing.T, l *Library) string {
	t.Helper()
	items, _, err := l.Page(context.Background(), Cursor{}, 100, false)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, it := range items {
		fmt.Fprintf(&b, "%s", strings.TrimPrefix(it.URL, "https://news.example/"))
		if it.Read {
			b.WriteString(" read")
		}
		if it.Starred {
			b.WriteString(" starred")
		}
		fmt.Fprintf(&b, " @%d\n", it.Position)
	}
	return b.String()
}

func TestDeleteRemovesFileRowAndState(t *testing.T) {
	l, _ := fixtureLibrary(t)
	ctx := context.Background()
	if err := l.Star(ctx, fixtureURL("ferry"), true); err != nil {
		t.Fatal(err)
	}
	e, _ := l.Lookup(fixtureURL("ferry"))
	if err := l.Delete(ctx, fixtureURL("ferry")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(e.Path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("file still there: %v", err)
	}
	if got := search(t, l, "propeller"); got != nil {
		t.Errorf("deleted page still found: %v", got)
	}
	if got := search(t, l, "is:starred"); got != nil {
		t.Errorf("deleted page still starred: %v", got)
	}
	if err := l.Delete(ctx, fixtureURL("ferry")); err == nil {
		t.Error("deleting twice succeeded")
	}
}

// Files added, changed and removed behind tread's back are noticed.
func TestReconcileFollowsTheFolder(t *testing.T) {
	l, dir := fixtureLibrary(t)
	ctx := context.Background()
	other := t.TempDir()
	lo := openIndexed(t, other, nil)
	body, err := os.ReadFile(filepath.Join("testdata", "pages", "ferry.html"))
	if err != nil {
		t.Fatal(err)
	}
	copied, err := lo.Save(testPage("https://elsewhere.example/copied", time.Now(), strings.Replace(string(body), "propeller", "rudder", 1)))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(copied.Path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, filepath.Base(copied.Path)), data, 0o600); err != nil { // a sync
		t.Fatal(err)
	}
	gone, _ := l.Lookup(fixtureURL("council"))
	if err := os.Remove(gone.Path); err != nil { // rm
		t.Fatal(err)
	}
	var last Progress
	if err := l.Reconcile(ctx, func(p Progress) { last = p }); err != nil {
		t.Fatal(err)
	}
	if !last.Done || last.Indexed != 1 || last.Removed != 1 || last.Scanned != 5 {
		t.Errorf("progress = %+v", last)
	}
	if got := search(t, l, "rudder"); !slices.Equal(got, []string{"https://elsewhere.example/copied"}) {
		t.Errorf("copied page: %v", got)
	}
	if got := search(t, l, "mill"); got != nil {
		t.Errorf("removed page still found: %v", got)
	}
	// Nothing changed: the walk is skipped, in a tread started later too
	// (the index's own files coming and going are not a change).
	last = Progress{}
	if err := l.Reconcile(ctx, func(p Progress) { last = p }); err != nil || last.Scanned != 0 {
		t.Errorf("second Reconcile = %+v, %v", last, err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l = openIndexed(t, dir, nil)
	if err := l.Reconcile(ctx, func(p Progress) { last = p }); err != nil || last.Scanned != 0 {
		t.Errorf("Reconcile after reopening = %+v, %v", last, err)
	}
	// A page rewritten in place: only the full walk sees it.
	e, _ := l.Lookup(fixtureURL("ferry"))
	data, err = os.ReadFile(copied.Path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(e.Path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := l.ReconcileAll(ctx, func(p Progress) { last = p }); err != nil || last.Indexed != 1 || last.Scanned != 5 {
		t.Errorf("ReconcileAll after a page changed in place = %+v, %v", last, err)
	}
}

// Pages indexed by an older extractor are read again.
func TestReextractOlderVersion(t *testing.T) {
	dir := t.TempDir()
	old, err := Open(dir) // no extractor: no titles
	if err != nil {
		t.Fatal(err)
	}
	saveFixtures(t, old)
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	l := openIndexed(t, dir, nil)
	if got := search(t, l, "propeller"); got != nil {
		t.Fatalf("found before re-extraction: %v", got)
	}
	var last Progress
	if err := l.Reconcile(context.Background(), func(p Progress) { last = p }); err != nil {
		t.Fatal(err)
	}
	if last.Indexed != len(fixtures) {
		t.Errorf("re-extracted %d, want %d", last.Indexed, len(fixtures))
	}
	if got := search(t, l, "propeller"); !slices.Equal(got, []string{"ferry"}) {
		t.Errorf("after re-extraction: %v", got)
	}
}

// Past rankCap matches, a search ranks the most recently indexed rankCap.
func TestRankCap(t *testing.T) {
	l, _ := fixtureLibrary(t)
	defer func(n int) { rankCap = n }(rankCap)
	rankCap = 1
	if got := search(t, l, "the"); len(got) != 1 || got[0] != "council" { // the last English page saved
		t.Errorf("capped search = %v, want the newest-indexed match alone", got)
	}
	if got := search(t, l, "propeller"); !slices.Equal(got, []string{"ferry"}) {
		t.Errorf("a word under the cap = %v", got)
	}
}

// A journal of mostly superseded lines is compacted to one line per page,
// and says the same after it.
func TestJournalCompaction(t *testing.T) {
	l, dir := fixtureLibrary(t)
	ctx := context.Background()
	defer func(n int64) { compactAt = n }(compactAt)
	compactAt = 1
	for i := range 50 {
		if err := l.SetPosition(ctx, fixtureURL("ferry"), i); err != nil {
			t.Fatal(err)
		}
		if err := l.MarkRead(ctx, fixtureURL("tokyo"), i%2 == 0); err != nil {
			t.Fatal(err)
		}
	}
	want := state(t, l)
	before, err := os.Stat(filepath.Join(dir, journalName))
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Reconcile(ctx, nil); err != nil {
		t.Fatal(err)
	}
	after, err := os.Stat(filepath.Join(dir, journalName))
	if err != nil {
		t.Fatal(err)
	}
	if after.Size() >= before.Size()/5 {
		t.Errorf("journal of %d bytes compacted to %d", before.Size(), after.Size())
	}
	if got := state(t, l); got != want {
		t.Errorf("after compaction:\n%s\nwant\n%s", got, want)
	}
	if err := l.MarkRead(ctx, fixtureURL("council"), true); err != nil {
		t.Fatal(err)
	}
	want = state(t, l)
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(filepath.Join(dir, filepath.Dir(indexName))); err != nil {
		t.Fatal(err)
	}
	l = openIndexed(t, dir, nil)
	if err := l.Reconcile(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if got := state(t, l); got != want || !strings.Contains(got, "ferry @49") {
		t.Errorf("rebuilt from the compacted journal:\n%s\nwant\n%s", got, want)
	}
}

// Two files holding one page (a copy made outside tread): the newer is the
// page, the older is skipped with a warning, and walks leave them be.
func TestDuplicateFiles(t *testing.T) {
	l, dir := fixtureLibrary(t)
	ctx := context.Background()
	other := openIndexed(t, t.TempDir(), nil)
	older, err := other.Save(testPage(fixtureURL("ferry"), time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), "<h1>Old ferry</h1><p>An older copy.</p>"))
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(older.Path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "copy-of-ferry.page"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	for walk := range 2 {
		var last Progress
		if err := l.ReconcileAll(ctx, func(p Progress) { last = p }); err != nil {
			t.Fatal(err)
		}
		if want := 1 - walk; last.Indexed != want {
			t.Errorf("walk %d indexed %d, want %d", walk, last.Indexed, want)
		}
	}
	if got := search(t, l, "propeller"); !slices.Equal(got, []string{"ferry"}) {
		t.Errorf("the newer copy: %v", got)
	}
	skipped, err := l.Skipped(ctx)
	if err != nil || len(skipped) != 1 || !strings.Contains(skipped[0].Error(), "copy-of-ferry.page: an older copy of "+fixtureURL("ferry")) {
		t.Errorf("Skipped = %v, %v", skipped, err)
	}
}
