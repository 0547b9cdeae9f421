package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tread-reader/tread/extract"
	"github.com/tread-reader/tread/internal/mdlinks"
	"github.com/tread-reader/tread/render"
)

// injectionPage hides markdown links, images and escape sequences in its
// text (see testdata/injection): ESC[click hereESC](javascript:…),
// ESC[bank loginESC](https://evil.example/phish), !ESC[imgESC](…), the
// same with ESC \ terminators and as &#27; entities, and a planted
// destination inside a real link's text. Its only real link and picture
// are on good.example.
var injectionPage = filepath.Join("testdata", "injection", "links.html")

// wantGood is every link and image the page's elements give it, as
// --json's markdown writes them (the picture as a line with its address);
// wantExport the same in an --export file, where the picture is an image.
var (
	wantGood = []mdlinks.Found{
		{Kind: mdlinks.Link, Dest: "https://good.example/appeal"},
		{Kind: mdlinks.AutoLink, Dest: "https://good.example/lamps.jpg"},
	}
	wantExport = []mdlinks.Found{
		{Kind: mdlinks.Link, Dest: "https://good.example/appeal"},
		{Kind: mdlinks.Image, Dest: "https://good.example/lamps.jpg"},
	}
)

// checkPlanted fails when md links anywhere the page's elements did not
// (want), or text that escape sequences were meant to hide shows.
func checkPlanted(t *testing.T, where, md string, want []mdlinks.Found) {
	t.Helper()
	if got := mdlinks.Find(md); !slices.Equal(got, want) {
		t.Errorf("%s: links %v, want %v in:\n%s", where, got, want, md)
	}
	checkHidden(t, where, md)
}

// checkHidden fails when s holds an escape, a bidi override or a word
// that only a whole escape sequence carried.
func checkHidden(t *testing.T, where, s string) {
	t.Helper()
	for _, bad := range []string{"\x1b", "PWNED", "evil.example/phish", "evil.example/osc8", "\u202e", "\u200b"} {
		if strings.Contains(s, bad) {
			t.Errorf("%s: %q in:\n%s", where, bad, s)
		}
	}
}

func TestInjectedLinksStayText(t *testing.T) {
	isolate(t)
	code, stdout, stderr := runArgs(t, "", "--json", injectionPage)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var docs []struct {
		Stories []struct{ Title, Text, Markdown string }
	}
	if err := json.Unmarshal([]byte(stdout), &docs); err != nil || len(docs) != 1 || len(docs[0].Stories) != 1 {
		t.Fatalf("json %v: %s", err, stdout)
	}
	st := docs[0].Stories[0]
	checkPlanted(t, "--json markdown", st.Markdown, wantGood)
	checkHidden(t, "--json text", st.Text)
	if st.Title != "Harbour lamps lit again" {
		t.Errorf("title %q", st.Title)
	}

	out := t.TempDir()
	code, stdout, stderr = runArgs(t, "", "--export", out, injectionPage)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(strings.TrimSpace(stdout))
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(string(data), "\n---\n")
	checkPlanted(t, "--export", body, wantExport)
}

// The reader's links list (L, o, y) holds the page's own links only.
func TestInjectedLinksNotInTheReader(t *testing.T) {
	data, err := os.ReadFile(injectionPage)
	if err != nil {
		t.Fatal(err)
	}
	s, err := extract.Page(data, "")
	if err != nil {
		t.Fatal(err)
	}
	md, links := render.ReaderMarkdown(s)
	var got []string
	for _, l := range links {
		got = append(got, l.URL)
	}
	if want := []string{"https://good.example/appeal", "https://good.example/lamps.jpg"}; !slices.Equal(got, want) {
		t.Errorf("reader links %q, want %q", got, want)
	}
	if found := mdlinks.Find(md); len(found) != 0 {
		t.Errorf("the reader's markdown links %v; it should number links, not write them", found)
	}
	checkHidden(t, "reader", md)
}
