package picture

import (
	"context"
	"testing"
)

// BenchmarkRender is one picture's whole cost on first sight: a 1600×1200
// JPEG photo decoded, shrunk to 80×24 cells of 10×20 pixels, and encoded.
func BenchmarkRender(b *testing.B) {
	data := encodeJPEG(b, noise(1600, 1200))
	box := Box{Cols: 80, Rows: 24}
	for _, p := range []Protocol{Kitty, ITerm2, Sixel} {
		b.Run(p.String(), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				// A fresh renderer each time: the cache is not measured.
				r := NewRenderer(Display{Protocol: p, Cell: CellSize{10, 20}}, Limits{}, 0)
				if _, err := r.Render(context.Background(), data, box); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRenderCached is the cost of showing the same picture again, as
// when the reader scrolls back to it: a hash and a map look-up.
func BenchmarkRenderCached(b *testing.B) {
	data := encodeJPEG(b, noise(1600, 1200))
	r := NewRenderer(Display{Protocol: Kitty, Cell: CellSize{10, 20}}, Limits{}, 0)
	box := Box{Cols: 80, Rows: 24}
	if _, err := r.Render(context.Background(), data, box); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := r.Render(context.Background(), data, box); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeBomb is the cost of refusing a picture that declares ten
// billion pixels.
func BenchmarkDecodeBomb(b *testing.B) {
	bomb := pngBomb(b, 100_000, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(bomb, Limits{}); err == nil {
			b.Fatal("bomb decoded")
		}
	}
}

// BenchmarkStages splits a render into its steps.
func BenchmarkStages(b *testing.B) {
	data := encodeJPEG(b, noise(1600, 1200))
	img, err := Decode(data, Limits{})
	if err != nil {
		b.Fatal(err)
	}
	fit := FitIn(1600, 1200, Box{Cols: 80, Rows: 24, Cell: CellSize{10, 20}})
	scaled := Scale(img, fit.Width, fit.Height)
	b.Run("decode", func(b *testing.B) {
		for b.Loop() {
			if _, err := Decode(data, Limits{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("scale", func(b *testing.B) {
		for b.Loop() {
			Scale(img, fit.Width, fit.Height)
		}
	})
	for _, p := range []Protocol{Kitty, Sixel} {
		b.Run("encode-"+p.String(), func(b *testing.B) {
			for b.Loop() {
				if _, err := Encode(scaled, p, fit.Cols, fit.Rows, 1); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
