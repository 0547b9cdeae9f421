package extract

import (
	"bytes"
	"errors"
	"fmt"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxDepth is how deep the fallback parse lets elements nest. The HTML
// parser refuses documents nested past 512 open elements; such pages are
// re-read with the extra nesting dropped so their text still comes through.
const maxDepth = 256

// parse parses a decoded page, retrying hostile nesting flattened.
func parse(data []byte) (*html.Node, error) {
	root, err := html.Parse(bytes.NewReader(data))
	if err == nil {
		return root, nil
	}
	root, err2 := html.Parse(bytes.NewReader(flatten(data)))
	if err2 != nil {
		return nil, fmt.Errorf("parse html: %w", errors.Join(err, err2))
	}
	return root, nil
}

// flatten re-serialises the page's tokens, leaving out start and end tags
// of elements that would nest deeper than maxDepth. Text is kept.
func flatten(data []byte) []byte {
	z := html.NewTokenizer(bytes.NewReader(data))
	var out bytes.Buffer
	out.Grow(len(data))
	depth := 0
	skipped := 0 // start tags dropped whose end tags must be dropped too
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out.Bytes()
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidElement(atom.Lookup(name)) {
				out.Write(z.Raw())
				continue
			}
			if depth >= maxDepth {
				skipped++
				continue
			}
			depth++
		case html.EndTagToken:
			if skipped > 0 {
				skipped--
				continue
			}
			if depth > 0 {
				depth--
			}
		}
		out.Write(z.Raw())
	}
}

func voidElement(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}
