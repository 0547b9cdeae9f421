package syndication

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// maxBlocks caps the blocks one item's body becomes.
const maxBlocks = 400

// bodyBlocks turns the HTML of an item's content into plain-text blocks:
// paragraphs, headings, lists, quotes, preformatted text and images. It
// keeps no markup (no inline structure, so render escapes the text): a
// feed's words can never become a link or an image in the reader.
func bodyBlocks(src, base string) []story.Block {
	b := blockBuilder{base: base}
	z := html.NewTokenizer(strings.NewReader(src))
	z.SetMaxBuf(maxBody)
	skip := 0 // depth inside script, style and the like
	for len(b.out) < maxBlocks {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		name, hasAttr := z.TagName()
		a := atom.Lookup(name)
		switch tt {
		case html.TextToken:
			if skip == 0 {
				b.text.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			switch {
			case a == atom.Script || a == atom.Style || a == atom.Iframe || a == atom.Noscript || a == atom.Template:
				if tt == html.StartTagToken {
					skip++
				}
			case a == atom.Img:
				b.image(z, hasAttr)
			case a == atom.Br:
				b.text.WriteByte('\n')
			case blockTag(a):
				b.flush()
				b.open(a)
			}
		case html.EndTagToken:
			switch {
			case a == atom.Script || a == atom.Style || a == atom.Iframe || a == atom.Noscript || a == atom.Template:
				skip = max(skip-1, 0)
			case blockTag(a):
				b.flush()
				b.close(a)
			}
		}
	}
	b.flush()
	b.endList()
	return b.out
}

func blockTag(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Blockquote, atom.Pre, atom.Tr, atom.Table,
		atom.Section, atom.Article, atom.Figure, atom.Figcaption, atom.Hr, atom.Dd, atom.Dt:
		return true
	}
	return false
}

type blockBuilder struct {
	base  string
	out   []story.Block
	text  strings.Builder
	kind  story.Kind // of the text being gathered
	level int
	list  *story.Block // the list being gathered, nil outside one
}

func (b *blockBuilder) open(a atom.Atom) {
	b.kind, b.level = story.Paragraph, 0
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		b.kind, b.level = story.Heading, int(a.String()[1]-'0')
	case atom.Blockquote:
		b.kind = story.Quote
	case atom.Pre:
		b.kind = story.Code
	case atom.Ul, atom.Ol:
		b.endList()
		b.list = &story.Block{Kind: story.List, Ordered: a == atom.Ol}
	case atom.Figcaption:
		b.kind = story.Caption
	}
}

func (b *blockBuilder) close(a atom.Atom) {
	if a == atom.Ul || a == atom.Ol {
		b.endList()
	}
	b.kind, b.level = story.Paragraph, 0
}

// flush ends the text gathered so far as a block, or as a list item.
func (b *blockBuilder) flush() {
	raw := b.text.String()
	b.text.Reset()
	var t string
	if b.kind == story.Code {
		t = strings.Trim(sanitize.Text(raw), "\n")
	} else {
		t = sanitize.Line(raw)
	}
	if strings.TrimSpace(t) == "" {
		return
	}
	if b.list != nil {
		b.list.Items = append(b.list.Items, t)
		return
	}
	b.out = append(b.out, story.Block{Kind: b.kind, Text: t, Level: b.level})
}

func (b *blockBuilder) endList() {
	if b.list != nil && len(b.list.Items) > 0 {
		b.list.Text = strings.Join(b.list.Items, "\n")
		b.out = append(b.out, *b.list)
	}
	b.list = nil
}

// image adds an <img> with a web address as an Image block.
func (b *blockBuilder) image(z *html.Tokenizer, hasAttr bool) {
	var src, alt string
	pixel := false
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		switch string(k) {
		case "src":
			src = string(v)
		case "alt":
			alt = string(v)
		case "width", "height":
			// A 1×1 image is a tracking pixel, not a picture.
			pixel = pixel || string(v) == "0" || string(v) == "1"
		}
	}
	if u := resolve(b.base, src); isWebURL(u) && !pixel {
		b.flush()
		b.out = append(b.out, story.Block{Kind: story.Image, URL: u, Text: sanitize.Line(alt)})
	}
}
