package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
)

// The help screen: every key binding in columns, the failed sources, and a
// few words on what the keys cannot say for themselves.

// helpGap is the space between two columns of key help.
const helpGap = "   "

// helpView draws the help screen h rows tall, scrolled to its top line when it
// is taller than that.
func (m Model) helpView(h int) string {
	lines := m.helpLines(h)
	top := min(max(m.helpScr.top, 0), max(len(lines)-h, 0))
	return fitBlock(strings.Join(lines[top:], "\n"), m.width, h)
}

// scrollHelp moves the help screen n rows down (up when n < 0), within it.
func (m *Model) scrollHelp(n int) {
	h := m.layout().contentH
	last := max(len(m.helpLines(h))-h, 0)
	m.helpScr.top = min(max(min(m.helpScr.top, last)+n, 0), last)
}

// helpLines is the whole help screen, one line each, for a window h rows
// tall: the title says how to scroll when it does not fit.
func (m Model) helpLines(h int) []string {
	keys := keyColumns(m.keys.FullHelp(), m.width-4, m.styles.help)
	indented := "  " + strings.ReplaceAll(keys, "\n", "\n  ")
	search := firstKey(m.keys.Search)
	notes := wrapPlain(fmt.Sprintf("In the list, %s filters by title and site (enter keeps the filter, esc drops it). "+
		m.libraryHelp()+
		"In the reader, %s searches the story and %s move between matches. "+
		"%s before a related story means a copy is saved for reading offline. "+
		"%s on a related story that is only a link loads it here, and its related stories join the list under it; "+
		"%s returns along the way you walked. Links in a story are numbered, text[3]; %s lists them to follow one. "+
		"The mouse wheel scrolls the pane under the pointer; a click selects a story or focuses a pane.",
		search, search, firstKeys(m.keys.NextMatch, m.keys.PrevMatch), savedGlyph,
		firstKey(m.keys.Open), firstKey(m.keys.WalkBack), firstKey(m.keys.Links)),
		m.width-4, "  ", m.styles.meta)
	body := indented + "\n\n" + m.failuresView() + notes
	closes := "  (" + firstKey(m.keys.Help) + " or " + firstKey(m.keys.Back) + " closes"
	if strings.Count(body, "\n")+4 > h {
		closes += ", " + firstKeys(m.keys.Down, m.keys.Up) + " scroll"
	}
	title := m.styles.helpTitle.Render("tread keys") + m.styles.meta.Render(closes+")")
	return strings.Split("\n  "+title+"\n\n"+body, "\n")
}

// failuresView lists the sources that failed to load, for help: the status
// bar only ever has room for the latest and a count. "" when none failed.
func (m Model) failuresView() string {
	fs := m.failures()
	if len(fs) == 0 {
		return ""
	}
	var b strings.Builder
	head := "1 source failed to load:"
	if len(fs) > 1 {
		head = fmt.Sprintf("%d sources failed to load:", len(fs))
	}
	b.WriteString("  " + m.styles.statusErr.UnsetBackground().UnsetReverse().Render(head) + "\n")
	for _, f := range fs {
		b.WriteString("  " + fitNotice(f, max(m.width-4, 1)) + "\n")
	}
	return b.String() + "\n"
}

// keyColumns lays the bindings out in as many columns as fit in w cells:
// the groups side by side when they fit, else every binding, in order,
// flowed down fewer columns, so that no binding is ever cut to "…" while
// there is any way to show it whole. Only a single column too wide for w
// has its descriptions cut.
func keyColumns(groups [][]key.Binding, w int, st help.Styles) string {
	var all []key.Binding
	var cols [][]key.Binding
	for _, g := range groups {
		var col []key.Binding
		for _, b := range g {
			if b.Enabled() {
				col = append(col, b)
			}
		}
		if len(col) > 0 {
			cols = append(cols, col)
			all = append(all, col...)
		}
	}
	if len(all) == 0 || w <= 0 {
		return ""
	}
	if columnsWidth(cols) > w {
		for n := len(cols) - 1; n >= 1; n-- {
			cols = flow(all, n)
			if n == 1 || columnsWidth(cols) <= w {
				break
			}
		}
	}
	return columnLines(cols, w, st)
}

// columnLines sets columns of bindings side by side, each as wide as its
// widest key and description; a single column's descriptions are cut to
// fit w.
func columnLines(cols [][]key.Binding, w int, st help.Styles) string {
	rows := 0
	for _, c := range cols {
		rows = max(rows, len(c))
	}
	lines := make([]string, rows)
	for ci, c := range cols {
		keyW, descW := columnWidths(c)
		if len(cols) == 1 {
			descW = max(min(descW, w-keyW-1), 1)
		}
		for r := range rows {
			if r >= len(c) {
				if ci < len(cols)-1 {
					lines[r] += strings.Repeat(" ", keyW+1+descW) + helpGap
				}
				continue
			}
			h := c[r].Help()
			cell := st.FullKey.Render(pad(h.Key, keyW)) + " " + st.FullDesc.Render(pad(truncate(h.Desc, descW), descW))
			if ci < len(cols)-1 {
				cell += helpGap
			}
			lines[r] += cell
		}
	}
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// flow splits bindings into n columns of equal length, the last shorter.
func flow(all []key.Binding, n int) [][]key.Binding {
	per := (len(all) + n - 1) / n
	var cols [][]key.Binding
	for len(all) > 0 {
		k := min(per, len(all))
		cols = append(cols, all[:k])
		all = all[k:]
	}
	return cols
}

// columnWidths is the widest key and the widest description in a column.
func columnWidths(c []key.Binding) (keyW, descW int) {
	for _, b := range c {
		keyW = max(keyW, ansi.StringWidth(b.Help().Key))
		descW = max(descW, ansi.StringWidth(b.Help().Desc))
	}
	return keyW, descW
}

// columnsWidth is the cells columns of key help take side by side.
func columnsWidth(cols [][]key.Binding) int {
	w := 0
	for i, c := range cols {
		keyW, descW := columnWidths(c)
		w += keyW + 1 + descW
		if i > 0 {
			w += len(helpGap)
		}
	}
	return w
}
