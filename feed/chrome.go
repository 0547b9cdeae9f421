package feed

import (
	"regexp"
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

// endRe matches a line that ends a story body: comment widgets, promos for
// the site's features and apps, and section headings that introduce related
// stories. Matched against the line in lower case with spaces collapsed.
var endRe = regexp.MustCompile(`^(?:` +
	`comments?|no comments yet.*|\d+ comments?|leave a comment|add a comment|show comments|` +
	`try our ai features|explore what .{1,60} can do for you:?|` +
	`download (?:the|our) app|get (?:it|started) (?:now|on).*|get the app|` +
	`app-?store ?(?:play-?store)?|play-?store|google play|app store|` +
	`share (?:this|the) (?:article|story)|` +
	relatedHeadings + `)$`)

// relatedHeadings open a block of related stories: stories after one belong
// to the story above as related items.
const relatedHeadings = `related articles|related stories|related news|related|` +
	`more stories|more on this story|more news|read more|read next|see also|` +
	`you may also like|you might also like|recommended|recommended for you|top stories`

var relatedRe = regexp.MustCompile(`^(?:` + relatedHeadings + `)$`)

func chromeKey(line string) string {
	return strings.ToLower(strings.Join(strings.Fields(line), " "))
}

func isDecor(line string) bool { return decorLines[chromeKey(line)] }

func isEnd(line string) bool {
	return len(line) <= 80 && endRe.MatchString(chromeKey(line))
}

func isRelatedHeading(line string) bool {
	return len(line) <= 80 && relatedRe.MatchString(chromeKey(line))
}
