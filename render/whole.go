package render

import (
	"html"
	"regexp"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// KeepURLsWhole makes r print every web address on one line, never cut,
// for output that is copied rather than viewed in a pane (--dump): an
// address longer than the line's room goes on a line of its own and runs
// past the width there; a terminal wraps it softly and copies it as one.
// Render's promise that no line is wider than width then holds for every
// line but those. Call it before r renders anything.
func (r *Renderer) KeepURLsWhole() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.wholeURLs = true
}

// wholeURL finds what must not be cut in a paragraph's markdown: a bare
// web address, or a link's host label with its number ("host\[3\]" and the
// link mark, as ReaderMarkdown writes one).
var wholeURL = regexp.MustCompile(`https?://[^\s<>()\[\]"]+|[a-z0-9.\x{2011}-]+\\\[[0-9]+\\\]\x{2060}`)

// heldMark brackets the number of a held address in the markdown glamour
// sees. Page text can hold no word joiner (sanitize removes it), and the
// reader's link mark never comes twice in a row, so the pair is tread's.
const heldMark = "\u2060\u2060"

// heldURL is an address held out of glamour's way: the placeholder
// glamour sees, and the address as it should print.
type heldURL struct {
	mark, url string
}

// holdURLs replaces each address in md (outside code) wider than room
// with a placeholder pad columns wide (or as wide as its number; in a
// quote, always) that glamour can neither break nor style.
func holdURLs(md string, room, pad int) (string, []heldURL) {
	if !strings.Contains(md, "://") && !strings.ContainsRune(md, LinkMark) {
		return md, nil
	}
	var held []heldURL
	out := outsideCode(md, func(text string) string {
		var b strings.Builder
		for _, l := range strings.SplitAfter(text, "\n") {
			w := pad
			if strings.HasPrefix(strings.TrimLeft(l, " "), ">") {
				w = 1 // glamour's quote bar leaves less room than it plans
			}
			b.WriteString(wholeURL.ReplaceAllStringFunc(l, func(m string) string {
				u := unescapeMD(m)
				if ansi.StringWidth(u) <= room {
					return m
				}
				n := strconv.Itoa(len(held))
				mark := heldMark + n + strings.Repeat("x", max(w-len(n), 0)) + heldMark
				held = append(held, heldURL{mark, u})
				return mark
			}))
		}
		return b.String()
	})
	return out, held
}

// unescapeMD is a piece of tread's markdown as glamour prints it: without
// backslash escapes and entities, hyphens breakable again.
func unescapeMD(m string) string {
	var b strings.Builder
	for i := 0; i < len(m); i++ {
		if m[i] == '\\' && i+1 < len(m) && ansi.StringWidth(m[i+1:i+2]) == 1 && strings.ContainsRune(inlineSyntax, rune(m[i+1])) {
			i++
		}
		b.WriteByte(m[i])
	}
	return strings.ReplaceAll(html.UnescapeString(b.String()), string(nbHyphen), "-")
}

// putURLs puts the held addresses back into rendered lines, each that
// makes its line too wide on a line of its own, set in as its line was.
func putURLs(s string, held []heldURL, width int, bar string) string {
	if len(held) == 0 || !strings.Contains(s, heldMark) {
		return s
	}
	pairs := make([]string, 0, 2*len(held))
	for _, h := range held {
		pairs = append(pairs, h.mark, h.url)
	}
	put := strings.NewReplacer(pairs...)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.Contains(l, heldMark) {
			lines[i] = apart(put.Replace(l), held, width, bar)
		}
	}
	return strings.Join(lines, "\n")
}

// apart sets the first held address in l that overflows the line on a
// line of its own, the text before and after it on lines of theirs.
func apart(l string, held []heldURL, width int, bar string) string {
	total := ansi.StringWidth(l)
	if total <= width {
		return l
	}
	plain := ansi.Strip(l)
	_, _, lead := quoteDepth(plain, bar)
	for _, h := range held {
		u := h.url
		at := strings.Index(plain, u)
		if at < len(lead) {
			continue
		}
		start := ansi.StringWidth(plain[:at])
		end := start + ansi.StringWidth(u)
		indent := ansi.StringWidth(lead)
		head := strings.TrimRight(plain[len(lead):at], " ")
		var pieces []string
		if head != "" {
			pieces = append(pieces, ansi.Cut(l, indent, indent+ansi.StringWidth(head)))
		}
		pieces = append(pieces, ansi.Cut(l, start, end))
		tail := plain[at+len(u):]
		skip := len(tail) - len(strings.TrimLeft(tail, " "))
		if tail = tail[skip:]; tail != "" {
			pieces = append(pieces, ansi.Cut(l, end+skip, total))
		}
		out := carry(ansi.Cut(l, 0, indent), strings.Join(pieces, "\n"))
		if tail == "" {
			return out
		}
		// The rest of the line may hold another address.
		k := strings.LastIndexByte(out, '\n')
		return out[:k+1] + apart(out[k+1:], held, width, bar)
	}
	return l
}
