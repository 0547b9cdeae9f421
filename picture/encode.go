package picture

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/png"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/iterm2"
	"github.com/charmbracelet/x/ansi/kitty"
	"github.com/charmbracelet/x/ansi/sixel"
)

// Encode writes img, already scaled, as the sequence that draws it with
// protocol p over cols × rows cells. id names the picture to a kitty
// terminal (so a later phase can place or delete it); it is kept to 24
// bits, the most kitty's Unicode placeholders can carry. The encoders are
// Charm's x/ansi ones; the output is the same bytes for the same input.
func Encode(img image.Image, p Protocol, cols, rows int, id uint32) (string, error) {
	switch p {
	case Kitty:
		var b bytes.Buffer
		err := kitty.EncodeGraphics(&b, img, &kitty.Options{
			Action:          kitty.TransmitAndPut,
			Format:          kitty.PNG,
			Transmission:    kitty.Direct, // EncodeGraphics sends nothing when this is left zero
			ID:              kittyID(id),
			Quiet:           2, // no answers: they would arrive as input
			Chunk:           true,
			Columns:         cols,
			Rows:            rows,
			DoNotMoveCursor: true,
		})
		if err != nil {
			return "", fmt.Errorf("encode for kitty: %w", err)
		}
		return b.String(), nil
	case ITerm2:
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			return "", fmt.Errorf("encode for iterm2: %w", err)
		}
		return ansi.ITerm2(iterm2.File{
			Size:    int64(b.Len()),
			Width:   iterm2.Cells(cols),
			Height:  iterm2.Cells(rows),
			Inline:  true,
			Content: []byte(base64.StdEncoding.EncodeToString(b.Bytes())),
		}), nil
	case Sixel:
		var b bytes.Buffer
		if err := (&sixel.Encoder{}).Encode(&b, img); err != nil {
			return "", fmt.Errorf("encode for sixel: %w", err)
		}
		// p2 = 1: pixels the picture leaves unset keep the background.
		return ansi.SixelGraphics(0, 1, 0, b.Bytes()), nil
	}
	return "", fmt.Errorf("encode for %s: %w", p, ErrNoSupport)
}

// kittyID keeps id to the 24 bits a placeholder's colour carries; 0 means
// "no id" to kitty, so it becomes 1.
func kittyID(id uint32) int {
	if id &= 0xffffff; id == 0 {
		return 1
	}
	return int(id)
}
