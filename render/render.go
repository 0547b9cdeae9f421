package render

import (
	"container/list"
	"fmt"
	"hash/maphash"
	"strings"
	"sync"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// Style names a glamour style.
type Style string

// The built-in styles. Dark is the default; Light is chosen when the terminal
// reports a light background; NoTTY is plain text for pipes and NO_COLOR.
const (
	Dark  Style = "dark"
	Light Style = "light"
	NoTTY Style = "notty"
)

// MaxWidth caps the reading width: long lines are hard to read.
const MaxWidth = 100

// ReadingWidth is the wrap width for a pane of the given width.
func ReadingWidth(pane int) int {
	return max(min(pane, MaxWidth), 10)
}

// Renderer renders markdown for the terminal. It keeps one glamour renderer
// per (width, style) and caches output per (markdown, width, style). It is
// safe for concurrent use: renders run in tea.Cmd goroutines.
type Renderer struct {
	mu        sync.Mutex
	seed      maphash.Seed
	glamours  map[glamourKey]*lockedRenderer
	cache     map[cacheKey]*list.Element
	lru       *list.List // of *cacheEntry, most recent at front
	maxBytes  int
	usedBytes int
	custom    map[Style]ansi.StyleConfig
}

type glamourKey struct {
	width int
	style Style
}

type cacheKey struct {
	md    uint64
	size  int
	width int
	style Style
}

type cacheEntry struct {
	key cacheKey
	out string
}

// lockedRenderer serialises use of one glamour TermRenderer, which keeps
// per-render state and is not safe for concurrent use.
type lockedRenderer struct {
	mu sync.Mutex
	tr *glamour.TermRenderer
}

// NewRenderer returns a Renderer whose cache holds up to maxBytes of output
// (64 MiB when maxBytes <= 0).
func NewRenderer(maxBytes int) *Renderer {
	if maxBytes <= 0 {
		maxBytes = 64 << 20
	}
	return &Renderer{
		seed:     maphash.MakeSeed(),
		glamours: map[glamourKey]*lockedRenderer{},
		cache:    map[cacheKey]*list.Element{},
		lru:      list.New(),
		maxBytes: maxBytes,
		custom:   map[Style]ansi.StyleConfig{},
	}
}

// AddStyle registers a custom glamour style under name (from a JSON style
// file, say).
func (r *Renderer) AddStyle(name Style, cfg ansi.StyleConfig) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.custom[name] = cfg
}

func (r *Renderer) key(md string, width int, style Style) cacheKey {
	return cacheKey{md: maphash.String(r.seed, md), size: len(md), width: width, style: style}
}

// Cached returns the cached output for md at width and style, if any. It
// never renders, so it is cheap enough to call from Update.
func (r *Renderer) Cached(md string, width int, style Style) (string, bool) {
	k := r.key(md, width, style)
	r.mu.Lock()
	defer r.mu.Unlock()
	if e, ok := r.cache[k]; ok {
		r.lru.MoveToFront(e)
		return e.Value.(*cacheEntry).out, true
	}
	return "", false
}

// Render returns md rendered for a terminal at width columns in style,
// from the cache when it can.
func (r *Renderer) Render(md string, width int, style Style) (string, error) {
	if out, ok := r.Cached(md, width, style); ok {
		return out, nil
	}
	g, err := r.glamour(width, style)
	if err != nil {
		return "", err
	}
	g.mu.Lock()
	out, err := g.tr.Render(md)
	g.mu.Unlock()
	if err != nil {
		return "", fmt.Errorf("render markdown: %w", err)
	}
	out = strings.Trim(out, "\n")
	r.store(r.key(md, width, style), out)
	return out, nil
}

func (r *Renderer) store(k cacheKey, out string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.cache[k]; ok {
		return
	}
	r.cache[k] = r.lru.PushFront(&cacheEntry{key: k, out: out})
	r.usedBytes += len(out)
	for r.usedBytes > r.maxBytes && r.lru.Len() > 1 {
		e := r.lru.Back()
		ce := e.Value.(*cacheEntry)
		r.lru.Remove(e)
		delete(r.cache, ce.key)
		r.usedBytes -= len(ce.out)
	}
}

func (r *Renderer) glamour(width int, style Style) (*lockedRenderer, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := glamourKey{width, style}
	if g, ok := r.glamours[k]; ok {
		return g, nil
	}
	cfg, ok := r.custom[style]
	if !ok {
		cfg, ok = builtin(style)
	}
	if !ok {
		return nil, fmt.Errorf("unknown style %q", style)
	}
	tr, err := glamour.NewTermRenderer(
		glamour.WithStyles(cfg),
		glamour.WithWordWrap(width),
	)
	if err != nil {
		return nil, fmt.Errorf("new glamour renderer: %w", err)
	}
	g := &lockedRenderer{tr: tr}
	r.glamours[k] = g
	return g, nil
}

func builtin(s Style) (ansi.StyleConfig, bool) {
	switch s {
	case Dark:
		return styles.DarkStyleConfig, true
	case Light:
		return styles.LightStyleConfig, true
	case NoTTY:
		return styles.NoTTYStyleConfig, true
	}
	return ansi.StyleConfig{}, false
}
