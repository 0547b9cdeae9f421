package picture

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi/kitty"
)

// TestInlineGolden pins the exact bytes of an inline picture: the
// transmission (a=t, PNG, quiet) and the virtual placement (a=p, U=1,
// columns and rows) of the 4×3 picture under id 7<<24|1, on its own and
// wrapped for tmux; and the delete that frees it.
func TestInlineGolden(t *testing.T) {
	id := InlineID(7, 1)
	if id != 7<<24|1 {
		t.Fatalf("InlineID(7, 1) = %#x", id)
	}
	for _, pass := range []bool{false, true} {
		seq, err := transmitSeq(small(), id, pass)
		if err != nil {
			t.Fatal(err)
		}
		seq += placeSeq(id, 2, 1, pass)
		name := "kitty-inline.golden"
		if pass {
			name = "kitty-inline-tmux.golden"
		}
		golden(t, name, seq)
	}
	if got, want := DeleteSeq(id, false), "\x1b_Ga=d,d=I,i=117440513,q=2\x1b\\"; got != want {
		t.Errorf("DeleteSeq = %q, want %q", got, want)
	}
}

// TestPlaceholderRow pins one row of placeholder cells exactly: the id's
// low byte as a 256-colour foreground, then per cell U+10EEEE with the
// row's, the column's and the id's high byte's diacritics.
func TestPlaceholderRow(t *testing.T) {
	got := PlaceholderRow(InlineID(2, 42), 1, 3)
	want := "\x1b[38;5;42m" +
		"\U0010EEEE\u030D\u0305\u030E" +
		"\U0010EEEE\u030D\u030D\u030E" +
		"\U0010EEEE\u030D\u030E\u030E" +
		"\x1b[39m"
	if got != want {
		t.Errorf("PlaceholderRow = %q\n want %q", got, want)
	}
	if n := strings.Count(PlaceholderRow(InlineID(2, 42), 0, 1000), string(kitty.Placeholder)); n != MaxSpan {
		t.Errorf("a row 1000 wide has %d cells, want MaxSpan %d", n, MaxSpan)
	}
	if MaxSpan != 297 || !utf8.ValidString(got) {
		t.Errorf("MaxSpan = %d, want the 297 diacritics of kitty's table", MaxSpan)
	}
}

// TestRenderInline: the sequence sends the picture under the id asked
// for and places it over the cells it fits; the cache keeps renders
// apart by id, as the id is in their bytes.
func TestRenderInline(t *testing.T) {
	data := encodePNG(t, gradient(200, 100))
	r := NewRenderer(Display{Protocol: Kitty, Placeholders: true, Cell: CellSize{10, 20}}, Limits{}, 0)
	p, err := r.RenderInline(context.Background(), data, Box{Cols: 10, Rows: 8}, InlineID(3, 5))
	if err != nil {
		t.Fatal(err)
	}
	if p.Cols != 10 || p.Rows != 3 || p.ID != InlineID(3, 5) {
		t.Errorf("fit %d×%d id %#x, want 10×3 (100×50 px in 10×20 cells) id %#x", p.Cols, p.Rows, p.ID, InlineID(3, 5))
	}
	if !strings.HasPrefix(p.Seq, "\x1b_Gf=100,q=2,i=50331653") || !strings.HasSuffix(p.Seq, "\x1b_Gq=2,i=50331653,U=1,c=10,r=3,a=p\x1b\\") {
		t.Errorf("sequence %q…%q", p.Seq[:40], p.Seq[len(p.Seq)-40:])
	}
	q, err := r.RenderInline(context.Background(), data, Box{Cols: 10, Rows: 8}, InlineID(3, 6))
	if err != nil || !strings.Contains(q.Seq, "i=50331654") || r.Cache().Len() != 2 {
		t.Errorf("another id: %v, %d cached", err, r.Cache().Len())
	}
	if _, err := NewRenderer(Display{Protocol: Kitty}, Limits{}, 0).RenderInline(context.Background(), data, Box{Cols: 10, Rows: 8}, 1); err == nil {
		t.Error("RenderInline without placeholders did not fail")
	}
}

// TestSlots: a picture keeps its id while it is asked for; a full set
// gives up the least recently used.
func TestSlots(t *testing.T) {
	s := NewSlots(9, 2)
	a, ev := s.ID("a")
	b, _ := s.ID("b")
	if a == b || ev != 0 {
		t.Fatalf("a %#x b %#x evicted %#x", a, b, ev)
	}
	if again, _ := s.ID("a"); again != a {
		t.Errorf("a's id moved: %#x then %#x", a, again)
	}
	c, ev := s.ID("c") // b was used last before a
	if c != b || ev != b {
		t.Errorf("c got %#x evicting %#x, want b's %#x", c, ev, b)
	}
	if held := s.Held(); len(held) != 2 {
		t.Errorf("held %v", held)
	}
	if again, _ := s.ID("b"); again != a {
		t.Errorf("b came back as %#x, want the slot a left idle longest (%#x)", again, a)
	}
}

// TestTransmitChunks: a picture over one chunk is sent in several (m=1
// until the last, m=0), and in tmux each chunk is wrapped on its own.
func TestTransmitChunks(t *testing.T) {
	for _, pass := range []bool{false, true} {
		seq, err := transmitSeq(noise(64, 64), InlineID(1, 1), pass)
		if err != nil {
			t.Fatal(err)
		}
		chunks := strings.Count(seq, "\x1b_G")
		if chunks < 2 || strings.Count(seq, "m=1") != chunks-1 || strings.Count(seq, "m=0") != 1 {
			t.Errorf("passthrough %v: %d chunks, %d m=1, %d m=0", pass, chunks, strings.Count(seq, "m=1"), strings.Count(seq, "m=0"))
		}
		if wrapped := strings.Count(seq, "\x1bPtmux;"); pass && wrapped != chunks || !pass && wrapped != 0 {
			t.Errorf("passthrough %v: %d of %d chunks wrapped", pass, wrapped, chunks)
		}
	}
}
