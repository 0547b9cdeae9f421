package render

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// quoteDepth reads the start of the unstyled line l: how many spaces it
// begins with, how many quote bars (bar) follow them, and the text of the
// spaces and bars.
func quoteDepth(l, bar string) (spaces, depth int, lead string) {
	spaces = len(l) - len(strings.TrimLeft(l, " "))
	end := spaces
	if bar != "" {
		for strings.HasPrefix(l[end:], bar) {
			depth++
			end += len(bar)
		}
		if rest := l[end:]; rest != "" && rest == strings.TrimRight(bar, " ") {
			// A bar that ends the line, its space trimmed.
			depth++
			end = len(l)
		}
	}
	return spaces, depth, l[:end]
}

// Rules drawn under headings in the plain style (see headlineMark).
const (
	headlineRule = "="
	headingRule  = "-"
)

// underlineHeadings draws a rule under each heading glamour marked with
// headlineMark or headingMark, as long as the heading's widest line, and
// removes the marks. A heading runs from its mark to the next blank line.
func underlineHeadings(lines []string) []string {
	out := make([]string, 0, len(lines)+8)
	for i := 0; i < len(lines); {
		rule := ruleFor(lines[i])
		if rule == "" {
			out = append(out, lines[i])
			i++
			continue
		}
		indent, _, _ := quoteDepth(ansi.Strip(stripMarks(lines[i])), "")
		widest := 0
		j := i
		for ; j < len(lines) && (j == i || ruleFor(lines[j]) == "") && strings.TrimSpace(ansi.Strip(lines[j])) != ""; j++ {
			l := stripMarks(lines[j])
			out = append(out, l)
			widest = max(widest, ansi.StringWidth(l)-indent)
		}
		if widest > 0 {
			out = append(out, strings.Repeat(" ", indent)+strings.Repeat(rule, widest))
		}
		i = max(j, i+1)
	}
	return out
}

// ruleFor is the rule to draw under the heading line l starts, or "".
func ruleFor(l string) string {
	switch {
	case strings.ContainsRune(l, headlineMark):
		return headlineRule
	case strings.ContainsRune(l, headingMark):
		return headingRule
	}
	return ""
}

// hasMarks reports whether s holds a heading mark. Two searches for a
// string are much faster than one for either of two runes.
func hasMarks(s string) bool {
	return strings.Contains(s, string(headlineMark)) || strings.Contains(s, string(headingMark))
}

func stripMarks(s string) string {
	if !hasMarks(s) {
		return s
	}
	return strings.NewReplacer(string(headlineMark), "", string(headingMark), "").Replace(s)
}
