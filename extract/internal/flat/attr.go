package flat

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Attr is the value of n's attribute key, or "" when it has none.
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// HasAttr reports whether n carries the attribute key, with any value.
func HasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// IsHeading reports whether a is h1-h6.
func IsHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// Hidden reports whether an element's own attributes hide it from a
// reader: hidden, aria-hidden="true", or an inline style that does not
// display it.
func Hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		case "style":
			if StyleHidden(a.Val) {
				return true
			}
		}
	}
	return false
}

// StyleHidden reports whether an inline style hides the element:
// display:none or visibility:hidden, in any case and spacing.
func StyleHidden(style string) bool {
	// Most styles name neither value: rule them out without building
	// a string.
	if !containsFold(style, "none") && !containsFold(style, "hidden") {
		return false
	}
	var b strings.Builder
	for i := 0; i < len(style); i++ {
		c := style[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	s := b.String()
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
}

// containsFold reports whether s contains the lower-case ASCII word w in
// any case.
func containsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}
