package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// hasControl reports whether s holds a control character other than the
// newline that ends a line.
func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool {
		return r != '\n' && (r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0)
	})
}

// TestConfigErrorsAreClean: a settings file whose name or values hold
// escape sequences gets one clean line on standard error, still naming
// the file and the setting.
func TestConfigErrorsAreClean(t *testing.T) {
	isolate(t)
	tests := []struct {
		name, file, text, want string
	}{
		{"escape in the file name", "b\x1b[31mx.toml", "theme = 5\n", "theme: want a string"},
		{"bell in the file name", "b\x07.toml", "nope = 1\n", "nope: unknown setting"},
		{"escape in a style path", "a.toml", `theme = "\u001b]0;PWNED\u0007x.json"` + "\n", "theme: style file"},
		{"escape in a key", "c.toml", "[keys]\nup = [\"\\u001b[2J\"]\n", "keys.up"},
		{"escape in a setting's name", "d.toml", "\"\\u001b[31m\" = 1\n", "unknown setting"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), tt.file)
			if err := os.WriteFile(path, []byte(tt.text), 0o600); err != nil {
				t.Skipf("file name not allowed here: %v", err)
			}
			code, _, stderr := runArgs(t, "", "--config", path, "--json", "x.txt")
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if hasControl(stderr) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("standard error not one clean line: %q", stderr)
			}
			if !strings.HasPrefix(stderr, "tread: "+filepath.Dir(path)) || !strings.Contains(stderr, tt.want) {
				t.Errorf("standard error %q: want the file and %q", stderr, tt.want)
			}
		})
	}
}

// TestJSONSaveFailure: a page that loads but cannot be kept in the library
// is one object in --json, with its story, and one warning line on
// standard error that names neither a temp file nor anything raw; the
// run succeeds.
func TestJSONSaveFailure(t *testing.T) {
	isolate(t)
	site := newTestSite(t)
	lib := t.TempDir()
	url := site.URL + ferryPath
	if code, _, errOut := runJSON(t, "--library", lib, url); code != 0 {
		t.Fatalf("first run: exit %d, %s", code, errOut)
	}
	saved, err := filepath.Glob(filepath.Join(lib, "*.page"))
	if err != nil || len(saved) != 1 {
		t.Fatalf("saved copies %v, %v", saved, err)
	}
	// The copy's name becomes a folder with something in it: the next save
	// cannot rename its temp file into place, even for root.
	if err := os.Remove(saved[0]); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(saved[0], "x"), 0o700); err != nil {
		t.Fatal(err)
	}
	code, docs, errOut := runJSON(t, "--library", lib, url)
	if code != 0 || len(docs) != 1 || docs[0].Error != "" || len(docs[0].Stories) != 1 || docs[0].Stories[0].Title != ferryTitle {
		t.Fatalf("exit %d, %+v; want the one story", code, docs)
	}
	want := "tread: warning: could not keep an offline copy of " + url + " in " + lib + ": "
	if !strings.HasPrefix(errOut, want) || strings.Count(errOut, "\n") != 1 || strings.Count(errOut, lib) != 1 || hasControl(errOut) {
		t.Errorf("standard error %q, want one line %q and the reason", errOut, want)
	}
}

// TestJSONLoadsConcurrently: the batch modes load several sources at once
// and print them in the order given. Each page here waits until every one
// of them has been asked for, so sources loaded one after another would
// time out; no clock is read to judge the test.
func TestJSONLoadsConcurrently(t *testing.T) {
	isolate(t)
	const n = 4
	var arrived sync.WaitGroup
	arrived.Add(n)
	all := make(chan struct{})
	go func() { arrived.Wait(); close(all) }()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived.Done()
		select {
		case <-all:
		case <-time.After(20 * time.Second):
			http.Error(w, "alone", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		name := strings.TrimPrefix(r.URL.Path, "/")
		fmt.Fprintf(w, "Story %s\n\nThe %s story has a paragraph of its own words to read.\n", name, name)
	}))
	t.Cleanup(srv.Close)
	var urls []string
	for i := range n {
		urls = append(urls, fmt.Sprintf("%s/s%d", srv.URL, i))
	}
	code, docs, errOut := runJSON(t, append([]string{"--library", t.TempDir()}, urls...)...)
	if code != 0 || len(docs) != n {
		t.Fatalf("exit %d, %d documents, stderr %s", code, len(docs), errOut)
	}
	for i, d := range docs {
		if d.Source != urls[i] || len(d.Stories) != 1 || d.Stories[0].Title != fmt.Sprintf("Story s%d", i) {
			t.Errorf("document %d: %+v, want %s first to last", i, d, urls[i])
		}
	}
}
