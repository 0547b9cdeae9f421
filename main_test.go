package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/corpus"
	"github.com/tread-reader/tread/sample"
	"github.com/tread-reader/tread/story"
)

func runArgs(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestParseArgs(t *testing.T) {
	tests := []struct {
		args    []string
		sources []string
		json    bool
		wantErr bool
	}{
		{[]string{"a.txt"}, []string{"a.txt"}, false, false},
		{[]string{"--json", "a.txt", "b.html"}, []string{"a.txt", "b.html"}, true, false},
		{[]string{"a.txt", "--json", "b.html"}, []string{"a.txt", "b.html"}, true, false},
		{[]string{"-", "--json"}, []string{"-"}, true, false},
		{[]string{"--", "--json"}, []string{"--json"}, false, false},
		{[]string{"--bogus"}, nil, false, true},
		{[]string{"--json", "--dump"}, nil, true, true},
	}
	for _, tt := range tests {
		o, err := parseArgs(tt.args, nil)
		if (err != nil) != tt.wantErr {
			t.Errorf("parseArgs(%q) error = %v, want error %v", tt.args, err, tt.wantErr)
			continue
		}
		if err == nil && (!reflect.DeepEqual(o.sources, tt.sources) || o.json != tt.json) {
			t.Errorf("parseArgs(%q) = sources %q json %v, want %q %v", tt.args, o.sources, o.json, tt.sources, tt.json)
		}
	}
}

func TestUsageAndVersion(t *testing.T) {
	if code, out, _ := runArgs(t, "", "--help"); code != 0 || !strings.Contains(out, "Usage:") {
		t.Errorf("--help: code %d, out %q", code, out)
	}
	if code, out, _ := runArgs(t, "", "--version"); code != 0 || !strings.HasPrefix(out, "tread ") {
		t.Errorf("--version: code %d, out %q", code, out)
	}
	if code, _, errOut := runArgs(t, "", "--nope"); code != 2 || !strings.Contains(errOut, "nope") {
		t.Errorf("bad flag: code %d, stderr %q", code, errOut)
	}
}

// TestJSONReference checks --json on the reference dump against its
// expected reading, field by field (markdown is ours to shape, so it is
// only checked for presence).
func TestJSONReference(t *testing.T) {
	dir := corpus.Require(t)
	src := filepath.Join(dir, "dumps", "daily8-starmer-ukraine.txt")
	want, err := os.ReadFile(filepath.Join(dir, "dumps", "daily8-starmer-ukraine.expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runArgs(t, "", "--json", src)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errOut)
	}
	var got, exp []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if err := json.Unmarshal(want, &exp); err != nil {
		t.Fatal(err)
	}
	exp[0]["source"] = src
	stripMarkdown(t, got)
	if !reflect.DeepEqual(got, exp) {
		g, _ := json.MarshalIndent(got, "", "  ")
		t.Errorf("--json differs from the expected reading.\ngot:\n%.3000s", g)
	}
}

// stripMarkdown removes the markdown fields after checking each story has one.
func stripMarkdown(t *testing.T, docs []map[string]any) {
	var walk func(stories []any)
	walk = func(stories []any) {
		for _, s := range stories {
			m := s.(map[string]any)
			if md, _ := m["markdown"].(string); md == "" && m["text"] != "" {
				t.Errorf("story %q has no markdown", m["title"])
			}
			delete(m, "markdown")
			if rel, ok := m["related"].([]any); ok {
				walk(rel)
			}
		}
	}
	for _, d := range docs {
		if st, ok := d["stories"].([]any); ok {
			walk(st)
		}
	}
}

func TestJSONErrorsAndOrder(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join("testdata", "e2e", "plain.txt")
	code, out, errOut := runArgs(t, "", "--json", empty, good, filepath.Join(dir, "nope.html"))
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	var docs []struct {
		Source  string           `json:"source"`
		Error   string           `json:"error"`
		Stories []map[string]any `json:"stories"`
	}
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(docs) != 3 || docs[0].Source != empty || docs[1].Source != good {
		t.Fatalf("sources out of order: %+v", docs)
	}
	for _, i := range []int{0, 2} {
		if docs[i].Error == "" || strings.Contains(docs[i].Error, "\n") || !strings.Contains(docs[i].Error, filepath.Base(docs[i].Source)) {
			t.Errorf("doc %d error %q: want one line naming the source", i, docs[i].Error)
		}
	}
	if len(docs[1].Stories) != 1 || docs[1].Stories[0]["byline"] != "Mira Okafor" {
		t.Errorf("plain article: %+v", docs[1].Stories)
	}
	if strings.Count(strings.TrimSpace(errOut), "\n") != 1 {
		t.Errorf("want one stderr line per failed source, got %q", errOut)
	}
}

func TestStdinSource(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "e2e", "plain.txt"))
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := runArgs(t, string(in), "--json", "-")
	if code != 0 || !strings.Contains(out, "Lantern festival") {
		t.Fatalf("stdin: exit %d, out %.300s", code, out)
	}
}

func TestSampleEdition(t *testing.T) {
	d := sampleEdition()
	if d.Err != nil {
		t.Fatal(d.Err)
	}
	if len(d.Stories) != 1 || len(d.Stories[0].Related) < 3 {
		t.Fatalf("sample edition: %d stories", len(d.Stories))
	}
	if s := d.Stories[0]; s.Site == "" || s.Age == "" || !strings.Contains(s.Text(), "press") && !strings.Contains(s.Text(), "Press") {
		t.Errorf("sample story: %+v", s)
	}
}

// TestSamplePagesNeedNoNetwork reads the sample's own pages by URL: served
// from the sample package before the library or the network, so nothing
// is fetched and no library folder is made, even online.
func TestSamplePagesNeedNoNetwork(t *testing.T) {
	isolate(t)
	lib := filepath.Join(t.TempDir(), "lib")
	code, out, errOut := runArgs(t, "", "--json", "--library", lib, sample.URL("/walking"), sample.URL("/missing"))
	if code != 1 || !strings.Contains(out, "Walking to related stories") || !strings.Contains(out, "no page at this address") {
		t.Errorf("exit %d, out %.300s, stderr %s", code, out, errOut)
	}
	if _, err := os.Stat(lib); !os.IsNotExist(err) {
		t.Errorf("reading a sample page made the library folder: %v", err)
	}
}

// TestSampleEditionTour keeps the sample a tour of what tread does: the
// welcome story and "Opening your own pages" both name web pages and the
// library, and the keys for walking, links, the browser and search are
// each explained somewhere.
func TestSampleEditionTour(t *testing.T) {
	d := sampleEdition()
	if d.Err != nil || len(d.Stories) != 1 {
		t.Fatalf("sample edition: %+v", d)
	}
	welcome := d.Stories[0]
	var own story.Story
	all := welcome.Text()
	for _, r := range welcome.Related {
		all += "\n" + r.Text()
		if r.Title == "Opening your own pages" {
			own = r
		}
	}
	for _, s := range []story.Story{welcome, own} {
		for _, want := range []string{"tread https://", "library", "--offline"} {
			if !strings.Contains(s.Text(), want) {
				t.Errorf("%q does not mention %q", s.Title, want)
			}
		}
	}
	for _, want := range []string{"enter on a related story", "backspace", "L ", "o open", "y cop", "/ to filter", "/ to search"} {
		if !strings.Contains(all, want) {
			t.Errorf("the sample edition never says %q", want)
		}
	}
}

func TestDumpPlain(t *testing.T) {
	code, out, _ := runArgs(t, "", "--dump", filepath.Join("testdata", "e2e", "plain.txt"))
	if code != 0 || !strings.Contains(out, "Lantern festival") || strings.Contains(out, "\x1b") {
		t.Fatalf("--dump to a pipe: exit %d, out %q", code, out)
	}
	code, out, _ = runArgs(t, "", "--dump", filepath.Join("testdata", "e2e", "escapes.txt"))
	if code != 0 || strings.ContainsAny(out, "\x1b\x07") {
		t.Fatalf("--dump let an escape through: %q", out)
	}
}

// TestREADMEConfigExample keeps the README's settings file the one the
// config package documents and tests.
func TestREADMEConfigExample(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), "```toml\n"+config.Example) {
		t.Error("README.md does not quote config/example.toml verbatim; paste it into the Configuration section")
	}
}

// TestFlagsDocumented keeps the usage text, the README's flag table and
// the flags parseArgs knows in step.
func TestFlagsDocumented(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	flagRE := regexp.MustCompile(`^\s*(?:-h, )?(--[a-z-]+)`)
	var inUsage []string
	_, flags, _ := strings.Cut(usage, "\nFlags:\n")
	for _, line := range strings.Split(flags, "\n") {
		if m := flagRE.FindStringSubmatch(line); m != nil {
			inUsage = append(inUsage, m[1])
		}
	}
	rowRE := regexp.MustCompile("(?m)^\\| `(?:-h`, `)?(--[a-z-]+)")
	var inREADME []string
	for _, m := range rowRE.FindAllStringSubmatch(string(readme), -1) {
		inREADME = append(inREADME, m[1])
	}
	if len(inUsage) < 10 || !reflect.DeepEqual(inUsage, inREADME) {
		t.Errorf("usage lists %q\nREADME lists %q", inUsage, inREADME)
	}
	for _, f := range inUsage {
		_, err := parseArgs([]string{f}, nil)
		if err != nil && strings.Contains(err.Error(), "unknown flag") {
			t.Errorf("documented flag %s is unknown", f)
		}
	}
}

// TestHelpFitsEightyColumns: --help reads in a standard terminal.
func TestHelpFitsEightyColumns(t *testing.T) {
	_, out, _ := runArgs(t, "", "--help")
	for _, line := range strings.Split(out, "\n") {
		if n := len([]rune(line)); n > 80 {
			t.Errorf("help line is %d columns: %q", n, line)
		}
	}
}
