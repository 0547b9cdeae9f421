// Package render turns a story into markdown and markdown into styled
// terminal output. It is pure: story, width and style in, string out. Every
// string that came from a document is sanitized here before glamour sees it.
package render

import (
	"strings"

	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// Markdown is the whole story as markdown: headline, a meta line
// "site · byline · age", then the body.
func Markdown(s story.Story) string {
	var b strings.Builder
	if t := sanitize.Line(s.Title); t != "" {
		b.WriteString("# ")
		b.WriteString(escapeInline(t))
		b.WriteString("\n\n")
	}
	if m := MetaLine(s); m != "" {
		b.WriteString("*")
		b.WriteString(escapeInline(m))
		b.WriteString("*\n\n")
	}
	if s.Partial {
		b.WriteString("> tread could not find a clear article on this page; this is its best guess.\n\n")
	}
	b.WriteString(BodyMarkdown(s))
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// MetaLine is "site · byline · age" with the parts the story has. When the
// age is unknown the published day stands in for it.
func MetaLine(s story.Story) string {
	var parts []string
	for _, p := range []string{s.Site, s.Byline} {
		if p = sanitize.Line(p); p != "" {
			parts = append(parts, p)
		}
	}
	switch age := sanitize.Line(s.Age); {
	case age != "":
		parts = append(parts, age)
	case !s.Published.IsZero():
		parts = append(parts, s.Published.Format("2 Jan 2006"))
	}
	return strings.Join(parts, " · ")
}

// BodyMarkdown is the story body alone as markdown, blocks separated by a
// blank line. Captions are set apart in italics.
func BodyMarkdown(s story.Story) string {
	var out []string
	for _, bl := range s.Body {
		if md := blockMarkdown(bl); md != "" {
			out = append(out, md)
		}
	}
	return strings.Join(out, "\n\n")
}

func blockMarkdown(bl story.Block) string {
	if md := strings.TrimSpace(sanitize.Text(bl.MD)); md != "" {
		if bl.Kind == story.Caption {
			return emphasize(md)
		}
		return md
	}
	text := strings.TrimSpace(sanitize.Text(bl.Text))
	switch bl.Kind {
	case story.Heading:
		level := min(max(bl.Level, 2), 6)
		return strings.Repeat("#", level) + " " + escapeInline(sanitize.Line(text))
	case story.Caption:
		return emphasize(escapeInline(sanitize.Line(text)))
	case story.Quote:
		return prefixLines(escapeBlock(text), "> ")
	case story.Code:
		return fence(text, sanitize.Line(bl.URL))
	case story.List:
		return listMarkdown(bl)
	case story.Table:
		return tableMarkdown(bl.Rows)
	case story.Image:
		alt := sanitize.Line(text)
		if alt == "" {
			alt = "image"
		}
		u := sanitize.Line(bl.URL)
		if u == "" || strings.HasPrefix(strings.ToLower(u), "data:") {
			return ""
		}
		return "*Image: " + escapeInline(alt) + "* <" + strings.ReplaceAll(u, ">", "%3E") + ">"
	}
	return escapeBlock(text)
}

// emphasize wraps each non-empty line of md in *…* so a caption reads as
// one set apart from the paragraphs around it.
func emphasize(md string) string {
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			lines[i] = "*" + l + "*"
		}
	}
	return strings.Join(lines, "\n")
}

func listMarkdown(bl story.Block) string {
	items := bl.Items
	if len(items) == 0 && bl.Text != "" {
		items = strings.Split(bl.Text, "\n")
	}
	var b strings.Builder
	n := 0
	for _, it := range items {
		it = sanitize.Line(it)
		if it == "" {
			continue
		}
		n++
		if bl.Ordered {
			b.WriteString(itoa(n) + ". ")
		} else {
			b.WriteString("- ")
		}
		b.WriteString(escapeInline(it))
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

func tableMarkdown(rows [][]string) string {
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return ""
	}
	var b strings.Builder
	for i, r := range rows {
		b.WriteString("|")
		for c := range cols {
			cell := ""
			if c < len(r) {
				cell = escapeInline(sanitize.Line(r[c]))
			}
			b.WriteString(" " + cell + " |")
		}
		b.WriteString("\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", cols) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

func fence(code, lang string) string {
	f := "```"
	for strings.Contains(code, f) {
		f += "`"
	}
	return f + lang + "\n" + code + "\n" + f
}

func prefixLines(s, p string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = p + lines[i]
	}
	return strings.Join(lines, "\n")
}

// escapeBlock escapes a paragraph of plain text: inline syntax everywhere
// and block syntax (headings, list markers, quotes) at the start of a line.
func escapeBlock(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = escapeLineStart(escapeInline(strings.TrimSpace(l)))
	}
	return strings.Join(lines, "\n")
}

// escapeInline backslash-escapes the ASCII punctuation that CommonMark
// treats as inline syntax.
func escapeInline(s string) string {
	if !strings.ContainsAny(s, "\\`*_[]<>|~#&!") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~#&!", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// escapeLineStart escapes a list marker ("- ", "+ ", "1. ", "1) ") or a
// thematic break at the start of a line; '#', '>' and '*' are already
// escaped by escapeInline.
func escapeLineStart(l string) string {
	if len(l) == 0 {
		return l
	}
	if (l[0] == '-' || l[0] == '+' || l[0] == '=') && (len(l) == 1 || l[1] == ' ' || l[1] == l[0]) {
		return "\\" + l
	}
	i := 0
	for i < len(l) && i < 9 && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	if i > 0 && i < len(l) && (l[i] == '.' || l[i] == ')') && (i+1 == len(l) || l[i+1] == ' ') {
		return l[:i] + "\\" + l[i:]
	}
	return l
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
