package feed

import (
	"regexp"
	"strings"

	"github.com/tread-reader/tread/story"
)

// wrapWidth: a block whose lines (but the last) are all this short was
// hard-wrapped, and its lines join into one paragraph; otherwise each line
// is a paragraph of its own.
const wrapWidth = 100

var listItemRe = regexp.MustCompile(`^(?:[-*•]|\d{1,3}[.)])\s+(.+)$`)

// parsePlain reads a plain-text article: headline, blank line, an optional
// "By Name" line (and a "Publisher · 2 hours ago" line), then paragraphs
// separated by blank lines. ok is false when the text is blank.
func parsePlain(text string) (s story.Story, ok bool) {
	blocks := textBlocks(text)
	if len(blocks) == 0 {
		return s, false
	}
	first := blocks[0]
	var rest []string
	if len(first[0]) <= maxTitleBytes {
		s.Title = strings.TrimSpace(strings.TrimLeft(first[0], "#"))
		rest = first[1:]
		if len(rest) > 0 && strings.Trim(rest[0], "=-") == "" {
			rest = rest[1:] // setext underline
		}
	} else {
		rest = first
	}
	queue := append([][]string{}, blocks[1:]...)
	if len(rest) > 0 {
		queue = append([][]string{rest}, queue...)
	}
	// The byline and the publisher/age line come, if at all, as the first
	// lines after the headline.
	for len(queue) > 0 && len(queue[0]) > 0 {
		l := queue[0][0]
		if name := byline(l); name != "" && s.Byline == "" {
			s.Byline = name
		} else if m := classify(l); s.Age == "" && (m.kind == metaPubAge || m.kind == metaAge || m.kind == metaTime) {
			s.Site, s.Age = m.site, m.age
		} else {
			break
		}
		if queue[0] = queue[0][1:]; len(queue[0]) == 0 {
			queue = queue[1:]
		}
	}
	// The first line of page furniture ends the article, as in a dump.
	for _, b := range queue {
		for i, l := range b {
			if isEnd(l) {
				s.Body = append(s.Body, blockOf(b[:i])...)
				return s, s.Title != "" || len(s.Body) > 0
			}
		}
		s.Body = append(s.Body, blockOf(b)...)
	}
	return s, s.Title != "" || len(s.Body) > 0
}

// textBlocks splits text into runs of non-blank trimmed lines.
func textBlocks(text string) [][]string {
	var blocks [][]string
	var cur []string
	lines := 0
	for len(text) > 0 && lines < maxLines {
		var l string
		l, text, _ = strings.Cut(text, "\n")
		lines++
		if l = trimLine(l); l == "" || isDecor(l) {
			if cur != nil {
				blocks = append(blocks, cur)
				cur = nil
			}
			continue
		}
		cur = append(cur, l)
	}
	if cur != nil {
		blocks = append(blocks, cur)
	}
	return blocks
}

// blockOf turns one run of lines into body blocks: runs of two or more list
// items become a list; other lines become one paragraph when they were
// hard-wrapped, else a paragraph each.
func blockOf(lines []string) []story.Block {
	var out []story.Block
	for len(lines) > 0 {
		n := 0
		for n < len(lines) && listItemRe.MatchString(lines[n]) {
			n++
		}
		if n >= 2 {
			out = append(out, listBlock(lines[:n]))
			lines = lines[n:]
			continue
		}
		n = 1
		for n < len(lines) && !(listItemRe.MatchString(lines[n]) && n+1 < len(lines) && listItemRe.MatchString(lines[n+1])) {
			n++
		}
		out = append(out, prose(lines[:n])...)
		lines = lines[n:]
	}
	return out
}

func listBlock(lines []string) story.Block {
	items := make([]string, len(lines))
	for i, l := range lines {
		items[i] = listItemRe.FindStringSubmatch(l)[1]
	}
	ordered := lines[0][0] >= '0' && lines[0][0] <= '9'
	return story.Block{Kind: story.List, Items: items, Ordered: ordered, Text: strings.Join(items, "\n")}
}

func prose(lines []string) []story.Block {
	for _, l := range lines[:len(lines)-1] {
		if len(l) > wrapWidth {
			out := make([]story.Block, 0, len(lines))
			for _, l := range lines {
				out = append(out, paragraph(l))
			}
			return out
		}
	}
	return []story.Block{paragraph(strings.Join(lines, " "))}
}
