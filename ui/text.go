package ui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Widths here are terminal cells, never bytes or runes: a CJK character or
// an emoji takes two cells, and styled strings carry escape codes that take
// none. Everything goes through ansi's width-aware functions.

// truncate cuts s to at most w cells, ending with "…" when it had to cut.
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// clip cuts s to at most w cells without a tail, for content that is
// already laid out (glamour output, joined panes).
func clip(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "")
}

// pad fills s with spaces up to w cells.
func pad(s string, w int) string {
	if n := w - ansi.StringWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}

// fitBlock makes s exactly w cells wide and h lines tall, clipping what does
// not fit. Every pane goes through it so that no content, however wide or
// long, can push the layout out of the window.
func fitBlock(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	out := make([]string, h)
	blank := strings.Repeat(" ", w)
	for i := range out {
		if i < len(lines) {
			l := clip(lines[i], w)
			if strings.Contains(l, "\x1b[") {
				// a cut can leave a style open; close it before the padding
				// so it cannot bleed into the next pane
				l += "\x1b[m"
			}
			out[i] = pad(l, w)
		} else {
			out[i] = blank
		}
	}
	return strings.Join(out, "\n")
}

// joinColumns puts blocks of equal height side by side.
func joinColumns(blocks ...string) string {
	cols := make([][]string, len(blocks))
	h := 0
	for i, b := range blocks {
		cols[i] = strings.Split(b, "\n")
		h = max(h, len(cols[i]))
	}
	var sb strings.Builder
	for row := range h {
		if row > 0 {
			sb.WriteByte('\n')
		}
		for _, c := range cols {
			if row < len(c) {
				sb.WriteString(c[row])
			}
		}
	}
	return sb.String()
}

// wrapPlain word-wraps plain text to w cells (hard-wrapping words longer
// than a line), indents it and styles each line.
func wrapPlain(s string, w int, indent string, style lipgloss.Style) string {
	if w < 1 {
		return ""
	}
	lines := strings.Split(ansi.Wrap(s, w, ""), "\n")
	for i, l := range lines {
		lines[i] = indent + style.Render(l)
	}
	return strings.Join(lines, "\n")
}
