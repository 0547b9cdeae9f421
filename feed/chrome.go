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

// decorLines are dropped wherever they appear: image alt text and ad
// markers printed alone. decorTails catch the alt text of a site's images
// in any wording: "Site logo", "Orange background", "Author avatar".
var (
	decorLines = setOf("logo", "advertisement", "sponsored", "image", "photo", "icon")
	decorTails = setOf("logo", "background", "icon", "banner", "image", "photo", "avatar", "thumbnail")
)

// endLines end a story body: comment widgets and share bars, and
// (relatedHeadings) headings that introduce related stories. Keys are lower
// case with spaces collapsed. Promotions for a site's apps and features end
// a body too; isCallToAction and isAppStore find them by their shape.
var endLines = setOf(
	"comment", "comments", "leave a comment", "add a comment", "show comments",
	"share this article", "share this story",
)

// endPrefixes catch comment widgets whose wording varies.
var endPrefixes = byteSlices("no comments yet")

// ctaVerbs open a call to action; ctaWords show it speaks to the reader
// about the site rather than telling a story ("Get ready for the storm").
var (
	ctaVerbs = setOf("try", "download", "get", "explore", "install", "discover", "join", "subscribe",
		"sign", "follow", "open", "start", "upgrade", "unlock", "read")
	ctaWords = setOf("our", "your", "you", "app", "apps", "now", "free", "today", "features", "premium")
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
	if len(line) > 32 {
		return false
	}
	var buf [maxChrome]byte
	k := chromeKey(line, &buf)
	if decorLines[string(k)] {
		return true
	}
	words := bytes.Fields(k)
	return len(words) >= 2 && len(words) <= 3 && decorTails[string(words[len(words)-1])]
}

// isCallToAction reports a short line urging the reader to try, download or
// join something of the site's: "Try Our AI Features", "Get Started Now:
// Download the App", "Explore what X can do for you:".
func isCallToAction(k []byte) bool {
	// A comma or a full stop makes it a sentence: "Get your jab now, GPs say".
	if bytes.ContainsAny(k, ",.") {
		return false
	}
	words := bytes.FieldsFunc(k, func(r rune) bool { return r == ' ' || r == ':' || r == '!' })
	if len(words) < 2 || len(words) > 8 || !ctaVerbs[string(words[0])] {
		return false
	}
	for _, w := range words[1:] {
		if ctaWords[string(w)] {
			return true
		}
	}
	return false
}

// isAppStore reports a line pointing at the app stores: "app-storeplay-store",
// "Get it on Google Play", "Available on the App Store".
func isAppStore(k []byte) bool {
	if len(k) > 60 {
		return false
	}
	flat := bytes.ReplaceAll(bytes.ReplaceAll(k, []byte("-"), nil), []byte(" "), nil)
	return bytes.Contains(flat, []byte("appstore")) || bytes.Contains(flat, []byte("playstore")) ||
		bytes.Contains(flat, []byte("googleplay"))
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
	if isCallToAction(k) || isAppStore(k) {
		return true
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
