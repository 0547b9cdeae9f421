package ui

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// Loader reads one source into documents. It is called inside a tea.Cmd,
// several may run at once, and it must honour ctx: when tread quits, or
// the reader cancels a page being walked to or reloaded, ctx is cancelled
// and the result is thrown away.
type Loader func(ctx context.Context, source string) []story.Document

// entryKey names one story for as long as tread runs: the slot (a source, or
// the built-in documents) and load generation it came from, and its place in
// that load. Selection, scroll positions and render requests all use it.
type entryKey struct {
	slot, gen  int
	doc, story int
	related    int // index among the main story's related items; -1 for the main story
}

// entry is one row of the list: a main story or one of its related items,
// with everything the UI needs prepared off the Update path: sanitized list
// lines, the text the filter matches and the story's markdown.
type entry struct {
	key    entryKey
	title  string // sanitized, one line
	titleW int    // title's display width, measured once: the list lays out every entry again as it folds
	meta   string // sanitized "site · age · reading time", as when prepared
	site   string
	// head is the story less its body and related items: what its title,
	// meta line and age are made from, again as time passes (see when.go).
	head    story.Story
	minutes int    // reading time
	body    string // the body's markdown, its links numbered
	related bool
	// nRelated is how many related items a main story has.
	nRelated int
	match    string // lower-cased title and site, for the list filter

	url       string        // the story's URL if render.SafeURL passes it, else ""
	norm      string        // normURL(url), to spot a story already loaded
	normTitle string        // normTitle(title), likewise
	links     []render.Link // the links md numbers
	pictures  []pictureRef  // the body's pictures, for the picture key
	stub      bool          // a related item that is only a link, or summary: opening it loads the page
	summary   bool          // a feed item's summary: the article at url replaces it once loaded
	saved     bool          // Options.Saved(url): an offline copy exists
	day       string        // the library's day heading drawn above it, or ""
	snippet   string        // a library search's snippet, matches marked
	kept      time.Time     // a library row's saved time: its age when the page has no date
	// placeholder: a library row whose story is not loaded yet; a link to
	// its page finds no story in it.
	placeholder bool
	// lazy: a folder page's story kept as its list row alone, no body,
	// links or pictures; file is read again to show it (folderpage.go).
	lazy bool
	file string
	// read is the read of its page again this entry came from (a folder
	// page's story, shown), so that a page read anew renders anew; 0 else.
	read int
}

// slot is one place in the list: a source given on the command line, the
// documents handed over already loaded, or a page loaded by walking from a
// story (walked). Slots keep the order sources were given whatever order
// their loads finish in; a walked slot is listed right after the story it
// was reached from (parent).
type slot struct {
	source  string
	gen     int
	loaded  bool
	entries []entry
	failed  []notice // what went wrong in the first load, for Errors
	walked  bool
	parent  groupKey
	stopped bool    // its first load was cancelled with esc
	lib     *libRow // a row of the library view (libview.go); nil for others
	// replaces: a walked page read in place of a feed's summary, shown
	// for that story and not listed itself.
	replaces bool
	// A folder read a chunk at a time (folder.go): how many of its total
	// pages are read.
	read, total int
}

// docLoaded reports that a slot's load finished.
type docLoaded struct {
	slot, gen int
	entries   []entry
	errs      []notice
}

// prep is what preparing entries needs from the options, handed to the
// commands that do it.
type prep struct {
	saved   func(url string) bool
	openKey string // how the stub note names the open and browser keys
	webKey  string
	sort    string // Options.Sort
	// light: a folder's pages keep only what the list draws (lazy entries).
	light bool
	// feedRows: the subscriptions section, whose main stories are feeds
	// and show no reading time.
	feedRows bool
}

// loadCmd loads one source in the background.
func loadCmd(ctx context.Context, load Loader, slotIdx, gen int, source string, p prep) tea.Cmd {
	return loadOrExpand(ctx, load, nil, slotIdx, gen, source, p)
}

// loadOrExpand loads one source in the background: a folder, when expand
// finds one, a chunk of pages at a time (see Folder), anything else whole.
func loadOrExpand(ctx context.Context, load Loader, expand Expander, slotIdx, gen int, source string, p prep) tea.Cmd {
	return func() tea.Msg {
		if expand != nil && ctx.Err() == nil {
			if f, ok := expand(ctx, source); ok && f.Total > 0 {
				return folderCmd(ctx, f, slotIdx, gen, source, 0, 0, p)()
			}
		}
		entries, errs, ok := fetch(ctx, load, slotIdx, gen, source, p)
		if !ok {
			return nil // tread is quitting; nobody wants this any more
		}
		return docLoaded{slot: slotIdx, gen: gen, entries: entries, errs: errs}
	}
}

// fetch runs load for source and prepares its entries. A panicking loader
// is turned into an error for that source so one bad file cannot take
// tread down. ok is false when ctx was cancelled: the result is unwanted.
func fetch(ctx context.Context, load Loader, slotIdx, gen int, source string, p prep) (entries []entry, errs []notice, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			entries, errs, ok = nil, []notice{errorLine(source, fmt.Errorf("internal error while loading: %v", r))}, true
		}
	}()
	if ctx.Err() != nil {
		return nil, nil, false // superseded before it started
	}
	if load == nil {
		return nil, []notice{errorLine(source, fmt.Errorf("no loader configured"))}, true
	}
	docs := load(ctx, source)
	if ctx.Err() != nil {
		return nil, nil, false
	}
	entries, errs = prepare(slotIdx, gen, source, docs, p)
	return entries, errs, true
}

// prepare turns documents into list entries and error lines. It sanitizes
// every field the UI shows, builds each story's markdown with its links
// numbered and asks which related pages are saved, so that Update only
// ever copies strings.
func prepare(slotIdx, gen int, source string, docs []story.Document, p prep) ([]entry, []notice) {
	groups, errs := prepareGroups(slotIdx, gen, source, docs, 0, p)
	return sortedEntries(groups, p.sort), errs
}

// sortedEntries sorts a source's story groups and lists their entries.
func sortedEntries(groups []group, order string) []entry {
	sortGroups(groups, order)
	var entries []entry
	for _, g := range groups {
		entries = append(entries, g.entries...)
	}
	return entries
}

// prepareGroups is prepare's work, one group per main story with its
// related items, unsorted; the documents' indexes in the source start at
// first (a folder read a chunk at a time continues from the last chunk).
func prepareGroups(slotIdx, gen int, source string, docs []story.Document, first int, p prep) ([]group, []notice) {
	var groups []group
	var errs []notice
	now := time.Now()
	for i, doc := range docs {
		d := first + i
		if doc.Err != nil {
			name := doc.Source
			if name == "" {
				name = source
			}
			errs = append(errs, errorLine(name, doc.Err))
		}
		for s, st := range doc.Stories {
			k := entryKey{slot: slotIdx, gen: gen, doc: d, story: s, related: -1}
			if st.URL == "" {
				st.URL = source // a page read from its URL is that URL
			}
			from := doc.Source // a folder's documents are its files
			if from == "" {
				from = source
			}
			pd := p
			pd.light = p.light && doc.Source != "" // a page that can be read again
			main := newEntry(k, st, from, false, pd, now)
			main.nRelated = len(st.Related)
			g := group{entries: []entry{main}, when: storyTime(st), name: from}
			for r, rel := range st.Related {
				rk := k
				rk.related = r
				g.entries = append(g.entries, newEntry(rk, rel, "", true, pd, now))
			}
			if pd.light {
				for j := range g.entries {
					g.entries[j].file = doc.Source
				}
			}
			groups = append(groups, g)
		}
	}
	return groups, errs
}

// newEntry prepares one story read from source ("" for a related item).
func newEntry(k entryKey, st story.Story, source string, related bool, p prep, now time.Time) entry {
	title := sanitize.Line(st.Title)
	titled := title != ""
	if !titled {
		title = untitledName(source, st.URL)
	}
	site := sanitize.Line(st.Site)
	minutes := readingMinutes(st, related, p)
	e := entry{
		key:     k,
		title:   title,
		site:    site,
		related: related,
		match:   strings.ToLower(title + "\n" + site),
		url:     render.SafeURL(st.URL),
	}
	if e.url != "" {
		e.norm = normURL(e.url)
	}
	if titled {
		e.normTitle = normTitle(title)
	}
	if related && e.url != "" && len(st.Body) == 0 {
		e.stub = true
		if titled {
			// a link whose text is only its host says little: add the path
			e.title = withPath(title, e.url)
			e.match = strings.ToLower(e.title + "\n" + site)
		}
	}
	if !related && st.Summary && e.url != "" {
		e.stub, e.summary = true, true
	}
	if e.stub && p.saved != nil {
		e.saved = p.saved(e.url)
	}
	e.setBody(st, p)
	e.head, e.minutes = st, minutes
	e.head.Body, e.head.Related = nil, nil
	e.meta = listMeta(e.shown(now))
	if p.light {
		e.head.Description, e.head.Image = "", "" // only the body shows them
		e.detach()
	}
	e.titleW = ansi.StringWidth(e.title)
	return e
}

// readingMinutes is st's reading time, a pass over its body: once. A
// feed's row in the subscriptions section has none: its text is a count,
// not something to read.
func readingMinutes(st story.Story, related bool, p prep) int {
	if p.feedRows && !related {
		return 0
	}
	return st.ReadingMinutes()
}

// setBody gives e the body of st as markdown, with its links and pictures;
// a related item that is only a link gets a note on how to read it. A
// folder page's row (p.light) gets none: it is lazy, its page read again
// when it is shown.
func (e *entry) setBody(st story.Story, p prep) {
	if p.light {
		e.lazy = true
		return
	}
	md, links := render.ReaderBodyMarkdown(st)
	if e.stub && !e.summary {
		var link string
		link, links = render.AppendLink(e.url, links)
		md = strings.TrimLeft(md+stubNote(link, p), "\n")
	}
	e.body, e.links, e.pictures = md, labelLinks(links), storyPictures(st)
}

// detach copies the strings a folder page's row keeps: cut from the
// page's text, they would keep all of it alive for as long as the row.
func (e *entry) detach() {
	for _, s := range []*string{&e.title, &e.meta, &e.site, &e.match, &e.url, &e.norm, &e.normTitle,
		&e.head.Title, &e.head.Site, &e.head.Byline, &e.head.Age, &e.head.URL} {
		*s = strings.Clone(*s)
	}
}

// untitledName names a story that has no title by where it came from: the
// file name of a source read from disk, else the host and path of its URL.
func untitledName(source, u string) string {
	if source != "" && !strings.Contains(source, "://") {
		if name := sanitize.Line(filepath.Base(filepath.Clean(source))); name != "" && name != "." {
			return name
		}
	}
	if u == "" {
		u = source
	}
	if p, err := url.Parse(strings.TrimSpace(u)); err == nil && p.Host != "" {
		if name := sanitize.Line(strings.TrimSuffix(p.Host+p.Path, "/")); name != "" {
			return name
		}
	}
	return "(untitled)"
}

// stubNote tells the reader of a related item that is only a link how to
// read it. The URL passed render.SafeURL, so as an autolink it is inert.
func stubNote(link string, p prep) string {
	open, web := p.openKey, p.webKey
	if open == "" {
		open = "enter"
	}
	note := "\n*Only a link so far.* Press **" + mdEscape(open) + "** to read it here"
	if web != "" {
		note += ", or **" + mdEscape(web) + "** to open it in your browser"
	}
	return note + ".\n\n" + link + "\n"
}

// listMeta is the dimmed line under a title: "site · age", with the
// published day standing in for a missing age.
func listMeta(st story.Story) string {
	var parts []string
	if s := sanitize.Line(st.Site); s != "" {
		parts = append(parts, s)
	}
	if when := render.When(st); when != "" {
		parts = append(parts, when)
	}
	return strings.Join(parts, " · ")
}

// errorLine is one error line naming the source, its subject, which the
// status bar shortens when the line is too long. Error text can carry bytes
// from the document, so it is sanitized like any other field.
func errorLine(source string, err error) notice {
	src := sanitize.Line(source)
	text := sanitize.Line(err.Error())
	if src != "" && !strings.Contains(text, src) {
		text = src + ": " + text
	}
	return notice{text: text, subject: src, isErr: true}
}
