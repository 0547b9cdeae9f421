package ui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// crumbSep separates the titles in the breadcrumb.
const crumbSep = " › "

// minCrumb is the fewest cells an earlier title in the breadcrumb keeps.
const minCrumb = 6

// crumbLine draws the breadcrumb (sanitized titles, oldest first) in w
// cells. When the titles do not fit, the earlier ones are shortened to
// share what the current one leaves, and the current one only then; the
// start is cut last, so the end (where the reader is) stays.
func crumbLine(c []string, w int, st styles) string {
	room := w - 1
	if room < 3 || len(c) == 0 {
		return ""
	}
	const lead = "↳ "
	parts := slices.Clone(c)
	text := lead + strings.Join(parts, crumbSep)
	if n := len(parts) - 1; ansi.StringWidth(text) > room && n > 0 {
		avail := room - ansi.StringWidth(lead) - n*ansi.StringWidth(crumbSep)
		each := max((avail-ansi.StringWidth(parts[n]))/n, minCrumb)
		used := 0
		for i := range parts[:n] {
			parts[i] = truncate(parts[i], each)
			used += ansi.StringWidth(parts[i])
		}
		parts[n] = truncate(parts[n], max(avail-used, 1))
		text = lead + strings.Join(parts, crumbSep)
	}
	if cw := ansi.StringWidth(text); cw > room {
		text = "…" + ansi.TruncateLeft(text, cw-room+1, "")
	}
	return " " + st.meta.Render(text)
}
