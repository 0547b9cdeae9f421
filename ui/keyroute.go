package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/keymap"
	"github.com/tread-reader/tread/sanitize"
)

// Keys: a prompt being typed takes every key; then the root takes the two
// that are the same everywhere (quit, help); then whatever is on top
// (help, the links list, or the pane with the focus) handles its own keys
// in update; what it leaves is the root's pane-crossing keys: walking,
// reloading, the browser, story to story. keymap's table says which
// action works where, and TestKeysWorkWhereTheTableSays holds the two
// together.

// keyRoute sends the keys of some bindings to a handler.
type keyRoute struct {
	keys []key.Binding
	do   func(Model) (tea.Model, tea.Cmd)
}

// route runs the first route whose bindings match msg; handled is false
// when none does.
func route(m Model, msg tea.KeyPressMsg, routes []keyRoute) (_ tea.Model, _ tea.Cmd, handled bool) {
	for _, r := range routes {
		if key.Matches(msg, r.keys...) {
			next, cmd := r.do(m)
			return next, cmd, true
		}
	}
	return m, nil, false
}

func (m Model) onKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	next, cmd, _ := m.routeKey(msg)
	return next, cmd
}

// routeKey hands msg to whatever has the keyboard; handled says whether a
// binding (or a prompt) took it.
func (m Model) routeKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd, bool) {
	switch {
	case msg.String() == keymap.Reserved:
		next, cmd := m.quit() // always a way out, whatever the settings say
		return next, cmd, true
	case m.lib.confirm > 0:
		return m.onConfirmKey(msg)
	case m.list.filtering:
		return m.onFilterKey(msg)
	case m.reader.searching:
		return m.onSearchKey(msg)
	case m.pics.view.open:
		return m.onPictureKey(msg)
	}
	global := []keyRoute{{[]key.Binding{m.keys.Quit}, Model.quit}, {[]key.Binding{m.keys.Help}, Model.toggleHelp}}
	if next, cmd, ok := route(m, msg, global); ok {
		return next, cmd, ok
	}
	switch {
	case m.helpScr.open:
		return m.onHelpKey(msg)
	case m.links.open:
		return m.onLinksKey(msg)
	case m.focus == readerFocus:
		var ok bool
		if m.reader, ok = m.reader.update(msg, m.keys, m.styles); ok {
			return m, nil, true
		}
	default:
		if next, cmd, ok := m.onListKey(msg); ok {
			return next, cmd, true
		}
	}
	return route(m, msg, m.paneRoutes(msg))
}

// paneRoutes are the keys of the list and the reader that reach past the
// pane with the focus.
func (m Model) paneRoutes(msg tea.KeyPressMsg) []keyRoute {
	km := m.keys
	one := func(b key.Binding) []key.Binding { return []key.Binding{b} }
	return []keyRoute{
		{one(km.Focus), Model.switchFocus},
		{one(km.Reading), Model.toggleReading},
		{one(km.Back), Model.back},
		{one(km.WalkBack), Model.walkBack},
		{one(km.Links), Model.showLinks},
		{one(km.Picture), Model.showPicture},
		{one(km.Browser), Model.browse},
		{one(km.Copy), Model.copyURL},
		{one(km.Reload), Model.reload},
		{one(km.Next), func(m Model) (tea.Model, tea.Cmd) { return m.stepStory(1) }},
		{one(km.Prev), func(m Model) (tea.Model, tea.Cmd) { return m.stepStory(-1) }},
		{one(km.Open), Model.openSelected},
		{one(km.MarkRead), Model.toggleRead},
		{one(km.Star), Model.toggleStar},
		{one(km.Delete), Model.askDelete},
		{one(km.UnreadOnly), Model.toggleUnread},
		{one(km.Refresh), Model.refreshFeeds},
		// From the list, the paging keys page the reader beside it.
		{[]key.Binding{km.PageDown, km.PageUp, km.HalfPageDown, km.HalfUp}, func(m Model) (tea.Model, tea.Cmd) {
			m.reader, _ = m.reader.update(msg, m.keys, m.styles)
			return m, nil
		}},
	}
}

func (m Model) toggleHelp() (tea.Model, tea.Cmd) {
	m.helpScr = helpScreen{open: !m.helpScr.open}
	return m, nil
}

// switchFocus moves the focus to the other pane; in the reading mode,
// where there is no list to move to, it brings the list back.
func (m Model) switchFocus() (tea.Model, tea.Cmd) {
	if m.reading {
		m.readingSet = true
		m.setReading(false)
		return m, m.showSelected()
	}
	m.focus = m.focus.other()
	if m.focus == readerFocus {
		return m, m.markOpened()
	}
	return m, nil
}

// back is esc outside the prompts and overlays: it stops the foreground
// load, else the sources' loads, else clears the story's search or the
// list's filter, else leaves the reader for the list.
func (m Model) back() (tea.Model, tea.Cmd) {
	inReader := m.focus == readerFocus
	switch {
	case m.op.kind != opNone:
		t := sanitize.Line(m.op.target)
		m.cancelOp()
		return m, m.notify(sayAbout("stopped loading "+t, t))
	case m.pending() > 0:
		return m, m.stopLoads()
	case inReader && m.reader.query() != "":
		m.reader.clearSearch()
	case m.list.query() != "":
		m.list.clearFilter()
		return m, tea.Batch(m.libSearch(""), m.showSelected())
	case inReader:
		m.focus = listFocus
	}
	return m, nil
}

// onListKey gives msg to the list pane, and shows the story it moved to.
func (m Model) onListKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd, bool) {
	was, _ := m.list.selected()
	var ok bool
	if m.list, ok = m.list.update(msg, m.keys); !ok || m.list.filtering {
		return m, nil, ok
	}
	next, cmd := m.selectionMoved(was)
	return next, cmd, true
}

// onFilterKey gives msg to the list's filter prompt.
func (m Model) onFilterKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd, bool) {
	was, _ := m.list.selected()
	var moved bool
	if m.list, moved = m.list.updatePrompt(msg); moved {
		next, cmd := m.selectionMoved(was)
		return next, cmd, true
	}
	return m, tea.Batch(m.libSearch(m.list.query()), m.showSelected()), true
}

// onSearchKey gives msg to the reader's search prompt, and says so when
// the search it keeps has no match.
func (m Model) onSearchKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd, bool) {
	var kept bool
	m.reader, kept = m.reader.updatePrompt(msg, m.styles)
	if q := m.reader.query(); kept && q != "" && len(m.reader.matches) == 0 {
		return m, m.notify(say("no match for “" + q + "” in this story")), true
	}
	return m, nil, true
}

// onHelpKey gives msg to the help screen.
func (m Model) onHelpKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd, bool) {
	h := m.layout().contentH
	last := max(len(m.helpLines(h))-h, 0)
	var ok bool
	m.helpScr, ok = m.helpScr.update(msg, m.keys, max(h-1, 1), last)
	return m, nil, ok
}

// onLinksKey gives msg to the links list; following, opening and copying
// the chosen link are the root's.
func (m Model) onLinksKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd, bool) {
	var ok bool
	if m.links, ok = m.links.update(msg, m.keys, m.layout().contentH); ok {
		return m, nil, true
	}
	km := m.keys
	return route(m, msg, []keyRoute{
		{[]key.Binding{km.Open}, Model.followLink},
		{[]key.Binding{km.Browser}, Model.browse},
		{[]key.Binding{km.Copy}, Model.copyURL},
	})
}
