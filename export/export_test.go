package export

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tread-reader/tread/story"
)

var ferry = story.Story{
	Title:     "Harbour ferry returns after winter repairs",
	Site:      "Coastline Herald",
	Byline:    "Ines Calder",
	Published: time.Date(2026, 3, 4, 8, 30, 0, 0, time.UTC),
	URL:       "https://coast.example/news/ferry",
	Body: []story.Block{
		{Kind: story.Paragraph, Text: "The ferry is back."},
		{Kind: story.Heading, Level: 2, Text: "Timetable"},
		{Kind: story.Paragraph, Text: "Summer sailings from April."},
	},
	Related: []story.Story{
		{Title: "Island festival adds [three] concerts", URL: "https://coast.example/news/festival", Site: "Coastline Herald"},
		{Title: "No link here"},
		{Title: "Not the web", URL: "javascript:alert(1)"},
	},
}

// frontMatter splits a file into its header fields (values unquoted) and
// body, failing on anything a YAML reader would not take as one key per
// line.
func frontMatter(t *testing.T, data string) (map[string]string, string) {
	t.Helper()
	rest, ok := strings.CutPrefix(data, "---\n")
	if !ok {
		t.Fatalf("no front matter:\n%s", data)
	}
	head, body, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		t.Fatalf("front matter not closed:\n%s", data)
	}
	fields := map[string]string{}
	for _, line := range strings.Split(head, "\n") {
		k, v, ok := strings.Cut(line, ": ")
		if !ok || k == "" || strings.ContainsAny(k, " \"") {
			t.Fatalf("bad header line %q", line)
		}
		if strings.HasPrefix(v, `"`) {
			u, err := strconv.Unquote(v)
			if err != nil {
				t.Fatalf("header %s: %v in %q", k, err, v)
			}
			v = u
		}
		fields[k] = v
	}
	return fields, body
}

func TestMarkdown(t *testing.T) {
	saved := time.Date(2026, 3, 5, 9, 0, 0, 0, time.FixedZone("CET", 3600))
	fields, body := frontMatter(t, string(Markdown(ferry, saved)))
	want := map[string]string{
		"title": ferry.Title, "site": "Coastline Herald", "byline": "Ines Calder",
		"published": "2026-03-04T08:30:00Z", "url": ferry.URL, "saved": "2026-03-05T08:00:00Z",
	}
	for k, v := range want {
		if fields[k] != v {
			t.Errorf("%s = %q, want %q", k, fields[k], v)
		}
	}
	for _, s := range []string{
		"# Harbour ferry returns after winter repairs\n\nThe ferry is back.\n\n## Timetable\n\nSummer sailings from April.",
		"## Related\n\n- [Island festival adds \\[three\\] concerts](<https://coast.example/news/festival>) — Coastline Herald\n",
	} {
		if !strings.Contains(body, s) {
			t.Errorf("body lacks %q:\n%s", s, body)
		}
	}
	if strings.Contains(body, "No link here") || strings.Contains(body, "javascript") {
		t.Errorf("related items without a web URL listed:\n%s", body)
	}
}

func TestMarkdownUnknownFieldsLeftOut(t *testing.T) {
	fields, _ := frontMatter(t, string(Markdown(story.Story{Body: []story.Block{{Text: "Words."}}}, time.Time{})))
	if len(fields) != 1 || fields["title"] != "" {
		t.Errorf("fields %q, want only an empty title", fields)
	}
}

// TestMarkdownHostileFields feeds titles that would break a naive header:
// quotes, a closing "---", newlines, escapes, YAML syntax.
func TestMarkdownHostileFields(t *testing.T) {
	for _, title := range []string{
		`He said "no" \ then left`,
		"Line one\n---\nurl: https://evil.example/",
		"\x1b]0;PWNED\x07Title with an escape\x1b[31m",
		"- [a]: &anchor *alias {flow} #comment",
		"2026-03-04",
		"tab\there and a line\u2028separator\ufeff",
		"🚢 ferry",
	} {
		s := story.Story{Title: title, Byline: title, Site: title, URL: "https://e.org/a b\"<x>"}
		data := string(Markdown(s, time.Time{}))
		if strings.ContainsAny(data, "\x1b\x07") {
			t.Errorf("%q: escape reached the file", title)
		}
		fields, _ := frontMatter(t, data)
		if strings.Contains(fields["title"], "\n") || strings.Contains(fields["title"], "PWNED") {
			t.Errorf("%q: title field %q", title, fields["title"])
		}
		if fields["url"] != "https://e.org/a%20b%22%3Cx%3E" {
			t.Errorf("%q: url field %q", title, fields["url"])
		}
		if len(fields) != 4 {
			t.Errorf("%q: header has %d fields: %q", title, len(fields), fields)
		}
	}
}

func TestName(t *testing.T) {
	tests := map[string]string{
		"Harbour ferry returns after winter repairs": "harbour-ferry-returns-after-winter-repairs",
		"  ../../etc/passwd  ":                       "etc-passwd",
		"Café: “quotes” & slashes/back\\slashes":     "café-quotes-slashes-back-slashes",
		"":                                "story",
		"!!!":                             "story",
		"Mason Rudolph's role":            "mason-rudolphs-role",
		"Mason Rudolph’s role, ‘crucial’": "mason-rudolphs-role-crucial",
		"'Rock 'n' roll' returns":         "rock-n-roll-returns",
		"CON":                             "con-story",
		"Nul":                             "nul-story",
		"Ukraine: Україна відновлює": "ukraine-україна-відновлює",
		strings.Repeat("word ", 40):  strings.TrimSuffix(strings.Repeat("word-", 16), "-"),
		"a\x1b[31mb":                 "ab",
		// Cut at 80 characters, not 80 bytes (which gave 43 here).
		strings.Repeat("Россия ", 20): strings.Repeat("россия-", 10) + "россия",
		strings.Repeat("a", 100):      strings.Repeat("a", 80),
		// Vowel signs stay with their letters.
		"भारत में चुनाव": "भारत-में-चुनाव",
		// 80 four-byte characters would pass 255 bytes with ".md".
		strings.Repeat("𝔸", 100): strings.Repeat("𝔸", maxNameBytes/4),
	}
	for title, want := range tests {
		got := Name(title)
		if got != want {
			t.Errorf("Name(%q) = %q, want %q", title, got, want)
		}
		if n := utf8.RuneCountInString(got); n > 80 || len(got)+len("-1000.md") > 255 || !utf8.ValidString(got) || strings.ContainsAny(got, `/\.`) {
			t.Errorf("Name(%q) = %q (%d characters, %d bytes) is not a safe name", title, got, n, len(got))
		}
	}
}

// TestMarkdownPartial marks a best-effort story in the header, and only it.
func TestMarkdownPartial(t *testing.T) {
	s := ferry
	s.Partial = true
	if fields, _ := frontMatter(t, string(Markdown(s, time.Time{}))); fields["partial"] != "true" {
		t.Errorf("partial story: header %q", fields)
	}
	if fields, _ := frontMatter(t, string(Markdown(ferry, time.Time{}))); fields["partial"] != "" {
		t.Errorf("whole story marked partial: %q", fields)
	}
}

func TestWriterUniqueNames(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "notes")
	w, err := NewWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	other := ferry
	other.Body = []story.Block{{Text: "A different story under the same headline."}}
	p1, err := w.Write(ferry, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	p2, err := w.Write(other, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	// The same story twice in one run still gets two files.
	p3, err := w.Write(ferry, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(dir, "harbour-ferry-returns-after-winter-repairs")
	if p1 != base+".md" || p2 != base+"-2.md" || p3 != base+"-3.md" {
		t.Errorf("paths %s %s %s", p1, p2, p3)
	}
	for p, s := range map[string]story.Story{p1: ferry, p2: other, p3: ferry} {
		data, err := os.ReadFile(p)
		if err != nil || string(data) != string(Markdown(s, time.Time{})) {
			t.Errorf("%s: %v, content differs", p, err)
		}
	}

	// A second export of the same stories finds them in place and writes
	// nothing new; a changed story gets a new name and the old file stays.
	w2, err := NewWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	if q1, err := w2.Write(ferry, time.Time{}); err != nil || q1 != p1 {
		t.Errorf("re-export: %s %v, want %s", q1, err, p1)
	}
	changed := ferry
	changed.Byline = "Someone Else"
	q2, err := w2.Write(changed, time.Time{})
	if err != nil || q2 != base+"-4.md" {
		t.Errorf("changed story went to %s (%v)", q2, err)
	}
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(des) != 4 {
		var names []string
		for _, d := range des {
			names = append(names, d.Name())
		}
		t.Errorf("folder holds %q, want 4 files and no temp files", names)
	}
}

func TestWriterErrors(t *testing.T) {
	if _, err := NewWriter(""); err == nil {
		t.Error("NewWriter(\"\") gave no error")
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := NewWriter(filepath.Join(file, "sub")); err == nil {
		t.Error("NewWriter under a file gave no error")
	}
	dir := filepath.Join(t.TempDir(), "gone")
	w, err := NewWriter(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(ferry, time.Time{}); err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("write into a file: %v", err)
	}
}
