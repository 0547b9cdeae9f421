package export

import (
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tread-reader/tread/story"
)

// FuzzMarkdown feeds arbitrary titles, bylines and URLs to the front matter
// and the file name: the header must stay one quoted key per line that
// reads back, no escape byte may reach the file, and the name must be safe.
func FuzzMarkdown(f *testing.F) {
	for _, seed := range [][3]string{
		{"Harbour ferry returns", "Ines Calder", "https://coast.example/a"},
		{"Line\n---\nurl: x", `"quoted" \ back`, "javascript:alert(1)"},
		{"\x1b]0;title\x07\x1b[2J", "\u2028\u0085\ufeff", "https://e.org/<a b>"},
		{"CON", "nul", "http://[::1]:80/x"},
		{"\xff\xfe broken utf-8", "🚢", "https://e.org/%zz"},
	} {
		f.Add(seed[0], seed[1], seed[2])
	}
	f.Fuzz(func(t *testing.T, title, byline, url string) {
		s := story.Story{Title: title, Byline: byline, Site: byline, URL: url,
			Related: []story.Story{{Title: title, URL: url}}}
		data := string(Markdown(s, time.Unix(0, 0)))
		if strings.ContainsAny(data, "\x1b\x07\x00") {
			t.Fatalf("control byte in the file:\n%q", data)
		}
		rest, ok := strings.CutPrefix(data, "---\n")
		head, _, ok2 := strings.Cut(rest, "\n---\n")
		if !ok || !ok2 {
			t.Fatalf("front matter not closed:\n%q", data)
		}
		for _, line := range strings.Split(head, "\n") {
			k, v, ok := strings.Cut(line, ": ")
			if !ok || strings.ContainsAny(k, " \"") {
				t.Fatalf("bad header line %q", line)
			}
			if strings.HasPrefix(v, `"`) {
				if _, err := strconv.Unquote(v); err != nil {
					t.Fatalf("header %s does not read back: %v in %q", k, err, v)
				}
			}
		}
		name := Name(title)
		if name == "" || len(name) > maxName || strings.ContainsAny(name, "/\\.\x00") || !utf8.ValidString(name) {
			t.Fatalf("unsafe name %q for %q", name, title)
		}
	})
}
