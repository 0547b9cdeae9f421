package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tread-reader/tread/render"
)

// renderWant names one render: which story, at what wrap width, in what
// glamour style. Render results carry the want they were made for, and the
// reader accepts only the one it currently wants; anything else is stale.
type renderWant struct {
	key   entryKey
	width int
	style render.Style
	age   string // the story's age as it reads in this render ("" when fixed)
	// read is entry.read: a folder page read anew renders anew; -1 for
	// one that could not be read.
	read int
}

// scrollPos is where a reader was in a story, with the story's length at
// the time so the place survives a re-wrap at another width.
type scrollPos struct {
	offset, total int
}

// readerPane is the right pane: the selected story, rendered, in a
// viewport, plus the in-story search.
type readerPane struct {
	vp     viewport.Model
	want   renderWant // the render the pane shows or waits for
	shown  renderWant // the render in the viewport, when ready
	ready  bool       // the viewport holds a render (else note is shown)
	note   string     // "rendering…", an empty state, an error
	base   []string   // the rendered lines before search highlighting
	lines  []string   // the lines on offer: base, or base with highlights
	marked bool       // lines carry search highlights
	widths []int      // display width of each line, measured once
	origin []int      // the render's line each base line comes from; nil: the same (inline.go)
	width  int
	height int      // the pane's, the breadcrumb's line included
	crumb  []string // the titles of the walk that led here, shown above the story

	delivered int // counts deliveries, so a layout of pictures knows its lines are new

	positions map[entryKey]scrollPos // per story, while tread runs
	split     *splitCache

	search    lineInput
	searching bool // the search input has the keyboard
	matches   []match
	cur       int // index into matches
}

func newReaderPane() readerPane {
	vp := viewport.New()
	vp.SetHorizontalStep(0) // glamour wraps to the pane; nothing to scroll sideways
	vp.MouseWheelEnabled = false
	return readerPane{
		vp:        vp,
		search:    lineInput{prompt: "/", placeholder: "search this story"},
		positions: map[entryKey]scrollPos{},
		split:     &splitCache{m: map[renderWant]splitRender{}},
	}
}

// splitRender is a render cut into lines, each line's width measured. The
// render commands make it in the background, so that putting a story on
// screen in Update is only slicing.
type splitRender struct {
	lines  []string
	widths []int
}

// splitLines cuts a render into lines, turning the labels of the story's
// numbered links into hyperlinks as it goes.
func splitLines(out string, links []render.Link) splitRender {
	s := splitRender{lines: strings.Split(out, "\n")}
	s.widths = make([]int, len(s.lines))
	for i, l := range s.lines {
		if len(links) > 0 {
			l = render.Hyperlinks(l, links)
			s.lines[i] = l
		}
		s.widths[i] = ansi.StringWidth(l)
	}
	return s
}

// hyperlinkEnd closes an OSC 8 hyperlink.
const hyperlinkEnd = "\x1b]8;;\x1b\\"

// keepSplit is how many split renders the reader keeps: the story on
// screen, the ones rendered ahead either side, and a few just visited.
const keepSplit = 8

// splitCache holds the last few split renders, oldest out first. It is a
// pointer in the model so that copies of the model share it.
type splitCache struct {
	m     map[renderWant]splitRender
	order []renderWant
}

func (c *splitCache) get(w renderWant) (splitRender, bool) {
	s, ok := c.m[w]
	return s, ok
}

func (c *splitCache) put(w renderWant, s splitRender) {
	if _, ok := c.m[w]; ok {
		return
	}
	if len(c.order) >= keepSplit {
		delete(c.m, c.order[0])
		c.order = c.order[1:]
	}
	c.m[w] = s
	c.order = append(c.order, w)
}

func (r *readerPane) setSize(w, h int) {
	r.width, r.height = max(w, 0), max(h, 0)
	r.vp.SetWidth(r.width)
	r.vp.SetHeight(r.bodyHeight())
}

// bodyHeight is the rows the story gets: the pane less the breadcrumb.
func (r readerPane) bodyHeight() int {
	if len(r.crumb) > 0 && r.height > 1 {
		return r.height - 1
	}
	return r.height
}

// setCrumb shows the breadcrumb c (sanitized titles) above the story, or
// none when c is empty.
func (r *readerPane) setCrumb(c []string) {
	if slices.Equal(c, r.crumb) {
		return
	}
	r.crumb = c
	r.vp.SetHeight(r.bodyHeight())
}

// request makes want the render the pane waits for and reports whether
// anything needs doing: false when want is already on screen or already on
// its way (a resize to the same size, or another source arriving, must not
// start the same render twice). Leaving a story remembers where the reader
// was in it and ends its search.
func (r *readerPane) request(want renderWant) bool {
	if want == r.want {
		return false
	}
	if want.key != r.want.key {
		r.savePosition()
		r.clearSearch()
	}
	r.want = want
	return true
}

// showing reports whether the viewport holds some render of the wanted
// story, perhaps at an old width, which is better to look at while the new
// one renders than a placeholder.
func (r readerPane) showing() bool {
	return r.ready && r.shown.key == r.want.key
}

func (r *readerPane) savePosition() {
	if r.showing() {
		r.positions[r.shown.key] = scrollPos{offset: r.vp.YOffset(), total: r.vp.TotalLineCount()}
	}
}

// showNote replaces the story with a message.
func (r *readerPane) showNote(note string) {
	r.ready = false
	r.note = note
	r.base, r.lines, r.widths, r.marked, r.origin = nil, nil, nil, false, nil
	r.matches = nil
	r.vp.SetContent("")
}

// forget drops the wanted story, for when there is nothing to show.
func (r *readerPane) forget(note string) {
	r.savePosition()
	r.clearSearch()
	r.want = renderWant{}
	r.shown = renderWant{}
	r.showNote(note)
}

// deliver puts the render for want on screen. A re-wrap of the story on
// screen keeps the reader's place; a story opened again returns to where
// the reader left it.
func (r *readerPane) deliver(want renderWant, s splitRender, st styles) {
	pos := r.positions[want.key]
	if r.showing() {
		pos = scrollPos{offset: r.vp.YOffset(), total: r.vp.TotalLineCount()}
	}
	r.split.put(want, s)
	r.base, r.widths, r.origin = s.lines, s.widths, nil
	r.lines, r.marked = nil, false
	r.delivered++
	r.ready = true
	r.note = ""
	r.shown = want
	r.vp.SetYOffset(0)
	r.refreshSearch(st, false)
	offset := pos.offset
	if total := r.vp.TotalLineCount(); pos.total > 0 && total != pos.total {
		offset = pos.offset * total / pos.total
	}
	r.vp.SetYOffset(offset)
}

// Scrolling. Each is a no-op while a note is shown.
func (r *readerPane) lineDown(n int) { r.vp.ScrollDown(n) }
func (r *readerPane) lineUp(n int)   { r.vp.ScrollUp(n) }
func (r *readerPane) pageDown()      { r.vp.PageDown() }
func (r *readerPane) pageUp()        { r.vp.PageUp() }
func (r *readerPane) halfDown()      { r.vp.HalfPageDown() }
func (r *readerPane) halfUp()        { r.vp.HalfPageUp() }
func (r *readerPane) top()           { r.vp.GotoTop() }
func (r *readerPane) bottom()        { r.vp.GotoBottom() }

// query is the search text, typed or accepted.
func (r readerPane) query() string { return r.search.Value() }

func (r *readerPane) startSearch() {
	r.clearSearch()
	r.searching = true
}

// acceptSearch keeps the query and its highlights and gives the keyboard
// back, so n/N walk the matches.
func (r *readerPane) acceptSearch() {
	r.searching = false
}

func (r *readerPane) clearSearch() {
	r.searching = false
	r.search.Reset()
	r.matches = nil
	if r.ready && r.marked {
		r.setLines(r.base, false)
	}
}

// updateSearch passes a key to the search input and searches as the user
// types, jumping to the first match from the current place on.
func (r *readerPane) updateSearch(msg tea.Msg, st styles) {
	if r.search.update(msg) {
		r.refreshSearch(st, true)
	}
}

// refreshSearch recomputes matches for the current query and redraws the
// highlights; jump moves to the first match at or after the top of the
// screen.
func (r *readerPane) refreshSearch(st styles, jump bool) {
	if !r.ready {
		r.matches = nil
		return
	}
	r.matches = findMatches(r.base, r.query())
	if len(r.matches) == 0 {
		if r.lines == nil || r.marked {
			r.setLines(r.base, false)
		}
		return
	}
	if jump || r.cur >= len(r.matches) {
		r.cur = 0
		top := r.vp.YOffset()
		for i, m := range r.matches {
			if m.line >= top {
				r.cur = i
				break
			}
		}
	}
	r.setLines(highlight(r.base, r.matches, r.cur, st), true)
	if jump {
		r.revealMatch()
	}
}

// stepMatch moves to the next (+1) or previous (-1) match, wrapping round.
func (r *readerPane) stepMatch(d int, st styles) {
	if len(r.matches) == 0 {
		return
	}
	r.cur = (r.cur + d + len(r.matches)) % len(r.matches)
	r.setLines(highlight(r.base, r.matches, r.cur, st), true)
	r.revealMatch()
}

// revealMatch scrolls the current match into view, a third of the way
// down so there is context above it.
func (r *readerPane) revealMatch() {
	line := r.matches[r.cur].line
	if top := r.vp.YOffset(); line < top || line >= top+r.vp.Height() {
		r.vp.SetYOffset(line - r.vp.Height()/3)
	}
}

// matchInfo is "3/17" for the status bar, or "" when there is no search.
func (r readerPane) matchInfo() string {
	if r.query() == "" || !r.ready {
		return ""
	}
	if len(r.matches) == 0 {
		return "no match"
	}
	return fmt.Sprintf("match %d/%d", r.cur+1, len(r.matches))
}

// setLines hands the viewport the lines to scroll through. The viewport
// keeps the offset arithmetic; view draws the lines itself, from widths
// measured once per render, because measuring every styled line on every
// frame was most of the cost of a frame.
func (r *readerPane) setLines(lines []string, marked bool) {
	r.lines, r.marked = lines, marked
	r.vp.SetContentLines(slices.Clone(lines))
}

func (r readerPane) view(st styles) string {
	if r.width <= 0 || r.height <= 0 {
		return ""
	}
	var sb strings.Builder
	rows := r.height
	if len(r.crumb) > 0 && r.height > 1 {
		sb.WriteString(pad(crumbLine(r.crumb, r.width, st), r.width))
		sb.WriteByte('\n')
		rows--
	}
	if !r.ready {
		body := "\n" + wrapPlain(r.note, r.width-4, "  ", st.placeholder)
		sb.WriteString(fitBlock(body, r.width, rows))
		return sb.String()
	}
	top := r.vp.YOffset()
	for row := range rows {
		if row > 0 {
			sb.WriteByte('\n')
		}
		w := 0
		if i := top + row; i < len(r.lines) {
			line := r.lines[i]
			if w = r.widths[i]; w > r.width {
				// only when the pane is narrower than the narrowest render;
				// the cut may leave a style or a hyperlink open
				line, w = clip(line, r.width)+"\x1b[m", r.width
				if strings.Contains(line, "\x1b]8;") {
					line += hyperlinkEnd
				}
			}
			sb.WriteString(line)
		}
		sb.WriteString(strings.Repeat(" ", r.width-w))
	}
	return sb.String()
}
