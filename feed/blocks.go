package feed

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tread-reader/tread/story"
)

// creditRe matches a photo credit closing a caption: "(Name/Agency)", or
// "(Photo: Name)" and its kin.
var creditRe = regexp.MustCompile(`\(\s*(?:` +
	`[\p{Lu}\p{N}][^()/]{0,50}/\s*[\p{Lu}\p{N}][^()/]{0,50}` +
	`|(?i:photo|picture|pic|image|credit|photograph)s?(?:\s+by)?\s*:?\s+[^()]{1,60}` +
	`|[^()]{0,40}(?i:getty images|ap photo)` +
	`)\)\s*$`)

// isCaption reports whether a paragraph is a photo caption: short, and
// ending in a credit. Captions stay in the body; their kind lets render set
// them apart.
func isCaption(p string) bool {
	return len(p) <= 400 && strings.HasSuffix(p, ")") && creditRe.MatchString(p)
}

// bylineRe matches a byline on a line of its own: "By Name", "By: Name".
var bylineRe = regexp.MustCompile(`^(?i:by):?\s+(\p{Lu}.*)$`)

// byline returns the name from a "By Name" line, or "" when the line is not
// one. A long line starting with "By" is prose, and stays in the body.
func byline(line string) string {
	if len(line) > 100 {
		return ""
	}
	m := bylineRe.FindStringSubmatch(line)
	if m == nil {
		return ""
	}
	name := strings.TrimSpace(m[1])
	if len(strings.Fields(name)) > 12 || strings.ContainsAny(name[len(name)-1:], ".!?\"") {
		return ""
	}
	return name
}

// publisherLike reports whether s could be a publisher's name: short, no
// sentence punctuation at its end, starting with a letter or digit.
func publisherLike(s string) bool {
	if s == "" || len(s) > 60 || len(strings.Fields(s)) > 6 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return (unicode.IsLetter(first) || unicode.IsDigit(first)) && !strings.ContainsRune(".,;:!?\"'", last)
}

// paragraph makes a body block from one paragraph of text.
func paragraph(text string) story.Block {
	if isCaption(text) {
		return story.Block{Kind: story.Caption, Text: text}
	}
	return story.Block{Kind: story.Paragraph, Text: text}
}

// trimLine trims white space and stray byte-order marks, which survive
// when files are concatenated.
func trimLine(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' })
}

// same reports whether two lines are the same line printed twice.
func same(a, b string) bool {
	if a == b {
		return true
	}
	if a == "" || b == "" || a[0] != b[0] {
		return false
	}
	return key(a) == key(b)
}

// key is a line's identity for "printed twice" comparisons: runs of white
// space count as one space.
func key(s string) string {
	if !strings.Contains(s, "  ") && !strings.ContainsAny(s, "\t\u00a0") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
