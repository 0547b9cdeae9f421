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

// publisherLike reports whether s could be a publisher's name, of any shape:
// "Reuters", "tidewire", "News24", a social handle "@shore_news", "Yahoo!",
// "Acme News Inc.". It is short, starts with a letter or digit (or is a
// handle), and does not end the way a sentence does.
func publisherLike(s string) bool {
	words := strings.Fields(s)
	if s == "" || len(s) > 60 || len(words) > 6 {
		return false
	}
	if s[0] == '@' {
		return isHandle(s[1:])
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(first) && !unicode.IsDigit(first) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	switch {
	case !strings.ContainsRune(".,;:!?\"'", last):
		return true
	case last == '!':
		return len(words) <= 2 // "Yahoo!", not an exclamation
	case last == '.':
		return isAbbrev(words[len(words)-1]) // "Inc.", "Ltd.", not a full stop
	}
	return false
}

// isHandle reports a social handle's name: letters, digits, "_" and ".".
func isHandle(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' && r != '.' {
			return false
		}
	}
	return s != ""
}

// isAbbrev reports a short capitalised abbreviation such as "Inc." or "Co.".
func isAbbrev(w string) bool {
	first, _ := utf8.DecodeRuneInString(w)
	return len(w) <= 5 && unicode.IsUpper(first) && strings.Count(w, ".") == 1
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
