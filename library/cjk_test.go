package library

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/tread-reader/tread/corpus"
	"github.com/tread-reader/tread/story"
)

// cjkShare is the share of a text's letters that are CJK.
func cjkShare(s string) float64 {
	letters, cjk := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if isCJK(r) {
				cjk++
			}
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(cjk) / float64(letters)
}

// TestCJKSearch measures the two ways of making CJK text searchable on the
// corpus's Korean, Japanese and Chinese pages: segment (each character a
// token, queries as phrases; what the index does) and SQLite's trigram
// tokenizer. For words taken from each page's text (1 to 4 characters, as
// a reader would type them), it counts how often the page is found, and it
// compares the sizes of the two indexes. The index must find at least what
// trigrams find.
func TestCJKSearch(t *testing.T) {
	dir := corpus.Require(t)
	pages, err := corpus.All(dir)
	if err != nil {
		t.Fatal(err)
	}
	l := openIndexed(t, t.TempDir(), nil)
	tri, err := sql.Open("sqlite", "file::memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer tri.Close()
	tri.SetMaxOpenConns(1)
	if _, err := tri.Exec("CREATE VIRTUAL TABLE tri USING fts5 (body, tokenize = 'trigram remove_diacritics 1')"); err != nil {
		t.Fatal(err)
	}
	type doc struct {
		url  string
		text string
	}
	var docs []doc
	for _, p := range pages {
		html, err := p.HTML()
		if err != nil {
			t.Fatal(err)
		}
		sample := html
		if i := bytes.Index(sample, []byte("<body")); i >= 0 {
			sample = sample[i:]
		}
		if cjkShare(string(sample[:min(len(sample), 16<<10)])) < 0.05 {
			continue // markup and Latin text: not worth extracting to find out
		}
		stories, err := testExtractor.Extract(testPage(p.URL, cjkTime, string(html)))
		if err != nil || len(stories) == 0 {
			continue
		}
		text := storiesText(stories)
		if cjkShare(text) < 0.5 {
			continue
		}
		if _, err := l.SaveStories(testPage(p.URL, cjkTime, string(html)), []story.Story{stories[0]}); err != nil {
			t.Fatal(err)
		}
		if _, err := tri.Exec("INSERT INTO tri (rowid, body) VALUES (?, ?)", len(docs)+1, text); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc{p.URL, text})
	}
	if len(docs) == 0 {
		t.Skip("no CJK pages in the corpus")
	}
	r := rand.New(rand.NewPCG(7, 9))
	type score struct{ tried, seg, tri int }
	byLen := map[int]*score{}
	for i, d := range docs {
		runs := strings.FieldsFunc(d.text, func(r rune) bool { return !isCJK(r) })
		for range 20 {
			run := []rune(runs[r.IntN(len(runs))])
			n := 1 + r.IntN(4)
			if len(run) < n {
				continue
			}
			start := r.IntN(len(run) - n + 1)
			word := string(run[start : start+n])
			s := byLen[n]
			if s == nil {
				s = &score{}
				byLen[n] = s
			}
			s.tried++
			q, err := ParseQuery(word)
			if err != nil {
				t.Fatal(err)
			}
			items, err := l.Search(context.Background(), q, 1000)
			if err != nil {
				t.Fatal(err)
			}
			for _, it := range items {
				if it.URL == d.url {
					s.seg++
					break
				}
			}
			var found int
			err = tri.QueryRow("SELECT count(*) FROM tri WHERE tri MATCH ? AND rowid = ?", `"`+word+`"`, i+1).Scan(&found)
			if err == nil && found > 0 {
				s.tri++
			}
		}
	}
	for n := 1; n <= 4; n++ {
		s := byLen[n]
		if s == nil {
			continue
		}
		t.Logf("%d-character words: %d tried; per-character index finds the page %d times, trigram %d", n, s.tried, s.seg, s.tri)
		if s.seg < s.tri || s.seg != s.tried {
			t.Errorf("%d-character words: per-character %d, trigram %d, of %d", n, s.seg, s.tri, s.tried)
		}
	}
	segSize, triSize := ftsSize(t, l.ix.db, "fts"), ftsSize(t, tri, "tri")
	t.Logf("%d CJK pages; full-text index %d KB per-character (title, site, byline, body) vs %d KB trigram (body alone)", len(docs), segSize>>10, triSize>>10)
}

// ftsSize is the bytes an FTS5 table's index takes.
func ftsSize(t *testing.T, db *sql.DB, table string) int64 {
	t.Helper()
	var n int64
	if err := db.QueryRow(fmt.Sprintf("SELECT coalesce(sum(length(block)), 0) FROM %s_data", table)).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

var cjkTime = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
