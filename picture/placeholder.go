package picture

import (
	"bytes"
	"fmt"
	"image"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/kitty"
)

// Pictures in the text, on kitty-protocol terminals that know Unicode
// placeholders (kitty 0.28 and later, Ghostty): the picture is sent once
// and given a virtual placement of so many columns and rows; the text then
// holds rows of placeholder cells (U+10EEEE with diacritics saying which
// row and column of the picture each is), coloured with the picture's id.
// The terminal draws the picture wherever those cells are, so it scrolls
// with the text through the ordinary cell renderer, which treats each
// placeholder as one character of one cell.
//
// The id travels in two places: its low byte as a 256-colour foreground
// (38;5;N), which survives a 256-colour profile and tmux where a 24-bit
// colour would be rounded to the palette, and its high byte as a third
// diacritic. The bytes between are zero. So an inline id is (tag << 24) |
// slot, slot 1..255: ids from 1<<24 up, apart from the overlay's (below
// 1<<24), and the tag keeps two treads in one terminal apart.

// MaxSlots is how many inline pictures can be on a terminal at once: the
// ids a 256-colour index can carry.
const MaxSlots = 255

// InlineID is the kitty image id of inline slot 1..MaxSlots for tag.
func InlineID(tag byte, slot int) uint32 {
	return uint32(max(tag, 1))<<24 | uint32(min(max(slot, 1), MaxSlots))
}

// MaxSpan is the most rows or columns a placeholder placement can cover:
// one diacritic for each.
var MaxSpan = diacriticCount()

// diacriticCount is the number of diacritics x/ansi knows: kitty.Diacritic
// answers its first for any index past the end.
func diacriticCount() int {
	n := 1
	for kitty.Diacritic(n) != kitty.Diacritic(0) {
		n++
	}
	return n
}

// transmitSeq sends img to the terminal under id (a=t, which stores it
// and draws nothing), as PNG in chunks.
func transmitSeq(img image.Image, id uint32, passthrough bool) (string, error) {
	var b bytes.Buffer
	opts := &kitty.Options{
		Action:       kitty.Transmit,
		Format:       kitty.PNG,
		Transmission: kitty.Direct,
		ID:           int(id),
		Quiet:        2, // no answers: they would arrive as input
		Chunk:        true,
	}
	if passthrough {
		// tmux passes each chunk on by itself: one wrapped whole may
		// pass its buffer's size
		opts.ChunkFormatter = ansi.TmuxPassthrough
	}
	if err := kitty.EncodeGraphics(&b, img, opts); err != nil {
		return "", fmt.Errorf("encode for kitty: %w", err)
	}
	return b.String(), nil
}

// placeSeq is the virtual placement (U=1) of picture id over cols × rows
// cells: it draws nothing by itself, only where placeholders are.
func placeSeq(id uint32, cols, rows int, passthrough bool) string {
	o := kitty.Options{Action: kitty.Put, ID: int(id), Quiet: 2, VirtualPlacement: true, Columns: cols, Rows: rows}
	return wrap(ansi.KittyGraphics(nil, o.Options()...), passthrough)
}

// DeleteSeq frees picture id in the terminal: its placements and its data
// (d=I), so a picture no longer shown holds no memory there.
func DeleteSeq(id uint32, passthrough bool) string {
	return wrap(ansi.KittyGraphics(nil, "a=d", "d=I", "i="+strconv.FormatUint(uint64(id), 10), "q=2"), passthrough)
}

func wrap(seq string, passthrough bool) string {
	if passthrough {
		return ansi.TmuxPassthrough(seq)
	}
	return seq
}

// PlaceholderRow is row (from 0) of an inline picture cols wide: one
// placeholder cell per column, each naming its row, column and the id's
// high byte, in the id's colour. Every cell carries its row and column
// rather than leaving the terminal to infer them from the cell before,
// since the renderer may redraw a row from its middle.
func PlaceholderRow(id uint32, row, cols int) string {
	var b strings.Builder
	b.Grow(16 + cols*10)
	b.WriteString("\x1b[38;5;")
	b.WriteString(strconv.Itoa(int(id & 0xff)))
	b.WriteByte('m')
	r, hi := kitty.Diacritic(row), kitty.Diacritic(int(id>>24))
	for c := range min(cols, MaxSpan) {
		b.WriteRune(kitty.Placeholder)
		b.WriteRune(r)
		b.WriteRune(kitty.Diacritic(c))
		b.WriteRune(hi)
	}
	b.WriteString("\x1b[39m")
	return b.String()
}
