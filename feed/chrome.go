package feed

import (
	"bytes"
	"strings"
)

// Page chrome in text dumps. Structure does most of the work — a story's
// header is found from its doubled headline and its publisher/age lines,
// and everything between a story's end and the next header is dropped — so
// these lists only need the lines that sit next to text with no structural
// break: image alt text, and the first line of each block of site furniture
// (everything after it up to the next story header goes with it).

// decorLines are dropped wherever they appear: alt text of the site's logo
// and background images, ad markers.
var decorLines = map[string]bool{
	"logo":              true,
	"orange background": true,
	"advertisement":     true,
	"sponsored":         true,
	"image":             true,
	"photo":             true,
}

// endLines end a story body: comment widgets, promos for the site's
// features and apps, and (relatedHeadings) headings that introduce related
// stories. Keys are lower case with spaces collapsed.
var endLines = setOf(
	"comment", "comments", "leave a comment", "add a comment", "show comments",
	"try our ai features", "download the app", "download our app", "get the app",
	"app-storeplay-store", "app store", "app-store", "play store", "play-store", "google play",
	"share this article", "share this story",
)

// endPrefixes and endSuffixes catch furniture whose wording varies.
var (
	endPrefixes = byteSlices("no comments yet", "get started now", "get it on ", "explore what ")
	endSuffixes = byteSlices(" can do for you:", " can do for you")
)

// relatedHeadings open a block of related stories: stories after one belong
// to the story above as related items.
var relatedHeadings = setOf(
	"related articles", "related stories", "related news", "related",
	"more stories", "more on this story", "more news", "read more", "read next", "see also",
	"you may also like", "you might also like", "recommended", "recommended for you", "top stories",
)

func byteSlices(ss ...string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}

func setOf(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

// maxChrome is longer than any furniture line; longer lines are text.
const maxChrome = 80

// chromeKey is a short line's identity for the lists above: lower case,
// runs of white space as one space. buf keeps the common ASCII case free of
// allocation, since every line of a dump is checked.
func chromeKey(line string, buf *[maxChrome]byte) []byte {
	n := 0
	space := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c >= 0x80:
			return []byte(strings.ToLower(strings.Join(strings.Fields(line), " ")))
		case c == ' ' || c == '\t':
			space = n > 0
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if space {
			buf[n] = ' '
			n++
			space = false
		}
		buf[n] = c
		n++
	}
	return buf[:n]
}

func isDecor(line string) bool {
	if len(line) > 24 {
		return false
	}
	var buf [maxChrome]byte
	return decorLines[string(chromeKey(line, &buf))]
}

func isEnd(line string) bool {
	if len(line) > maxChrome {
		return false
	}
	var buf [maxChrome]byte
	k := chromeKey(line, &buf)
	if endLines[string(k)] || relatedHeadings[string(k)] {
		return true
	}
	for _, p := range endPrefixes {
		if bytes.HasPrefix(k, p) {
			return true
		}
	}
	for _, sfx := range endSuffixes {
		if bytes.HasSuffix(k, sfx) {
			return true
		}
	}
	// "3 comments", "1 comment"
	n, ok := bytes.CutSuffix(bytes.TrimSuffix(k, []byte("s")), []byte(" comment"))
	return ok && isDigits(n)
}

func isRelatedHeading(line string) bool {
	if len(line) > maxChrome {
		return false
	}
	var buf [maxChrome]byte
	return relatedHeadings[string(chromeKey(line, &buf))]
}

func isDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}
