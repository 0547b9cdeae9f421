package feed

import "strings"

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
	endPrefixes = []string{"no comments yet", "get started now", "get it on ", "explore what "}
	endSuffixes = []string{" can do for you:", " can do for you"}
)

// relatedHeadings open a block of related stories: stories after one belong
// to the story above as related items.
var relatedHeadings = setOf(
	"related articles", "related stories", "related news", "related",
	"more stories", "more on this story", "more news", "read more", "read next", "see also",
	"you may also like", "you might also like", "recommended", "recommended for you", "top stories",
)

func setOf(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

// maxChrome is longer than any furniture line; longer lines are text.
const maxChrome = 80

func chromeKey(line string) string {
	return strings.ToLower(strings.Join(strings.Fields(line), " "))
}

func isDecor(line string) bool { return len(line) <= 24 && decorLines[chromeKey(line)] }

func isEnd(line string) bool {
	if len(line) > maxChrome {
		return false
	}
	k := chromeKey(line)
	if endLines[k] || relatedHeadings[k] {
		return true
	}
	for _, p := range endPrefixes {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	for _, sfx := range endSuffixes {
		if strings.HasSuffix(k, sfx) {
			return true
		}
	}
	// "3 comments", "1 comment"
	n, ok := strings.CutSuffix(strings.TrimSuffix(k, "s"), " comment")
	return ok && isDigits(n)
}

func isRelatedHeading(line string) bool {
	return len(line) <= maxChrome && relatedHeadings[chromeKey(line)]
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}
