// Package mdlinks reads back the markdown tread writes, for tests: which
// links, images and raw HTML a CommonMark reader finds in it. Tests use it
// to check that page text never turns into markdown syntax.
package mdlinks

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// Kind is what a found destination belongs to.
type Kind string

// Kinds of syntax found.
const (
	Link     Kind = "link"
	Image    Kind = "image"
	AutoLink Kind = "autolink"
	HTML     Kind = "html" // raw HTML, inline or a block; tread never writes any
)

// Found is one link, image, autolink or piece of raw HTML.
type Found struct {
	Kind Kind
	Dest string // the destination; for HTML, the HTML
}

var parser = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough)).Parser()

// Find parses md as CommonMark with GFM tables and strikethrough (the
// syntax glamour reads, but for linkify: a bare URL shows as itself) and
// returns what it links to, in order.
func Find(md string) []Found {
	src := []byte(md)
	doc := parser.Parse(text.NewReader(src))
	var out []Found
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			out = append(out, Found{Link, string(n.Destination)})
		case *ast.Image:
			out = append(out, Found{Image, string(n.Destination)})
		case *ast.AutoLink:
			out = append(out, Found{AutoLink, string(n.URL(src))})
		case *ast.RawHTML:
			out = append(out, Found{HTML, string(n.Segments.Value(src))})
		case *ast.HTMLBlock:
			out = append(out, Found{HTML, string(n.Lines().Value(src))})
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		panic(err) // the walker above returns no error
	}
	return out
}
