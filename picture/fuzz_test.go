package picture

import (
	"context"
	"errors"
	"image/color"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// decodeSeeds are the pictures FuzzDecode starts from, also written to
// testdata/fuzz by go test -update.
func decodeSeeds(t testing.TB) map[string][]byte {
	return map[string][]byte{
		"png":      encodePNG(t, small()),
		"jpeg":     encodeJPEG(t, gradient(16, 9)),
		"gif":      encodeGIF(t, 3, 2),
		"webp":     solidWebP(3, 2, color.NRGBA{1, 2, 3, 255}),
		"png-bomb": pngBomb(t, 100_000, 100_000),
		"gif-bomb": gifBomb(t, 65535, 65535),
	}
}

var answerSeeds = map[string]string{
	"kitty":   kittyOK + xtversion("kitty(0.35.2)") + cell10x20 + da1Plain,
	"iterm2":  "\x1b]1337;ReportCellSize=17.0;8.0;2.0\x1b\\" + xtversion("iTerm2 3.5.4") + da1Plain,
	"sixel":   xtversion("foot(1.18.1)") + da1Sixel,
	"tmux":    xtversion("tmux 3.4") + "\x1b[?1;2;4c",
	"ghostty": kittyOK + xtversion("ghostty 1.1.3") + da1Plain,
}

// FuzzDecode: no input crashes the decoders or the renderer, and what
// decodes respects the pixel cap.
func FuzzDecode(f *testing.F) {
	for _, s := range decodeSeeds(f) {
		f.Add(s)
	}
	lim := Limits{MaxBytes: 1 << 20, MaxPixels: 1 << 16}
	r := NewRenderer(Display{Protocol: Sixel}, lim, 1<<20)
	f.Fuzz(func(t *testing.T, data []byte) {
		img, err := Decode(data, lim)
		if err != nil {
			return
		}
		if b := img.Bounds(); int64(b.Dx())*int64(b.Dy()) > lim.MaxPixels {
			t.Fatalf("decoded %v past the cap", b)
		}
		if _, err := r.Render(context.Background(), data, Box{Cols: 8, Rows: 4}); err != nil && !errors.Is(err, ErrEmpty) {
			t.Fatalf("decoded but did not render: %v", err)
		}
	})
}

// FuzzParseAnswers: no answer crashes the parser, and what it reports
// stays printable.
func FuzzParseAnswers(f *testing.F) {
	for _, s := range answerSeeds {
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, b []byte, inTmux bool) {
		d := ParseAnswers(b, inTmux)
		if clean(d.Terminal) != d.Terminal || len(d.Terminal) > 64 {
			t.Fatalf("terminal %q not clean", d.Terminal)
		}
		if d.Tmux && d.Protocol != None && d.Protocol != Sixel {
			t.Fatalf("%s inside tmux", d.Protocol)
		}
		// pictures in the text only where the answers said kitty
		if disp, err := Choose(SettingAuto, d); err != nil || disp.Placeholders && d.Protocol != Kitty {
			t.Fatalf("Choose: %+v, %v for %+v", disp, err, d)
		}
	})
}

// TestWriteFuzzSeeds keeps testdata/fuzz in step with the seeds above;
// it writes only with -update.
func TestWriteFuzzSeeds(t *testing.T) {
	if !*update {
		t.Skip("writes testdata/fuzz with -update")
	}
	write := func(fuzz, name, body string) {
		dir := filepath.Join("testdata", "fuzz", fuzz)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte("go test fuzz v1\n"+body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, s := range decodeSeeds(t) {
		write("FuzzDecode", name, "[]byte("+strconv.Quote(string(s))+")\n")
	}
	for name, s := range answerSeeds {
		write("FuzzParseAnswers", name, "[]byte("+strconv.Quote(s)+")\nbool(false)\n")
	}
}
