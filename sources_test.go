package main

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/fetch"
	"github.com/tread-reader/tread/library"
)

// isolate points tread's settings and library folders into the test's
// temp folder, away from the user's, and returns the default library.
func isolate(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	return filepath.Join(dir, "data", "tread", "library")
}

type jsonOut []struct {
	Source  string `json:"source"`
	Error   string `json:"error"`
	Stories []struct {
		Title   string `json:"title"`
		URL     string `json:"url"`
		Text    string `json:"text"`
		Related []struct {
			Title string `json:"title"`
			URL   string `json:"url"`
		} `json:"related"`
	} `json:"stories"`
}

// runJSON runs tread --json with args and decodes what it printed.
func runJSON(t *testing.T, args ...string) (int, jsonOut, string) {
	t.Helper()
	code, out, errOut := runArgs(t, "", append([]string{"--json"}, args...)...)
	var docs jsonOut
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatalf("not JSON: %v\n%s\nstderr: %s", err, out, errOut)
	}
	return code, docs, errOut
}

func TestParseArgsURLFlags(t *testing.T) {
	o, err := parseArgs([]string{"https://e.org/a", "--offline", "--library", "/tmp/lib", "--export", "out", "b.txt"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !o.offline || o.library != "/tmp/lib" || o.export != "out" || len(o.sources) != 2 {
		t.Errorf("parsed %+v", o)
	}
	for _, args := range [][]string{{"--export", "d", "--json"}, {"--dump", "--export", "d"}, {"--library"}} {
		if _, err := parseArgs(args, nil); err == nil {
			t.Errorf("parseArgs(%q) gave no error", args)
		}
	}
	if code, out, _ := runArgs(t, "", "--help"); code != 0 || !strings.Contains(out, "--offline") || !strings.Contains(out, "--export DIR") || !strings.Contains(out, "--library DIR") {
		t.Errorf("usage does not name the new flags:\n%s", out)
	}
}

func TestURLOnlineThenOffline(t *testing.T) {
	isolate(t)
	site := newTestSite(t)
	lib := filepath.Join(t.TempDir(), "lib")
	url := site.URL + ferryPath

	code, docs, errOut := runJSON(t, "--library", lib, url)
	if code != 0 || len(docs) != 1 || len(docs[0].Stories) != 1 || docs[0].Stories[0].Title != ferryTitle {
		t.Fatalf("online: exit %d, %+v, stderr %s", code, docs, errOut)
	}
	if docs[0].Stories[0].URL != url || docs[0].Source != url {
		t.Errorf("url %q source %q, want %q", docs[0].Stories[0].URL, docs[0].Source, url)
	}
	site.Close()
	code, off, errOut := runJSON(t, "--library", lib, "--offline", url)
	if code != 0 || len(off) != 1 || len(off[0].Stories) != 1 || off[0].Stories[0].Text != docs[0].Stories[0].Text {
		t.Fatalf("offline: exit %d, %+v, stderr %s", code, off, errOut)
	}
	// Online with the server gone, the saved copy still opens at once.
	if code, _, errOut := runJSON(t, "--library", lib, url); code != 0 {
		t.Errorf("online with a saved copy: exit %d, %s", code, errOut)
	}
}

func TestOfflineWithoutCopy(t *testing.T) {
	isolate(t)
	site := newTestSite(t)
	lib := filepath.Join(t.TempDir(), "lib")
	file := filepath.Join("testdata", "e2e", "plain.txt")
	url := site.URL + festivalPath
	code, docs, errOut := runJSON(t, "--library", lib, "--offline", url, file)
	if code != 1 || len(docs) != 2 {
		t.Fatalf("exit %d, %+v", code, docs)
	}
	want := "no saved copy of " + url + " (offline)"
	if docs[0].Error != want || strings.TrimSpace(errOut) != "tread: "+want {
		t.Errorf("error %q, stderr %q; want %q", docs[0].Error, errOut, want)
	}
	if len(docs[1].Stories) != 1 {
		t.Errorf("the file beside the URL did not load: %+v", docs[1])
	}
	if site.requests() != 0 {
		t.Errorf("--offline made %d requests", site.requests())
	}
}

func TestFetchErrorNamesURL(t *testing.T) {
	isolate(t)
	site := newTestSite(t)
	url := site.URL + "/missing"
	code, docs, errOut := runJSON(t, "--library", t.TempDir(), url)
	if code != 1 || docs[0].Error != "fetch "+url+": 404 Not Found" || strings.Count(errOut, "\n") != 1 {
		t.Errorf("exit %d, error %q, stderr %q", code, docs[0].Error, errOut)
	}
}

// TestRelatedChainCommandLine follows related links three pages deep with
// --json, then does it again offline from the library.
func TestRelatedChainCommandLine(t *testing.T) {
	isolate(t)
	site := newTestSite(t)
	lib := filepath.Join(t.TempDir(), "lib")
	walk := func(extra ...string) []string {
		var titles []string
		url := site.URL + ferryPath
		for url != "" && len(titles) < 3 {
			code, docs, errOut := runJSON(t, append(extra, "--library", lib, url)...)
			if code != 0 || len(docs) != 1 || len(docs[0].Stories) != 1 {
				t.Fatalf("%s: exit %d %+v %s", url, code, docs, errOut)
			}
			st := docs[0].Stories[0]
			titles = append(titles, st.Title)
			url = ""
			if len(st.Related) > 0 {
				url = st.Related[0].URL
			}
		}
		return titles
	}
	want := strings.Join([]string{ferryTitle, festivalTitle, lampsTitle}, " → ")
	if got := strings.Join(walk(), " → "); got != want {
		t.Fatalf("online: %s\nwant %s", got, want)
	}
	site.Close()
	if got := strings.Join(walk("--offline"), " → "); got != want {
		t.Errorf("offline: %s\nwant %s", got, want)
	}
}

// saveTestPage puts a page in the library in dir as if fetched at when.
func saveTestPage(t *testing.T, dir, url, title string, when time.Time) {
	t.Helper()
	lib, err := library.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	body := "<!doctype html><html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1>" +
		strings.Repeat("<p>A paragraph long enough to be taken for the body of an article, with a second clause to be sure of it.</p>", 3) +
		"</article></body></html>"
	_, err = lib.Save(fetch.Page{URL: url, Requested: url, Status: 200, ContentType: "text/html", Body: []byte(body), Fetched: when})
	if err != nil {
		t.Fatal(err)
	}
}

func TestNoSourceOpensLibrary(t *testing.T) {
	defLib := isolate(t)
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

	// No library folder: the sample edition, and no folder made.
	code, docs, _ := runJSON(t)
	if code != 0 || len(docs) != 1 || !strings.Contains(docs[0].Source, "sample") {
		t.Fatalf("no library: exit %d %+v", code, docs)
	}
	if _, err := os.Stat(defLib); !os.IsNotExist(err) {
		t.Errorf("tread made the library folder %s just by starting (%v)", defLib, err)
	}

	saveTestPage(t, defLib, "https://a.example/older-story", "Older story", t0)
	saveTestPage(t, defLib, "https://b.example/newer-story", "Newer story", t0.Add(time.Hour))
	code, docs, errOut := runJSON(t)
	if code != 0 || len(docs) != 2 {
		t.Fatalf("library: exit %d %+v %s", code, docs, errOut)
	}
	if docs[0].Source != "https://b.example/newer-story" || docs[1].Source != "https://a.example/older-story" ||
		docs[0].Stories[0].Title != "Newer story" {
		t.Errorf("library not newest first: %+v", docs)
	}

	// --library wins over the settings' folder; an empty one gives the sample.
	other := t.TempDir()
	if code, docs, _ := runJSON(t, "--library", other); code != 0 || len(docs) != 1 || !strings.Contains(docs[0].Source, "sample") {
		t.Errorf("empty --library: exit %d %+v", code, docs)
	}

	// A damaged entry is skipped with a warning; the rest still open, and
	// the run still succeeds: the entry would fail every run until removed.
	if err := os.WriteFile(filepath.Join(defLib, "junk-0123456789abcdef.page"), []byte("tread-page 1\n{broken"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, docs, errOut = runJSON(t)
	if code != 0 || len(docs) != 2 || !strings.Contains(errOut, "tread: warning: library: skip ") || !strings.Contains(errOut, "junk-0123456789abcdef.page") {
		t.Errorf("damaged entry: exit %d, %d docs, stderr %q", code, len(docs), errOut)
	}
}

func TestUserAgentAndLimitsFromSettings(t *testing.T) {
	isolate(t)
	cfg := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(cfg, []byte("[network]\nmax_size = \"1KB\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	site := newTestSite(t)
	code, docs, _ := runJSON(t, "--config", cfg, "--library", t.TempDir(), site.URL+ferryPath)
	if code != 1 || !strings.Contains(docs[0].Error, "limit") {
		t.Errorf("1KB cap from the settings not applied: exit %d %+v", code, docs)
	}
	if ua := site.userAgent(); ua != "tread/"+version {
		t.Errorf("User-Agent %q, want tread/%s", ua, version)
	}
	if err := os.WriteFile(cfg, []byte("[network]\nuser_agent = \"Mozilla/5.0 (tread test)\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	runJSON(t, "--config", cfg, "--library", t.TempDir(), site.URL+ferryPath)
	if ua := site.userAgent(); ua != "Mozilla/5.0 (tread test)" {
		t.Errorf("User-Agent %q, want the settings' one", ua)
	}
}

// An offline run writes nothing it does not need: no library folder, no
// index, no settings, whatever it is asked to read.
func TestOfflineWritesNothing(t *testing.T) {
	lib := isolate(t)
	root := filepath.Dir(filepath.Dir(filepath.Dir(lib))) // the isolated home of config and data
	for _, args := range [][]string{
		{"--offline", "--json"},
		{"--offline", "--json", "https://harbour.example/never-saved"},
		{"--offline", "--json", filepath.Join("testdata", "e2e", "plain.txt")},
		{"--offline", "--search", "ferry"},
	} {
		runArgs(t, "", args...)
		var made []string
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && path != root {
				made = append(made, path)
			}
			return err
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		if len(made) > 0 {
			t.Errorf("tread %v wrote %v", args, made)
		}
	}
}
