package story

import "strings"

// Style is the emphasis of an inline element.
type Style uint8

// Inline element styles.
const (
	Plain  Style = iota
	Italic       // <em>, <i>
	Bold         // <strong>, <b>
	Struck       // <del>, <s>
	Mono         // <code>, <kbd>
	Sup          // a short <sup>: a footnote mark, an ordinal, a power
)

// Inline is a block's inline content as a tree: a run of plain text (Text,
// where "\n" is a hard line break), or an element around Kids — emphasis,
// code, or a link when Link is set. The root is a plain element.
type Inline struct {
	Text  string
	Style Style
	Link  int // an <a>: 1 + its index in the block's Links; 0 for none
	Kids  []Inline
}

// Empty reports whether in holds no text.
func (in Inline) Empty() bool {
	if in.Text != "" {
		return false
	}
	for _, k := range in.Kids {
		if !k.Empty() {
			return false
		}
	}
	return true
}

// Len is the length of in's text in bytes: Plain's, without building it.
func (in Inline) Len() int {
	n := len(in.Text)
	for _, k := range in.Kids {
		n += k.Len()
	}
	return n
}

// Plain is in's text with its markup dropped.
func (in Inline) Plain() string {
	var b strings.Builder
	in.plain(&b)
	return b.String()
}

func (in Inline) plain(b *strings.Builder) {
	b.WriteString(in.Text)
	for _, k := range in.Kids {
		k.plain(b)
	}
}

// ListItem is one item of a list, nested lists flattened: Depth 0 is the
// outer list; Num is its number when its own list is Ordered.
type ListItem struct {
	Depth   int
	Ordered bool
	Num     int
	Inline  Inline
}

// Builders for blocks with structure, for tread's own content (the sample
// edition) and tests: Run, Styled and LinkTo make the tree, NewBlock
// numbers its links.

// Run is a run of plain text.
func Run(s string) Inline { return Inline{Text: s} }

// Styled is an element of style around kids.
func Styled(style Style, kids ...Inline) Inline { return Inline{Style: style, Kids: kids} }

// LinkTo is a link to url around kids; NewBlock gives it its number.
func LinkTo(url string, kids ...Inline) Inline {
	return Inline{Link: -1, Kids: append([]Inline{{Text: url}}, kids...)}
}

// NewBlock is a block of kind whose content is kids, with its Text and
// Links filled in.
func NewBlock(kind Kind, kids ...Inline) Block {
	b := Block{Kind: kind}
	b.Inline = numberLinks(Inline{Kids: kids}, &b.Links)
	b.Text = b.Inline.Plain()
	return b
}

// numberLinks replaces LinkTo's placeholders in in by numbered links.
func numberLinks(in Inline, links *[]Link) Inline {
	if in.Link == -1 && len(in.Kids) > 0 {
		url := in.Kids[0].Text
		in.Kids = in.Kids[1:]
		*links = append(*links, Link{URL: url, Text: Inline{Kids: in.Kids}.Plain()})
		in.Link = len(*links)
	}
	if len(in.Kids) > 0 {
		kids := make([]Inline, len(in.Kids))
		for k, c := range in.Kids {
			kids[k] = numberLinks(c, links)
		}
		in.Kids = kids
	}
	return in
}
