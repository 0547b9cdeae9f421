package ui

import "strings"

// entryHeight is how many rows one entry takes: its title and its meta line.
const entryHeight = 2

// relatedIndent sets related items in under their main story.
const relatedIndent = 2

// renderEntry draws one entry as entryHeight lines, each exactly width
// cells. Titles and meta lines are truncated by display width so CJK and
// emoji headlines keep the pane's right edge straight.
func renderEntry(e entry, width int, selected, focused bool, st styles) [entryHeight]string {
	var out [entryHeight]string
	if width <= 0 {
		return out
	}
	gutter := "  "
	if selected {
		if focused {
			gutter = st.marker.Render("▌") + " "
		} else {
			gutter = st.markerBlur.Render("│") + " "
		}
	}
	indent := 0
	if e.related {
		indent = relatedIndent
	}
	textW := width - 2 - indent
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
	lead := gutter + strings.Repeat(" ", indent)
	out[0] = pad(lead+titleStyle.Render(truncate(e.title, textW)), width)
	meta := ""
	if e.meta != "" {
		meta = metaStyle.Render(truncate(e.meta, textW))
	}
	out[1] = pad(lead+meta, width)
	return out
}
