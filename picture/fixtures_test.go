package picture

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/color/palette"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"testing"
)

// small is the 4×3 picture the golden files encode: a row of primaries, a
// row of greys, a row with a half-transparent pixel.
func small() *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, 4, 3))
	rows := [3][4]color.NRGBA{
		{{255, 0, 0, 255}, {0, 255, 0, 255}, {0, 0, 255, 255}, {255, 255, 0, 255}},
		{{0, 0, 0, 255}, {85, 85, 85, 255}, {170, 170, 170, 255}, {255, 255, 255, 255}},
		{{200, 100, 50, 255}, {200, 100, 50, 128}, {20, 120, 220, 255}, {0, 0, 0, 0}},
	}
	for y, row := range rows {
		for x, c := range row {
			m.SetNRGBA(x, y, c)
		}
	}
	return m
}

// gradient is a w×h picture with something in every pixel, for scaling
// and benchmarks.
func gradient(w, h int) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			m.SetNRGBA(x, y, color.NRGBA{uint8(x * 255 / max(1, w-1)), uint8(y * 255 / max(1, h-1)), uint8((x + y) % 256), 255})
		}
	}
	return m
}

// noise is a w×h picture of seeded random pixels: it compresses no
// better than a photo's detail.
func noise(w, h int) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(1, 2))
	for i := range m.Pix {
		m.Pix[i] = uint8(r.UintN(256))
	}
	for i := 3; i < len(m.Pix); i += 4 {
		m.Pix[i] = 255
	}
	return m
}

func encodePNG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func encodeJPEG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// encodeGIF makes a two-frame GIF whose first frame is red, second blue.
func encodeGIF(t testing.TB, w, h int) []byte {
	t.Helper()
	frame := func(c color.Color) *image.Paletted {
		p := image.NewPaletted(image.Rect(0, 0, w, h), palette.Plan9)
		for y := range h {
			for x := range w {
				p.Set(x, y, c)
			}
		}
		return p
	}
	var b bytes.Buffer
	g := &gif.GIF{
		Image: []*image.Paletted{frame(color.RGBA{255, 0, 0, 255}), frame(color.RGBA{0, 0, 255, 255})},
		Delay: []int{10, 10},
	}
	if err := gif.EncodeAll(&b, g); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// solidWebP writes a lossless WebP of one colour by hand (Go has no WebP
// encoder): a VP8L stream with no transforms whose five prefix codes each
// have a single symbol, so every pixel takes no bits at all.
func solidWebP(w, h int, c color.NRGBA) []byte {
	var bw bitWriter
	bw.put(0x2f, 8) // VP8L signature
	bw.put(uint64(w-1), 14)
	bw.put(uint64(h-1), 14)
	bw.put(1, 1) // alpha is used
	bw.put(0, 3) // version
	bw.put(0, 1) // no transform
	bw.put(0, 1) // no colour cache
	bw.put(0, 1) // no meta prefix codes
	for _, s := range []uint8{c.G, c.R, c.B, c.A} {
		bw.put(1, 1) // a simple code
		bw.put(0, 1) // of one symbol
		bw.put(1, 1) // eight bits long
		bw.put(uint64(s), 8)
	}
	bw.put(0b0001, 4) // distance: simple, one symbol, one bit long, 0
	data := bw.bytes()
	size := len(data)
	if size%2 == 1 {
		data = append(data, 0)
	}
	var b bytes.Buffer
	b.WriteString("RIFF")
	b.Write(binary.LittleEndian.AppendUint32(nil, uint32(4+8+len(data))))
	b.WriteString("WEBPVP8L")
	b.Write(binary.LittleEndian.AppendUint32(nil, uint32(size)))
	b.Write(data)
	return b.Bytes()
}

// bitWriter packs bits least significant first, as VP8L reads them.
type bitWriter struct {
	buf  []byte
	acc  uint64
	nbit uint
}

func (w *bitWriter) put(v uint64, n uint) {
	w.acc |= v << w.nbit
	w.nbit += n
	for w.nbit >= 8 {
		w.buf = append(w.buf, byte(w.acc))
		w.acc >>= 8
		w.nbit -= 8
	}
}

func (w *bitWriter) bytes() []byte {
	if w.nbit > 0 {
		return append(w.buf, byte(w.acc))
	}
	return w.buf
}

// pngBomb is a valid 1×1 PNG whose header is rewritten to declare w×h: a
// decoder that believed it would allocate w×h×4 bytes.
func pngBomb(t testing.TB, w, h uint32) []byte {
	t.Helper()
	data := encodePNG(t, image.NewNRGBA(image.Rect(0, 0, 1, 1)))
	// signature (8), IHDR length (4), "IHDR" (4), width (4), height (4)
	binary.BigEndian.PutUint32(data[16:], w)
	binary.BigEndian.PutUint32(data[20:], h)
	crc := crc32.ChecksumIEEE(data[12:29]) // type and the 13 data bytes
	binary.BigEndian.PutUint32(data[29:], crc)
	return data
}

// gifBomb is a GIF whose logical screen is w×h.
func gifBomb(t testing.TB, w, h uint16) []byte {
	t.Helper()
	data := encodeGIF(t, 1, 1)
	binary.LittleEndian.PutUint16(data[6:], w)
	binary.LittleEndian.PutUint16(data[8:], h)
	return data
}
