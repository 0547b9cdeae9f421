package intake

import (
	"path/filepath"
	"strings"
)

// htmlExts name HTML files whatever their first bytes.
var htmlExts = map[string]bool{".html": true, ".htm": true, ".xhtml": true, ".shtml": true}

// htmlStarts open an HTML document. A text dump never starts with markup,
// so the first tag is a safe signal; its name must end at a space or '>'
// so that "<br>" is not taken for "<b".
var htmlStarts = []string{
	"<!doctype html", "<html", "<head", "<body", "<!--", "<meta", "<title",
	"<script", "<style", "<link", "<div", "<p", "<h1", "<article", "<table",
	"<iframe", "<font", "<a", "<b", "<br", "<section", "<main", "<header",
}

// IsHTML reports whether a source is an HTML page. name (a file name, or
// "") ending in .html, .htm, .xhtml or .shtml says so. A source served as
// HTML (mediaType "text/html" or "application/xhtml+xml") is one when its
// decoded head has markup anywhere near its start: servers put warnings
// and stray text ahead of the doctype. Any other source must open with
// HTML markup (an XML declaration counts when an <html> element follows
// it), since a page dump may quote a tag or two in its text.
func IsHTML(name, mediaType, head string) bool {
	if htmlExts[strings.ToLower(filepath.Ext(name))] {
		return true
	}
	if mediaType == "text/html" || mediaType == "application/xhtml+xml" {
		return hasMarkup(head)
	}
	s := strings.TrimLeft(strings.TrimPrefix(head, "\ufeff"), " \t\r\n\f")
	s = strings.ToLower(s[:min(len(s), 1024)])
	if strings.HasPrefix(s, "<?xml") {
		return strings.Contains(s, "<html") || strings.Contains(s, "<!doctype html")
	}
	for _, p := range htmlStarts {
		if rest, ok := strings.CutPrefix(s, p); ok {
			if p == "<!--" || rest == "" || strings.IndexByte(" \t\r\n\f>/", rest[0]) >= 0 {
				return true
			}
		}
	}
	return false
}

// IsBinary reports whether decoded text is really binary data: a NUL, or
// more than one rune in twenty being some other control character. Text
// in a legacy 8-bit encoding passes (it decodes to U+FFFD, but has no
// control bytes), as do the odd ESC or form feed that text files carry;
// display sanitizes those anyway.
func IsBinary(s string) bool {
	var total, bad int
	for _, r := range s {
		total++
		switch {
		case r == 0:
			return true
		case r == '\n' || r == '\t' || r == '\f' || r == '\v' || r == '\r' || r == 0x1b:
		case r < 0x20 || r == 0x7f:
			bad++
		}
	}
	return bad*20 > total
}

// hasMarkup reports whether text has a tag, comment or doctype within its
// first few kilobytes.
func hasMarkup(text string) bool {
	head := text[:min(len(text), 8<<10)]
	for i := 0; i+1 < len(head); i++ {
		if head[i] != '<' {
			continue
		}
		c := head[i+1]
		if c == '!' || c == '/' || c == '?' || 'a' <= c|0x20 && c|0x20 <= 'z' {
			return true
		}
	}
	return false
}
