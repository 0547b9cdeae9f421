package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// relatedIndent sets related items in under their main story.
const relatedIndent = 2

// savedGlyph marks a related item with a saved copy for offline reading. It
// sits in the related item's indent, so it costs no width.
const savedGlyph = "●"

// titleWidth is the room a title has in a list width cells wide: the
// gutter, the indent and a cell of margin before the divider taken off.
func titleWidth(e entry, width int) int {
	w := width - 3
	if e.related {
		w -= relatedIndent
	}
	return w
}

// entryRows is how many rows e takes at width: its title on one line, or
// two when it is too long for one (a headline cut at 35 columns says too
// little), and the meta line when there is anything to put on it.
func entryRows(e entry, width int) int {
	rows := titleRows(e, width) + libRows(e)
	if e.meta != "" {
		rows++
	}
	return rows
}

// titleRows is how many rows e's title takes at width.
func titleRows(e entry, width int) int {
	if w := titleWidth(e, width); w >= minWrapTitle && e.titleW > w {
		return 2
	}
	return 1
}

// minWrapTitle is the narrowest title room worth a second line; below it
// the pane is a sliver and one truncated line is all there is room for.
const minWrapTitle = 12

// titleLines splits a title into the lines it takes in w cells: word
// wrapped, the second line cut with "…" if the title is longer still.
func titleLines(title string, w int, rows int) []string {
	if rows <= 1 {
		return []string{truncate(title, w)}
	}
	lines := strings.Split(ansi.Wrap(title, w, ""), "\n")
	first := strings.TrimRight(lines[0], " ")
	// The second line is the rest of the title as it was written: joining
	// the wrapped lines with spaces would put one after every hyphen the
	// wrap broke at ("white- collar").
	rest, ok := strings.CutPrefix(title, first)
	if !ok {
		rest = strings.Join(lines[1:], " ")
	}
	second := truncate(strings.TrimSpace(rest), w)
	if cut, ok := strings.CutSuffix(second, "…"); ok {
		second = strings.TrimRight(cut, " ") + "…" // "of…", not "of …"
	}
	return []string{first, second}
}

// foldedMeta is a folded story's meta line: how many related items are
// folded under it, first so that a narrow list still shows it, then what
// the line says.
func foldedMeta(e entry) string {
	n := fmt.Sprintf("+%d related", e.nRelated)
	if e.meta == "" {
		return n
	}
	return n + " · " + e.meta
}

// renderEntry draws one entry as rows lines, each exactly width cells.
// Titles and meta lines are truncated by display width so CJK and emoji
// headlines keep the pane's right edge straight.
func renderEntry(e entry, width, rows int, selected, focused bool, st styles) []string {
	out := make([]string, rows)
	if width <= 0 {
		return out
	}
	if n := libRows(e); n > 0 {
		return renderLibEntry(e, width, rows, selected, focused, st)
	}
	gutter := "  "
	if selected {
		if focused {
			gutter = st.marker.Render("▌") + " "
		} else {
			gutter = st.markerBlur.Render("│") + " "
		}
	}
	lead, plainLead := gutter, gutter
	if e.related {
		lead += strings.Repeat(" ", relatedIndent)
		plainLead = lead
		if e.saved {
			lead = gutter + st.saved.Render(savedGlyph) + " "
		}
	}
	textW := titleWidth(e, width)
	if textW < 1 {
		// Too narrow for text: keep the selection visible at least.
		for i := range out {
			out[i] = fitBlock(gutter, width, 1)
		}
		return out
	}

	titleStyle, metaStyle := st.title, st.meta
	if e.related {
		titleStyle = st.relatedTitle
	}
	if selected {
		titleStyle, metaStyle = st.selTitle, st.selMeta
	}
	metaRows := 0
	if e.meta != "" {
		metaRows = 1
	}
	titles := titleLines(e.title, textW, rows-metaRows)
	for i, t := range titles {
		l := plainLead
		if i == 0 {
			l = lead
		}
		out[i] = pad(l+titleStyle.Render(t), width)
	}
	if metaRows > 0 {
		out[rows-1] = pad(plainLead+metaStyle.Render(truncate(e.meta, textW)), width)
	}
	return out
}
