package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/sanitize"
)

// wheelStep is how many rows one mouse wheel notch scrolls.
const wheelStep = 3

// Update handles one message. It only changes state and returns commands:
// loading and rendering happen in those commands, never here.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(msg.Width, 0), max(msg.Height, 0)
		m.relayout()
		m.links.move(m.links.cursor, m.layout().contentH)
		return m, m.showSelected()

	case tea.BackgroundColorMsg:
		// The chrome follows the terminal unless the story style is fixed
		// to light or dark, when it matches the story instead.
		switch {
		case m.auto:
			m.dark = msg.IsDark()
			m.style = render.Dark
			if !m.dark {
				m.style = render.Light
			}
		case m.style == render.Dark || m.style == render.Light:
			m.dark = m.style == render.Dark
		default:
			m.dark = msg.IsDark()
		}
		m.applyStyles()
		return m, m.showSelected()

	case docLoaded:
		return m.onDocLoaded(msg)

	case storyRendered:
		return m.onRendered(msg)

	case walkDone:
		return m.onWalkDone(msg)

	case reloadDone:
		return m.onReloadDone(msg)

	case spinTick:
		return m.onSpin(msg)

	case loadSpinTick:
		if m.pending() == 0 {
			return m, nil
		}
		m.loadFrame = (m.loadFrame + 1) % len(spinFrames)
		return m, m.after(spinEvery, msg)

	case urlOpened:
		return m.onOpened(msg)

	case statusTick:
		m.status.tick(msg.seq)
		return m, nil

	case tea.KeyPressMsg:
		return m.onKey(msg)

	case tea.MouseWheelMsg:
		return m.onWheel(msg.Mouse())

	case tea.MouseClickMsg:
		return m.onClick(msg.Mouse())
	}

	// Anything else (a paste, say) belongs to whichever input is open.
	switch {
	case m.list.filtering:
		m.list.updateFilter(msg)
		return m, m.showSelected()
	case m.reader.searching:
		m.reader.updateSearch(msg, m.styles)
	}
	return m, nil
}

// applyStyles rebuilds every style for the current background.
func (m *Model) applyStyles() {
	m.styles = chromeStyles(m.dark, m.style)
	m.help.Styles = m.styles.help
	m.hints = map[hintKey]string{}
	m.list.redraw()
	if m.reader.ready {
		m.reader.refreshSearch(m.styles, false) // match highlights use the styles too
	}
}

func (m Model) onDocLoaded(msg docLoaded) (tea.Model, tea.Cmd) {
	if msg.slot < 0 || msg.slot >= len(m.slots) || m.slots[msg.slot].gen != msg.gen {
		return m, nil // a load that was superseded
	}
	s := &m.slots[msg.slot]
	s.loaded, s.entries, s.failed = true, msg.entries, msg.errs
	m.list.setEntries(m.allEntries())
	return m, tea.Batch(m.showSelected(), m.notifyAll(msg.errs))
}

func (m Model) onKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if msg.String() == "ctrl+c" {
		// always a way out, whatever the key overrides say
		return m.quit()
	}
	switch {
	case m.list.filtering:
		return m.onFilterKey(msg)
	case m.reader.searching:
		return m.onSearchKey(msg)
	case m.showHelp:
		km, page := m.keys, max(m.layout().contentH-1, 1)
		switch {
		case key.Matches(msg, km.Quit):
			return m.quit()
		case key.Matches(msg, km.Help, km.Back):
			m.showHelp, m.helpTop = false, 0
		case key.Matches(msg, km.Down):
			m.scrollHelp(1)
		case key.Matches(msg, km.Up):
			m.scrollHelp(-1)
		case key.Matches(msg, km.PageDown, km.HalfPageDown):
			m.scrollHelp(page)
		case key.Matches(msg, km.PageUp, km.HalfUp):
			m.scrollHelp(-page)
		case key.Matches(msg, km.Top):
			m.helpTop = 0
		case key.Matches(msg, km.Bottom):
			m.scrollHelp(1 << 20)
		}
		return m, nil
	case m.links.open:
		return m.onLinksKey(msg)
	}

	km := m.keys
	inReader := m.focus == readerFocus
	switch {
	case key.Matches(msg, km.Quit):
		return m.quit()
	case key.Matches(msg, km.Help):
		m.showHelp = true
	case key.Matches(msg, km.Focus):
		m.focus = m.focus.other()
	case key.Matches(msg, km.Back):
		switch {
		case m.op.kind != opNone:
			target := m.op.target
			m.cancelOp()
			t := sanitize.Line(target)
			return m, m.notify(sayAbout("stopped loading "+t, t))
		case m.pending() > 0:
			return m, m.stopLoads()
		case inReader && m.reader.query() != "":
			m.reader.clearSearch()
		case m.list.query() != "":
			m.list.clearFilter()
			return m, m.showSelected()
		case inReader:
			m.focus = listFocus
		}
	case key.Matches(msg, km.WalkBack):
		return m.walkBack()
	case key.Matches(msg, km.Links):
		return m.showLinks()
	case key.Matches(msg, km.Browser):
		return m.browse()
	case key.Matches(msg, km.Copy):
		return m.copyURL()
	case key.Matches(msg, km.Reload):
		return m.reload()
	case key.Matches(msg, km.Search):
		if inReader {
			m.reader.startSearch()
		} else {
			m.list.startFilter()
		}
	case inReader && len(m.reader.matches) > 0 && key.Matches(msg, km.NextMatch):
		m.reader.stepMatch(1, m.styles)
	case inReader && len(m.reader.matches) > 0 && key.Matches(msg, km.PrevMatch):
		m.reader.stepMatch(-1, m.styles)
	case key.Matches(msg, km.Next):
		return m.stepStory(1)
	case key.Matches(msg, km.Prev):
		return m.stepStory(-1)
	case key.Matches(msg, km.PageDown):
		m.reader.pageDown()
	case key.Matches(msg, km.PageUp):
		m.reader.pageUp()
	case key.Matches(msg, km.HalfPageDown):
		m.reader.halfDown()
	case key.Matches(msg, km.HalfUp):
		m.reader.halfUp()
	case key.Matches(msg, km.Open):
		return m.openSelected()
	case inReader:
		m.onReaderKey(msg)
	default:
		return m.onListKey(msg)
	}
	return m, nil
}

func (m *Model) onReaderKey(msg tea.KeyPressMsg) {
	switch km := m.keys; {
	case key.Matches(msg, km.Down):
		m.reader.lineDown(1)
	case key.Matches(msg, km.Up):
		m.reader.lineUp(1)
	case key.Matches(msg, km.Top):
		m.reader.top()
	case key.Matches(msg, km.Bottom):
		m.reader.bottom()
	}
}

func (m Model) onListKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch km := m.keys; {
	case key.Matches(msg, km.Down):
		return m.moveSelection(m.list.cursor + 1)
	case key.Matches(msg, km.Up):
		return m.moveSelection(m.list.cursor - 1)
	case key.Matches(msg, km.Top):
		return m.moveSelection(0)
	case key.Matches(msg, km.Bottom):
		return m.moveSelection(len(m.list.visible) - 1)
	}
	return m, nil
}

// onFilterKey handles keys while the list filter is being typed: esc drops
// the filter, enter keeps it, the arrows still move, the rest is text.
func (m Model) onFilterKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "esc":
		m.list.clearFilter()
	case "enter":
		m.list.stopFilter()
	case "up":
		return m.moveSelection(m.list.cursor - 1)
	case "down":
		return m.moveSelection(m.list.cursor + 1)
	default:
		m.list.updateFilter(msg)
	}
	return m, m.showSelected()
}

// onSearchKey handles keys while the reader search is being typed: esc
// drops the search, enter keeps it for n/N, the rest is text.
func (m Model) onSearchKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "esc":
		m.reader.clearSearch()
	case "enter":
		m.reader.acceptSearch()
		if q := m.reader.query(); q != "" && len(m.reader.matches) == 0 {
			return m, m.notify(say("no match for “" + q + "” in this story"))
		}
	default:
		m.reader.updateSearch(msg, m.styles)
	}
	return m, nil
}

// stepStory moves to the next readable story in direction d (1 or -1),
// passing over related items that are only a link with no page loaded:
// n and p read from story to story, j and k visit every entry.
func (m Model) stepStory(d int) (tea.Model, tea.Cmd) {
	for n := m.list.cursor + d; n >= 0 && n < len(m.list.visible); n += d {
		if e := m.list.all[m.list.visible[n]]; !e.stub || m.readable(e).key != e.key {
			return m.moveSelection(n)
		}
	}
	return m, nil
}

// moveSelection selects visible entry n and shows it in the reader. What
// the status bar said was about the story left behind, so it goes.
func (m Model) moveSelection(n int) (tea.Model, tea.Cmd) {
	was, _ := m.list.selected()
	m.list.moveTo(n)
	if now, ok := m.list.selected(); ok && now.key != was.key && m.status.current.text != "" {
		m.status.clear()
	}
	return m, tea.Batch(m.showSelected(), m.loadSaved())
}

func (m Model) onWheel(mouse tea.Mouse) (tea.Model, tea.Cmd) {
	p, ok := m.paneAt(mouse.X, mouse.Y)
	if !ok {
		return m, nil
	}
	step := 0
	switch mouse.Button {
	case tea.MouseWheelDown:
		step = wheelStep
	case tea.MouseWheelUp:
		step = -wheelStep
	}
	if m.showHelp {
		m.scrollHelp(step)
		return m, nil
	}
	if m.links.open && (p == readerFocus || !m.layout().twoPane) {
		m.links.move(m.links.cursor+step/wheelStep, m.layout().contentH)
		return m, nil
	}
	if p == listFocus {
		m.list.scroll(step)
	} else if step > 0 {
		m.reader.lineDown(step)
	} else if step < 0 {
		m.reader.lineUp(-step)
	}
	return m, nil
}

func (m Model) onClick(mouse tea.Mouse) (tea.Model, tea.Cmd) {
	p, ok := m.paneAt(mouse.X, mouse.Y)
	if !ok || m.showHelp || mouse.Button != tea.MouseLeft {
		return m, nil
	}
	if m.links.open && (p == readerFocus || !m.layout().twoPane) {
		return m, nil // the links list takes keys only
	}
	if p == listFocus {
		m.links.close() // it lists the links of the story being left
	}
	m.focus = p
	if p == listFocus {
		if n := m.list.entryAt(mouse.Y); n >= 0 {
			return m.moveSelection(n)
		}
	}
	return m, nil
}

// onLinksKey handles keys while the links list is open: move, follow the
// chosen link, open or copy it, or close the list.
func (m Model) onLinksKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	km, h := m.keys, m.layout().contentH
	page := max((h-linksHeader)/linkRows, 1)
	switch {
	case key.Matches(msg, km.Quit):
		return m.quit()
	case key.Matches(msg, km.Back, km.Links, km.WalkBack):
		m.links.close()
	case key.Matches(msg, km.Down, km.Next):
		m.links.move(m.links.cursor+1, h)
	case key.Matches(msg, km.Up, km.Prev):
		m.links.move(m.links.cursor-1, h)
	case key.Matches(msg, km.PageDown, km.HalfPageDown):
		m.links.move(m.links.cursor+page, h)
	case key.Matches(msg, km.PageUp, km.HalfUp):
		m.links.move(m.links.cursor-page, h)
	case key.Matches(msg, km.Top):
		m.links.move(0, h)
	case key.Matches(msg, km.Bottom):
		m.links.move(len(m.links.links)-1, h)
	case key.Matches(msg, km.Open):
		return m.followLink()
	case key.Matches(msg, km.Browser):
		return m.browse()
	case key.Matches(msg, km.Copy):
		return m.copyURL()
	case key.Matches(msg, km.Help):
		m.showHelp = true
	}
	return m, nil
}

// showLinks opens the links list for the selected story.
func (m Model) showLinks() (tea.Model, tea.Cmd) {
	e, ok := m.list.selected()
	if !ok {
		return m, nil
	}
	e = m.readable(e) // the links the reader shows
	if len(e.links) == 0 {
		return m, m.notify(say("this story has no links"))
	}
	m.links.show(e)
	return m, nil
}

// followLink walks to the chosen link: to the story if it is already
// loaded, else by loading its page.
func (m Model) followLink() (tea.Model, tea.Cmd) {
	l, ok := m.links.chosen()
	m.links.close()
	cur, had := m.list.selected()
	if !ok || !had {
		return m, nil
	}
	cur = m.readable(cur) // the story whose links these are
	norm := normURL(l.URL)
	if norm != "" && norm == cur.norm {
		return m, m.notify(say("that link is this story"))
	}
	if to, ok := m.findLoaded(norm, "", cur.key); ok {
		return m.jump(to)
	}
	return m.walkTo(l.URL, cur.key)
}

// quit cancels everything in flight and ends the program.
func (m Model) quit() (tea.Model, tea.Cmd) {
	m.cancelOp()
	m.cancel()
	if m.renderCancel != nil {
		m.renderCancel()
	}
	return m, tea.Quit
}
