package ui

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/story"
)

// listPane is the left pane: every story and its related items, a
// selection, and the filter typed after /. The selection is remembered by
// key so it survives new sources arriving and the filter changing.
type listPane struct {
	all     []entry // every entry, in source order
	index   listIndex
	visible []int // indexes into all that pass the filter and are not folded
	rank    []int // each visible entry's place among those that pass the filter
	matched int   // how many entries pass the filter, folded or not
	top     []int // the row each visible entry starts on
	tall    []int // the rows each visible entry takes at this width
	rows    int   // total rows of the visible entries

	cursor int  // index into visible; -1 when nothing is visible
	moved  bool // the reader has chosen a story (a key, a click, a walk)
	offset int  // first row on screen
	width  int
	height int

	filter    lineInput
	filtering bool // the filter input has the keyboard
	remote    bool // the filter's text searches elsewhere (the library): every row shows

	// Related items are folded under their main story except for the
	// selected story's group (open); unfold shows every group's, and so
	// does a filter, so that it finds related items too.
	open   groupKey
	unfold bool

	now time.Time // what the ages in the list are counted from

	// drawn caches the rows of entries at the current width and styles:
	// redrawing every title through lipgloss on every frame was most of a
	// frame's cost. It is a pointer so the copies of the model Bubble Tea
	// passes around share one cache.
	drawn *map[drawKey][]string
}

// drawKey names one way of drawing an entry: its index into all, and for
// the selection, whether the list has the focus.
type drawKey struct {
	i                 int
	selected, focused bool
	folded            bool
}

func newListPane(unfold bool, now time.Time) listPane {
	drawn := map[drawKey][]string{}
	return listPane{
		unfold: unfold,
		now:    now,
		cursor: -1,
		filter: lineInput{prompt: "/", placeholder: "filter by title or site"},
		drawn:  &drawn,
	}
}

// setNow counts the list's ages from t from now on.
func (l *listPane) setNow(t time.Time) {
	l.now = t
	l.redraw()
}

// redraw forgets the drawn rows, after a change of entries, width or styles.
func (l *listPane) redraw() {
	clear(*l.drawn)
}

// selected is the selected entry, if any.
func (l listPane) selected() (entry, bool) {
	if l.cursor < 0 || l.cursor >= len(l.visible) {
		return entry{}, false
	}
	return l.all[l.visible[l.cursor]], true
}

// setEntries replaces the entries, keeping the selection on the same story
// when it is still there. Until the reader has chosen a story the
// selection is the first one, whichever source happened to arrive first.
func (l *listPane) setEntries(all []entry) {
	prev, had := l.selected()
	l.all = all
	l.index = newListIndex(all)
	l.redraw()
	l.refilter(prev.key, had && l.moved)
}

// query is the active filter text: what is being typed or was accepted.
func (l listPane) query() string { return strings.TrimSpace(l.filter.Value()) }

// refilter recomputes the visible entries and puts the cursor back on keep
// when it is still visible, else on the first entry. The group of the
// entry the cursor lands on is the one unfolded.
func (l *listPane) refilter(keep entryKey, had bool) {
	terms := strings.Fields(strings.ToLower(l.query()))
	if l.remote {
		terms = nil
	}
	l.open = l.openGroup(keep, had, terms)
	folding := l.folding()
	// Fresh slices, not l.visible[:0]: an older copy of the model may
	// still be looking at the old ones.
	l.visible = make([]int, 0, len(l.all))
	l.rank = make([]int, 0, len(l.all))
	l.matched = 0
	for i, e := range l.all {
		if !matchesAll(e.match, terms) {
			continue
		}
		l.matched++
		if !folding || !e.related || groupOf(e.key) == l.open {
			l.visible = append(l.visible, i)
			l.rank = append(l.rank, l.matched-1)
		}
	}
	l.measure()

	l.cursor = -1
	if len(l.visible) > 0 {
		l.cursor = 0
	}
	if had {
		for n, i := range l.visible {
			if l.all[i].key == keep {
				l.cursor = n
				break
			}
		}
	}
	l.ensureVisible()
}

// openGroup is the group to unfold: keep's when it is listed and passes
// the filter terms, else the first entry's that does.
func (l listPane) openGroup(keep entryKey, had bool, terms []string) groupKey {
	first, found := groupKey{}, false
	for _, e := range l.all {
		if !matchesAll(e.match, terms) {
			continue
		}
		if had && e.key == keep {
			return groupOf(e.key)
		}
		if !found {
			first, found = groupOf(e.key), true
		}
	}
	return first
}

// folding reports whether related items are folded now: not while
// unfolded by the fold key, nor while a filter is in use.
func (l listPane) folding() bool {
	return !l.unfold && l.query() == ""
}

// folded reports whether entry i is a main story whose related items are
// hidden.
func (l listPane) folded(i int) bool {
	e := l.all[i]
	return !e.related && e.nRelated > 0 && l.folding() && groupOf(e.key) != l.open
}

// toggleFold shows every group's related items, or folds them again.
func (l *listPane) toggleFold() {
	l.unfold = !l.unfold
	prev, had := l.selected()
	l.refilter(prev.key, had)
}

// step moves the selection to the next entry (d 1) or the one before
// (d -1) in the unfolded order, unfolding its group: k from a story
// lands on the last related item of the story above, as j from that item
// would have reached it.
func (l *listPane) step(d int) {
	if l.cursor < 0 {
		l.moveTo(0)
		return
	}
	terms := strings.Fields(strings.ToLower(l.query()))
	for i := l.visible[l.cursor] + d; i >= 0 && i < len(l.all); i += d {
		if !matchesAll(l.all[i].match, terms) {
			continue
		}
		if n := l.cursor + d; n >= 0 && n < len(l.visible) && l.visible[n] == i {
			l.moveTo(n) // listed: the list refolds only when it enters another story
			return
		}
		l.moved = true
		l.refilter(l.all[i].key, true) // folded: unfold its story
		return
	}
}

// measure lays the visible entries out in rows at the current width.
func (l *listPane) measure() {
	l.top = make([]int, 0, len(l.visible))
	l.tall = make([]int, 0, len(l.visible))
	row := 0
	for n, i := range l.visible {
		if n > 0 && !l.all[i].related {
			row++ // a blank row between story groups
		}
		h := entryRows(l.all[i], l.width)
		l.top = append(l.top, row)
		l.tall = append(l.tall, h)
		row += h
	}
	l.rows = row
}

// matchesAll reports whether every term starts a word of s: "rust" finds
// "Rust" and "rusty" but not "trusting".
func matchesAll(s string, terms []string) bool {
	for _, t := range terms {
		if !atWordStart(s, t) {
			return false
		}
	}
	return true
}

// atWordStart reports whether t occurs in s where a word starts: at the
// beginning, after a rune that is not a letter or digit, or where the text
// has no spaces to mark words (Han, kana, Thai…), anywhere.
func atWordStart(s, t string) bool {
	if t == "" {
		return true
	}
	for i := 0; ; {
		j := strings.Index(s[i:], t)
		if j < 0 {
			return false
		}
		at := i + j
		prev, _ := utf8.DecodeLastRuneInString(s[:at])
		first, _ := utf8.DecodeRuneInString(t)
		if at == 0 || !(unicode.IsLetter(prev) || unicode.IsDigit(prev)) || story.Unspaced(prev) || story.Unspaced(first) {
			return true
		}
		_, size := utf8.DecodeRuneInString(s[at:])
		i = at + size
	}
}

func (l *listPane) setSize(w, h int) {
	w, h = max(w, 0), max(h, 0)
	resized := w != l.width
	l.width, l.height = w, h
	if resized {
		l.redraw()
		l.measure() // titles take one line or two by width
	}
	l.ensureVisible()
}

// moveTo selects the visible entry n (clamped) and scrolls it into view.
func (l *listPane) moveTo(n int) {
	l.moved = true
	if len(l.visible) == 0 {
		l.cursor = -1
		return
	}
	l.cursor = min(max(n, 0), len(l.visible)-1)
	if e, _ := l.selected(); l.folding() && groupOf(e.key) != l.open {
		l.refilter(e.key, true) // unfold the group it moved into
	}
	l.ensureVisible()
}

func (l *listPane) ensureVisible() {
	if l.cursor >= 0 && l.height > 0 {
		start, end := l.top[l.cursor], l.top[l.cursor]+l.tall[l.cursor]
		if l.cursor == 0 {
			start = 0
		}
		if start < l.offset {
			l.offset = start
		}
		if end > l.offset+l.height {
			l.offset = end - l.height
		}
	}
	l.scroll(0)
}

// scroll moves the view by n rows without moving the selection (the mouse
// wheel does this).
func (l *listPane) scroll(n int) {
	l.offset = min(max(l.offset+n, 0), max(l.rows-l.height, 0))
}

// entryAt is the visible entry drawn on screen row y of the pane, or -1.
func (l listPane) entryAt(y int) int {
	if y < 0 || y >= l.height {
		return -1
	}
	row := l.offset + y
	n := sort.Search(len(l.top), func(i int) bool { return l.top[i] > row }) - 1
	if n < 0 || row >= l.top[n]+l.tall[n] {
		return -1
	}
	return n
}

// startFilter gives the keyboard to the filter input, keeping the filter
// there is so / refines it.
func (l *listPane) startFilter() {
	l.filtering = true
}

// stopFilter keeps the filter but gives the keyboard back.
func (l *listPane) stopFilter() {
	l.filtering = false
}

// clearFilter drops the filter, keeping the selection.
func (l *listPane) clearFilter() {
	prev, had := l.selected()
	l.stopFilter()
	l.filter.Reset()
	l.refilter(prev.key, had)
}

// updateFilter passes a key to the filter input and refilters as the user
// types.
func (l *listPane) updateFilter(msg tea.Msg) {
	if l.filter.update(msg) {
		prev, had := l.selected()
		l.refilter(prev.key, had)
	}
}

// row draws visible entry n, from the cache when it can.
func (l listPane) row(n int, focused bool, st styles) []string {
	k := drawKey{i: l.visible[n]}
	k.folded = l.folded(k.i)
	if n == l.cursor {
		k.selected, k.focused = true, focused
	}
	if r, ok := (*l.drawn)[k]; ok && len(r) == l.tall[n] {
		return r
	}
	e := l.all[k.i]
	e.meta = e.metaAt(l.now)
	if k.folded {
		e.meta = foldedMeta(e)
	}
	r := renderEntry(e, l.width, l.tall[n], k.selected, k.focused, st)
	(*l.drawn)[k] = r
	return r
}

// view draws the pane; empty is shown when there is nothing to list.
func (l listPane) view(st styles, focused bool, empty string) string {
	if l.width <= 0 || l.height <= 0 {
		return ""
	}
	if len(l.visible) == 0 {
		if q := l.query(); q != "" {
			empty = "No story matches “" + truncate(q, max(l.width-5, 3)) + "”. Esc clears the filter."
		}
		// the gutter's two cells before, one clear of the divider after
		return fitBlock(wrapPlain(empty, l.width-3, "  ", st.placeholder), l.width, l.height)
	}
	lines := make([]string, 0, l.height)
	first := sort.Search(len(l.top), func(i int) bool { return l.top[i]+l.tall[i] > l.offset })
	blank := strings.Repeat(" ", l.width)
	row := l.offset
	for n := first; n < len(l.visible) && len(lines) < l.height; n++ {
		for ; row < l.top[n] && len(lines) < l.height; row++ {
			lines = append(lines, blank)
		}
		drawn := l.row(n, focused, st)
		for i := row - l.top[n]; i < l.tall[n] && len(lines) < l.height; i++ {
			lines = append(lines, drawn[i])
			row++
		}
	}
	for len(lines) < l.height {
		lines = append(lines, blank)
	}
	// Rows are drawn exactly l.width wide, so no fitBlock pass is needed.
	return strings.Join(lines, "\n")
}
