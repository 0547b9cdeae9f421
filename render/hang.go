package render

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// Glamour wraps a list item's text back to the column of its bullet, so
// the continuation reads as a new paragraph under the list:
//
//   - Harbour to Kestrel Island —
//     Monday: 06:30 · Tuesday: 06:30
//
// tread marks where each item's text starts (itemMark, after the bullet
// and its space) before glamour sees the markdown, and after wraps the
// item's lines again to hang under that column.
const itemMark = '\u2062' // INVISIBLE TIMES

// listItem matches the start of a list item in markdown: its indent and
// any quote marks, its bullet or number and the space after.
var listItem = regexp.MustCompile(`(?m)^((?:[ \t]*>)*[ \t]*(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)`)

// markItems marks the text of every list item in md outside code. Any
// itemMark already in md (page text may hold one) is taken out first.
func markItems(md string) string {
	md = strings.ReplaceAll(md, string(itemMark), "")
	if !listItem.MatchString(md) {
		return md
	}
	return outsideCode(md, func(text string) string {
		return listItem.ReplaceAllString(text, "${1}"+string(itemMark))
	})
}

// hangItems sets the lines that continue a marked item under its text,
// wrapped again to width, and takes the marks out.
func hangItems(lines []string, width int) []string {
	out := lines[:0:0]
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		plain := ansi.Strip(l)
		at := strings.IndexRune(plain, itemMark)
		if at < 0 {
			out = append(out, l)
			continue
		}
		lead := leadOf(plain)
		j := i + 1
		for j < len(lines) && continues(ansi.Strip(lines[j]), lead) {
			j++
		}
		if j == i+1 {
			out = append(out, dropItemMark(l))
			continue
		}
		out = append(out, hang(lines[i:j], ansi.StringWidth(plain[:at]), ansi.StringWidth(lead), width)...)
		i = j - 1
	}
	return out
}

// leadOf is the margin before a line's text: spaces and quote bars, any
// run of characters up to the first letter, digit or bullet.
func leadOf(plain string) string {
	end := len(plain) - len(strings.TrimLeft(plain, " │┃|>"))
	return plain[:end]
}

// continues reports whether the unstyled line l goes on with an item
// whose line began with lead: the same margin, then text that starts no
// item of its own.
func continues(l, lead string) bool {
	if !strings.HasPrefix(l, lead) || strings.ContainsRune(l, itemMark) {
		return false
	}
	rest := l[len(lead):]
	return rest != "" && rest[0] != ' ' && strings.TrimSpace(rest) != ""
}

// hang wraps an item's lines (the first with its bullet) to width, the
// text from column text on, every line after the first set in to it.
func hang(item []string, text, lead, width int) []string {
	first := dropItemMark(item[0])
	pieces := []string{ansi.Cut(first, text, textEnd(first))}
	for _, l := range item[1:] {
		pieces = append(pieces, ansi.Cut(l, lead, textEnd(l)))
	}
	room := width - text
	if room < 10 {
		return append([]string{first}, item[1:]...)
	}
	wrapped := strings.Split(carry("", ansi.Wrap(strings.Join(pieces, " "), room, "")), "\n")
	margin := ansi.Cut(item[1], 0, lead) + strings.Repeat(" ", text-lead)
	out := make([]string, len(wrapped))
	out[0] = ansi.Cut(first, 0, text) + wrapped[0]
	for k := 1; k < len(wrapped); k++ {
		out[k] = margin + wrapped[k]
	}
	return out
}

// textEnd is the column where the visible text of l ends, trailing
// blanks not counted.
func textEnd(l string) int {
	return ansi.StringWidth(strings.TrimRight(ansi.Strip(l), " "))
}

func dropItemMark(l string) string {
	return strings.ReplaceAll(l, string(itemMark), "")
}
