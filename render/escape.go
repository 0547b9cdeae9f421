package render

import (
	"strings"

	"github.com/tread-reader/tread/sanitize"
)

// inlineSyntax is the ASCII punctuation CommonMark and glamour's GFM
// extensions treat as inline syntax: emphasis, code, links, autolinks and
// raw HTML, entities, table pipes and strikethrough.
const inlineSyntax = "\\`*_[]<>|~#&!"

// escapeBlock escapes plain text for a paragraph or a quote: inline syntax
// everywhere and block syntax (headings, list markers, quotes) at the start
// of each paragraph. Blank lines still part paragraphs, but the lines of
// one paragraph are joined: markdown would show a single line break as a
// space anyway, and glamour wraps a quote badly across one. Joining also
// drops leading blanks, four of which would start a code block.
func escapeBlock(s string) string {
	var paras []string
	for _, p := range strings.Split(s, "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, escapeLineStart(escapeInline(p)))
		}
	}
	return strings.Join(paras, "\n\n")
}

// EscapeText is plain text as inline markdown that reads as the text, for
// the places that write a line of their own (a file's headline, a related
// story's link): sanitized, every piece of inline syntax escaped, and a
// line start that would open a block escaped too.
func EscapeText(s string) string {
	return escapeLineStart(escapeInline(sanitize.Line(s)))
}

// escapeInline makes inline syntax literal, and turns tabs into spaces: a
// tab reaching the terminal jumps to a tab stop the layout cannot see.
// Glamour prints the backslash of some escapes (\& and \~ among them), so
// those two become entities, which it decodes everywhere.
func escapeInline(s string) string {
	if !strings.ContainsAny(s, inlineSyntax+"\t") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case r == '&':
			b.WriteString("&amp;")
		case r == '~':
			b.WriteString("&#126;")
		case r < 0x80 && strings.ContainsRune(inlineSyntax, r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// escapeLineStart escapes what makes a line start a block: a list marker
// ("- ", "+ ", "1. ", "1) "), a setext underline or thematic break ("---",
// "==="), or a definition (": ", glamour enables definition lists). '#',
// '>' and '*' are already escaped by escapeInline. Glamour shows the
// backslash in \= and \:, so those take entities.
func escapeLineStart(l string) string {
	if len(l) == 0 {
		return l
	}
	if len(l) == 1 || l[1] == ' ' || l[1] == l[0] {
		switch l[0] {
		case '-', '+':
			return "\\" + l
		case '=':
			return "&#61;" + l[1:]
		case ':':
			return "&#58;" + l[1:]
		}
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

// fenceLang keeps a code block's language hint only when it looks like one:
// an info string with a backtick or a space would break the fence.
func fenceLang(lang string) string {
	if len(lang) > 32 {
		return ""
	}
	for _, r := range lang {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("+-_.#", r)
		if !ok {
			return ""
		}
	}
	return lang
}

// expandTabs replaces tabs in code with spaces up to the next multiple of
// four columns, counting runes: close enough for code, and no tab reaches
// the terminal.
func expandTabs(code string) string {
	if !strings.Contains(code, "\t") {
		return code
	}
	var b strings.Builder
	col := 0
	for _, r := range code {
		switch r {
		case '\t':
			n := 4 - col%4
			b.WriteString(strings.Repeat(" ", n))
			col += n
		case '\n':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return b.String()
}
