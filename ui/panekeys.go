package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Each pane's own keys. An update reports whether a binding took the key;
// the root then does what the move means for the rest of the screen.

// update moves the list's selection or starts its filter.
func (l listPane) update(msg tea.KeyPressMsg, km keyMap) (listPane, bool) {
	switch {
	case key.Matches(msg, km.Down):
		l.step(1)
	case key.Matches(msg, km.Up):
		l.step(-1)
	case key.Matches(msg, km.Top):
		l.moveTo(0)
	case key.Matches(msg, km.Bottom):
		l.moveTo(len(l.visible) - 1)
	case key.Matches(msg, km.Search):
		l.startFilter()
	case key.Matches(msg, km.Fold):
		l.toggleFold()
	default:
		return l, false
	}
	return l, true
}

// updatePrompt handles a key while the filter is being typed: esc drops
// the filter, enter keeps it, the arrows still move (moved), the rest is
// text. The keys are fixed: a prompt must always be closable.
func (l listPane) updatePrompt(msg tea.KeyPressMsg) (_ listPane, moved bool) {
	switch msg.String() {
	case "esc":
		l.clearFilter()
	case "enter":
		l.stopFilter()
	case "up":
		l.step(-1)
		return l, true
	case "down":
		l.step(1)
		return l, true
	default:
		l.updateFilter(msg)
	}
	return l, false
}

// update scrolls the story, starts its search, or steps between matches
// while there are some (n is the next story otherwise).
func (r readerPane) update(msg tea.KeyPressMsg, km keyMap, st styles) (readerPane, bool) {
	if r.scroll(msg, km) {
		return r, true
	}
	switch {
	case key.Matches(msg, km.Search):
		r.startSearch()
	case len(r.matches) > 0 && key.Matches(msg, km.NextMatch):
		r.stepMatch(1, st)
	case len(r.matches) > 0 && key.Matches(msg, km.PrevMatch):
		r.stepMatch(-1, st)
	default:
		return r, false
	}
	return r, true
}

// scroll moves the story by the scrolling keys.
func (r *readerPane) scroll(msg tea.KeyPressMsg, km keyMap) bool {
	switch {
	case key.Matches(msg, km.Down):
		r.lineDown(1)
	case key.Matches(msg, km.Up):
		r.lineUp(1)
	case key.Matches(msg, km.Top):
		r.top()
	case key.Matches(msg, km.Bottom):
		r.bottom()
	case key.Matches(msg, km.PageDown):
		r.pageDown()
	case key.Matches(msg, km.PageUp):
		r.pageUp()
	case key.Matches(msg, km.HalfPageDown):
		r.halfDown()
	case key.Matches(msg, km.HalfUp):
		r.halfUp()
	default:
		return false
	}
	return true
}

// updatePrompt handles a key while the search is being typed: esc drops
// the search, enter keeps it for n and N (kept), the rest is text.
func (r readerPane) updatePrompt(msg tea.KeyPressMsg, st styles) (_ readerPane, kept bool) {
	switch msg.String() {
	case "esc":
		r.clearSearch()
	case "enter":
		r.acceptSearch()
		return r, true
	default:
		r.updateSearch(msg, st)
	}
	return r, false
}

// update moves the links list's cursor or closes the list.
func (p linksPane) update(msg tea.KeyPressMsg, km keyMap, h int) (linksPane, bool) {
	page := max((h-linksHeader)/linkRows, 1)
	switch {
	case key.Matches(msg, km.Back, km.Links, km.WalkBack):
		p.close()
	case key.Matches(msg, km.Down, km.Next):
		p.move(p.cursor+1, h)
	case key.Matches(msg, km.Up, km.Prev):
		p.move(p.cursor-1, h)
	case key.Matches(msg, km.PageDown, km.HalfPageDown):
		p.move(p.cursor+page, h)
	case key.Matches(msg, km.PageUp, km.HalfUp):
		p.move(p.cursor-page, h)
	case key.Matches(msg, km.Top):
		p.move(0, h)
	case key.Matches(msg, km.Bottom):
		p.move(len(p.links)-1, h)
	default:
		return p, false
	}
	return p, true
}

// helpScreen is the full key help's state: whether it is open, and the
// first of its lines on screen when it is taller than the window.
type helpScreen struct {
	open bool
	top  int
}

// update scrolls help by a line or a page (page rows), within its last
// top line, or closes it.
func (h helpScreen) update(msg tea.KeyPressMsg, km keyMap, page, last int) (helpScreen, bool) {
	n := 0
	switch {
	case key.Matches(msg, km.Back):
		return helpScreen{}, true
	case key.Matches(msg, km.Down):
		n = 1
	case key.Matches(msg, km.Up):
		n = -1
	case key.Matches(msg, km.PageDown, km.HalfPageDown):
		n = page
	case key.Matches(msg, km.PageUp, km.HalfUp):
		n = -page
	case key.Matches(msg, km.Top):
		n = -last - h.top
	case key.Matches(msg, km.Bottom):
		n = last
	default:
		return h, false
	}
	h.top = min(max(min(h.top, last)+n, 0), last)
	return h, true
}
