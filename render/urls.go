package render

import (
	"regexp"
	"strings"
)

// Glamour wraps a long web address at its hyphens, as if they were a
// word's, so what is left on each line reads as a hyphenated word and does
// not copy as the address. Before glamour sees the markdown, the hyphens
// inside addresses become non-breaking hyphens (U+2011, as wide); after,
// they are hyphens again. An address longer than the line is then cut at
// the margin (see fit), never at a hyphen, and no character of it changes.
const nbHyphen = '\u2011'

// bareURL finds web addresses in text, up to white space or a character
// that ends one in prose.
var bareURL = regexp.MustCompile(`https?://[^\s<>()\[\]"]+`)

// keepURLs gives the addresses in md non-breaking hyphens, outside code
// (a code block is laid out apart; see wrapCode).
func keepURLs(md string) string {
	if !strings.Contains(md, "://") || !strings.Contains(md, "-") {
		return md
	}
	return outsideCode(md, func(text string) string {
		return bareURL.ReplaceAllStringFunc(text, func(u string) string {
			return strings.ReplaceAll(u, "-", string(nbHyphen))
		})
	})
}

// outsideCode is md with each run outside fenced code passed through f.
func outsideCode(md string, f func(string) string) string {
	var b strings.Builder
	for _, part := range fenceParts(md) {
		if part.code {
			b.WriteString(part.text)
			continue
		}
		b.WriteString(f(part.text))
	}
	return b.String()
}

// restoreHyphens undoes keepURLs in glamour's output.
func restoreHyphens(s string) string {
	if !strings.ContainsRune(s, nbHyphen) {
		return s
	}
	return strings.ReplaceAll(s, string(nbHyphen), "-")
}

// mdPart is a run of markdown inside or outside fenced code.
type mdPart struct {
	text string
	code bool
}

// fenceParts cuts md into runs inside and outside fenced code blocks.
func fenceParts(md string) []mdPart {
	var parts []mdPart
	var cur strings.Builder
	fence := ""
	for _, l := range strings.SplitAfter(md, "\n") {
		f := fenceOf(strings.TrimRight(l, "\n"), fence)
		inCode := fence != "" || f != ""
		if len(parts) == 0 || parts[len(parts)-1].code != inCode {
			if cur.Len() > 0 {
				parts[len(parts)-1].text = cur.String()
				cur.Reset()
			}
			parts = append(parts, mdPart{code: inCode})
		}
		cur.WriteString(l)
		fence = f
	}
	if len(parts) > 0 {
		parts[len(parts)-1].text = cur.String()
	}
	return parts
}
