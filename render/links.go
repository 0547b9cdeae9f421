package render

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// Link is one link in a story, numbered in the order it first appears.
type Link struct {
	N    int    // the number shown after the link text, from 1
	Text string // the link text as plain, sanitized text; may be empty
	URL  string // an absolute http(s) URL that passed SafeURL
}

// LinkMark is the zero-width character the reader's markdown puts right
// after each link label ("text[3]⁠"). Glamour keeps it and wraps around it
// like a letter, so after rendering it still sits next to its label, and
// Hyperlinks finds the labels by it without mistaking a citation mark such
// as "[3]" in the text for a link. sanitize.Text removes it from page text,
// so every mark in a render is one tread put there.
const LinkMark = '\u2060' // WORD JOINER

// Bounds on what one URL or link text may hold.
const (
	maxURL      = 4096
	maxLinkName = 200
)

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

// hostLabel is linkHost as a link's label in the reader's markdown, its
// hyphens non-breaking (see keepURLs): a host reads and copies whole.
func hostLabel(u string) string {
	return strings.ReplaceAll(linkHost(u), "-", string(nbHyphen))
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

// linker writes links: inline, "[text](url)", for markdown files and
// --json; or numbered for the reader, "text[3]" and a LinkMark, collecting
// the links in number order. A URL that appears twice keeps its first
// number.
type linker struct {
	numbered bool
	// images writes a picture as a markdown image, for notes apps, where
	// the reader and the terminal get a line that names it.
	images bool
	links  []Link
	seen   map[string]int
}

// maxLinks bounds the links numbered in one story.
const maxLinks = 2000

// closer is what ends a link to l.URL, a SafeURL: its destination, or
// its number; "" past maxLinks.
func (l *linker) closer(sl story.Link) string {
	if !l.numbered {
		return "](" + mdURL(sl.URL) + ")"
	}
	n := l.number(sl)
	if n == 0 {
		return ""
	}
	return `\[` + strconv.Itoa(n) + `\]` + string(LinkMark)
}

// number returns the number of the link to sl.URL, numbering it if it is
// new, or 0 when there are too many links.
func (l *linker) number(sl story.Link) int {
	if l.seen == nil {
		l.seen = map[string]int{}
	}
	n, ok := l.seen[sl.URL]
	if !ok {
		if len(l.links) >= maxLinks {
			return 0
		}
		n = len(l.links) + 1
		l.seen[sl.URL] = n
		l.links = append(l.links, Link{N: n, Text: linkName(sl.Text), URL: sl.URL})
	} else if k := n - 1; l.links[k].Text == "" {
		l.links[k].Text = linkName(sl.Text)
	}
	return n
}

// autolink is a bare link to u, an image's or an embedded post's: the URL
// itself in an autolink, or in the reader its host and number. "" when u
// is not a SafeURL.
func (l *linker) autolink(u, text string) string {
	if u = webURL(u); u == "" {
		return ""
	}
	if !l.numbered {
		return "<" + u + ">"
	}
	n := l.number(story.Link{URL: u, Text: text})
	if n == 0 {
		return ""
	}
	return escapeInline(hostLabel(u)) + `\[` + strconv.Itoa(n) + `\]` + string(LinkMark)
}

// AppendLink numbers one more link, to u, after links (as ReaderMarkdown
// numbered them) and returns its markdown for the reader, the host and the
// number, with the links; "" when u is not a SafeURL.
func AppendLink(u string, links []Link) (string, []Link) {
	l := &linker{numbered: true, links: links, seen: make(map[string]int, len(links)+1)}
	for _, k := range links {
		l.seen[k.URL] = k.N
	}
	md := l.autolink(u, "")
	return md, l.links
}

// webURL is u as a SafeURL, spaces in it encoded (pages leave them in
// hrefs, and browsers encode them), or "".
func webURL(u string) string {
	return SafeURL(strings.ReplaceAll(strings.TrimSpace(u), " ", "%20"))
}

// mdURL makes a SafeURL safe inside a markdown link destination.
func mdURL(u string) string {
	if !strings.ContainsAny(u, "()<>") {
		return u
	}
	return strings.NewReplacer("(", "%28", ")", "%29", "<", "%3C", ">", "%3E").Replace(u)
}

// linkName is a link's text for the links list: one sanitized line, cut
// at maxLinkName bytes.
func linkName(t string) string {
	t = sanitize.Line(t)
	if len(t) > maxLinkName {
		t = strings.ToValidUTF8(t[:maxLinkName], "") + "…"
	}
	return t
}
