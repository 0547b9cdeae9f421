package main

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/library"
	"github.com/tread-reader/tread/story"
)

// writePage writes an HTML page into dir and returns its path.
func writePage(t *testing.T, dir, name, html string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const (
	emptyPage   = "<html><body></body></html>"
	homePage    = `<html><head><title>Home | Quayside Post</title></head><body><nav><a href="/news">News</a></nav></body></html>`
	partialPage = `<html><head><title>Quay notice</title></head><body><h1>Quay notice</h1><p>The quay is closed on Sunday.</p></body></html>`
)

// TestNoArticleIsAnError: a page with nothing to read fails, naming the
// source, in every mode; it is not printed or exported as an empty story.
func TestNoArticleIsAnError(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	empty := writePage(t, dir, "empty.html", emptyPage)
	home := writePage(t, dir, "home.html", homePage)

	code, docs, errOut := runJSON(t, empty, home)
	if code != 1 || len(docs) != 2 {
		t.Fatalf("exit %d, %+v", code, docs)
	}
	for i, src := range []string{empty, home} {
		if want := "read " + src + ": no article found"; docs[i].Error != want || len(docs[i].Stories) != 0 {
			t.Errorf("doc %d: error %q stories %d, want %q", i, docs[i].Error, len(docs[i].Stories), want)
		}
	}
	if strings.Count(errOut, "no article found") != 2 {
		t.Errorf("stderr %q", errOut)
	}

	out := filepath.Join(t.TempDir(), "notes")
	code, stdout, stderr := runArgs(t, "", "--export", out, empty)
	if code != 1 || stdout != "" || !strings.Contains(stderr, "empty.html: no article found") {
		t.Errorf("--export: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if des, _ := os.ReadDir(out); len(des) != 0 {
		t.Errorf("--export wrote %d files for a page with no article", len(des))
	}
	if code, stdout, _ := runArgs(t, "", "--dump", empty); code != 1 || strings.TrimSpace(stdout) != "" {
		t.Errorf("--dump: exit %d, stdout %q", code, stdout)
	}
}

// TestPartialMarked: a best-effort story says so in --json and in the
// exported file's header, and a whole story has no partial field at all.
func TestPartialMarked(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	page := writePage(t, dir, "notice.html", partialPage)
	plain := filepath.Join("testdata", "e2e", "plain.txt")

	code, out, errOut := runArgs(t, "", "--json", page, plain)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var docs []struct {
		Stories []map[string]any `json:"stories"`
	}
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatal(err)
	}
	if p, ok := docs[0].Stories[0]["partial"]; !ok || p != true {
		t.Errorf("best-effort story: partial = %v (present %v)", p, ok)
	}
	if p, ok := docs[1].Stories[0]["partial"]; ok {
		t.Errorf("whole story carries partial = %v", p)
	}

	outDir := t.TempDir()
	code, stdout, stderr := runArgs(t, "", "--export", outDir, page)
	if code != 0 {
		t.Fatalf("--export: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(strings.TrimSpace(stdout))
	if err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(strings.TrimPrefix(string(data), "---\n"), "\n---\n")
	if !strings.Contains("\n"+head+"\n", "\npartial: true\n") || !strings.Contains(head, `title: "Quay notice"`) {
		t.Errorf("exported header:\n%s", head)
	}
}

// saveRawPage puts a page in the library as an older tread would have:
// whatever the server sent, readable or not.
func saveRawPage(t *testing.T, dir, url, contentType, body string, when time.Time) {
	t.Helper()
	lib, err := library.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	page := fetch.Page{URL: url, Requested: url, Status: 200, ContentType: contentType, Body: []byte(body), Fetched: when}
	if _, err := lib.Save(page); err != nil {
		t.Fatal(err)
	}
}

const pdfBody = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"

// TestUnreadablePageNotKept is the QA report: a page served as HTML that is
// really a PDF fails, is not saved, and so cannot break the library view.
func TestUnreadablePageNotKept(t *testing.T) {
	isolate(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(pdfBody))
	}))
	t.Cleanup(srv.Close)
	lib := filepath.Join(t.TempDir(), "lib")
	url := srv.URL + "/report"
	if code, docs, _ := runJSON(t, "--library", lib, url); code != 1 || !strings.Contains(docs[0].Error, "not an html page") {
		t.Fatalf("exit %d, %+v", code, docs)
	}
	code, docs, errOut := runJSON(t, "--library", lib)
	if code != 0 || len(docs) != 1 || !strings.Contains(docs[0].Source, "sample") || errOut != "" {
		t.Errorf("library after a failed page: exit %d, %+v, stderr %q", code, docs, errOut)
	}
}

// TestLibrarySkipsUnreadableCopy: a saved copy that cannot be read (left by
// an older tread) is skipped with a warning when the library opens, in
// every mode, without failing the run; named on the command line, it is
// still an error.
func TestLibrarySkipsUnreadableCopy(t *testing.T) {
	isolate(t)
	lib := t.TempDir()
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	bad := "https://a.example/report"
	saveTestPage(t, lib, "https://a.example/good-story", "Good story", t0)
	saveRawPage(t, lib, bad, "text/html", pdfBody, t0.Add(time.Hour))
	saveRawPage(t, lib, "https://a.example/", "text/html", homePage, t0.Add(2*time.Hour))
	warnPDF := "tread: warning: library: skip " + bad + ": extract html: not an html page\n"
	warnHome := "tread: warning: library: skip https://a.example/: no article found\n"

	code, docs, errOut := runJSON(t, "--library", lib)
	if code != 0 || len(docs) != 1 || docs[0].Stories[0].Title != "Good story" {
		t.Errorf("--json: exit %d, %+v", code, docs)
	}
	if errOut != warnHome+warnPDF {
		t.Errorf("--json stderr %q, want the two warnings", errOut)
	}
	for _, mode := range [][]string{{"--dump"}, {"--export", t.TempDir()}} {
		code, out, errOut := runArgs(t, "", append(mode, "--library", lib)...)
		if code != 0 || !strings.Contains(strings.ToLower(out), "good") || errOut != warnHome+warnPDF {
			t.Errorf("%s: exit %d, stdout %.80q, stderr %q", mode[0], code, out, errOut)
		}
	}
	if code, docs, _ := runJSON(t, "--library", lib, "--offline", bad); code != 1 || !strings.Contains(docs[0].Error, "not an html page") {
		t.Errorf("named on the command line: exit %d, %+v", code, docs)
	}

	// The reader: a listed page that cannot be read is left out of the
	// library view with a warning; walking to it reports the failure.
	cfg := config.Default()
	o := options{library: lib}
	sess := newSession(o, cfg, nil)
	opts := tuiOptions(o, cfg, sess, nil)
	if opts.Library == nil || len(opts.Docs) != 0 {
		t.Fatalf("reader library %v, docs %+v", opts.Library, opts.Docs)
	}
	items, _, err := opts.Library.Page(context.Background(), nil, 10, false)
	if err != nil || len(items) != 1 || items[0].URL != "https://a.example/good-story" {
		t.Errorf("library view lists %+v (%v), want the good page only", items, err)
	}
	if docs := opts.Library.Stories(context.Background(), "https://a.example/good-story"); len(docs) != 1 || docs[0].Err != nil {
		t.Errorf("good page: %+v", docs)
	}
	if docs := opts.Library.Stories(context.Background(), "https://a.example/never-saved"); len(docs) != 1 || docs[0].Err == nil {
		t.Errorf("a page not in the library: %+v, want an error, not a fetch", docs)
	}
	if docs := opts.Load(context.Background(), bad); len(docs) != 1 || docs[0].Err == nil {
		t.Errorf("walking to the page: %+v, want its error", docs)
	}
	var warnings strings.Builder
	sess.printWarnings(&warnings)
	if warnings.String() != warnHome+warnPDF {
		t.Errorf("reader warnings %q, want %q", warnings.String(), warnHome+warnPDF)
	}
}

// TestPrintConfigLibrary: --print-config shows the library in effect, as
// a path the printed file reads back to.
func TestPrintConfigLibrary(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	code, out, _ := runArgs(t, "", "--print-config", "--library", dir)
	if code != 0 || !strings.Contains(out, "\nlibrary = \""+dir+"\"\n") {
		t.Errorf("exit %d, printed:\n%s", code, out)
	}
	if head, _, _ := strings.Cut(out, "\n"); head != "# tread settings in effect: the defaults, with --library" {
		t.Errorf("header %q does not say --library is in effect", head)
	}
	t.Chdir(dir)
	code, out, _ = runArgs(t, "", "--library", "saved", "--print-config")
	if code != 0 || !strings.Contains(out, "\nlibrary = \""+filepath.Join(dir, "saved")+"\"\n") {
		t.Errorf("relative --library: exit %d, printed:\n%s", code, out)
	}
}

// TestUsageErrors: flags are named as typed, and --width is checked.
func TestUsageErrors(t *testing.T) {
	plain := filepath.Join("testdata", "e2e", "plain.txt")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--bogus"}, "unknown flag --bogus"},
		{[]string{plain, "-bogus"}, "unknown flag -bogus"},
		{[]string{"--bogus=1", plain}, "unknown flag --bogus"},
		{[]string{"--library"}, "--library needs a value"},
		{[]string{"--dump", "--width", "wide"}, "--width takes a number of columns"},
		{[]string{"--dump", "-width=99999999999999999999"}, "-width takes a number of columns"},
		{[]string{"--print-config", "extra"}, `--print-config takes no sources (got "extra")`},
		{[]string{"--json=maybe"}, `invalid value "maybe" for --json: parse error`},
		{[]string{"--dump", "--width", "5", plain}, "--width must be at least 20"},
		{[]string{"--dump", "--width=0", plain}, "--width must be at least 20"},
		{[]string{"--width", "60", plain}, "--width only applies to --dump"},
		{[]string{"--json", "--width", "60", plain}, "--width only applies to --dump"},
	} {
		code, out, errOut := runArgs(t, "", tt.args...)
		if want := "tread: " + tt.want + "\nRun 'tread --help' for usage.\n"; code != 2 || errOut != want || out != "" {
			t.Errorf("%q: exit %d, stderr %q, want 2 and %q", tt.args, code, errOut, want)
		}
	}
	code, out, errOut := runArgs(t, "", "--dump", "--width", "20", plain)
	if code != 0 || !strings.Contains(out, "Lantern") {
		t.Errorf("--width 20: exit %d, %s", code, errOut)
	}
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 20 {
			t.Errorf("--width 20 printed a %d-wide line %q", n, line)
		}
	}
}

// TestStdinErrorLine: standard input is named the way other sources are,
// "read standard input: …", with no "-:" before it.
func TestStdinErrorLine(t *testing.T) {
	code, out, errOut := runArgs(t, "", "--json", "-")
	if code != 1 || errOut != "tread: read standard input: empty file\n" || !strings.Contains(out, `"error": "read standard input: empty file"`) {
		t.Errorf("exit %d, stderr %q, stdout %s", code, errOut, out)
	}
	// The reader names it the same way: its error line starts with the
	// document's source unless the error names it.
	load := tuiLoader(func(ctx context.Context, src string) []story.Document {
		return []story.Document{{Source: src, Err: errors.New("read standard input: empty file")}}
	}, strings.NewReader(""))
	docs := load(context.Background(), "-")
	if len(docs) != 1 || !strings.Contains(docs[0].Err.Error(), docs[0].Source) {
		t.Errorf("reader's stdin document %+v: the error does not name its source", docs)
	}
}
