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

// fairCrumb is the room each earlier title should keep before the current
// one is shortened.
const fairCrumb = 20

// crumbLine draws the breadcrumb (sanitized titles, oldest first) in w
// cells. When the titles do not fit, the current one stays whole if that
// leaves each earlier title fairCrumb cells, else it keeps half the room
// (all it needs when the others fit in the rest), the earlier ones
// share what it leaves evenly (a short one gives what it does not use to
// the others) and the current one takes anything left over; the start is
// cut last, so the end (where the reader is) stays.
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
		widths := make([]int, n)
		earlier := 0
		for i, p := range parts[:n] {
			widths[i] = ansi.StringWidth(p)
			earlier += widths[i]
		}
		cur := ansi.StringWidth(parts[n])
		if avail-cur < n*fairCrumb {
			cur = min(cur, max(avail/2, avail-earlier))
		}
		each := max(fairShare(widths, avail-cur), minCrumb)
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

// fairShare is the most cells each of titles widths wide may take so that
// together they fit in room: short titles keep their width and the long
// ones split what they leave.
func fairShare(widths []int, room int) int {
	sorted := slices.Clone(widths)
	slices.Sort(sorted)
	for i, w := range sorted {
		share := room / (len(sorted) - i)
		if w > share {
			return max(share, 0)
		}
		room -= w
	}
	return max(room, 0) + sorted[len(sorted)-1] // everything fits
}
