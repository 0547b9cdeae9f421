package render

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// codeMark starts the continuation of a code line too long for the pane,
// as an editor's showbreak does: the rest of the line goes on below at the
// line's own indent, so it never reads as a new line at the text margin.
const codeMark = "↪ "

// wrapCode breaks the lines of fenced code blocks that are wider than
// width, before glamour sees them: glamour would wrap them at the text
// margin and break words wherever the width ran out. Each continuation
// sits at its line's indent behind codeMark; a break goes after the last
// space that leaves a useful piece, else at the width.
func wrapCode(md string, width int) string {
	if !strings.Contains(md, "```") && !strings.Contains(md, "~~~") {
		return md
	}
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	fence := ""
	changed := false
	for _, l := range lines {
		t := strings.TrimLeft(l, " ")
		switch {
		case fence == "" && len(l)-len(t) <= 3 && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")):
			fence = t[:len(t)-len(strings.TrimLeft(t, t[:1]))]
		case fence != "" && strings.HasPrefix(t, fence) && strings.TrimSpace(strings.TrimLeft(t, fence[:1])) == "":
			fence = ""
		case fence != "" && ansi.StringWidth(l) > width:
			out = append(out, breakCodeLine(l, width)...)
			changed = true
			continue
		}
		out = append(out, l)
	}
	if !changed {
		return md
	}
	return strings.Join(out, "\n")
}

// breakCodeLine splits one code line into pieces no wider than width.
func breakCodeLine(l string, width int) []string {
	indent := l[:len(l)-len(strings.TrimLeft(l, " "))]
	lead := indent + codeMark
	if ansi.StringWidth(lead)+8 > width {
		// Too deep an indent to keep: continue at the margin.
		lead = codeMark
	}
	var pieces []string
	first := true
	rest := l
	for {
		room := width
		if !first {
			room -= ansi.StringWidth(lead)
		}
		if ansi.StringWidth(rest) <= room {
			break
		}
		head := ansi.Truncate(rest, room, "")
		// Prefer a break after a space in the later half of the piece.
		if i := strings.LastIndexByte(head, ' '); i >= len(head)/2 && strings.TrimSpace(head[:i]) != "" {
			head = head[:i+1]
		}
		pieces = append(pieces, withLead(strings.TrimRight(head, " "), lead, first))
		rest = strings.TrimLeft(rest[len(head):], " ")
		first = false
	}
	return append(pieces, withLead(rest, lead, first))
}

func withLead(s, lead string, first bool) string {
	if first {
		return s
	}
	return lead + s
}

// styledMark is codeMark with the styling a syntax highlighter gave it: it
// is no token of the code's language, so a lexer paints it as an error.
var styledMark = regexp.MustCompile("(?:\x1b\\[[0-9;]*m)+" + codeMark + "(?:\x1b\\[0?m)?")

// plainMarks takes the highlighter's styling off continuation marks.
func plainMarks(s string) string {
	if !strings.Contains(s, codeMark) {
		return s
	}
	return styledMark.ReplaceAllString(s, codeMark)
}
