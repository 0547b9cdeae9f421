package picture

import (
	"image"
	"image/draw"

	xdraw "golang.org/x/image/draw"
)

// Fit is where a picture goes in a box: its size in pixels once scaled,
// and the cells that covers.
type Fit struct {
	Width, Height int // pixels
	Cols, Rows    int // cells
}

// FitIn scales a w×h picture into box, keeping its aspect ratio and never
// enlarging it (a small picture stays small rather than blurred). A box
// or picture with no room gives the zero Fit.
func FitIn(w, h int, box Box) Fit {
	if w <= 0 || h <= 0 || box.Cols <= 0 || box.Rows <= 0 {
		return Fit{}
	}
	cell := box.Cell.orDefault()
	maxW, maxH := int64(box.Cols)*int64(cell.Width), int64(box.Rows)*int64(cell.Height)
	pw, ph := int64(w), int64(h)
	// Shrink to the width, then to the height, in integers: the first
	// bound met decides, and rounding never crosses either.
	if pw > maxW {
		pw, ph = maxW, max(1, ph*maxW/int64(w))
	}
	if ph > maxH {
		pw, ph = max(1, int64(w)*maxH/int64(h)), maxH
	}
	pw, ph = min(pw, maxW), min(ph, maxH)
	return Fit{
		Width: int(pw), Height: int(ph),
		Cols: int((pw + int64(cell.Width) - 1) / int64(cell.Width)),
		Rows: int((ph + int64(cell.Height) - 1) / int64(cell.Height)),
	}
}

// Scale draws img at w×h pixels. Bilinear filtering is enough for a
// photo shrunk to a terminal's cells and several times cheaper than
// Catmull-Rom; a picture already at its size is only copied. The result
// is RGBA, which x/image/draw has fast paths for from the decoders' types.
func Scale(img image.Image, w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	b := img.Bounds()
	if b.Dx() == w && b.Dy() == h {
		draw.Draw(dst, dst.Bounds(), img, b.Min, draw.Src)
		return dst
	}
	xdraw.BiLinear.Scale(dst, dst.Bounds(), img, b, xdraw.Src, nil)
	return dst
}
