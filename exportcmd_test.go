package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExport(t *testing.T) {
	isolate(t)
	site := newTestSite(t)
	lib := filepath.Join(t.TempDir(), "lib")
	out := filepath.Join(t.TempDir(), "notes")
	url := site.URL + ferryPath
	plain := filepath.Join("testdata", "e2e", "plain.txt")

	code, stdout, stderr := runArgs(t, "", "--export", out, "--library", lib, url, plain)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	paths := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(paths) != 2 || paths[0] != filepath.Join(out, "harbour-ferry-returns-after-winter-repairs.md") {
		t.Fatalf("paths printed: %q", paths)
	}
	data, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{
		"---\ntitle: \"" + ferryTitle + "\"\nsite: \"Coastline Herald\"\nbyline: \"Ines Calder\"\npublished: 2026-03-04T08:30:00Z\nurl: \"" + url + "\"\nsaved: 20",
		"\n---\n\n# " + ferryTitle + "\n\nThe harbour ferry resumed",
		"## Related\n\n- [" + festivalTitle + "](<" + site.URL + festivalPath + ">)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("export lacks %q:\n%s", want, text)
		}
	}

	// Again, offline from the library: the same files, nothing new.
	site.Close()
	code, again, stderr := runArgs(t, "", "--export", out, "--library", lib, "--offline", url, plain)
	if code != 0 || again != stdout {
		t.Errorf("re-export: exit %d, printed %q, want %q (%s)", code, again, stdout, stderr)
	}
	des, err := os.ReadDir(out)
	if err != nil || len(des) != 2 {
		t.Errorf("export folder holds %d files (%v), want 2", len(des), err)
	}
}

// TestExportRelatedWithBodies writes the related stories the sample
// edition carries in full, each as a file of its own.
func TestExportRelatedWithBodies(t *testing.T) {
	isolate(t)
	out := t.TempDir()
	code, stdout, stderr := runArgs(t, "", "--export", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	d := sampleEdition()
	want := 1
	for _, r := range d.Stories[0].Related {
		if len(r.Body) > 0 {
			want++ // a related story that is only a link is listed, not written
		}
	}
	if paths := strings.Split(strings.TrimSpace(stdout), "\n"); len(paths) != want {
		t.Errorf("%d files written, want %d: %q", len(paths), want, paths)
	}
}

func TestExportFailures(t *testing.T) {
	isolate(t)
	out := t.TempDir()
	code, stdout, stderr := runArgs(t, "", "--export", out, filepath.Join(out, "missing.txt"), filepath.Join("testdata", "e2e", "plain.txt"))
	if code != 1 || strings.Count(stdout, "\n") != 1 || !strings.Contains(stderr, "missing.txt") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	file := filepath.Join(out, "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runArgs(t, "", "--export", filepath.Join(file, "sub"), filepath.Join("testdata", "e2e", "plain.txt")); code != 1 || stderr == "" {
		t.Errorf("export into a file: exit %d, stderr %q", code, stderr)
	}
}

// TestExportUntitled: a story without a title is named and titled after its
// source, not "story.md" with an empty title.
func TestExportUntitled(t *testing.T) {
	isolate(t)
	para := "<p>The quay lamps were restored this week by volunteers who spent the winter cleaning the old glass and rewiring each post along the harbour wall.</p>"
	src := filepath.Join(t.TempDir(), "quay-notes.html")
	if err := os.WriteFile(src, []byte("<html><body><article>"+strings.Repeat(para, 4)+"</article></body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	code, stdout, stderr := runArgs(t, "", "--export", out, src)
	if want := filepath.Join(out, "quay-notes.md") + "\n"; code != 0 || stdout != want {
		t.Fatalf("exit %d, printed %q, want %q (%s)", code, stdout, want, stderr)
	}
	data, err := os.ReadFile(filepath.Join(out, "quay-notes.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "---\ntitle: \"quay-notes\"\n") {
		t.Errorf("export header:\n%s", data)
	}
}
