package render

import (
	"html"
	"net/url"
	"strconv"
	"strings"

	"github.com/tread-reader/tread/sanitize"
)

// Link is one link in a story, numbered in the order it first appears.
type Link struct {
	N    int    // the number shown after the link text, from 1
	Text string // the link text as plain, sanitized text; may be empty
	URL  string // an absolute http(s) URL that passed SafeURL
}

// LinkMark is the zero-width character NumberLinks puts right after each
// link label ("text[3]⁠"). Glamour keeps it and wraps around it like a
// letter, so after rendering it still sits next to its label, and
// Hyperlinks finds the labels by it without mistaking a citation mark such
// as "[3]" in the text for a link. NumberLinks removes any the markdown
// already held, so every mark in a render is one it put there.
const LinkMark = '\u2060' // WORD JOINER

// Bounds on hostile markdown: the work of finding a link's end, the links
// numbered per story, and what one URL or link text may hold.
const (
	maxLinkText = 1000
	maxLinks    = 2000
	maxURL      = 4096
	maxLinkName = 200
)

// NumberLinks rewrites the links in md (inline links and autolinks to
// http(s) URLs) as their text followed by a numbered label, "text[3]",
// and returns the links in number order. A URL that appears twice keeps
// its first number. Links to anything else (relative, mailto:,
// javascript:) keep their text and lose the link. Code spans and fenced
// code are left alone, as are images.
//
// The label replaces the URL glamour would otherwise print after the text,
// which in news pages is often longer than the sentence around it.
func NumberLinks(md string) (string, []Link) {
	md = strings.ReplaceAll(md, string(LinkMark), "")
	if !strings.ContainsAny(md, "[<") {
		return md, nil
	}
	n := numberer{seen: map[string]int{}}
	var out strings.Builder
	out.Grow(len(md))
	for _, part := range splitFences(md) {
		if part.code {
			out.WriteString(part.text)
		} else {
			n.inline(part.text, &out, 0)
		}
	}
	return out.String(), n.links
}

type numberer struct {
	links []Link
	seen  map[string]int
}

// inline copies s to out, rewriting the links it finds. depth counts link
// texts entered, so nested brackets cannot recurse without end.
func (n *numberer) inline(s string, out *strings.Builder, depth int) {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			out.WriteString(s[i : i+2])
			i += 2
		case c == '`':
			j := codeSpanEnd(s, i)
			out.WriteString(s[i:j])
			i = j
		case c == '!' && i+1 < len(s) && s[i+1] == '[':
			// An image: glamour shows it as its own link; leave it be.
			if _, _, end, ok := parseLink(s, i+1); ok {
				out.WriteString(s[i:end])
				i = end
			} else {
				out.WriteString("![")
				i += 2
			}
		case c == '[':
			text, dest, end, ok := parseLink(s, i)
			if !ok {
				out.WriteByte('[')
				i++
				continue
			}
			if depth < 2 {
				n.inline(text, out, depth+1)
			} else {
				out.WriteString(text)
			}
			n.label(text, dest, out)
			i = end
		case c == '<':
			dest, end, ok := parseAutolink(s, i)
			if !ok {
				out.WriteByte('<')
				i++
				continue
			}
			if u := SafeURL(dest); u != "" {
				out.WriteString(escapeInline(linkHost(u)))
				n.label("", dest, out)
			} else {
				out.WriteString(escapeInline(dest)) // mailto: and the like, as text
			}
			i = end
		default:
			out.WriteByte(c)
			i++
		}
	}
}

// label writes the "[n]" for a link to dest, numbering it if it is new.
// A link tread cannot follow gets no label.
func (n *numberer) label(textMD, dest string, out *strings.Builder) {
	u := SafeURL(dest)
	if u == "" {
		return
	}
	num, ok := n.seen[u]
	if !ok {
		if len(n.links) >= maxLinks {
			return
		}
		num = len(n.links) + 1
		n.seen[u] = num
		n.links = append(n.links, Link{N: num, Text: plainLinkText(textMD), URL: u})
	} else if i := num - 1; n.links[i].Text == "" {
		n.links[i].Text = plainLinkText(textMD)
	}
	out.WriteString(`\[`)
	out.WriteString(strconv.Itoa(num))
	out.WriteString(`\]`)
	out.WriteRune(LinkMark)
}

// linkHost is what an autolink shows in place of its URL: the host
// without "www.", which glamour's linkify would otherwise turn back into
// a link.
func linkHost(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
}

// plainLinkText turns a link's markdown text into plain text for the links
// list: escapes undone, emphasis and code markers dropped, entities
// decoded.
func plainLinkText(md string) string {
	var b strings.Builder
	for i := 0; i < len(md); i++ {
		c := md[i]
		switch {
		case c == '\\' && i+1 < len(md) && isASCIIPunct(md[i+1]):
			b.WriteByte(md[i+1])
			i++
		case c == '*' || c == '_' || c == '`' || c == '~':
		default:
			b.WriteByte(c)
		}
	}
	t := sanitize.Line(html.UnescapeString(b.String()))
	if len(t) > maxLinkName {
		t = strings.ToValidUTF8(t[:maxLinkName], "") + "…"
	}
	return t
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// codeSpanEnd returns the index just past the code span opening at s[i]
// (a run of backticks), or past the run when no closing run matches.
func codeSpanEnd(s string, i int) int {
	j := i
	for j < len(s) && s[j] == '`' {
		j++
	}
	run := s[i:j]
	for k := j; k < len(s); {
		p := strings.Index(s[k:], run)
		if p < 0 {
			break
		}
		start := k + p
		end := start + len(run)
		if end < len(s) && s[end] == '`' {
			// a longer run does not close this span
			for end < len(s) && s[end] == '`' {
				end++
			}
			k = end
			continue
		}
		return end
	}
	return j
}

// parseLink reads an inline link "[text](dest "title")" starting at the
// '[' at s[i]. It returns the text's markdown, the destination with its
// escapes undone and the index just past the closing ')'.
func parseLink(s string, i int) (text, dest string, end int, ok bool) {
	close := matchBracket(s, i)
	if close < 0 || close+1 >= len(s) || s[close+1] != '(' {
		return "", "", 0, false
	}
	dest, end, ok = parseDestination(s, close+2)
	if !ok {
		return "", "", 0, false
	}
	return s[i+1 : close], dest, end, true
}

// matchBracket finds the ']' matching the '[' at s[i], skipping escapes
// and code spans, within maxLinkText bytes; -1 when there is none.
func matchBracket(s string, i int) int {
	depth := 0
	limit := min(len(s), i+maxLinkText)
	for j := i; j < limit; j++ {
		switch s[j] {
		case '\\':
			j++
		case '`':
			j = codeSpanEnd(s, j) - 1
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// parseDestination reads a link's destination and optional title from
// s[i:] up to the closing ')'.
func parseDestination(s string, i int) (dest string, end int, ok bool) {
	i = skipBlanks(s, i)
	if i >= len(s) {
		return "", 0, false
	}
	start := i
	var raw string
	if s[i] == '<' {
		j := strings.IndexAny(s[i+1:], "<>\n")
		if j < 0 || s[i+1+j] != '>' {
			return "", 0, false
		}
		raw = s[i+1 : i+1+j]
		i += j + 2
	} else {
		depth := 0
	scan:
		for ; i < len(s) && i-start <= maxURL; i++ {
			switch c := s[i]; {
			case c == '\\' && i+1 < len(s):
				i++
			case c == '(':
				depth++
			case c == ')':
				if depth == 0 {
					break scan
				}
				depth--
			case c <= ' ' || c == 0x7f:
				break scan
			}
		}
		raw = s[start:i]
	}
	if len(raw) > maxURL {
		return "", 0, false
	}
	i = skipBlanks(s, i)
	if i < len(s) && (s[i] == '"' || s[i] == '\'' || s[i] == '(') {
		closer := s[i]
		if closer == '(' {
			closer = ')'
		}
		j := strings.IndexByte(s[i+1:], closer)
		if j < 0 || j > maxLinkText {
			return "", 0, false
		}
		i = skipBlanks(s, i+j+2)
	}
	if i >= len(s) || s[i] != ')' {
		return "", 0, false
	}
	return unescape(raw), i + 1, true
}

func skipBlanks(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n') {
		i++
	}
	return i
}

// unescape undoes backslash escapes of ASCII punctuation.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// parseAutolink reads an autolink "<scheme:…>" starting at s[i].
func parseAutolink(s string, i int) (dest string, end int, ok bool) {
	limit := min(len(s), i+maxURL+2)
	j := i + 1
	for j < limit && s[j] != '>' {
		if c := s[j]; c <= ' ' || c == '<' || c == 0x7f {
			return "", 0, false
		}
		j++
	}
	if j >= limit {
		return "", 0, false
	}
	dest = s[i+1 : j]
	colon := strings.IndexByte(dest, ':')
	if colon < 2 || colon > 32 || !isScheme(dest[:colon]) {
		return "", 0, false
	}
	return dest, j + 1, true
}

func isScheme(s string) bool {
	for k, r := range s {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !letter && (k == 0 || !(r >= '0' && r <= '9' || r == '+' || r == '.' || r == '-')) {
			return false
		}
	}
	return true
}

// fencePart is a stretch of markdown inside or outside fenced code.
type fencePart struct {
	text string
	code bool
}

// splitFences cuts md into stretches of fenced code and the rest, so
// links are only looked for where markdown reads them.
func splitFences(md string) []fencePart {
	var parts []fencePart
	start, pos := 0, 0
	fence := "" // the open fence, "" outside code
	for pos < len(md) {
		next := strings.IndexByte(md[pos:], '\n')
		lineEnd := len(md)
		if next >= 0 {
			lineEnd = pos + next + 1
		}
		line := strings.TrimLeft(md[pos:lineEnd], " ")
		if lead := len(md[pos:lineEnd]) - len(line); lead <= 3 {
			switch f := fenceRun(line); {
			case fence == "" && f != "":
				if pos > start {
					parts = append(parts, fencePart{text: md[start:pos]})
				}
				start, fence = pos, f
			case fence != "" && strings.HasPrefix(f, fence) && strings.TrimSpace(line[len(f):]) == "":
				parts = append(parts, fencePart{text: md[start:lineEnd], code: true})
				start, fence = lineEnd, ""
			}
		}
		pos = lineEnd
	}
	if start < len(md) {
		parts = append(parts, fencePart{text: md[start:], code: fence != ""})
	}
	return parts
}

// fenceRun is the run of three or more backticks or tildes line starts
// with, or "".
func fenceRun(line string) string {
	if len(line) < 3 || (line[0] != '`' && line[0] != '~') {
		return ""
	}
	j := 0
	for j < len(line) && line[j] == line[0] {
		j++
	}
	if j < 3 {
		return ""
	}
	return line[:j]
}

// SafeURL returns u if it is an absolute http or https URL with a host that
// can be printed, opened or copied safely, or "" if not. It rejects
// control characters, escapes and spaces outright rather than cleaning
// them, since a URL that carried them was not written for a browser;
// other non-ASCII characters are percent-encoded, as OSC 8 wants.
func SafeURL(u string) string {
	u = strings.TrimSpace(u)
	if u == "" || len(u) > maxURL {
		return ""
	}
	for i := 0; i < len(u); i++ {
		if c := u[i]; c <= ' ' || c == 0x7f {
			return ""
		}
	}
	if sanitize.Text(u) != u || strings.ContainsRune(u, LinkMark) {
		return "" // C1 controls, invalid UTF-8
	}
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.User != nil {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		if c := u[i]; c >= 0x80 {
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c), 16)))
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Hyperlinks makes the link labels in one rendered line into OSC 8
// hyperlinks to their links, and removes every LinkMark. Only the label
// ("[3]") is linked: it is the one piece of a link that always ends up on
// one line. URLs are checked again with SafeURL, so the sequences carry
// nothing but printable ASCII.
func Hyperlinks(line string, links []Link) string {
	mark := string(LinkMark)
	if !strings.Contains(line, mark) {
		return line
	}
	var b strings.Builder
	b.Grow(len(line) + 64)
	for {
		p := strings.Index(line, mark)
		if p < 0 {
			b.WriteString(line)
			return b.String()
		}
		head := line[:p]
		if open, num := labelBefore(head); num > 0 && num <= len(links) {
			if u := SafeURL(links[num-1].URL); u != "" {
				b.WriteString(head[:open])
				b.WriteString(Hyperlink(u, head[open:]))
				head = ""
			}
		}
		b.WriteString(head)
		line = line[p+len(mark):]
	}
}

// labelBefore finds a "[digits]" label at the end of s, returning where it
// starts and its number, or 0 when s does not end with one.
func labelBefore(s string) (start, num int) {
	if !strings.HasSuffix(s, "]") {
		return 0, 0
	}
	open := strings.LastIndexByte(s, '[')
	if open < 0 || len(s)-open < 3 || len(s)-open > 7 {
		return 0, 0
	}
	for _, c := range []byte(s[open+1 : len(s)-1]) {
		if c < '0' || c > '9' {
			return 0, 0
		}
		num = num*10 + int(c-'0')
	}
	return open, num
}

// Hyperlink wraps text in an OSC 8 hyperlink to u, or returns text alone
// when u is not a SafeURL.
func Hyperlink(u, text string) string {
	if u = SafeURL(u); u == "" {
		return text
	}
	return "\x1b]8;;" + u + "\x1b\\" + text + "\x1b]8;;\x1b\\"
}
