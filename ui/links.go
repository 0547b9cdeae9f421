package ui

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/sanitize"
)

// linksPane is the list of a story's links, opened over the reader with
// the links key: one row for "[n] text", one for the URL. Choosing a link
// follows it inside tread; o and y act on the chosen link.
type linksPane struct {
	open   bool
	story  entryKey // whose links these are
	title  string
	links  []render.Link
	cursor int
	offset int // first link on screen
}

// linkRows is how many rows one link takes.
const linkRows = 2

func (p *linksPane) show(e entry) {
	*p = linksPane{open: true, story: e.key, title: e.title, links: e.links}
}

func (p *linksPane) close() { p.open = false }

func (p linksPane) chosen() (render.Link, bool) {
	if p.cursor < 0 || p.cursor >= len(p.links) {
		return render.Link{}, false
	}
	return p.links[p.cursor], true
}

// move puts the cursor on link n (clamped) and scrolls it into view in a
// pane h rows tall.
func (p *linksPane) move(n, h int) {
	if len(p.links) == 0 {
		return
	}
	p.cursor = min(max(n, 0), len(p.links)-1)
	fit := max((h-linksHeader)/linkRows, 1)
	if p.cursor < p.offset {
		p.offset = p.cursor
	}
	if p.cursor >= p.offset+fit {
		p.offset = p.cursor - fit + 1
	}
}

// linksHeader is the rows above the first link: a title and a blank.
const linksHeader = 2

// view draws the list w×h. Link texts and URLs were sanitized when the
// story was prepared (render.ReaderMarkdown, render.SafeURL).
func (p linksPane) view(w, h int, st styles) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := []string{
		"  " + st.helpTitle.Render(truncate("Links in “"+p.title+"”", max(w-4, 1))),
		"",
	}
	numW := len(strconv.Itoa(len(p.links))) + 2
	for i := p.offset; i < len(p.links) && len(lines)+linkRows <= max(h, linksHeader+linkRows); i++ {
		l := p.links[i]
		gutter := "  "
		titleStyle, urlStyle := st.relatedTitle, st.meta
		if i == p.cursor {
			gutter = st.marker.Render("▌") + " "
			titleStyle, urlStyle = st.selTitle, st.selMeta
		}
		label := "[" + strconv.Itoa(l.N) + "]"
		label += strings.Repeat(" ", max(numW-len(label), 0)) + " "
		text := l.Text
		if text == "" {
			text = "(no text)"
		}
		room := max(w-2-len(label), 1)
		lines = append(lines,
			gutter+titleStyle.Render(label+truncate(text, room)),
			gutter+strings.Repeat(" ", len(label))+urlStyle.Render(truncate(l.URL, room)),
		)
	}
	return fitBlock(strings.Join(lines, "\n"), w, h)
}

// labelLinks gives the links list something to say for a link whose
// text is only its host: the path too. links is not changed in place: it
// may be shared.
func labelLinks(links []render.Link) []render.Link {
	out := make([]render.Link, len(links))
	for i, l := range links {
		l.Text = withPath(l.Text, l.URL)
		out[i] = l
	}
	return out
}

// withPath is text, or when text is only the host of u, the host and
// path of u: "example.com" says which site, not which page.
func withPath(text, u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return text
	}
	bare := func(h string) string { return strings.TrimPrefix(strings.ToLower(h), "www.") }
	path := strings.TrimSuffix(p.Path, "/")
	if path == "" || bare(strings.TrimSuffix(strings.TrimSpace(text), "/")) != bare(p.Host) {
		return text
	}
	return sanitize.Line(strings.TrimSpace(text) + path)
}
