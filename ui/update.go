package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/render"
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
		pic := m.resizePicture() // before m is copied out: it changes m
		return m, tea.Batch(m.showSelected(), pic)

	case tea.BackgroundColorMsg:
		return m.onBackground(msg)

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
		return m.onLoadSpin(msg)

	case urlOpened:
		return m.onOpened(msg)

	case ageTick:
		return m.onAgeTick()

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

	return m.onOtherMsg(msg)
}

// onOtherMsg takes the messages about pictures (pictures.go), and gives
// anything else (a paste, say) to whichever input is open.
func (m Model) onOtherMsg(msg tea.Msg) (tea.Model, tea.Cmd) {
	if next, cmd, ok := m.onPictureMsg(msg); ok {
		return next, cmd
	}
	switch msg := msg.(type) {
	case folderRead:
		return m.onFolderRead(msg)
	case pageRead:
		return m.onPageRead(msg)
	case libPage:
		return m.onLibPage(msg)
	case libSearched:
		return m.onLibSearched(msg)
	case libChanged:
		return m.onLibChanged(msg)
	case refreshProgress:
		return m.onRefreshProgress(msg)
	case refreshDone:
		return m.onRefreshDone(msg)
	}
	switch {
	case m.list.filtering:
		m.list.updateFilter(msg)
		return m, tea.Batch(m.showSelected(), m.libSearch(m.list.query()))
	case m.reader.searching:
		m.reader.updateSearch(msg, m.styles)
	}
	return m, nil
}

// onBackground follows the terminal's background: the chrome follows it
// unless the story style is fixed to light or dark, when it matches the
// story instead.
func (m Model) onBackground(msg tea.BackgroundColorMsg) (tea.Model, tea.Cmd) {
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
}

// onLoadSpin turns the spinner of the sources' loads while any run.
func (m Model) onLoadSpin(msg loadSpinTick) (tea.Model, tea.Cmd) {
	if m.pending() == 0 {
		return m, nil
	}
	m.loadFrame = (m.loadFrame + 1) % len(spinFrames)
	return m, m.after(spinEvery, msg)
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
	if m.slots[msg.slot].lib != nil {
		return m.onLibLoaded(msg)
	}
	s := &m.slots[msg.slot]
	cur, had := m.list.selected()
	s.loaded, s.entries, s.failed = true, msg.entries, msg.errs
	m.list.setEntries(m.allEntries())
	if had && cur.key.slot == msg.slot && cur.key.gen != msg.gen {
		m.selectKey(m.sameStory(cur, s.entries)) // read again: the same story in it
	}
	m.maybeRead()
	// the first story may be a feed's summary whose article is saved
	return m, tea.Batch(m.showSelected(), m.loadSaved(), m.notifyAll(msg.errs), m.startAging(msg.entries))
}

// stepStory moves to the next readable story in direction d (1 or -1),
// passing over related items that are only a link with no page loaded:
// n and p read from story to story, j and k visit every entry.
func (m Model) stepStory(d int) (tea.Model, tea.Cmd) {
	for n := m.list.cursor + d; n >= 0 && n < len(m.list.visible); n += d {
		if e := m.list.all[m.list.visible[n]]; !e.stub || e.summary || m.readable(e).key != e.key {
			return m.moveSelection(n)
		}
	}
	return m, nil
}

// moveSelection selects visible entry n and shows it in the reader.
func (m Model) moveSelection(n int) (tea.Model, tea.Cmd) {
	was, _ := m.list.selected()
	m.list.moveTo(n)
	return m.selectionMoved(was)
}

// selectionMoved shows the story selected in place of was. What the status
// bar said was about the story left behind, so it goes.
func (m Model) selectionMoved(was entry) (tea.Model, tea.Cmd) {
	if now, ok := m.list.selected(); ok && now.key != was.key {
		m.status.clear()
		m.lib.confirm = 0 // a question about the page left behind is withdrawn
		m.lib.keep = ""   // the user chose another row than the one kept
	}
	return m, tea.Batch(m.keepPlace(was), m.showSelected(), m.loadSaved(), m.loadLib(), m.libMore())
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
	if m.helpScr.open {
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
	if !ok || m.helpScr.open || mouse.Button != tea.MouseLeft {
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
	for _, p := range cur.pictures {
		if p.src == l.URL {
			return m, m.openPicture(cur.url, p.src) // a picture, not a page
		}
	}
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
	free := tea.Batch(m.freeInline(), m.dropPicture()) // the terminal keeps pictures sent until told
	if e, ok := m.list.selected(); ok {
		return m, tea.Sequence(m.keepPlace(e), free, tea.Quit)
	}
	return m, tea.Sequence(free, tea.Quit)
}
