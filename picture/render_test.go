package picture

import (
	"context"
	"errors"
	"strings"
	"testing"
)

func TestRender(t *testing.T) {
	data := encodePNG(t, gradient(400, 300))
	box := Box{Cols: 20, Rows: 10}
	for _, tt := range []struct {
		d      Display
		prefix string
		cols   int
		rows   int
	}{
		{Display{Protocol: Kitty, Cell: CellSize{10, 20}}, "\x1b_G", 20, 8},
		{Display{Protocol: ITerm2, Cell: CellSize{10, 20}}, "\x1b]1337;File=", 20, 8},
		{Display{Protocol: Sixel, Cell: CellSize{10, 20}}, "\x1bP0;1q", 20, 8},
		{Display{Protocol: Kitty, Passthrough: true, Cell: CellSize{10, 20}}, "\x1bPtmux;\x1b\x1b_G", 20, 8},
		{Display{Protocol: Sixel, Cell: CellSize{10, 40}}, "\x1bP0;1q", 20, 4},
	} {
		r := NewRenderer(tt.d, Limits{}, 0)
		p, err := r.Render(context.Background(), data, box)
		if err != nil {
			t.Fatalf("%+v: %v", tt.d, err)
		}
		if !strings.HasPrefix(p.Seq, tt.prefix) || p.Cols != tt.cols || p.Rows != tt.rows {
			t.Errorf("%+v: %q… in %d×%d cells, want %q… in %d×%d", tt.d, p.Seq[:min(20, len(p.Seq))], p.Cols, p.Rows, tt.prefix, tt.cols, tt.rows)
		}
		again, err := r.Render(context.Background(), data, box)
		if err != nil || again != p || r.Cache().Len() != 1 {
			t.Errorf("%+v: second render %v, cache of %d; want the cached picture", tt.d, err, r.Cache().Len())
		}
	}
}

// TestRenderNoSupport: with no protocol the renderer produces no bytes and
// does not even decode (a broken picture gives ErrNoSupport, not a decode
// error).
func TestRenderNoSupport(t *testing.T) {
	r := NewRenderer(Display{}, Limits{}, 0)
	for _, data := range [][]byte{encodePNG(t, small()), []byte("garbage")} {
		p, err := r.Render(context.Background(), data, Box{Cols: 10, Rows: 10})
		if !errors.Is(err, ErrNoSupport) || p.Seq != "" {
			t.Errorf("Render = %q, %v; want nothing, ErrNoSupport", p.Seq, err)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	r := NewRenderer(Display{Protocol: Kitty}, Limits{MaxPixels: 1000}, 0)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tt := range []struct {
		name string
		ctx  context.Context
		data []byte
		box  Box
		err  error
	}{
		{"cancelled", ctx, encodePNG(t, small()), Box{Cols: 10, Rows: 10}, context.Canceled},
		{"bomb", context.Background(), pngBomb(t, 50_000, 50_000), Box{Cols: 10, Rows: 10}, ErrTooMany},
		{"no room", context.Background(), encodePNG(t, small()), Box{}, ErrEmpty},
	} {
		if _, err := r.Render(tt.ctx, tt.data, tt.box); !errors.Is(err, tt.err) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.err)
		}
	}
	if r.Cache().Len() != 0 {
		t.Errorf("failures were cached: %d", r.Cache().Len())
	}
}
