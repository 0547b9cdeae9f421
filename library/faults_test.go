package library

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tread-reader/tread/internal/crashtest"
)

// Child processes for the fault tests: the test binary run again with
// childEnv naming the part to play and childDirEnv the library.
const (
	childEnv    = "TREAD_LIBRARY_CHILD"
	childDirEnv = "TREAD_LIBRARY_CHILD_DIR"
)

// startChild runs TestFaultChild as role on dir and returns its stdout lines.
func startChild(t *testing.T, role, dir string) (*exec.Cmd, <-chan string, *bytes.Buffer) {
	t.Helper()
	return crashtest.Start(t, "TestFaultChild", childEnv+"="+role, childDirEnv+"="+dir)
}

// TestFaultChild is the other process of the fault tests; on its own it
// does nothing.
func TestFaultChild(t *testing.T) {
	dir := os.Getenv(childDirEnv)
	switch os.Getenv(childEnv) {
	case "rebuild":
		// Rebuild slowly, saying after each batch how far it got.
		l := openIndexed(t, dir, func(error) {})
		err := l.Reconcile(context.Background(), func(p Progress) {
			fmt.Printf("indexed %d\n", p.Indexed)
			time.Sleep(200 * time.Millisecond)
		})
		t.Fatalf("the rebuild finished (%v): the parent never killed it", err)
	case "saver":
		l := openIndexed(t, dir, nil)
		for i := range 40 {
			if _, err := l.Save(testPage(fmt.Sprintf("https://writer.example/%d", i), time.Now(), fmt.Sprintf("<article><h1>Story %d</h1><p>%s</p></article>", i, strings.Repeat("kettle lighthouse words ", 40)))); err != nil {
				t.Fatal(err)
			}
			fmt.Println("saved", i)
		}
	default:
		t.Skip("only run as a child of the fault tests")
	}
}

func TestGarbageIndexIsMovedAside(t *testing.T) {
	for _, tt := range []struct {
		name    string
		garbage func(t *testing.T, index []byte) []byte
	}{
		{"not a database", func(*testing.T, []byte) []byte { return bytes.Repeat([]byte("not a database at all "), 500) }},
		{"cut in half", func(_ *testing.T, index []byte) []byte { return index[:len(index)/2] }},
		{"another program's database", func(t *testing.T, _ []byte) []byte {
			other := filepath.Join(t.TempDir(), "other.db")
			db, err := sql.Open("sqlite", other)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec(fmt.Sprintf("CREATE TABLE notes (x); PRAGMA user_version = %d", schemaVersion)); err != nil {
				t.Fatal(err)
			}
			if err := db.Close(); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(other)
			if err != nil {
				t.Fatal(err)
			}
			return data
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			l := openIndexed(t, dir, nil)
			saveFixtures(t, l)
			if err := l.Star(context.Background(), fixtureURL("tokyo"), true); err != nil {
				t.Fatal(err)
			}
			if err := l.Close(); err != nil { // checkpoints the WAL into the file
				t.Fatal(err)
			}
			index, err := os.ReadFile(filepath.Join(dir, indexName))
			if err != nil {
				t.Fatal(err)
			}
			garbage := tt.garbage(t, index)
			if err := os.WriteFile(filepath.Join(dir, indexName), garbage, 0o600); err != nil {
				t.Fatal(err)
			}
			var warnings []error
			l = openIndexed(t, dir, func(err error) { warnings = append(warnings, err) })
			if len(warnings) != 1 || !strings.Contains(warnings[0].Error(), "damaged") || strings.Contains(warnings[0].Error(), "\n") {
				t.Errorf("warnings = %v, want one line about the damaged index", warnings)
			}
			aside, err := filepath.Glob(filepath.Join(dir, indexName+".damaged-*"))
			if err != nil || len(aside) != 1 {
				t.Fatalf("moved aside: %v, %v", aside, err)
			}
			// Opening a sound SQLite file sets its journal mode (and so its
			// header) before anything can tell it is not ours; its pages stay.
			if data, err := os.ReadFile(aside[0]); err != nil || !bytes.Equal(sansHeader(data), sansHeader(garbage)) {
				t.Errorf("the damaged index was not kept as it was: %v", err)
			}
			if err := l.Reconcile(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
			if got := search(t, l, "is:starred"); len(got) != 1 || got[0] != "tokyo" {
				t.Errorf("after the rebuild, starred = %v", got)
			}
			if n, err := l.Count(context.Background()); err != nil || n != len(fixtures) {
				t.Errorf("after the rebuild, %d pages, %v", n, err)
			}
		})
	}
}

func TestNewerIndexIsLeftAlone(t *testing.T) {
	l, dir := fixtureLibrary(t)
	if _, err := l.ix.db.Exec(fmt.Sprintf("PRAGMA user_version = %d", schemaVersion+1)); err != nil {
		t.Fatal(err)
	}
	if _, err := l.ix.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(filepath.Join(dir, indexName))
	if err != nil {
		t.Fatal(err)
	}
	_, err = OpenWith(dir, Options{Extractor: testExtractor, Warn: func(err error) { t.Errorf("warning: %v", err) }})
	if !errors.Is(err, ErrNewerIndex) || strings.Contains(err.Error(), "\n") {
		t.Fatalf("OpenWith = %v, want ErrNewerIndex", err)
	}
	after, err := os.ReadFile(filepath.Join(dir, indexName))
	if err != nil || !bytes.Equal(before, after) {
		t.Errorf("the newer index was changed (%v)", err)
	}
	if aside, _ := filepath.Glob(filepath.Join(dir, indexName+".damaged-*")); len(aside) != 0 {
		t.Errorf("the newer index was moved aside: %v", aside)
	}
}

// A full disk while saving: the old copy stays; while writing the index:
// the page is saved all the same and indexed on the next Reconcile.
func TestDiskFull(t *testing.T) {
	dir := t.TempDir()
	var warnings []error
	l := openIndexed(t, dir, func(err error) { warnings = append(warnings, err) })
	saveFixtures(t, l)
	full := fmt.Errorf("write: %w", syscall.ENOSPC)

	old, _ := l.Lookup(fixtureURL("ferry"))
	oldData, err := os.ReadFile(old.Path)
	if err != nil {
		t.Fatal(err)
	}
	testHookBody = func(io.Writer) io.Writer { return failingWriter{full} }
	_, err = l.Save(testPage(fixtureURL("ferry"), time.Now(), "<p>a new copy</p>"))
	testHookBody = nil
	if !errors.Is(err, syscall.ENOSPC) {
		t.Errorf("Save on a full disk = %v", err)
	}
	if data, err := os.ReadFile(old.Path); err != nil || !bytes.Equal(data, oldData) {
		t.Errorf("the old copy changed: %v", err)
	}
	if temps, _ := filepath.Glob(filepath.Join(dir, tempPrefix+"*")); len(temps) != 0 {
		t.Errorf("temp files left: %v", temps)
	}

	testHookIndexWrite = func() error { return full }
	body, err := os.ReadFile(filepath.Join("testdata", "pages", "ferry.html"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = l.Save(testPage("https://news.example/late", time.Now(), strings.Replace(string(body), "propeller", "gearbox", 1)))
	testHookIndexWrite = nil
	if err != nil {
		t.Errorf("Save with a full index = %v, want the page saved", err)
	}
	if len(warnings) != 1 || !errors.Is(warnings[0], syscall.ENOSPC) {
		t.Errorf("warnings = %v", warnings)
	}
	if err := l.Reconcile(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if got := search(t, l, "gearbox"); len(got) != 1 {
		t.Errorf("the page saved on a full index is not indexed later: %v", got)
	}
}

type failingWriter struct{ err error }

func (f failingWriter) Write([]byte) (int, error) { return 0, f.err }

// kill -9 during a rebuild: the next start resumes, keeping the batches
// committed before the kill.
func TestKilledDuringRebuild(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGKILL")
	}
	dir := t.TempDir()
	l, err := Open(dir) // pages saved without extraction: all to re-extract
	if err != nil {
		t.Fatal(err)
	}
	const pages = 4 * batch
	for i := range pages {
		if _, err := l.Save(testPage(fmt.Sprintf("https://news.example/%d", i), time.Now(), fmt.Sprintf("<article><h1>Story %d</h1><p>%s</p></article>", i, strings.Repeat("anchor chain ", 30)))); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	cmd, lines, stderr := startChild(t, "rebuild", dir)
	deadline := time.After(30 * time.Second)
	done := 0
	for done == 0 {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("child ended early: %s", stderr)
			}
			if n, found := strings.CutPrefix(line, "indexed "); found {
				done, _ = strconv.Atoi(n)
			}
		case <-deadline:
			t.Fatal("child never indexed a batch")
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err == nil {
		t.Fatal("child was not killed")
	}
	l = openIndexed(t, dir, nil)
	var last Progress
	if err := l.Reconcile(context.Background(), func(p Progress) { last = p }); err != nil {
		t.Fatal(err)
	}
	if last.Indexed == 0 || last.Indexed > pages-done {
		t.Errorf("resumed with %d pages to do, want at most %d (the child did %d)", last.Indexed, pages-done, done)
	}
	if n, err := l.Count(context.Background()); err != nil || n != pages {
		t.Errorf("Count = %d, %v; want %d", n, err, pages)
	}
	if got := search(t, l, "anchor"); len(got) != 20 {
		t.Errorf("search after the resumed rebuild found %d", len(got))
	}
}

// A page file deleted while its row is on screen: reading it fails with
// one line, Lookup no longer finds it, and the row goes.
func TestPageDeletedWhileIndexed(t *testing.T) {
	l, _ := fixtureLibrary(t)
	ctx := context.Background()
	items, _, err := l.Page(ctx, Cursor{}, 1, false)
	if err != nil || len(items) != 1 {
		t.Fatal(items, err)
	}
	if err := os.Remove(items[0].Path); err != nil {
		t.Fatal(err)
	}
	page, err := readPage(items[0].Path)
	if err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("reading the deleted page = %v, %v", page.URL, err)
	}
	if _, ok := l.Lookup(items[0].URL); ok {
		t.Error("Lookup found the deleted page")
	}
	if n, err := l.Count(ctx); err != nil || n != len(fixtures)-1 {
		t.Errorf("Count = %d, %v", n, err)
	}
}

// One tread saves while another reads and searches: neither sees an error.
func TestTwoProcesses(t *testing.T) {
	l, dir := fixtureLibrary(t)
	ctx := context.Background()
	cmd, lines, stderr := startChild(t, "saver", dir)
	q, err := ParseQuery("kettle")
	if err != nil {
		t.Fatal(err)
	}
	reads := 0
	for running := true; running; {
		select {
		case _, ok := <-lines:
			running = ok
		default:
		}
		if _, _, err := l.Page(ctx, Cursor{}, 50, false); err != nil {
			t.Fatalf("Page while the other saves: %v", err)
		}
		if _, err := l.Search(ctx, q, 10); err != nil {
			t.Fatalf("Search while the other saves: %v", err)
		}
		if err := l.MarkRead(ctx, fixtureURL("ferry"), reads%2 == 0); err != nil {
			t.Fatalf("MarkRead while the other saves: %v", err)
		}
		reads++
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("saver: %v\n%s", err, stderr)
	}
	if n, err := l.Count(ctx); err != nil || n != len(fixtures)+40 {
		t.Errorf("Count = %d, %v", n, err)
	}
	if got := search(t, l, "lighthouse"); len(got) != 20 {
		t.Errorf("found %d of the other's pages", len(got))
	}
	t.Logf("%d rounds of reads while the other saved", reads)
}

// A library folder tread cannot write: reading, listing and searching
// work; saving and marking fail saying why. As root every folder is
// writable, so the system's answer is stood in for there.
func TestReadOnlyFolder(t *testing.T) {
	for _, mode := range []string{"chmod", "as the system answers"} {
		t.Run(mode, func(t *testing.T) {
			dir := t.TempDir()
			l := openIndexed(t, dir, nil)
			saveFixtures(t, l)
			if err := l.Close(); err != nil {
				t.Fatal(err)
			}
			if mode == "chmod" {
				if os.Geteuid() == 0 {
					t.Skip("root can write any folder")
				}
				if err := os.Chmod(dir, 0o500); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { os.Chmod(dir, 0o700) })
			} else {
				accessW = func(string) error { return syscall.EACCES }
				t.Cleanup(func() { accessW = systemAccessW })
			}
			l = openIndexed(t, dir, nil)
			ctx := context.Background()
			items, _, err := l.Page(ctx, Cursor{}, 10, false)
			if err != nil || len(items) != len(fixtures) {
				t.Fatalf("Page = %d items, %v", len(items), err)
			}
			if got := search(t, l, "propeller"); len(got) != 1 {
				t.Errorf("search = %v", got)
			}
			e, ok := l.Lookup(fixtureURL("ferry"))
			if !ok {
				t.Fatal("Lookup failed")
			}
			if _, err := l.Read(e); err != nil {
				t.Errorf("Read = %v", err)
			}
			if err := l.Reconcile(ctx, nil); err != nil {
				t.Errorf("Reconcile = %v", err)
			}
			for name, err := range map[string]error{
				"Save": func() error {
					_, err := l.Save(testPage("https://news.example/new", time.Now(), "<p>x</p>"))
					return err
				}(),
				"MarkRead": l.MarkRead(ctx, fixtureURL("ferry"), true),
				"Delete":   l.Delete(ctx, fixtureURL("ferry")),
			} {
				if !errors.Is(err, ErrReadOnly) && !errors.Is(err, os.ErrPermission) || strings.Contains(fmt.Sprint(err), "\n") {
					t.Errorf("%s = %v, want a one-line permission error", name, err)
				}
			}
			if _, err := os.Stat(e.Path); err != nil {
				t.Errorf("the page is gone: %v", err)
			}
		})
	}
}

// sansHeader is an SQLite file without its 100-byte header.
func sansHeader(data []byte) []byte {
	if len(data) >= 100 && bytes.HasPrefix(data, []byte("SQLite format 3\x00")) {
		return data[100:]
	}
	return data
}
