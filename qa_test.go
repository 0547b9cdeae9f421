package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
