package ui

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// normURL reduces a URL to what tells pages apart, so that a related item
// linking to http://www.example.com/a/ finds the story already read from
// https://example.com/a#top: no scheme, no "www.", no trailing slash, no
// fragment, the host in lower case. "" when u does not parse or has no host.
func normURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || p.Host == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(p.Host), "www.")
	host = strings.TrimSuffix(strings.TrimSuffix(host, ":80"), ":443")
	path := strings.TrimRight(p.EscapedPath(), "/")
	out := host + path
	if p.RawQuery != "" {
		out += "?" + p.RawQuery
	}
	return out
}

// minTitleMatch is the fewest letters a title needs before tread takes two
// stories with that title for the same one: "Live" or "Opinion" are not
// headlines.
const minTitleMatch = 12

// normTitle reduces a headline to its words in lower case, punctuation and
// spacing dropped, so that the same story under a curly or a straight
// apostrophe still matches. "" when too short to trust.
func normTitle(t string) string {
	var b strings.Builder
	space := false
	for _, r := range t {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
			space = false
		default:
			space = true
		}
	}
	if utf8.RuneCountInString(b.String()) < minTitleMatch {
		return ""
	}
	return b.String()
}

// mdEscape makes a key label literal in markdown.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 && unicode.IsPunct(r) || r == '`' || r == '<' || r == '>' || r == '|' || r == '~' || r == '^' || r == '+' || r == '=' || r == '$' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
