package picture

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"image"

	"github.com/charmbracelet/x/ansi"
)

// Display is how pictures are drawn on this terminal: the protocol (None
// draws nothing), whether sequences must be wrapped for tmux to pass them
// on, the cell size to scale to, and whether pictures can go in the text
// (kitty's Unicode placeholders; see placeholder.go).
type Display struct {
	Protocol     Protocol
	Passthrough  bool
	Cell         CellSize
	Placeholders bool
}

// DefaultCacheBytes is the encoded output a Renderer keeps by default:
// some dozens of pictures at reading size.
const DefaultCacheBytes = 64 << 20

// Renderer turns picture data into sequences for one Display, caching
// what it encoded. Render is safe to call from concurrent commands.
type Renderer struct {
	display Display
	limits  Limits
	cache   *Cache
}

// NewRenderer makes a renderer for d within lim, keeping up to cacheBytes
// of encoded output (DefaultCacheBytes when not above zero).
func NewRenderer(d Display, lim Limits, cacheBytes int64) *Renderer {
	if cacheBytes <= 0 {
		cacheBytes = DefaultCacheBytes
	}
	return &Renderer{display: d, limits: lim.orDefault(), cache: NewCache(cacheBytes)}
}

// Display is what the renderer draws for.
func (r *Renderer) Display() Display { return r.display }

// Cache is the renderer's cache of encoded output.
func (r *Renderer) Cache() *Cache { return r.cache }

// Render decodes data, fits it in box (cols and rows; the cell size is the
// display's) and encodes it. With no protocol it does no work and fails
// with ErrNoSupport: no picture bytes for a terminal that did not say it
// understands them. ctx is checked between the costly steps, so a render
// the reader has scrolled past stops early.
func (r *Renderer) Render(ctx context.Context, data []byte, box Box) (Picture, error) {
	return r.render(ctx, data, box, 0, func(img image.Image, fit Fit, hash uint32) (Picture, error) {
		id := uint32(0)
		if r.display.Protocol == Kitty {
			id = uint32(kittyID(hash))
		}
		seq, err := Encode(img, r.display.Protocol, fit.Cols, fit.Rows, hash)
		if err != nil {
			return Picture{}, err
		}
		if r.display.Passthrough {
			seq = ansi.TmuxPassthrough(seq)
		}
		return Picture{Seq: seq, Cols: fit.Cols, Rows: fit.Rows, ID: id}, nil
	})
}

// RenderInline is Render for a picture in the text (see placeholder.go):
// Seq sends the picture under id and places it virtually over Cols × Rows
// cells, and PlaceholderRow(id, row, Cols) for each of its Rows is what the
// text holds. It needs a display with Placeholders; without, it fails with
// ErrNoSupport and does no work.
func (r *Renderer) RenderInline(ctx context.Context, data []byte, box Box, id uint32) (Picture, error) {
	if !r.display.Placeholders {
		return Picture{}, ErrNoSupport
	}
	box.Cols, box.Rows = min(box.Cols, MaxSpan), min(box.Rows, MaxSpan)
	return r.render(ctx, data, box, id, func(img image.Image, fit Fit, _ uint32) (Picture, error) {
		seq, err := transmitSeq(img, id, r.display.Passthrough)
		if err != nil {
			return Picture{}, err
		}
		seq += placeSeq(id, fit.Cols, fit.Rows, r.display.Passthrough)
		return Picture{Seq: seq, Cols: fit.Cols, Rows: fit.Rows, ID: id}, nil
	})
}

// render is the work Render and RenderInline share: the cache, decoding,
// fitting and scaling, then encode for the sequence.
func (r *Renderer) render(ctx context.Context, data []byte, box Box, id uint32, encode func(image.Image, Fit, uint32) (Picture, error)) (Picture, error) {
	if r.display.Protocol == None {
		return Picture{}, ErrNoSupport
	}
	box.Cell = r.display.Cell.orDefault()
	sum := sha256.Sum256(data)
	key := Key{Hash: sum, Box: box, Protocol: r.display.Protocol, Passthrough: r.display.Passthrough, InlineID: id}
	if p, ok := r.cache.Get(key); ok {
		return p, nil
	}
	img, err := Decode(data, r.limits)
	if err != nil {
		return Picture{}, err
	}
	if err := ctx.Err(); err != nil {
		return Picture{}, fmt.Errorf("render picture: %w", err)
	}
	b := img.Bounds()
	fit := FitIn(b.Dx(), b.Dy(), box)
	if fit.Cols == 0 {
		return Picture{}, fmt.Errorf("render picture: %w (no room in %d×%d cells)", ErrEmpty, box.Cols, box.Rows)
	}
	scaled := Scale(img, fit.Width, fit.Height)
	if err := ctx.Err(); err != nil {
		return Picture{}, fmt.Errorf("render picture: %w", err)
	}
	p, err := encode(scaled, fit, binary.BigEndian.Uint32(sum[:4]))
	if err != nil {
		return Picture{}, err
	}
	r.cache.Put(key, p)
	return p, nil
}
