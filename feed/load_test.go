package feed

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/tread-reader/tread/story"
)

const goodDump = "Weir gates replaced\n\nWeir gates replaced\n\nRiver Post4 hours ago\nThe new gates are steel.\n"

func write(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func loadOne(t *testing.T, source string, opts Options) story.Document {
	t.Helper()
	docs := Load(context.Background(), source, opts)
	if len(docs) != 1 {
		t.Fatalf("Load(%q) gave %d documents, want 1", source, len(docs))
	}
	return docs[0]
}

func TestLoadBadSources(t *testing.T) {
	dir := t.TempDir()
	loop := filepath.Join(dir, "loop.txt")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		opts       Options
		is         error
		msg        string
	}{
		{"missing", filepath.Join(dir, "nope.txt"), Options{}, fs.ErrNotExist, "read %s: no such file or directory"},
		{"empty", write(t, filepath.Join(dir, "empty.txt"), nil), Options{}, ErrEmpty, "read %s: empty file"},
		{"blank", write(t, filepath.Join(dir, "blank.txt"), []byte("\ufeff \r\n\t\n")), Options{}, ErrEmpty, "read %s: empty file"},
		{"binary with NUL", write(t, filepath.Join(dir, "notes.bin"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")), Options{},
			ErrBinary, "read %s: binary file, not a page dump or HTML"},
		{"control characters", write(t, filepath.Join(dir, "ctl.txt"), bytes.Repeat([]byte("ab\x01\x02\x03cd\x04"), 50)), Options{},
			ErrBinary, "read %s: binary file, not a page dump or HTML"},
		{"binary named .html", write(t, filepath.Join(dir, "page.html"), []byte("<html>\x00\x00\x00")), Options{},
			ErrBinary, "read %s: binary file, not a page dump or HTML"},
		{"over the size limit", write(t, filepath.Join(dir, "big.txt"), bytes.Repeat([]byte(goodDump), 10)), Options{MaxBytes: 100},
			ErrTooLarge, "read %s: over the size limit (890 bytes; limit 100 bytes)"},
		{"symlink loop", loop, Options{}, nil, "read %s: too many levels of symbolic links"},
		{"only chrome", write(t, filepath.Join(dir, "chrome.txt"), []byte("logo\n\nOrange background\n")), Options{},
			ErrNoStory, "read %s: no story found"},
		{"empty folder", mkdir(t, filepath.Join(dir, "emptydir")), Options{}, ErrNoFiles, "read %s: folder has no files to read"},
		{"folder of hidden files", filepath.Dir(write(t, filepath.Join(dir, "hidden", ".notes.txt"), []byte(goodDump))), Options{},
			ErrNoFiles, "read %s: folder has no files to read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := loadOne(t, tt.path, tt.opts)
			checkErr(t, doc, tt.path, tt.is, tt.msg)
		})
	}
}

func mkdir(t *testing.T, path string) string {
	t.Helper()
	if err := os.MkdirAll(path, 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

func checkErr(t *testing.T, doc story.Document, source string, is error, msg string) {
	t.Helper()
	if doc.Source != source {
		t.Errorf("Source = %q, want %q", doc.Source, source)
	}
	if doc.Err == nil {
		t.Fatalf("%s: no error, stories %q", source, titles(doc.Stories))
	}
	if is != nil && !errors.Is(doc.Err, is) {
		t.Errorf("error %v is not %v", doc.Err, is)
	}
	if want := strings.ReplaceAll(msg, "%s", source); doc.Err.Error() != want {
		t.Errorf("error %q, want %q", doc.Err, want)
	}
	if strings.ContainsAny(doc.Err.Error(), "\n\r") {
		t.Errorf("error is not one line: %q", doc.Err)
	}
}

func TestLoadUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their mode; the symlink-loop case covers unreadable files")
	}
	dir := t.TempDir()
	path := write(t, filepath.Join(dir, "secret.txt"), []byte(goodDump))
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
	checkErr(t, loadOne(t, path, Options{}), path, fs.ErrPermission, "read %s: permission denied")

	// In a folder, the unreadable file is reported and the others load.
	write(t, filepath.Join(dir, "ok.txt"), []byte(goodDump))
	docs := Load(context.Background(), dir, Options{})
	if len(docs) != 2 || docs[0].Err != nil || !errors.Is(docs[1].Err, fs.ErrPermission) {
		t.Errorf("folder with an unreadable file: %v", docs)
	}

	sub := filepath.Join(dir, "locked")
	write(t, filepath.Join(sub, "a.txt"), []byte(goodDump))
	if err := os.Chmod(sub, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(sub, 0o755) })
	checkErr(t, loadOne(t, sub, Options{}), sub, fs.ErrPermission, "read %s: permission denied")
}

func TestLoadFile(t *testing.T) {
	path := write(t, filepath.Join(t.TempDir(), "weir.txt"), []byte(goodDump))
	doc := loadOne(t, path, Options{})
	if doc.Err != nil || doc.Source != path {
		t.Fatalf("Load: %+v", doc)
	}
	checkStories(t, doc.Stories, []want{{title: "Weir gates replaced", site: "River Post", age: "4 hours ago", paras: 1}})
}

func TestLoadStdin(t *testing.T) {
	doc := loadOne(t, "-", Options{Stdin: strings.NewReader(goodDump)})
	if doc.Err != nil || doc.Source != "-" {
		t.Fatalf("Load(-): %+v", doc)
	}
	checkStories(t, doc.Stories, []want{{title: "Weir gates replaced", site: "River Post", age: "4 hours ago", paras: 1}})

	checkErr(t, loadOne(t, "-", Options{}), "-", ErrNoStdin, "read standard input: no standard input")
	checkErr(t, loadOne(t, "-", Options{Stdin: strings.NewReader("")}), "-", ErrEmpty, "read standard input: empty file")
	checkErr(t, loadOne(t, "-", Options{Stdin: strings.NewReader(goodDump), MaxBytes: 10}), "-", ErrTooLarge,
		"read standard input: over the size limit (more than 10 bytes)")
}

func TestLoadFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b.txt"), []byte(goodDump))
	write(t, filepath.Join(dir, "a", "deep.txt"), []byte(strings.Replace(goodDump, "Weir", "Deep", 2)))
	write(t, filepath.Join(dir, "a", "empty.txt"), nil)
	write(t, filepath.Join(dir, "c.html"), []byte{0, 1, 2, 3, 0xff})
	write(t, filepath.Join(dir, "c.bin"), []byte(goodDump)) // not a page's extension
	write(t, filepath.Join(dir, ".hidden.txt"), []byte(goodDump))
	write(t, filepath.Join(dir, ".git", "HEAD"), []byte(goodDump))
	if err := os.Symlink("missing-target", filepath.Join(dir, "d-broken.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "a"), filepath.Join(dir, "e-dirlink")); err != nil {
		t.Fatal(err)
	}
	loop := filepath.Join(dir, "f-loop.txt")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}

	docs := Load(context.Background(), dir, Options{})
	type got struct {
		source string
		title  string
		err    error
	}
	wantDocs := []got{
		{filepath.Join(dir, "a", "deep.txt"), "Deep gates replaced", nil},
		{filepath.Join(dir, "a", "empty.txt"), "", ErrEmpty},
		{filepath.Join(dir, "b.txt"), "Weir gates replaced", nil},
		{filepath.Join(dir, "c.html"), "", ErrBinary},
		{filepath.Join(dir, "d-broken.txt"), "", fs.ErrNotExist},
		{loop, "", syscall.ELOOP},
	}
	if len(docs) != len(wantDocs) {
		for _, d := range docs {
			t.Logf("%s: %q %v", d.Source, titles(d.Stories), d.Err)
		}
		t.Fatalf("got %d documents, want %d", len(docs), len(wantDocs))
	}
	for i, w := range wantDocs {
		d := docs[i]
		if d.Source != w.source {
			t.Errorf("doc %d: source %q, want %q", i, d.Source, w.source)
		}
		if w.err == nil {
			if d.Err != nil || len(d.Stories) != 1 || d.Stories[0].Title != w.title {
				t.Errorf("%s: %q %v, want %q", d.Source, titles(d.Stories), d.Err, w.title)
			}
		} else if !errors.Is(d.Err, w.err) || !strings.HasPrefix(d.Err.Error(), "read "+w.source+": ") {
			t.Errorf("%s: error %v, want %v naming the file", d.Source, d.Err, w.err)
		}
	}
}

func TestLoadFolderBounds(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"1.txt", "2.txt", "3.txt", "4.txt"} {
		write(t, filepath.Join(dir, name), []byte(goodDump))
	}
	docs := Load(context.Background(), dir, Options{MaxFiles: 2})
	if len(docs) != 3 || docs[0].Err != nil || docs[1].Err != nil || !errors.Is(docs[2].Err, ErrTooMany) {
		t.Fatalf("MaxFiles 2: got %d docs, last error %v", len(docs), docs[len(docs)-1].Err)
	}
	if want := "read " + dir + ": too many files, the rest skipped (limit 2)"; docs[2].Err.Error() != want {
		t.Errorf("error %q, want %q", docs[2].Err, want)
	}

	deep := t.TempDir()
	write(t, filepath.Join(deep, "top.txt"), []byte(goodDump))
	write(t, filepath.Join(deep, "1", "2", "3", "low.txt"), []byte(goodDump))
	docs = Load(context.Background(), deep, Options{MaxDepth: 2})
	if len(docs) != 2 || !errors.Is(docs[0].Err, ErrTooDeep) || docs[1].Err != nil {
		t.Fatalf("MaxDepth 2: got %d docs: %v, %v", len(docs), docs[0].Err, docs[len(docs)-1].Err)
	}
	if want := filepath.Join(deep, "1", "2", "3"); docs[0].Source != want {
		t.Errorf("too-deep source %q, want %q", docs[0].Source, want)
	}
}

func TestLoadCancelled(t *testing.T) {
	path := write(t, filepath.Join(t.TempDir(), "weir.txt"), []byte(goodDump))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, src := range []string{path, filepath.Dir(path), "-"} {
		docs := Load(ctx, src, Options{Stdin: strings.NewReader(goodDump)})
		if len(docs) == 0 || !errors.Is(docs[len(docs)-1].Err, context.Canceled) {
			t.Errorf("Load(%q) with a cancelled context: %v", src, docs)
		}
	}
}

// TestLoadHTML checks that HTML, by name or by content, goes to the HTML
// extractor as UTF-8, and that its failure names the source.
func TestLoadHTML(t *testing.T) {
	var got [][]byte
	old := extractPage
	extractPage = func(data []byte, pageURL string) (story.Story, error) {
		got = append(got, data)
		if pageURL != "" {
			t.Errorf("pageURL %q, want empty", pageURL)
		}
		if bytes.Contains(data, []byte("broken")) {
			return story.Story{}, errors.New("no article found")
		}
		return story.Story{Title: "from html", Body: []story.Block{{Text: "Weir gates"}}}, nil
	}
	t.Cleanup(func() { extractPage = old })

	dir := t.TempDir()
	page := []byte("\xef\xbb\xbf  <!DOCTYPE html><title>x</title><p>Weir gates</p>")
	sources := []string{
		write(t, filepath.Join(dir, "page.txt"), page),
		write(t, filepath.Join(dir, "dump.HTM"), []byte(goodDump)),
		write(t, filepath.Join(dir, "frag.txt"), []byte("\n<div class=story><p>hi</p></div>")),
	}
	for _, src := range sources {
		doc := loadOne(t, src, Options{})
		if doc.Err != nil || len(doc.Stories) != 1 || doc.Stories[0].Title != "from html" {
			t.Errorf("%s: %q %v, want the extractor's story", src, titles(doc.Stories), doc.Err)
		}
	}
	// Decoded once, here: the extractor gets UTF-8 without the mark.
	if len(got) != 3 || !bytes.Equal(got[0], page[3:]) {
		t.Errorf("extractor saw %d pages; first %q", len(got), got)
	}
	broken := write(t, filepath.Join(dir, "broken.html"), []byte("<html>broken"))
	checkErr(t, loadOne(t, broken, Options{}), broken, nil, "read %s: extract html: no article found")
}

func TestLoadParserPanic(t *testing.T) {
	old := extractPage
	extractPage = func([]byte, string) (story.Story, error) { panic("boom") }
	t.Cleanup(func() { extractPage = old })
	path := write(t, filepath.Join(t.TempDir(), "p.html"), []byte("<html>"))
	checkErr(t, loadOne(t, path, Options{}), path, nil, "read %s: internal error: boom")
}
