package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"
	"github.com/tread-reader/tread/keymap"
	"github.com/tread-reader/tread/sanitize"
)

// layout is where things go on screen for the current window size.
type layout struct {
	twoPane  bool
	listW    int // list pane width (the whole width when one pane shows)
	readerW  int // reader pane width
	inset    int // columns left blank before the reader (the reading mode centres it)
	contentH int // rows above the status bar
}

func (m Model) layout() layout {
	l := layout{contentH: max(m.height-1, 0)}
	if m.reading {
		l.listW = max(m.width, 0)
		l.readerW = min(l.listW, m.wrapWidth(l.listW))
		l.inset = (l.listW - l.readerW) / 2
		return l
	}
	if m.width >= narrowWidth {
		l.twoPane = true
		l.listW = min(max(m.width*35/100, 28), 56)
		if m.listWidth != nil {
			// The list keeps room for a title and the reader for a
			// readable column, whatever the setting asks.
			l.listW = min(max(m.listWidth(m.width), minListW), m.width-1-minReaderW)
		}
		l.readerW = m.width - l.listW - 1 // one column for the divider
		return l
	}
	l.listW, l.readerW = max(m.width, 0), max(m.width, 0)
	return l
}

// relayout hands the panes their sizes after a resize.
func (m *Model) relayout() {
	l := m.layout()
	m.list.setSize(l.listW, l.contentH)
	m.reader.setSize(l.readerW, l.contentH)
	m.help.SetWidth(max(m.width-2, 0))
}

// paneAt says which pane is drawn at a cell, for the mouse.
func (m Model) paneAt(x, y int) (pane, bool) {
	l := m.layout()
	if y < 0 || y >= l.contentH || x < 0 || x >= m.width {
		return 0, false
	}
	if !l.twoPane {
		return m.focus, true
	}
	switch {
	case x < l.listW:
		return listFocus, true
	case x > l.listW:
		return readerFocus, true
	}
	return 0, false // the divider
}

// View draws the whole screen. Every part is clipped to its box, so any
// window size, down to zero, gives a frame that fits.
func (m Model) View() tea.View {
	var v tea.View
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = m.windowTitle()
	if m.width <= 0 || m.height <= 0 {
		return v
	}
	body := m.bodyView(m.layout())
	status := m.statusView()
	if body == "" {
		v.SetContent(status)
	} else {
		v.SetContent(body + "\n" + status)
	}
	return v
}

// bodyView draws everything above the status bar.
func (m Model) bodyView(l layout) string {
	switch {
	case l.contentH == 0:
		return ""
	case m.helpScr.open:
		return m.helpView(l.contentH)
	case m.reading && m.overlayOpen():
		return indentBlock(m.overlayView(l.readerW, l.contentH), l.inset, m.width)
	case m.reading:
		return indentBlock(m.reader.view(m.styles), l.inset, m.width)
	case l.twoPane:
		div := m.styles.divider
		if m.focus == readerFocus || m.links.open {
			div = m.styles.dividerFocus
		}
		rule := strings.TrimSuffix(strings.Repeat(div.Render("│")+"\n", l.contentH), "\n")
		right := m.reader.view(m.styles)
		if m.overlayOpen() {
			right = m.overlayView(l.readerW, l.contentH)
		}
		return joinColumns(
			m.list.view(m.styles, m.focus == listFocus && !m.links.open, m.emptyListNote()),
			rule,
			right,
		)
	case m.overlayOpen():
		return m.overlayView(m.width, l.contentH)
	case m.focus == listFocus:
		return m.list.view(m.styles, true, m.emptyNote())
	}
	return m.reader.view(m.styles)
}

// windowTitle is the selected story's title: already sanitized when the
// entry was made, and cut short because some terminals choke on long titles.
func (m Model) windowTitle() string {
	if e, ok := m.list.selected(); ok {
		t := sanitize.Line(e.head.Title) // the title alone, without the list's marks
		if t == "" {
			t = e.title
		}
		return truncate(t, 120)
	}
	return "tread"
}

// statusView is the bottom line.
func (m Model) statusView() string {
	position := ""
	if n := m.list.matched; n > 0 && m.list.cursor >= 0 {
		// places in the whole list, folded items counted
		position = fmt.Sprintf("%d/%d", m.list.rank[m.list.cursor]+1, n)
		if m.lib.more() {
			position += "+" // the library has rows not read yet
		}
		if q := m.list.query(); q != "" && n != len(m.list.all) {
			position += fmt.Sprintf(" of %d", len(m.list.all))
		}
	}
	inputOpen := m.list.filtering || m.reader.searching
	middle := func(room int) string {
		switch {
		case m.list.filtering:
			return m.filterView(room)
		case m.reader.searching:
			return m.reader.search.view(room, m.styles)
		case m.lib.confirm > 0:
			return m.noticeView(m.lib.ask, room) // a question stays until answered
		case m.op.kind != opNone:
			return m.opLine(room, m.status.current)
		case m.pending() > 0:
			return m.loadsLine(room, m.status.current)
		case m.status.current.text != "":
			return m.noticeView(m.status.current, room)
		}
		k := hintKey{room: room, where: m.hintPane()}
		if hint, ok := m.hints[k]; ok {
			return hint
		}
		h := m.help
		h.SetWidth(room)
		hint := h.ShortHelpView(m.keys.Hints(k.where))
		m.hints[k] = hint
		return hint
	}
	return statusLine(m.width, position, middle, m.statusRight(inputOpen), m.styles)
}

// hintPane is where the keys the status bar names act: the links list
// when it is open, else the pane with the focus.
func (m Model) hintPane() keymap.Pane {
	switch {
	case m.links.open:
		return keymap.InLinks
	case m.focus == readerFocus:
		return keymap.InReader
	}
	return keymap.InList
}

// statusRight is the status bar's right-hand facts: loads in progress
// when an input has the middle, the search's matches or the filter, and
// how many sources failed.
func (m Model) statusRight(inputOpen bool) string {
	var right []string
	if inputOpen {
		// the input has the loading line's place
		if m.op.kind != opNone {
			right = append(right, spinFrames[m.op.frame]+" loading")
		} else if n := m.pending(); n > 0 {
			right = append(right, fmt.Sprintf("%s loading %d", spinFrames[m.loadFrame], n))
		}
	}
	if info := m.reader.matchInfo(); info != "" && m.focus == readerFocus {
		right = append(right, info)
	} else if q := m.list.query(); q != "" && !m.list.filtering {
		right = append(right, "filter: "+q)
	}
	if n := m.pending(); n > 0 && m.op.kind != opNone && !inputOpen {
		right = append(right, fmt.Sprintf("loading %d", n)) // the walk has the middle
	}
	if n := len(m.failures()); n > 0 {
		right = append(right, fmt.Sprintf("%d failed", n))
	}
	return strings.Join(right, " · ")
}

// noticeView draws a notice in room cells, in the colour its kind calls for.
func (m Model) noticeView(n notice, room int) string {
	style := m.styles.statusNote
	if n.isErr {
		style = m.styles.statusErr
	}
	return style.Render(fitNotice(n, room))
}

// filterView is the filter's prompt, and beside it, while the library
// search typed cannot run, why: the rows shown are the last search's.
func (m Model) filterView(room int) string {
	in := m.list.filter.view(room, m.styles)
	if m.lib.failedQ == "" || m.lib.failedQ != m.lib.query {
		return in
	}
	rest := room - ansi.StringWidth(in) - 2
	if rest < minSubject {
		return in
	}
	return in + "  " + m.noticeView(m.lib.failed, rest)
}

// emptyListNote is the list's short version of emptyNote, for when the
// reader beside it has the long one.
func (m Model) emptyListNote() string {
	if m.pending() > 0 {
		return "Loading…"
	}
	return "No stories."
}

// emptyNote says why there is nothing to list or read.
func (m Model) emptyNote() string {
	switch {
	case len(m.list.all) > 0:
		return "No story selected."
	case m.pending() > 0:
		if n := m.pending(); n > 1 {
			return fmt.Sprintf("Loading %d sources…", n)
		}
		return "Loading " + sanitize.Line(m.firstPending()) + "…"
	case m.stoppedAll():
		return "Loading stopped: nothing to read."
	case len(m.failures()) > 0:
		return "Nothing to read: no source could be loaded.\n\n" + strings.Join(m.Errors(), "\n")
	case m.lib.src != nil:
		return m.lib.emptyNote(firstKey(m.keys.UnreadOnly))
	case len(m.slots) == 0:
		return "Nothing to read. Give tread a file, a folder or a URL, or run it with no arguments for the sample edition."
	}
	return "These sources hold no stories tread could find."
}

// stoppedAll says every source was stopped before it loaded anything.
func (m Model) stoppedAll() bool {
	for _, s := range m.slots {
		if !s.stopped {
			return false
		}
	}
	return len(m.slots) > 0
}
