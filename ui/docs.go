package ui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// Loader reads one source into documents. It is called inside a tea.Cmd and
// must honour ctx: when tread quits, ctx is cancelled and the result is
// thrown away.
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
	key     entryKey
	title   string // sanitized, one line
	meta    string // sanitized "site · age"
	site    string
	md      string // render.Markdown of the story
	related bool
	match   string // lower-cased title and site, for the list filter
}

// slot is one place in the list: a source given on the command line, or the
// documents handed over already loaded. Slots keep the order sources were
// given whatever order their loads finish in.
type slot struct {
	source  string
	gen     int
	loaded  bool
	entries []entry
	errs    []string
}

// docLoaded reports that a slot's load finished.
type docLoaded struct {
	slot, gen int
	entries   []entry
	errs      []string
}

// loadCmd loads one source in the background. A panicking loader is turned
// into an error for that source so one bad file cannot take tread down.
func loadCmd(ctx context.Context, load Loader, slotIdx, gen int, source string) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = docLoaded{slot: slotIdx, gen: gen, errs: []string{
					errorLine(source, fmt.Errorf("internal error while loading: %v", r)),
				}}
			}
		}()
		if load == nil {
			return docLoaded{slot: slotIdx, gen: gen, errs: []string{errorLine(source, fmt.Errorf("no loader configured"))}}
		}
		docs := load(ctx, source)
		if ctx.Err() != nil {
			return nil // tread is quitting or reloading; nobody wants this any more
		}
		entries, errs := prepare(slotIdx, gen, source, docs)
		return docLoaded{slot: slotIdx, gen: gen, entries: entries, errs: errs}
	}
}

// prepare turns documents into list entries and error lines. It sanitizes
// every field the UI shows and builds each story's markdown, so that Update
// only ever copies strings.
func prepare(slotIdx, gen int, source string, docs []story.Document) ([]entry, []string) {
	var entries []entry
	var errs []string
	for d, doc := range docs {
		if doc.Err != nil {
			name := doc.Source
			if name == "" {
				name = source
			}
			errs = append(errs, errorLine(name, doc.Err))
		}
		for s, st := range doc.Stories {
			k := entryKey{slot: slotIdx, gen: gen, doc: d, story: s, related: -1}
			entries = append(entries, newEntry(k, st, false))
			for r, rel := range st.Related {
				rk := k
				rk.related = r
				entries = append(entries, newEntry(rk, rel, true))
			}
		}
	}
	return entries, errs
}

func newEntry(k entryKey, st story.Story, related bool) entry {
	title := sanitize.Line(st.Title)
	if title == "" {
		title = "(untitled)"
	}
	site := sanitize.Line(st.Site)
	return entry{
		key:     k,
		title:   title,
		meta:    listMeta(st),
		site:    site,
		md:      render.Markdown(st),
		related: related,
		match:   strings.ToLower(title + "\n" + site),
	}
}

// listMeta is the dimmed line under a title: "site · age", with the
// published day standing in for a missing age.
func listMeta(st story.Story) string {
	var parts []string
	if s := sanitize.Line(st.Site); s != "" {
		parts = append(parts, s)
	}
	switch age := sanitize.Line(st.Age); {
	case age != "":
		parts = append(parts, age)
	case !st.Published.IsZero():
		parts = append(parts, st.Published.Format("2 Jan 2006"))
	}
	return strings.Join(parts, " · ")
}

// errorLine is one status-bar line naming the source. Error text can carry
// bytes from the document, so it is sanitized like any other field.
func errorLine(source string, err error) string {
	src := sanitize.Line(source)
	text := sanitize.Line(err.Error())
	if src == "" || strings.Contains(text, src) {
		return text
	}
	return src + ": " + text
}
