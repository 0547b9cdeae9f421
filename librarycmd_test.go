package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
)

func TestSaveThenSearch(t *testing.T) {
	isolate(t)
	folder := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(folder, "pipe.html"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runArgs(t, "", "--save", filepath.Join("testdata", "save"), folder, filepath.Join(folder, "missing.html"))
	if code != 1 {
		t.Errorf("exit %d, want 1 for the missing file", code)
	}
	abs, err := filepath.Abs(filepath.Join("testdata", "save", "nested"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"saved https://coast.example/news/lighthouse-keeper-retires (from testdata/save/canonical.html)",
		"saved " + abs + "/dump.txt (from testdata/save/nested/dump.txt)",
		"saved " + abs + "/no-canonical.htm (from testdata/save/nested/no-canonical.htm)",
	}
	if got := strings.Split(strings.TrimSpace(out), "\n"); !slices.Equal(got, want) {
		t.Errorf("--save printed\n%s\nwant\n%s", out, strings.Join(want, "\n"))
	}
	if strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "tread: failed "+filepath.Join(folder, "missing.html")+": no such file") {
		t.Errorf("stderr %q", errOut)
	}
	// Again: nothing changed, nothing saved.
	code, out, _ = runArgs(t, "", "--save", filepath.Join("testdata", "save"))
	if code != 0 || strings.Count(out, "skipped ") != 3 || strings.Contains(out, "saved") {
		t.Errorf("second --save: exit %d\n%s", code, out)
	}

	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"lighthouse", []string{"Lighthouse keeper retires after forty years"}},
		{"tide", []string{"Tide tables printed again after reader requests"}},
		{"prize -shed", nil},
		{"site:coast.example", []string{"Lighthouse keeper retires after forty years"}},
	} {
		code, out, errOut := runArgs(t, "", "--json", "--search", tt.query)
		var results []jsonResult
		if err := json.Unmarshal([]byte(out), &results); err != nil || code != 0 {
			t.Fatalf("--search %s: exit %d, %v\n%s%s", tt.query, code, err, out, errOut)
		}
		var titles []string
		for _, r := range results {
			titles = append(titles, r.Title)
			if r.Saved == "" || r.URL == "" || strings.ContainsAny(r.Snippet, "\x02\x03") {
				t.Errorf("result %+v", r)
			}
		}
		if !slices.Equal(titles, tt.want) {
			t.Errorf("--search %s = %v, want %v", tt.query, titles, tt.want)
		}
	}
	code, out, _ = runArgs(t, "", "--search", "lighthouse")
	if code != 0 || !strings.HasPrefix(out, "Lighthouse keeper retires after forty years · Coastline Herald · ") ||
		!strings.Contains(out, "https://coast.example/news/lighthouse-keeper-retires\n    The last keeper") {
		t.Errorf("--search text: exit %d\n%s", code, out)
	}
}

func TestSearchAndSaveUsage(t *testing.T) {
	isolate(t)
	for _, args := range [][]string{
		{"--search", `"unclosed`},
		{"--search", `"*"`}, // nothing to search for
		{"--search", "after:someday"},
		{"--search", strings.Repeat("many words ", 40)},
		{"--search", "x", "a.html"},
		{"--search", "x", "--dump"},
		{"--search="},
		{"--save"},
		{"--save", "--json", "a.html"},
		{"--save", "-"},
	} {
		code, out, errOut := runArgs(t, "", args...)
		if code != 2 || out != "" || !strings.HasPrefix(errOut, "tread: ") || strings.Count(strings.TrimSpace(errOut), "\n") > 1 {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	// FTS syntax in a query is just text.
	for _, q := range []string{`NEAR(a b)`, `a OR b`, `"*" x`, `title:x`, `{title}:x`, `x^`, strings.Repeat("z", 10000)} {
		if code, _, errOut := runArgs(t, "", "--search", q); code != 0 {
			t.Errorf("--search %.20q: exit %d, %s", q, code, errOut)
		}
	}
}

// --save of URLs: fetched once and kept, then skipped; a page that does not
// fetch, or an unsaved URL offline, fails the run. The library then opens,
// exports and searches from the index.
func TestSaveURLs(t *testing.T) {
	isolate(t)
	site := newTestSite(t)
	url := site.URL + ferryPath
	code, out, errOut := runArgs(t, "", "--save", url, site.URL+"/missing")
	if code != 1 || out != "saved "+url+"\n" || !strings.Contains(errOut, "tread: failed "+site.URL+"/missing") {
		t.Errorf("--save: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, _ = runArgs(t, "", "--save", url)
	if code != 0 || out != "skipped "+url+" (already saved)\n" || site.requests() != 2 {
		t.Errorf("second --save: exit %d, %q, %d requests", code, out, site.requests())
	}
	code, _, errOut = runArgs(t, "", "--save", "--offline", site.URL+festivalPath)
	if code != 1 || !strings.Contains(errOut, "offline") {
		t.Errorf("--save --offline of an unsaved URL: exit %d, %q", code, errOut)
	}
	code, docs, _ := runJSON(t)
	if code != 0 || len(docs) != 1 || docs[0].Source != url || docs[0].Stories[0].Title != ferryTitle {
		t.Errorf("the library: exit %d, %+v", code, docs)
	}
	code, out, _ = runArgs(t, "", "--search", "harbour")
	if code != 0 || !strings.HasPrefix(out, ferryTitle+" · ") {
		t.Errorf("--search: exit %d, %q", code, out)
	}
}

// A damaged file in the library is a warning on every run, not only the
// one whose walk found it, and leaves the exit status alone.
func TestDamagedLibraryFileWarnsEachRun(t *testing.T) {
	lib := isolate(t)
	if code, _, errOut := runArgs(t, "", "--save", filepath.Join("testdata", "save", "canonical.html")); code != 0 {
		t.Fatalf("--save: %d %s", code, errOut)
	}
	junk := filepath.Join(lib, "junk.page")
	if err := os.WriteFile(junk, []byte("not a saved page"), 0o600); err != nil {
		t.Fatal(err)
	}
	for run := range 2 {
		code, docs, errOut := runJSON(t)
		if code != 0 || len(docs) != 1 || !strings.Contains(errOut, "tread: warning: library: skip "+junk+": not a tread page") {
			t.Errorf("run %d: exit %d, %d docs, stderr %q", run, code, len(docs), errOut)
		}
	}
}

// --json of a folder streams it: more pages than the reader's folder bound
// all print, in the folder's order, with no "too many files".
func TestJSONStreamsABigFolder(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	const n = 1100 // over feed.DefaultMaxFiles
	for i := range n {
		text := fmt.Sprintf("Notice %04d\n\nThe harbour office posted notice number %d on the quay board this morning.\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("n%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := runArgs(t, "", "--json", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var docs jsonOut
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatal(err)
	}
	if len(docs) != n {
		t.Fatalf("%d documents, want %d; stderr %s", len(docs), n, errOut)
	}
	for i, d := range docs {
		if d.Error != "" || len(d.Stories) != 1 || d.Stories[0].Title != fmt.Sprintf("Notice %04d", i) {
			t.Fatalf("document %d: %+v", i, d)
		}
	}
}
