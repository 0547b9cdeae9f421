package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// The reading mode hides the list and gives the story the whole window,
// wrapped to the reading width and centred. It is a fact of its own
// (Model.reading), beside the focus: the reader has the keyboard while it
// is on, and the focus key or the reading key brings the list back.

// toggleReading turns the reading mode on or off. The reader's choice
// sticks: a story arriving later no longer switches it by itself.
func (m Model) toggleReading() (tea.Model, tea.Cmd) {
	m.readingSet = true
	m.setReading(!m.reading)
	return m, m.showSelected()
}

// setReading turns the reading mode on (the reader takes the focus) or
// off (the list does), and lays the panes out again.
func (m *Model) setReading(on bool) {
	m.reading = on
	m.focus = listFocus
	if on {
		m.focus = readerFocus
		m.links.close()
	}
	m.relayout()
}

// maybeRead opens the reading mode by itself when everything has loaded
// and there is a single story with nothing related to list beside it,
// unless the reader has already chosen.
func (m *Model) maybeRead() {
	if m.readingSet || m.reading || m.pending() > 0 || len(m.list.all) != 1 {
		return
	}
	m.setReading(true)
}

// indentBlock sets every line of s in by n spaces and pads it to w cells.
func indentBlock(s string, n, w int) string {
	if n <= 0 {
		return s
	}
	lead := strings.Repeat(" ", n)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = pad(lead+l, w)
	}
	return strings.Join(lines, "\n")
}
