package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/tread-reader/tread/story"
)

// Bounds on the work one page costs. The largest of the 800 reference
// pages has about 16,000 tokens, 360 body blocks and 100KB of body
// markdown; the bounds sit several times above that, so that no real
// article is cut while a page of a million empty paragraphs costs what a
// long article costs rather than seconds and gigabytes.
const (
	// maxTokens bounds the tags, text runs and comments of a page that are
	// parsed; the rest of the page is left unread.
	maxTokens = 100_000
	// maxBlocks bounds the blocks of a story's body.
	maxBlocks = 2_000
	// maxBodyBytes bounds the text and markdown of a story's body together.
	maxBodyBytes = 512 << 10
)

// Why a page was cut, as its last line says: "(page cut: too many blocks)".
const (
	cutTokens = "too many elements"
	cutBlocks = "too many blocks"
	cutBytes  = "too long"
)

// cutAtTokens returns data up to the end of its first limit tokens, and
// whether anything was left out. Every tag or comment starts with a '<'
// and text runs lie between them, so a page with fewer than limit/2 of
// those (every real page) is not tokenized.
func cutAtTokens(data []byte, limit int) ([]byte, bool) {
	if 2*bytes.Count(data, []byte("<"))+1 <= limit {
		return data, false
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	off := 0
	for range limit {
		if z.Next() == html.ErrorToken {
			return data, false
		}
		off += len(z.Raw())
	}
	if z.Next() == html.ErrorToken {
		return data, false
	}
	return data[:off], true
}

// boundBody cuts a story's body at maxBlocks blocks or maxBodyBytes bytes,
// whichever comes first, and ends a cut body, or one whose page was cut
// before it was parsed (reason not ""), with a line saying so. A cut story
// is partial.
func boundBody(s *story.Story, reason string) {
	size := 0
	for k, b := range s.Body {
		size += len(b.Text) + b.Inline.Len()
		for _, it := range b.Items {
			size += len(it)
		}
		for _, r := range b.Rows {
			for _, c := range r {
				size += len(c)
			}
		}
		switch {
		case k >= maxBlocks:
			reason = cutBlocks
		case size > maxBodyBytes && k == 0:
			// One block of megabytes: its text is kept up to the bound,
			// and its structure, which cannot be cut safely, is dropped
			// for the renderer to write the block from the text.
			s.Body[0] = story.Block{Kind: b.Kind, Level: b.Level, Ordered: b.Ordered, URL: b.URL, Text: cutText(b.Text, maxBodyBytes)}
			reason = cutBytes
			k = 1
		case size > maxBodyBytes:
			reason = cutBytes
		default:
			continue
		}
		s.Body = s.Body[:k:k]
		break
	}
	if reason == "" {
		return
	}
	note := "(page cut: " + reason + ")"
	s.Body = append(s.Body, story.NewBlock(story.Paragraph, story.Styled(story.Italic, story.Run(note))))
	s.Partial = true
}

// cutText cuts s to at most n bytes, after a space where there is one
// near the end, and never inside a character.
func cutText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	s = s[:n]
	if i := strings.LastIndexAny(s, " \n"); i > 0 && i > len(s)-200 {
		s = s[:i]
	}
	return s
}
