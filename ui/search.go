package ui

import (
	"regexp"
	"slices"
	"unicode"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// maxMatches bounds the work one keystroke of a search can cause on a
// hostile document full of the letter e.
const maxMatches = 5000

// match is one search hit in the rendered story, in screen terms: the
// rendered line and the cell columns it spans.
type match struct {
	line, start, end int
}

// findMatches finds query in the rendered lines. It searches the visible
// text (escape codes stripped), so it finds what the reader sees, and it is
// case-insensitive unless the query has a capital letter ("smart case").
func findMatches(lines []string, query string) []match {
	if query == "" {
		return nil
	}
	pattern := regexp.QuoteMeta(query)
	if !hasUpper(query) {
		pattern = "(?i)" + pattern
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		// QuoteMeta output always compiles; no match is the safe answer.
		return nil
	}
	var out []match
	for i, l := range lines {
		plain := ansi.Strip(l)
		for _, loc := range re.FindAllStringIndex(plain, -1) {
			start := ansi.StringWidth(plain[:loc[0]])
			end := start + ansi.StringWidth(plain[loc[0]:loc[1]])
			if end > start {
				out = append(out, match{line: i, start: start, end: end})
			}
			if len(out) >= maxMatches {
				return out
			}
		}
	}
	return out
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// highlight returns a copy of lines with every match styled, the current
// one (index cur) standing out from the rest.
func highlight(lines []string, matches []match, cur int, st styles) []string {
	out := slices.Clone(lines)
	for i := 0; i < len(matches); {
		line := matches[i].line
		var ranges []lipgloss.Range
		for ; i < len(matches) && matches[i].line == line; i++ {
			style := st.match
			if i == cur {
				style = st.curMatch
			}
			ranges = append(ranges, lipgloss.NewRange(matches[i].start, matches[i].end, style))
		}
		if line < len(out) {
			out[line] = lipgloss.StyleRanges(lines[line], ranges...)
		}
	}
	return out
}
