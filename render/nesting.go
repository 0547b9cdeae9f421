package render

import "strings"

// maxNesting bounds how deeply markdown from a document may nest quotes
// and lists. Glamour's work and output grow steeply with depth (sixty
// nested quotes take it most of a second and half a megabyte of output, a
// hundred run on for minutes), and a page can nest as deep as it likes.
// Real articles stay within two or three levels.
const maxNesting = 5

// maxIndent bounds leading spaces, the other way to nest a list: room for
// four levels indented four spaces each, or six indented two.
const maxIndent = 12

// limitNesting drops the quote and list markers past maxNesting at the
// start of each line of md, keeping the text, and caps indentation at
// maxIndent. Lines inside fenced code are left alone.
func limitNesting(md string) string {
	lines := strings.Split(md, "\n")
	inFence := false
	changed := false
	for i, l := range lines {
		if t := strings.TrimLeft(l, " >"); strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		if nl := limitLine(l); nl != l {
			lines[i], changed = nl, true
		}
	}
	if !changed {
		return md
	}
	return strings.Join(lines, "\n")
}

// limitLine caps the container markers and indentation of one line.
func limitLine(l string) string {
	indent := len(l) - len(strings.TrimLeft(l, " "))
	var b strings.Builder
	if indent > maxIndent {
		b.WriteString(strings.Repeat(" ", maxIndent))
	} else {
		b.WriteString(l[:indent])
	}
	rest := l[indent:]
	depth := 0
	for {
		n := markerLen(rest)
		if n == 0 {
			break
		}
		if depth++; depth <= maxNesting {
			b.WriteString(rest[:n])
		}
		rest = rest[n:]
		// Blanks between markers stay with the marker before them, so a
		// dropped marker takes its blanks with it.
		sp := len(rest) - len(strings.TrimLeft(rest, " "))
		if depth <= maxNesting {
			b.WriteString(rest[:sp])
		}
		rest = rest[sp:]
	}
	if depth <= maxNesting && indent <= maxIndent {
		return l
	}
	b.WriteString(rest)
	return b.String()
}

// markerLen is the length of the quote or list marker that s starts with,
// or 0: ">", or "-", "+", "*" or up to nine digits and "." or ")" followed
// by a blank or the end of the line.
func markerLen(s string) int {
	if s == "" {
		return 0
	}
	n := 0
	switch c := s[0]; {
	case c == '>':
		return 1
	case c == '-' || c == '+' || c == '*':
		n = 1
	case c >= '0' && c <= '9':
		for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == len(s) || (s[n] != '.' && s[n] != ')') {
			return 0
		}
		n++
	default:
		return 0
	}
	if n < len(s) && s[n] != ' ' {
		return 0
	}
	return n
}
