package picture

import (
	"bytes"
	"encoding/base64"
	"flag"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi/sixel"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden compares got with testdata/golden/name, rewriting it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s changed:\n got %s\nwant %s", name, strconv.Quote(got), strconv.Quote(string(want)))
	}
}

// TestEncodeGolden pins the exact bytes each protocol gets for the 4×3
// picture: a change in an encoder, or in how tread calls it, shows here.
func TestEncodeGolden(t *testing.T) {
	for _, p := range []Protocol{Kitty, ITerm2, Sixel} {
		t.Run(p.String(), func(t *testing.T) {
			got, err := Encode(small(), p, 1, 1, 0xabcdef)
			if err != nil {
				t.Fatal(err)
			}
			if p == Sixel {
				if got, err = canonicalSixel(got); err != nil {
					t.Fatal(err)
				}
			}
			golden(t, p.String()+".golden", got)
		})
	}
}

// TestEncodeRoundTrip reads the pictures back out of the kitty and sixel
// sequences, so the golden files are known to hold the picture and not
// only the same bytes as last time.
func TestEncodeRoundTrip(t *testing.T) {
	want := small()
	opaque := func(x, y int) bool { return want.NRGBAAt(x, y).A == 255 }

	seq, err := Encode(want, Kitty, 1, 1, 7)
	if err != nil {
		t.Fatal(err)
	}
	_, payload, _ := strings.Cut(strings.TrimSuffix(seq, "\x1b\\"), ";")
	raw, err := base64.StdEncoding.DecodeString(payload)
	if err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	for y := range 3 {
		for x := range 4 {
			if color.NRGBAModel.Convert(got.At(x, y)) != want.NRGBAAt(x, y) {
				t.Errorf("kitty pixel (%d,%d) = %v, want %v", x, y, got.At(x, y), want.NRGBAAt(x, y))
			}
		}
	}

	seq, err = Encode(want, Sixel, 1, 1, 7)
	if err != nil {
		t.Fatal(err)
	}
	_, data, _ := strings.Cut(strings.TrimSuffix(seq, "\x1b\\"), "q")
	img, err := (&sixel.Decoder{}).Decode(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for y := range 3 {
		for x := range 4 {
			if !opaque(x, y) {
				continue // sixel has no alpha; p2=1 leaves these to the background
			}
			r, g, b, _ := img.At(x, y).RGBA()
			w := want.NRGBAAt(x, y)
			if d := max(absDiff(r>>8, uint32(w.R)), absDiff(g>>8, uint32(w.G)), absDiff(b>>8, uint32(w.B))); d > 3 {
				t.Errorf("sixel pixel (%d,%d) = %v, want %v", x, y, img.At(x, y), w)
			}
		}
	}
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

// TestKittyChunks checks a picture bigger than one kitty chunk is sent in
// chunks of at most 4096 bytes, all but the last marked m=1.
func TestKittyChunks(t *testing.T) {
	seq, err := Encode(noise(120, 80), Kitty, 12, 4, 9)
	if err != nil {
		t.Fatal(err)
	}
	chunks := strings.SplitAfter(seq, "\x1b\\")
	chunks = chunks[:len(chunks)-1] // after the last ST
	if len(chunks) < 2 {
		t.Fatalf("%d bytes in one chunk", len(seq))
	}
	for i, c := range chunks {
		ctl, payload, _ := strings.Cut(strings.TrimSuffix(strings.TrimPrefix(c, "\x1b_G"), "\x1b\\"), ";")
		last := i == len(chunks)-1
		if len(payload) > 4096 || (!last && !strings.Contains(ctl, "m=1")) || (last && !strings.Contains(ctl, "m=0")) {
			t.Errorf("chunk %d: control %q, %d bytes of payload", i, ctl, len(payload))
		}
	}
}
