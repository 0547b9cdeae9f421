package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// libRows is the rows a library row takes besides its title and meta
// line: its day's heading above it, and a search snippet below.
func libRows(e entry) int {
	n := 0
	if e.day != "" {
		n++
	}
	if e.snippet != "" {
		n++
	}
	return n
}

// renderLibEntry draws a library row: the day heading, the entry as any
// other, then the snippet with its matches picked out.
func renderLibEntry(e entry, width, rows int, selected, focused bool, st styles) []string {
	var head, foot []string
	// fitBlock, not pad: in a pane a cell or two wide the indent alone fills it
	if e.day != "" {
		head = []string{fitBlock(" "+st.meta.Bold(true).Render(truncate(e.day, max(width-2, 1))), width, 1)}
	}
	if e.snippet != "" {
		foot = []string{fitBlock("  "+snippetLine(e.snippet, titleWidth(e, width), st), width, 1)}
	}
	plain := e
	plain.day, plain.snippet = "", ""
	body := renderEntry(plain, width, rows-len(head)-len(foot), selected, focused, st)
	return append(append(head, body...), foot...)
}

// snippetLine draws a snippet in w cells, each match in the match style.
func snippetLine(s string, w int, st styles) string {
	if w < 1 {
		return ""
	}
	s = toFirstMatch(s, w)
	var b strings.Builder
	left := w
	in := false
	for part := range strings.SplitSeq(strings.ReplaceAll(s, MatchEnd, MatchStart), MatchStart) {
		if left <= 0 {
			break
		}
		cut := truncate(part, left)
		left -= ansi.StringWidth(cut)
		if in {
			b.WriteString(st.match.Render(cut))
		} else {
			b.WriteString(st.meta.Render(cut))
		}
		in = !in
	}
	return b.String()
}

// toFirstMatch cuts the text before a snippet's first match to a third of
// w cells, "…" in place of the rest, so that the match is on screen.
func toFirstMatch(s string, w int) string {
	before, rest, ok := strings.Cut(s, MatchStart)
	if !ok || ansi.StringWidth(before) <= w/3 {
		return s
	}
	keep := w / 3
	runes := []rune(before)
	i := len(runes)
	for i > 0 && ansi.StringWidth(string(runes[i-1:])) < keep {
		i--
	}
	// start at a word where there is one
	if j := strings.IndexByte(string(runes[i:]), ' '); j >= 0 && j < len(string(runes[i:]))-1 {
		return "…" + string(runes[i:])[j+1:] + MatchStart + rest
	}
	return "…" + string(runes[i:]) + MatchStart + rest
}

// libraryHelp is the help screen's note on the library view, "" when the
// list is not the library.
func (m Model) libraryHelp() string {
	if m.lib.src == nil {
		return ""
	}
	return "In the library it searches every saved page instead, as you type; " +
		"• marks a story not read yet, ★ one you starred. "
}

// emptyNote says why the library view lists nothing; unreadKey is the key
// that lists every story again.
func (v libView) emptyNote(unreadKey string) string {
	switch {
	case v.pageID != 0:
		return "Loading the library…"
	case v.query != "":
		return "No saved page matches that search."
	case v.unread:
		return "No unread stories. " + unreadKey + " lists them all."
	}
	return "The library is empty: the pages you open from the web are kept in it."
}
