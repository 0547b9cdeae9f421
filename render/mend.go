package render

import (
	"strings"
	"unicode/utf8"

	glam "charm.land/glamour/v2/ansi"
	"github.com/charmbracelet/x/ansi"
)

// layout is what the post-processing needs to know of a style's shape.
type layout struct {
	// quote is the bar glamour puts before each line of a block quote
	// (the indent token, repeated), "" when quotes have no bar.
	quote string
	// over is how many columns a quote's bar takes beyond those glamour
	// subtracts from the width inside the quote: glamour counts a token
	// such as "│ " as one column, so quoted lines come out wider than it
	// planned by this much per level.
	over int
	// wrap is the width glamour wraps the document's lines at, less its
	// margins; left is the margin it indents them by.
	wrap, left int
	// code is the width of a code block's lines inside its margins.
	code int
}

func newLayout(cfg glam.StyleConfig, width int) layout {
	var lay layout
	docIndent, docMargin := uintOr(cfg.Document.Indent), uintOr(cfg.Document.Margin)
	lay.left = docIndent + docMargin
	lay.wrap = width - docIndent - 2*docMargin
	lay.code = max(lay.wrap-2*uintOr(cfg.CodeBlock.Margin), minWidth)
	indent, margin := uintOr(cfg.BlockQuote.Indent), uintOr(cfg.BlockQuote.Margin)
	token := " "
	if cfg.BlockQuote.IndentToken != nil {
		token = *cfg.BlockQuote.IndentToken
	}
	// Glamour draws the token indent+margin times and takes indent plus
	// twice the margin off the width.
	if strings.TrimSpace(token) != "" && indent+margin > 0 && !strings.ContainsRune(token, 0x1b) {
		lay.quote = strings.Repeat(token, indent+margin)
		lay.over = ansi.StringWidth(lay.quote) - indent - 2*margin
	}
	return lay
}

func uintOr(p *uint) int {
	if p == nil {
		return 0
	}
	return int(*p)
}

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

// breakAfter holds the characters glamour's wrapping breaks a line after
// (besides spaces, which it drops).
const breakAfter = ",.;-+|"

// mendQuotes puts back the words glamour pushes out of a block quote.
// Glamour plans a quote's lines by one width and draws them a little wider
// (see layout.over); the enclosing block then wraps the widest of them
// again, and the last word lands on a line of its own without the bar:
//
//	│ whole story, which we quote here at some length to
//	make
//	│ it wrap.
//
// Such a word is joined back onto its line, which then runs the few
// columns into the right margin it was always going to. It is told from
// ordinary text by its place and its width: a line with fewer bars than the
// quote line above it, at the same indent (glamour always ends a quote with
// a blank line), whose join is wider than glamour's wrap by no more than the
// bars' excess.
func mendQuotes(lines []string, lay layout, width int) ([]string, bool) {
	if lay.quote == "" || lay.over <= 0 {
		return lines, false
	}
	glyph := strings.TrimSpace(lay.quote)
	// Lines are joined in place: n counts those kept.
	n, changed := 0, false
	for _, line := range lines {
		if n > 0 && strings.Contains(lines[n-1], glyph) && strings.TrimSpace(line) != "" {
			if joined, ok := joinOrphan(lines[n-1], line, lay, width); ok {
				lines[n-1], changed = joined, true
				continue
			}
		}
		lines[n] = line
		n++
	}
	return lines[:n], changed
}

// joinOrphan joins line onto the quote line prev if line is a tail glamour
// split off it.
func joinOrphan(prev, line string, lay layout, width int) (string, bool) {
	pp, lp := ansi.Strip(prev), ansi.Strip(line)
	sp, depth, _ := quoteDepth(pp, lay.quote)
	lsp, ldepth, llead := quoteDepth(lp, lay.quote)
	if depth == 0 || lsp != sp || ldepth >= depth {
		return "", false
	}
	rest := lp[len(llead):]
	if rest == "" || rest[0] == ' ' {
		return "", false
	}
	// How far the line joined without a space would run past glamour's
	// wrap: at least one column (or glamour would not have split it), at
	// most what the bars take beyond their planned width.
	excess := ansi.StringWidth(pp) + ansi.StringWidth(rest) - sp - lay.wrap
	fits := func(sep string) bool {
		e := excess + len(sep)
		return e >= 1 && e <= depth*lay.over && ansi.StringWidth(pp)+len(sep)+ansi.StringWidth(rest) <= width
	}
	last, _ := utf8.DecodeLastRuneInString(pp)
	var sep string
	switch {
	case !strings.ContainsRune(breakAfter, last):
		// Split at a space, which the wrap dropped.
		sep = " "
		if !fits(sep) {
			return "", false
		}
	case fits("") && (last == '-' || !fits(" ")):
		sep = ""
	case fits(" "):
		sep = " "
	default:
		return "", false
	}
	tail := ansi.TruncateLeft(line, ansi.StringWidth(llead), "")
	return string(tidyLine(nil, prev+sep+tail)), true
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
