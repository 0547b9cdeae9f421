package extract

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/extract/internal/flat"
	"github.com/tread-reader/tread/story"
)

// maxListDepth bounds nested list indentation.
const maxListDepth = 8

// list emits a <ul> or <ol> as one block, nested lists flattened into
// indented items.
func (e *emitter) list(i int32) {
	if e.t.captionsOnly(i) {
		// A slideshow's list of pictures and their captions: the
		// captions stay captions, set apart under their pictures.
		e.caption++
		e.children(i)
		e.flush()
		e.caption--
		return
	}
	var l story.Block
	e.listItems(i, 0, &l)
	if len(l.Items) == 0 {
		return
	}
	l.Kind, l.Ordered, l.Text = story.List, e.t.nodes[i].tag == atom.Ol, strings.Join(l.Items, "\n")
	e.add(l)
}

// onceEach drops the captions that repeat, whole or cut short, one met
// before them in the body: slideshows print each caption in full, cut
// short and again in a lightbox.
func onceEach(bs []blk) []blk {
	out := bs[:0]
	var seen []string
	for _, b := range bs {
		if b.Kind == story.Caption {
			text := strings.Trim(b.Inline.Plain(), "…. ")
			dup := false
			for _, s := range seen {
				dup = dup || saysAll(s, strings.TrimSuffix(text, "..."))
			}
			if dup {
				continue
			}
			seen = append(seen, text)
		}
		out = append(out, b)
	}
	return out
}

// captionsOnly reports whether every word under element i is inside a
// caption.
func (t *tree) captionsOnly(i int32) bool {
	ns := t.nodes
	words := false
	for k := i + 1; k < t.End[i]; k++ {
		n := &ns[k]
		if n.flags&fDead != 0 {
			k = t.End[k] - 1
			continue
		}
		if n.flags&fCaption != 0 && n.flags&fText == 0 {
			words = words || n.chars > 0
			k = t.End[k] - 1
			continue
		}
		if n.flags&fText != 0 && n.chars > 0 {
			return false
		}
	}
	return words
}

// listItems adds the items of list i, and of the lists nested in it, to l.
func (e *emitter) listItems(i int32, depth int, l *story.Block) {
	ns := e.t.nodes
	ordered := ns[i].tag == atom.Ol
	num := 1
	if s := flat.Attr(e.t.Node[i], "start"); s != "" {
		if v, err := strconv.Atoi(s); err == nil && v >= 0 && v < 1e9 {
			num = v
		}
	}
	for c := e.first(i); c >= 0; c = e.next(c) {
		n := &ns[c]
		if n.flags&fDead != 0 || n.flags&fText != 0 && n.chars == 0 {
			continue
		}
		if n.tag == atom.Ul || n.tag == atom.Ol {
			e.listItems(c, depth+1, l)
			continue
		}
		var b inline
		saved := e.nested
		e.nested = nil
		if n.flags&fText != 0 {
			b.write(e.t.Node[c].Data)
		} else {
			e.inlineInto(&b, c)
		}
		nested := e.nested
		e.nested = saved
		if b.empty() && n.flags&fText == 0 {
			b.write(iconText(e.t.Node[c]))
		}
		if text := b.plain(); text != "" {
			it := story.ListItem{Depth: min(depth, maxListDepth), Ordered: ordered}
			if ordered {
				it.Num = num
				num++
			}
			in, links := b.tree()
			it.Inline = relink(in, len(l.Links))
			l.Items = append(l.Items, text)
			l.ListItems = append(l.ListItems, it)
			l.Links = append(l.Links, links...)
		}
		for _, n := range nested {
			e.listItems(n, depth+1, l)
		}
	}
}

// maxQuoteDepth bounds nested blockquotes.
const maxQuoteDepth = 4

// embedClasses mark blockquotes that are embedded social posts.
var embedClasses = []string{"twitter-tweet", "instagram-media", "tiktok-embed", "reddit-card",
	"bluesky-embed", "mastodon-embed", "threads-post", "fb-xfbml-parse-ignore", "embedly-card"}

// quote emits a <blockquote>: a quotation, or the text of an embedded post.
func (e *emitter) quote(i int32) {
	if e.quotes >= maxQuoteDepth {
		// Deeper quotes are read as plain text: each level re-prefixes
		// everything inside it, which hostile nesting would make quadratic.
		e.children(i)
		e.flush()
		return
	}
	saved := e.blocks
	e.blocks = nil
	e.quotes++
	e.children(i)
	e.flush()
	e.quotes--
	inner := e.blocks
	e.blocks = saved
	if len(inner) == 0 {
		return
	}
	kind := story.Quote
	class := flat.Attr(e.t.Node[i], "class")
	for _, c := range embedClasses {
		if strings.Contains(class, c) {
			kind = story.Embed
			break
		}
	}
	texts := make([]string, 0, len(inner))
	for _, b := range inner {
		if b.Text != "" {
			texts = append(texts, b.Text)
		}
	}
	e.add(story.Block{Kind: kind, Text: strings.Join(texts, "\n\n"), Blocks: blocksOf(inner)})
}

// code emits a <pre> as a fenced code block, keeping its white space.
func (e *emitter) code(i int32) {
	ns := e.t.nodes
	var b strings.Builder
	for k := i + 1; k < e.t.End[i]; k++ {
		n := &ns[k]
		if n.flags&fDead != 0 {
			continue
		}
		if n.flags&fText != 0 {
			b.WriteString(e.t.Node[k].Data)
		} else if n.tag == atom.Br {
			b.WriteByte('\n')
		}
	}
	text := strings.TrimRight(strings.TrimLeft(b.String(), "\r\n"), " \t\r\n")
	text = strings.ReplaceAll(text, "\u00ad", "")
	if strings.TrimSpace(text) == "" {
		return
	}
	lang := codeLanguage(flat.Attr(e.t.Node[i], "class"))
	if lang == "" && e.t.End[i] > i+1 && ns[i+1].tag == atom.Code {
		lang = codeLanguage(flat.Attr(e.t.Node[i+1], "class"))
	}
	e.add(story.Block{Kind: story.Code, Text: text, URL: lang})
}

// codeLanguage reads a "language-go" or "lang-go" class.
func codeLanguage(class string) string {
	for _, c := range strings.Fields(class) {
		for _, p := range []string{"language-", "lang-"} {
			if l, ok := strings.CutPrefix(c, p); ok && l != "" && !strings.ContainsAny(l, "`\n") {
				return l
			}
		}
	}
	return ""
}

// Data tables are small grids of short cells; anything else is layout.
const (
	maxTableCell = 400
	maxTableCols = 20
)

// table emits a data table as a GFM table and reports whether it did; a
// layout table (nested tables, long cells, a single row or column) is left
// to be read as ordinary content.
func (e *emitter) table(i int32) bool {
	ns := e.t.nodes
	var rows []int32
	for k := i + 1; k < e.t.End[i]; k++ {
		switch ns[k].tag {
		case atom.Table:
			return false
		case atom.Tr:
			if ns[k].flags&fDead == 0 {
				rows = append(rows, k)
			}
		}
	}
	if len(rows) < 2 {
		return false
	}
	var grid [][]string
	var inGrid [][]story.Inline
	var links []story.Link
	cols := 0
	for _, r := range rows {
		var cells []string
		var inCells []story.Inline
		for c := e.first(r); c >= 0; c = e.next(c) {
			n := &ns[c]
			if n.tag != atom.Td && n.tag != atom.Th || n.flags&fDead != 0 {
				continue
			}
			if n.chars > maxTableCell {
				return false
			}
			var b inline
			e.inlineInto(&b, c)
			e.nested = nil
			if b.empty() {
				b.write(iconText(e.t.Node[c]))
			}
			cells = append(cells, strings.ReplaceAll(b.plain(), "\n", " "))
			in, ls := b.tree()
			inCells = append(inCells, relink(oneLine(in), len(links)))
			links = append(links, ls...)
		}
		if len(cells) == 0 {
			continue
		}
		cols = max(cols, len(cells))
		grid = append(grid, cells)
		inGrid = append(inGrid, inCells)
	}
	if cols < 2 || len(grid) < 2 || cols > maxTableCols {
		return false
	}
	if !anyText(grid) {
		return true // a spacer or a grid whose cells were all chrome
	}
	var text strings.Builder
	for r, cells := range grid {
		if r > 0 {
			text.WriteByte('\n')
		}
		text.WriteString(strings.Join(cells, " | "))
	}
	e.add(story.Block{Kind: story.Table, Rows: grid, Text: text.String(), Cells: inGrid, Links: links})
	return true
}

func anyText(grid [][]string) bool {
	for _, row := range grid {
		for _, c := range row {
			if c != "" {
				return true
			}
		}
	}
	return false
}

// maxAlt bounds the alt text shown on an image line.
const maxAlt = 100

// image makes an image block from an <img>, or reports false for images
// with no usable address (inline data, tracking pixels) or nothing to say:
// an image line reads "Image: <alt>", so one whose alt text is missing or
// a placeholder takes its title instead; one in a captioned figure is kept
// with no alt, its caption following it; others are left out.
func (e *emitter) image(i int32) (story.Block, bool) {
	h := e.t.Node[i]
	var src, alt, title string
	lazy := false
	for _, a := range h.Attr {
		switch a.Key {
		case "data-src", "data-lazy-src", "data-original":
			// A lazy loader's real picture; src holds its placeholder.
			if a.Val != "" && !strings.HasPrefix(a.Val, "data:") {
				src, lazy = a.Val, true
			}
		case "src", "data-url":
			if !lazy && (src == "" || strings.HasPrefix(src, "data:")) {
				src = a.Val
			}
		case "srcset", "data-srcset":
			if !lazy && (src == "" || strings.HasPrefix(src, "data:")) {
				src, _, _ = strings.Cut(strings.TrimSpace(a.Val), " ")
			}
		case "alt":
			alt = a.Val
		case "title":
			title = a.Val
		case "width", "height":
			if v, err := strconv.Atoi(strings.TrimSuffix(a.Val, "px")); err == nil && v <= 2 {
				return story.Block{}, false
			}
		}
	}
	u := e.t.resolve(src)
	if u == "" || e.decorative(i, u, alt) {
		return story.Block{}, false
	}
	var b inline
	for _, s := range []string{alt, title} {
		b.reset()
		b.write(s)
		if meaningfulAlt(b.plain(), u) {
			break
		}
	}
	if !meaningfulAlt(b.plain(), u) {
		b.reset()
		e.figureCaption(&b, i)
		if !meaningfulAlt(b.plain(), u) {
			// No words for it anywhere: the picture is still part of the
			// story, named by its file when the name is words.
			return story.Block{Kind: story.Image, Text: fileWords(u), URL: u}, true
		}
		// The caption is written as a block of its own under the
		// picture; taken as the alt text too, its words would be read
		// twice.
		return story.Block{Kind: story.Image, URL: u}, true
	}
	alt = strings.ReplaceAll(b.plain(), "\n", " ")
	b.reset()
	e.figureCaption(&b, i)
	if saysAll(b.plain(), alt) {
		// The caption under the picture says it: once is enough.
		return story.Block{Kind: story.Image, URL: u}, true
	}
	if utf8.RuneCountInString(alt) > maxAlt {
		r := []rune(alt)
		alt = strings.TrimSpace(string(r[:maxAlt])) + "…"
	}
	return story.Block{Kind: story.Image, Text: alt, URL: u}, true
}

// placeholderAlts are alt texts that say nothing about the picture.
var placeholderAlts = map[string]bool{
	"image": true, "img": true, "photo": true, "picture": true, "pic": true, "foto": true,
	"imagen": true, "bild": true, "thumbnail": true, "thumb": true, "placeholder": true,
	"graphic": true, "icon": true, "untitled": true, "null": true, "undefined": true,
	"featured image": true, "image placeholder": true, "no image": true, "alt": true,
	"photo credit": true, "lead image": true, "main image": true, "hero image": true,
}

// meaningfulAlt reports whether an alt text describes the picture: not a
// placeholder word, a file name or a bare number.
func meaningfulAlt(alt, src string) bool {
	f := fold(alt)
	if len(f) < 2 || placeholderAlts[f] || strings.IndexFunc(f, isLetterOrDigit) < 0 {
		return false
	}
	if strings.IndexByte(f, ' ') < 0 {
		name := src
		if k := strings.IndexAny(name, "?#"); k >= 0 {
			name = name[:k]
		}
		name = strings.ToLower(name[strings.LastIndexByte(name, '/')+1:])
		stem, _, _ := strings.Cut(name, ".")
		if f == name || f == stem || hasImageExt(f) {
			return false
		}
		if isNumber(strings.Trim(f, "-_#")) {
			return false
		}
	}
	return true
}

// fileWords names a picture by its file when the name is words
// ("seal-pups-sandbank.jpg" gives "seal pups sandbank"), and "" for a
// camera's or a CMS's code ("DSC_0412.JPG", "a8f3e21c.png").
func fileWords(src string) string {
	name := src
	if k := strings.IndexAny(name, "?#"); k >= 0 {
		name = name[:k]
	}
	name = name[strings.LastIndexByte(name, '/')+1:]
	name, _, _ = strings.Cut(name, ".")
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == '+' || r == ' ' })
	if len(words) < 2 || len(words) > 12 {
		return ""
	}
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsLetter(r) {
				return ""
			}
		}
	}
	return strings.Join(words, " ")
}

func hasImageExt(f string) bool {
	for _, ext := range []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".avif", ".bmp", ".tif", ".tiff"} {
		if strings.HasSuffix(f, ext) {
			return true
		}
	}
	return false
}

// figureCaption writes the caption of the figure around image i, if any,
// into b.
func (e *emitter) figureCaption(b *inline, i int32) {
	ns := e.t.nodes
	fig := e.t.Parent[i]
	for k := 0; k < 4 && fig >= 0 && ns[fig].tag != atom.Figure; k++ {
		fig = e.t.Parent[fig]
	}
	if fig < 0 || ns[fig].tag != atom.Figure {
		return
	}
	for c := fig + 1; c < e.t.End[fig]; c++ {
		n := &ns[c]
		if n.flags&(fDead|fText) == 0 && (n.tag == atom.Figcaption || n.flags&fCaption != 0) && n.chars > 0 {
			saved := e.nested
			e.inlineInto(b, c)
			e.nested = saved
			return
		}
	}
}

// linksAway reports whether image i sits inside a link to another page
// (not to the picture itself, nor to this page): the thumbnail of a
// teaser for another story.
func (e *emitter) linksAway(i int32, src string) bool {
	ns := e.t.nodes
	if ns[i].flags&fInLink == 0 {
		return false
	}
	a := e.t.Parent[i]
	for a >= 0 && ns[a].tag != atom.A {
		a = e.t.Parent[a]
	}
	if a < 0 {
		return false
	}
	href := e.t.linkURL(a)
	if href == "" || href == src {
		return false
	}
	path := strings.ToLower(href)
	if k := strings.IndexAny(path, "?#"); k >= 0 {
		path = path[:k]
	}
	if hasImageExt(path) {
		return false
	}
	return e.t.urls.base == nil || strings.TrimSuffix(href, "/") != strings.TrimSuffix(e.t.urls.base.String(), "/")
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
