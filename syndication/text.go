package syndication

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"

	"github.com/tread-reader/tread/sanitize"
)

// plainTitle is a title as plain text on one line: markup stripped and
// character references decoded when it holds any (an Atom type="html"
// title, or RSS text with tags), white space collapsed.
func plainTitle(s string) string {
	if looksMarked(s) {
		s = htmlText(s)
	}
	return sanitize.Line(s)
}

// looksMarked reports whether s holds a tag or a character reference.
func looksMarked(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case '<':
			c := s[i+1] | 0x20
			if 'a' <= c && c <= 'z' || s[i+1] == '/' || s[i+1] == '!' {
				return true
			}
		case '&':
			if j := strings.IndexByte(s[i:min(len(s), i+12)], ';'); j > 1 {
				return true
			}
		}
	}
	return false
}

// htmlText is the text of an HTML fragment, tags dropped, references
// decoded.
func htmlText(s string) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return b.String()
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			b.WriteByte(' ')
		}
	}
}

// resolve resolves ref against base when ref is relative. A base that is
// itself relative (an xml:base in a feed read from a file) still composes:
// "/section/" and "harbour/x" give "/section/harbour/x". A reference that
// cannot be parsed is dropped.
func resolve(base, ref string) string {
	ref = sanitize.Line(ref)
	if ref == "" {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if r.IsAbs() || base == "" {
		return r.String()
	}
	b, err := url.Parse(base)
	if err != nil {
		return r.String()
	}
	return b.ResolveReference(r).String()
}

// isWebURL reports whether s is an absolute http or https URL.
func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
