// Package render turns a story into markdown and markdown into styled
// terminal output. It is pure: story, width and style in, string out. Every
// string that came from a document is sanitized here before glamour sees it,
// and glamour's output passes a last filter that lets only SGR styling
// through.
package render

import (
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// Markdown is the whole story as markdown: headline, a meta line
// "site · byline · age", then the body. Links are inline links.
func Markdown(s story.Story) string {
	return storyMarkdown(s, &linker{})
}

// ReaderMarkdown is Markdown as the reader shows it: each link's text is
// followed by its number ("text[3]" and a LinkMark) instead of its URL,
// and the links are returned in number order, for the links list and for
// Hyperlinks.
func ReaderMarkdown(s story.Story) (string, []Link) {
	l := &linker{numbered: true}
	md := storyMarkdown(s, l)
	return md, l.links
}

func storyMarkdown(s story.Story, l *linker) string {
	var b strings.Builder
	if t := sanitize.Line(s.Title); t != "" {
		b.WriteString("# ")
		b.WriteString(escapeInline(t))
		b.WriteString("\n\n")
	}
	if m := MetaLine(s); m != "" {
		b.WriteString("*")
		b.WriteString(escapeInline(m))
		b.WriteString("*\n\n")
	}
	switch {
	case s.Summary:
		b.WriteString("> This is the feed's summary; the whole article is on its page.\n\n")
	case s.Partial:
		b.WriteString("> tread could not find a clear article on this page; this is its best guess.\n\n")
	}
	b.WriteString(bodyMarkdown(s.Body, l, 0))
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// MetaLine is "site · byline · age" with the parts the story has. When the
// age is unknown the published day stands in for it. It is plain text, not
// markdown.
func MetaLine(s story.Story) string {
	var parts []string
	for _, p := range []string{s.Site, s.Byline} {
		if p = sanitize.Line(p); p != "" {
			parts = append(parts, p)
		}
	}
	if when := When(s); when != "" {
		parts = append(parts, when)
	}
	return strings.Join(parts, " · ")
}

// When is how old the story is: its age as printed ("8 hours ago"), or
// its published day when the age is unknown, or "".
func When(s story.Story) string {
	if age := sanitize.Line(s.Age); age != "" {
		return age
	}
	if !s.Published.IsZero() {
		return s.Published.Format("2 Jan 2006")
	}
	return ""
}

// ReaderBodyMarkdown is ReaderMarkdown for the body alone, its links
// numbered: the reader sets the headline and meta line apart, as their
// ages change while it runs.
func ReaderBodyMarkdown(s story.Story) (string, []Link) {
	l := &linker{numbered: true}
	md := bodyMarkdown(s.Body, l, 0)
	return md, l.links
}

// BodyMarkdown is the story body alone as markdown, blocks separated by a
// blank line, links inline. Captions are set apart in italics, embedded
// posts as quotes.
func BodyMarkdown(s story.Story) string {
	return bodyMarkdown(s.Body, &linker{}, 0)
}

// ExportMarkdown is BodyMarkdown for a markdown file that notes apps will
// show: a picture with a web address is a markdown image, ![alt](url),
// rather than a line that names it.
func ExportMarkdown(s story.Story) string {
	return bodyMarkdown(s.Body, &linker{images: true}, 0)
}

func bodyMarkdown(body []story.Block, l *linker, depth int) string {
	var out []string
	for _, bl := range body {
		if md := blockMarkdown(bl, l, depth); md != "" {
			out = append(out, md)
		}
	}
	return strings.Join(out, "\n\n")
}

// blockMarkdown renders one block: from its structure when it has some (an
// extracted page's blocks), else from its text (a page dump's). depth
// counts the quotes it is in.
func blockMarkdown(bl story.Block, l *linker, depth int) string {
	if md := structuredMarkdown(bl, l, depth); md != "" {
		return md
	}
	text := strings.TrimSpace(sanitize.Text(bl.Text))
	switch bl.Kind {
	case story.Heading:
		return heading(bl.Level, escapeInline(sanitize.Line(text)))
	case story.Caption:
		return emphasize(escapeInline(sanitize.Line(text)))
	case story.Quote:
		return prefixLines(escapeBlock(text), "> ")
	case story.Embed:
		return embedMarkdown(text, bl.URL, l)
	case story.Code:
		// Text, untrimmed: leading indentation is part of the code.
		return fence(expandTabs(strings.Trim(sanitize.Text(bl.Text), "\n")), fenceLang(sanitize.Line(bl.URL)))
	case story.List:
		return listMarkdown(bl)
	case story.Table:
		return tableMarkdown(bl.Rows)
	case story.Image:
		return imageMarkdown(sanitize.Line(text), bl.URL, l)
	case story.Media:
		return mediaMarkdown(sanitize.Line(text), bl.URL, l)
	}
	return escapeBlock(text)
}

// structuredMarkdown writes a block from its inline structure, or returns
// "" when it has none. The block kind decides its shape: a heading's
// level, a caption's italics, a quote's markers.
func structuredMarkdown(bl story.Block, l *linker, depth int) string {
	switch bl.Kind {
	case story.Paragraph:
		return inlineMarkdown(bl.Inline, bl.Links, l)
	case story.Heading:
		return heading(bl.Level, strings.Join(strings.Fields(inlineMarkdown(bl.Inline, bl.Links, l)), " "))
	case story.Caption:
		return captionMarkdown(inlineMarkdown(bl.Inline, bl.Links, l))
	case story.Quote, story.Embed:
		if len(bl.Blocks) == 0 {
			return ""
		}
		if depth >= maxNesting {
			return prefixLines(escapeBlock(strings.TrimSpace(sanitize.Text(bl.Text))), "> ")
		}
		md := quoteLines(bodyMarkdown(bl.Blocks, l, depth+1))
		if depth == 0 {
			md = limitNesting(md)
		}
		return md
	case story.List:
		return itemsMarkdown(bl.ListItems, bl.Links, l)
	case story.Table:
		return cellsMarkdown(bl.Cells, bl.Links, l)
	}
	return ""
}

// captionMarkdown sets each line of a caption's markdown in italics of its
// own. The reader wraps every caption line in emphasis too, so a span
// over a hard break, or a break's trailing backslash that would escape the
// reader's closing delimiter, would leak as stray asterisks; the lines are
// joined by a plain newline instead.
func captionMarkdown(md string) string {
	lines := strings.Split(md, "\n")
	out := lines[:0]
	last := len(lines) - 1
	for i, l := range lines {
		if i < last {
			l = strings.TrimSuffix(l, "\\") // the break's own backslash
		}
		l = strings.TrimSpace(l)
		if l != "" {
			out = append(out, "_"+l+"_")
		}
	}
	return strings.Join(out, "\n")
}

// quoteLines puts md in a quote, a bare ">" on its blank lines.
func quoteLines(md string) string {
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = ">"
		} else {
			lines[i] = "> " + l
		}
	}
	return strings.Join(lines, "\n")
}

// itemsMarkdown writes a list's items, nested lists indented under them.
// The shallowest items are not indented: a list whose first child is a
// nested list would otherwise start indented.
func itemsMarkdown(items []story.ListItem, links []story.Link, l *linker) string {
	top := maxNesting
	for _, it := range items {
		top = min(top, max(it.Depth, 0))
	}
	var b strings.Builder
	for _, it := range items {
		md := inlineMarkdown(it.Inline, links, l)
		if md == "" {
			continue
		}
		indent := strings.Repeat("  ", min(max(it.Depth, 0)-top, maxNesting))
		marker := "- "
		if it.Ordered {
			marker = strconv.Itoa(it.Num) + ". "
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(indent + marker)
		b.WriteString(strings.ReplaceAll(md, "\n", "\n"+indent+strings.Repeat(" ", len(marker))))
	}
	return limitNesting(b.String())
}

// cellsMarkdown writes a table from its cells, the first row its header.
func cellsMarkdown(rows [][]story.Inline, links []story.Link, l *linker) string {
	grid := make([][]string, len(rows))
	for i, r := range rows {
		for _, c := range r {
			grid[i] = append(grid[i], strings.ReplaceAll(inlineMarkdown(c, links, l), "\\\n", " "))
		}
	}
	return gridMarkdown(grid)
}

// heading is a heading at level, kept between 2 and 6: the headline is the
// story's only level-1 heading.
func heading(level int, md string) string {
	if md == "" {
		return ""
	}
	return strings.Repeat("#", min(max(level, 2), 6)) + " " + md
}

// imageMarkdown shows an image as its description and a link to it. A data:
// URI is never shown (it is the image itself, as base64), nor is a relative
// one; the description stays when there is one. An image whose alt text
// says nothing (see placeholderAlt) is labelled with its file name, or
// just "Image", or left out when it has no link either.
func imageMarkdown(alt, u string, l *linker) string {
	if placeholderAlt(alt) {
		alt = ""
	}
	if l.images {
		if u = webURL(u); u != "" {
			return "![" + escapeInline(alt) + "](" + mdURL(u) + ")"
		}
	}
	if alt == "" && webURL(u) != "" {
		alt = imageFileName(webURL(u)) // a name to tell it by, as a file manager would
	}
	u = l.autolink(u, alt)
	var md string
	switch {
	case alt == "" && u == "":
		return ""
	case alt == "":
		md = "*Image*"
	default:
		md = "*Image: " + escapeInline(alt) + "*"
	}
	if u != "" {
		md += " " + u
	}
	return md
}

// maxFileName is the most runes of a file name an image line shows.
const maxFileName = 48

// imageFileName is the last part of a web address's path, unescaped and
// made one safe line, cut to maxFileName runes; "" when it has none.
func imageFileName(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	name := sanitize.Line(path.Base(p.Path))
	if name == "." || name == "/" {
		return ""
	}
	if r := []rune(name); len(r) > maxFileName {
		name = string(r[:maxFileName-1]) + "…"
	}
	return name
}

// Alt texts that describe nothing: the words sites and editors put in when
// they must put in something, maybe numbered ("photo 3"); a file name
// ("abc_123.jpg"), a camera's or an agency's ("IMG_2041", "GettyImages-
// 1234567"); or a hash.
var (
	placeholderWords = regexp.MustCompile(`(?i)^(?:image|images|img|photo|photos|photograph|picture|pic|graphic|figure|thumbnail|thumb|placeholder|untitled|alt|alt text|null|undefined)(?:[\s_-]*\d+)?$`)
	fileName         = regexp.MustCompile(`(?i)^\S+\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic|heif)$`)
	cameraName       = regexp.MustCompile(`(?i)^[a-z]+[_-]?\d{4,}(?:[_-]\d+)*$`)
	hashName         = regexp.MustCompile(`(?i)^[0-9a-f-]{16,}$`)
)

// placeholderAlt reports whether an image's alt text is empty or says
// nothing a reader could use.
func placeholderAlt(alt string) bool {
	alt = strings.TrimSpace(strings.TrimRight(alt, ".:"))
	if alt == "" {
		return true
	}
	for _, re := range []*regexp.Regexp{placeholderWords, fileName, cameraName, hashName} {
		if re.MatchString(alt) {
			return true
		}
	}
	return false
}

// mediaMarkdown shows an embedded video or recording as a line that says
// what it is and where it plays, as an image line does.
func mediaMarkdown(text, u string, l *linker) string {
	if u = l.autolink(u, text); u == "" {
		return ""
	}
	if text == "" {
		text = "Media"
	}
	return "*" + escapeInline(text) + "* " + u
}

// embedMarkdown sets an embedded post (a tweet, a video's caption) apart as
// a quote, with a link to the original after it when it has one. The link
// stays outside the quote: glamour drops the quote bar from the lines of a
// long URL it wraps.
func embedMarkdown(text, u string, l *linker) string {
	var parts []string
	if md := escapeBlock(text); md != "" {
		parts = append(parts, prefixLines(md, "> "))
	}
	if u = l.autolink(u, ""); u != "" {
		parts = append(parts, "— "+u)
	}
	return strings.Join(parts, "\n\n")
}

// emphasize wraps each non-empty line of md in *…* so a caption reads as
// one set apart from the paragraphs around it.
func emphasize(md string) string {
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			lines[i] = "*" + l + "*"
		}
	}
	return strings.Join(lines, "\n")
}

func listMarkdown(bl story.Block) string {
	items := bl.Items
	if len(items) == 0 && bl.Text != "" {
		items = strings.Split(bl.Text, "\n")
	}
	var b strings.Builder
	n := 0
	for _, it := range items {
		it = sanitize.Line(it)
		if it == "" {
			continue
		}
		n++
		if bl.Ordered {
			b.WriteString(strconv.Itoa(n) + ". ")
		} else {
			b.WriteString("- ")
		}
		// An item's own leading "1. " or "- " would nest a list.
		b.WriteString(escapeLineStart(escapeInline(it)))
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// tableMarkdown writes a table from plain cells.
func tableMarkdown(rows [][]string) string {
	grid := make([][]string, len(rows))
	for i, r := range rows {
		for _, c := range r {
			grid[i] = append(grid[i], escapeInline(sanitize.Line(c)))
		}
	}
	return gridMarkdown(grid)
}

// gridMarkdown lays out cells already written as markdown as a GFM table,
// short rows padded, the first row the header.
func gridMarkdown(grid [][]string) string {
	cols := 0
	for _, r := range grid {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return ""
	}
	var b strings.Builder
	for i, r := range grid {
		b.WriteString("|")
		for c := range cols {
			cell := ""
			if c < len(r) {
				cell = r[c]
			}
			b.WriteString(" " + cell + " |")
		}
		b.WriteString("\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", cols) + "\n")
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// fence puts code in a fenced block with a fence longer than any run of
// backticks inside it.
func fence(code, lang string) string {
	if strings.TrimSpace(code) == "" {
		return ""
	}
	f := "```"
	for strings.Contains(code, f) {
		f += "`"
	}
	return f + lang + "\n" + code + "\n" + f
}

func prefixLines(s, p string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = p + lines[i]
	}
	return strings.Join(lines, "\n")
}
