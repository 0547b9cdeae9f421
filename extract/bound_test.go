package extract

import (
	"strings"
	"testing"

	"github.com/tread-reader/tread/story"
)

// hugePage is a page of n copies of unit inside an article.
func hugePage(unit string, n int) []byte {
	var b strings.Builder
	b.Grow(len(unit)*n + 200)
	b.WriteString("<!doctype html><html><head><title>Huge</title></head><body><article><h1>Huge</h1>")
	for range n {
		b.WriteString(unit)
	}
	b.WriteString("</article></body></html>")
	return []byte(b.String())
}

func bodyBytes(body []story.Block) int {
	n := 0
	for _, b := range body {
		n += len(b.Text) + b.Inline.Len()
	}
	return n
}

// TestHugePagesAreCut: pathological pages are read as far as the bounds
// reach, end with a line saying they were cut, and are partial; a page
// within the bounds is not cut.
func TestHugePagesAreCut(t *testing.T) {
	words := strings.Repeat("word ", 200_000) // 1MB of one paragraph
	tests := []struct {
		name string
		page []byte
		note string // the last block's text; "" when not cut
	}{
		{"a million paragraphs", hugePage("<p>x</p>", 1_000_000), "(page cut: too many blocks)"},
		{"a million inline tags", hugePage("<p>"+strings.Repeat("<b>y</b> ", 1000)+"</p>", 1000), "(page cut: too many elements)"},
		{"one paragraph of a megabyte", hugePage("<p>"+words+"</p>", 1), "(page cut: too long)"},
		{"many long paragraphs", hugePage("<p>"+strings.Repeat("words ", 1000)+"</p>", 1000), "(page cut: too long)"},
		{"within the bounds", hugePage("<p>"+strings.Repeat("Some words in a sentence. ", 10)+"</p>", 600), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Page(tt.page, "")
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Body) == 0 {
				t.Fatal("no body")
			}
			last := s.Body[len(s.Body)-1]
			if tt.note == "" {
				if strings.HasPrefix(last.Text, "(page cut") || s.Partial {
					t.Errorf("page within the bounds cut: partial %v, last block %q", s.Partial, last.Text)
				}
				return
			}
			if last.Text != tt.note || !strings.Contains(blockMD(last), tt.note) || !s.Partial {
				t.Errorf("last block %q (markdown %q), partial %v; want %q, partial", last.Text, blockMD(last), s.Partial, tt.note)
			}
			if len(s.Body) > maxBlocks+1 {
				t.Errorf("%d blocks, want at most %d", len(s.Body), maxBlocks+1)
			}
			if n := bodyBytes(s.Body); n > maxBodyBytes+len(tt.note)*2+4 {
				t.Errorf("body of %d bytes, want at most about %d", n, maxBodyBytes)
			}
		})
	}
}

func TestCutText(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"two words", 7, "two"},
		{"ééé", 3, "é"}, // never inside a character
		{strings.Repeat("x", 500), 300, strings.Repeat("x", 300)},
	}
	for _, tt := range tests {
		if got := cutText(tt.in, tt.n); got != tt.want {
			t.Errorf("cutText(%.20q, %d) = %.20q, want %.20q", tt.in, tt.n, got, tt.want)
		}
	}
}

// BenchmarkHugePage extracts a page of a million empty paragraphs (8MB):
// the bounds keep it near the cost of a long real article. Before them it
// took 2.2 s and 590MB in --json.
func BenchmarkHugePage(b *testing.B) {
	page := hugePage("<p>x</p>", 1_000_000)
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Page(page, ""); err != nil {
			b.Fatal(err)
		}
	}
}

// deepCards is a story followed by a tower of nested cards, each a short
// block around the next that opens with a link: every level looks like a
// card, and the one link sits at the bottom of the tower.
func deepCards(depth int) []byte {
	var b strings.Builder
	b.WriteString("<!doctype html><html><body><article><h1>Tower</h1>")
	b.WriteString(strings.Repeat("<p>The tower of cards below is no part of this story at all, whatever it holds.</p>", 4))
	for range depth {
		b.WriteString(`<div class="card"><div class="card"><div class="card">`)
	}
	b.WriteString(`<a href="/next">The next story in the series</a>`)
	for range depth {
		b.WriteString("</div></div></div>")
	}
	b.WriteString("</article></body></html>")
	return []byte(b.String())
}

// TestDeepCardsAreRead: the card finder reads a bounded number of elements
// per card, so a tower of them costs no more than its size.
func TestDeepCardsAreRead(t *testing.T) {
	s, err := Page(deepCards(3000), "https://tower.example/a")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s.Text(), "no part of this story") {
		t.Errorf("story lost under a tower of cards:\n%s", s.Text())
	}
}

func BenchmarkDeepCards(b *testing.B) {
	page := deepCards(3000)
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := Page(page, "https://tower.example/a"); err != nil {
			b.Fatal(err)
		}
	}
}
