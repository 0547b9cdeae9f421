package picture

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"fmt"

	"github.com/charmbracelet/x/ansi"
)

// Display is how pictures are drawn on this terminal: the protocol (None
// draws nothing), whether sequences must be wrapped for tmux to pass them
// on, and the cell size to scale to.
type Display struct {
	Protocol    Protocol
	Passthrough bool
	Cell        CellSize
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
	if r.display.Protocol == None {
		return Picture{}, ErrNoSupport
	}
	box.Cell = r.display.Cell.orDefault()
	sum := sha256.Sum256(data)
	key := Key{Hash: sum, Box: box, Protocol: r.display.Protocol, Passthrough: r.display.Passthrough}
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
	seq, err := Encode(scaled, r.display.Protocol, fit.Cols, fit.Rows, binary.BigEndian.Uint32(sum[:4]))
	if err != nil {
		return Picture{}, err
	}
	if r.display.Passthrough {
		seq = ansi.TmuxPassthrough(seq)
	}
	p := Picture{Seq: seq, Cols: fit.Cols, Rows: fit.Rows}
	r.cache.Put(key, p)
	return p, nil
}
