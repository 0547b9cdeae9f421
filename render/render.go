package render

import (
	"container/list"
	"fmt"
	"hash/maphash"
	"strings"
	"sync"

	"charm.land/glamour/v2"
	"charm.land/glamour/v2/ansi"

	"github.com/tread-reader/tread/story"
)

// MaxWidth caps the reading width: long lines are hard to read.
const MaxWidth = 100

// minWidth is the narrowest wrap width ReadingWidth gives: glamour's
// margins take four columns, and below this text wraps a word a line.
const minWidth = 10

// ReadingWidth is the wrap width for a pane of the given width.
func ReadingWidth(pane int) int {
	return max(min(pane, MaxWidth), minWidth)
}

// maxGlamours bounds the glamour renderers kept: dragging a window edge
// asks for many widths, and each renderer holds a parser and style tree.
const maxGlamours = 24

// entryOverhead is what one cache entry costs besides its output (key,
// list element, map slot), so many tiny renders still count.
const entryOverhead = 128

// Renderer renders markdown for the terminal. It keeps one glamour renderer
// per (width, style) and caches output per (markdown, width, style). It is
// safe for concurrent use: renders run in tea.Cmd goroutines.
type Renderer struct {
	mu        sync.Mutex
	seed      maphash.Seed
	glamours  map[glamourKey]*lockedRenderer
	uses      uint64 // clock for lockedRenderer.lastUse
	cache     map[cacheKey]*list.Element
	lru       *list.List // of *cacheEntry, most recent at front
	maxBytes  int
	usedBytes int
	custom    map[Style]ansi.StyleConfig
	wholeURLs bool // see KeepURLsWhole
}

type glamourKey struct {
	width int
	style Style
}

// cacheKey names a render by a hash of its markdown; the length rides
// along so a collision also needs equal sizes.
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

func (e *cacheEntry) cost() int { return len(e.out) + entryOverhead }

// lockedRenderer serialises use of one glamour TermRenderer, which keeps
// per-render state and is not safe for concurrent use.
type lockedRenderer struct {
	mu      sync.Mutex
	tr      *glamour.TermRenderer
	layout  layout
	lastUse uint64 // guarded by Renderer.mu
}

// NewRenderer returns a Renderer whose cache holds up to maxBytes of output
// (64 MiB when maxBytes <= 0). A render larger than the whole cache is
// returned but not kept.
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

// AddStyle registers a custom glamour style under name (from config.LoadStyle,
// say). Registering a name again replaces the style and forgets what was
// rendered with the old one.
func (r *Renderer) AddStyle(name Style, cfg ansi.StyleConfig) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.custom[name] = cfg
	for k := range r.glamours {
		if k.style == name {
			delete(r.glamours, k)
		}
	}
	for e := r.lru.Front(); e != nil; {
		next := e.Next()
		if ce := e.Value.(*cacheEntry); ce.key.style == name {
			r.remove(e)
		}
		e = next
	}
}

func (r *Renderer) key(md string, width int, style Style) cacheKey {
	width = max(width, minWidth)
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
// from the cache when it can. No line of the output is wider than width
// (but an address's own line after KeepURLsWhole), and it carries no escape sequences but SGR styling. Widths below 10 are
// taken as 10: glamour's margins leave nothing to wrap in below that.
func (r *Renderer) Render(md string, width int, style Style) (string, error) {
	width = max(width, minWidth)
	if out, ok := r.Cached(md, width, style); ok {
		return out, nil
	}
	g, err := r.glamour(width, style)
	if err != nil {
		return "", err
	}
	r.mu.Lock()
	whole := r.wholeURLs
	r.mu.Unlock()
	segs := splitTables(md, g.layout.wrap)
	parts := make([]string, 0, len(segs))
	for _, seg := range segs {
		if seg.table != nil {
			// The same filter as glamour's output: only SGR styling, no
			// control a cell may hold, no heading marks but glamour's.
			parts = append(parts, tidy(stripMarks(strings.Join(tableLines(seg.table, g.layout.wrap, g.layout.left, style != NoTTY), "\n"))))
			continue
		}
		part, err := g.render(seg.md, width, whole)
		if err != nil {
			return "", err
		}
		if part != "" {
			parts = append(parts, part)
		}
	}
	out := strings.Join(parts, "\n\n")
	r.store(r.key(md, width, style), out)
	return out, nil
}

// render renders markdown (no table) with glamour and finishes it; with
// whole, addresses too long for a line are held out of glamour's way and
// put back on lines of their own (see KeepURLsWhole): first with
// placeholders as wide as the line, which glamour sets on a line of
// their own as it would the address; should glamour or finish cut one
// (beside a quote's bar), with narrow ones; should that fail too, the
// addresses are left to glamour.
func (g *lockedRenderer) render(md string, width int, whole bool) (string, error) {
	room := max(g.layout.wrap-8, 1)
	if whole {
		for _, pad := range []int{g.layout.wrap, 1} {
			held, list := holdURLs(md, room, pad)
			if len(list) == 0 {
				break
			}
			out, err := g.renderOnce(held, width)
			if err != nil {
				return "", err
			}
			if out = putURLs(out, list, width, g.layout.quote); !strings.Contains(out, heldMark) {
				return out, nil
			}
		}
	}
	return g.renderOnce(md, width)
}

// renderOnce renders markdown with glamour and finishes it.
func (g *lockedRenderer) renderOnce(md string, width int) (string, error) {
	g.mu.Lock()
	raw, err := g.tr.Render(prepare(md, g.layout.code))
	g.mu.Unlock()
	if err != nil {
		return "", fmt.Errorf("render markdown: %w", err)
	}
	return finish(raw, width, g.layout), nil
}

// prepare readies markdown for glamour: breaks code lines wider than the
// code block (see wrapCode), marks where unspaced CJK may wrap,
// splits joined emoji (see splitEmoji) and takes out any heading marks
// (see headlineMark), so only the plain style's own reach the output.
func prepare(md string, codeWidth int) string {
	if hasMarks(md) {
		md = stripMarks(md)
	}
	return markBreaks(splitEmoji(keepURLs(markItems(wrapCode(md, codeWidth)))))
}

// finish turns glamour's output into tread's: filtered (tidy), with quotes
// mended, headings ruled in plain text and no line wider than width.
func finish(raw string, width int, lay layout) string {
	s := strings.Trim(plainMarks(tidy(raw)), "\n")
	lines := strings.Split(s, "\n")
	changed := false
	if hasMarks(s) {
		lines, changed = underlineHeadings(lines), true
	}
	lines, mended := mendQuotes(lines, lay, width)
	if strings.ContainsRune(s, itemMark) {
		lines, changed = hangItems(lines, width), true
	}
	if fitted := fit(lines, width, lay.quote); changed || mended || fitted {
		s = strings.Join(lines, "\n")
	}
	return restoreHyphens(s)
}

// RenderStory renders s for a reader pane pane columns wide: its markdown
// wrapped at ReadingWidth(pane).
func (r *Renderer) RenderStory(s story.Story, pane int, style Style) (string, error) {
	return r.Render(Markdown(s), ReadingWidth(pane), style)
}

func (r *Renderer) store(k cacheKey, out string) {
	ce := &cacheEntry{key: k, out: out}
	if ce.cost() > r.maxBytes {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.cache[k]; ok {
		return
	}
	r.cache[k] = r.lru.PushFront(ce)
	r.usedBytes += ce.cost()
	for r.usedBytes > r.maxBytes {
		r.remove(r.lru.Back())
	}
}

// remove drops one cache entry; r.mu is held.
func (r *Renderer) remove(e *list.Element) {
	ce := e.Value.(*cacheEntry)
	r.lru.Remove(e)
	delete(r.cache, ce.key)
	r.usedBytes -= ce.cost()
}

func (r *Renderer) glamour(width int, style Style) (*lockedRenderer, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.uses++
	k := glamourKey{width, style}
	if g, ok := r.glamours[k]; ok {
		g.lastUse = r.uses
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
	if len(r.glamours) >= maxGlamours {
		r.evictGlamour()
	}
	g := &lockedRenderer{tr: tr, layout: newLayout(cfg, width), lastUse: r.uses}
	r.glamours[k] = g
	return g, nil
}

// evictGlamour forgets the least recently used glamour renderer; r.mu is
// held. A render still using it finishes undisturbed.
func (r *Renderer) evictGlamour() {
	var oldest glamourKey
	first := true
	for k, g := range r.glamours {
		if first || g.lastUse < r.glamours[oldest].lastUse {
			oldest, first = k, false
		}
	}
	delete(r.glamours, oldest)
}
