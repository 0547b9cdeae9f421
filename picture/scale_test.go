package picture

import (
	"image/color"
	"testing"
)

func TestFitIn(t *testing.T) {
	cell := CellSize{Width: 10, Height: 20}
	for _, tt := range []struct {
		name string
		w, h int
		box  Box
		want Fit
	}{
		{"wide photo, width bound", 4000, 3000, Box{Cols: 80, Rows: 30, Cell: cell}, Fit{800, 600, 80, 30}},
		{"wide photo, height bound", 4000, 3000, Box{Cols: 80, Rows: 15, Cell: cell}, Fit{400, 300, 40, 15}},
		{"tall picture", 1000, 4000, Box{Cols: 80, Rows: 10, Cell: cell}, Fit{50, 200, 5, 10}},
		{"small stays small", 25, 15, Box{Cols: 80, Rows: 30, Cell: cell}, Fit{25, 15, 3, 1}},
		{"a banner keeps a pixel of height", 100_000, 10, Box{Cols: 10, Rows: 5, Cell: cell}, Fit{100, 1, 10, 1}},
		{"unknown cell size uses the default", 4000, 3000, Box{Cols: 80, Rows: 30}, Fit{800, 600, 80, 30}},
		{"no room", 100, 100, Box{Cols: 0, Rows: 10, Cell: cell}, Fit{}},
		{"no picture", 0, 100, Box{Cols: 10, Rows: 10, Cell: cell}, Fit{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := FitIn(tt.w, tt.h, tt.box)
			if got != tt.want {
				t.Errorf("FitIn(%d, %d, %+v) = %+v, want %+v", tt.w, tt.h, tt.box, got, tt.want)
			}
			if got.Cols > tt.box.Cols || got.Rows > tt.box.Rows {
				t.Errorf("%+v leaves the box %+v", got, tt.box)
			}
		})
	}
}

func TestReadingBox(t *testing.T) {
	cell := CellSize{Width: 10, Height: 20}
	for _, tt := range []struct {
		cols, rows int
		want       Box
	}{
		{100, 36, Box{Cols: 100, Rows: 14, Cell: cell}},
		{50, 15, Box{Cols: 50, Rows: 6, Cell: cell}},
		{40, 1, Box{Cols: 40, Rows: 1, Cell: cell}},
		{-3, 0, Box{Cols: 0, Rows: 1, Cell: cell}},
	} {
		if got := ReadingBox(tt.cols, tt.rows, cell); got != tt.want {
			t.Errorf("ReadingBox(%d, %d) = %+v, want %+v", tt.cols, tt.rows, got, tt.want)
		}
	}
	// A photo in an 80×24 reader takes the width or 40% of the height.
	if f := FitIn(4000, 3000, ReadingBox(80, 24, cell)); f.Rows > 9 || f.Cols > 80 {
		t.Errorf("photo fit %+v leaves the box", f)
	}
}

func TestScale(t *testing.T) {
	src := gradient(400, 300)
	got := Scale(src, 40, 30)
	if b := got.Bounds(); b.Dx() != 40 || b.Dy() != 30 {
		t.Fatalf("bounds %v", b)
	}
	// The corners keep their colours: the gradient runs from black-ish
	// top left to red-green bottom right.
	tl, br := got.RGBAAt(0, 0), got.RGBAAt(39, 29)
	if tl.R > 20 || tl.G > 20 || br.R < 235 || br.G < 235 {
		t.Errorf("corners %v and %v lost the gradient", tl, br)
	}
	same := Scale(small(), 4, 3)
	for y := range 3 {
		for x := range 4 {
			if want := small().NRGBAAt(x, y); color.NRGBAModel.Convert(same.At(x, y)) != want && want.A == 255 {
				t.Errorf("unscaled pixel (%d,%d) = %v, want %v", x, y, same.At(x, y), want)
			}
		}
	}
}
