package picture

import (
	"errors"
	"image/color"
	"runtime"
	"testing"
)

func TestDecode(t *testing.T) {
	green := color.NRGBA{10, 200, 30, 255}
	for _, tt := range []struct {
		name   string
		data   []byte
		lim    Limits
		w, h   int
		format string
		at     color.Color // the colour at (0,0), when it matters
		err    error
	}{
		{"png", encodePNG(t, small()), Limits{}, 4, 3, "png", color.NRGBA{255, 0, 0, 255}, nil},
		{"jpeg", encodeJPEG(t, gradient(40, 30)), Limits{}, 40, 30, "jpeg", nil, nil},
		{"gif gives its first frame", encodeGIF(t, 5, 2), Limits{}, 5, 2, "gif", color.RGBA{255, 0, 0, 255}, nil},
		{"webp", solidWebP(4, 3, green), Limits{}, 4, 3, "webp", green, nil},
		{"over the byte cap", encodePNG(t, small()), Limits{MaxBytes: 50}, 0, 0, "", nil, ErrTooLarge},
		{"over the pixel cap", encodePNG(t, small()), Limits{MaxPixels: 11}, 0, 0, "", nil, ErrTooMany},
		{"png bomb", pngBomb(t, 100_000, 100_000), Limits{}, 0, 0, "", nil, ErrTooMany},
		{"gif bomb", gifBomb(t, 65535, 65535), Limits{}, 0, 0, "", nil, ErrTooMany},
		{"zero width", pngBomb(t, 0, 10), Limits{}, 0, 0, "", nil, ErrFormat},
		{"empty", nil, Limits{}, 0, 0, "", nil, ErrFormat},
		{"html", []byte("<!doctype html><p>not a picture</p>"), Limits{}, 0, 0, "", nil, ErrFormat},
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>`), Limits{}, 0, 0, "", nil, ErrFormat},
	} {
		t.Run(tt.name, func(t *testing.T) {
			img, err := Decode(tt.data, tt.lim)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("error %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if b := img.Bounds(); b.Dx() != tt.w || b.Dy() != tt.h {
				t.Errorf("bounds %v, want %d×%d", b, tt.w, tt.h)
			}
			if f, _, _, _ := Format(tt.data); f != tt.format {
				t.Errorf("format %q, want %q", f, tt.format)
			}
			if tt.at != nil && color.NRGBAModel.Convert(img.At(0, 0)) != color.NRGBAModel.Convert(tt.at) {
				t.Errorf("pixel (0,0) = %v, want %v", img.At(0, 0), tt.at)
			}
		})
	}
}

// TestDecodeBombCostsNothing: a header declaring ten billion pixels is
// refused from the header, allocating next to nothing.
func TestDecodeBombCostsNothing(t *testing.T) {
	bomb := pngBomb(t, 100_000, 100_000)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for range 10 {
		if _, err := Decode(bomb, Limits{}); !errors.Is(err, ErrTooMany) {
			t.Fatalf("error %v, want ErrTooMany", err)
		}
	}
	runtime.ReadMemStats(&after)
	if per := (after.TotalAlloc - before.TotalAlloc) / 10; per > 256<<10 {
		t.Errorf("refusing the bomb allocated %d bytes a time", per)
	}
}

func TestDecodeTruncated(t *testing.T) {
	for name, data := range map[string][]byte{
		"png":  encodePNG(t, gradient(30, 30)),
		"jpeg": encodeJPEG(t, gradient(30, 30)),
		"gif":  encodeGIF(t, 30, 30),
		"webp": solidWebP(30, 30, color.NRGBA{1, 2, 3, 255}),
	} {
		for _, cut := range []int{len(data) / 2, len(data) - 3} {
			if _, err := Decode(data[:cut], Limits{}); err == nil {
				// A decoder may fill what is missing (JPEG does); it must
				// not crash or hang, which reaching here shows.
				t.Logf("%s cut to %d bytes decodes", name, cut)
			}
		}
	}
}
