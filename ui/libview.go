package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// The library view: with no source, the list is the library, newest
// first, read from the index a page of rows at a time as the list scrolls
// (libPage), each row a slot whose story loads when it is selected. / then
// searches the whole library through the index (libSearch) instead of
// filtering the rows loaded. Every request carries an id, and an answer
// whose id is no longer current is dropped.

// Library is the library as the reader browses it. Its methods are called
// inside tea.Cmds, several at once, and must honour ctx.
type Library interface {
	// Page returns up to n items saved before after (nil: the newest),
	// newest first, and the cursor of the next page.
	Page(ctx context.Context, after any, n int, unreadOnly bool) ([]LibraryItem, any, error)
	// Search returns up to limit items matching query, best first; an
	// error is one line saying what is wrong with the query.
	Search(ctx context.Context, query string, limit int) ([]LibraryItem, error)
	// Stories reads the saved page of url.
	Stories(ctx context.Context, url string) []story.Document
	// MarkRead, Star, SetPosition and Delete change the user's data.
	MarkRead(ctx context.Context, url string, read bool) error
	Star(ctx context.Context, url string, starred bool) error
	SetPosition(ctx context.Context, url string, pos int) error
	Delete(ctx context.Context, url string) error
}

// LibraryItem is one saved page as the list shows it before it loads.
type LibraryItem struct {
	URL, Title, Site string
	Published        time.Time // zero when the page has no date
	Saved            time.Time
	Words            int // the page's words, for its reading time
	Read, Starred    bool
	Position         int // the reader's scroll when it last left the page
	// Snippet is a search result's text around the matches, each match
	// between MatchStart and MatchEnd.
	Snippet string
}

// Snippet markers in LibraryItem.Snippet.
const (
	MatchStart = "\x02"
	MatchEnd   = "\x03"
)

// libPageSize is how many rows one page request reads; libSearchLimit
// how many results a search lists.
const (
	libPageSize    = 100
	libSearchLimit = 100
)

// libView is the library view's state.
type libView struct {
	src      Library
	nextID   int                // the last id given to a request or a view
	view     int                // the rows shown: listView, or a search's id
	listView int                // the listing's id; a new one when unread-only toggles
	pageID   int                // the page request in flight; 0 when none
	after    any                // where the next page starts
	done     bool               // the listing has every row
	unread   bool               // unread only
	query    string             // the search typed after /; "" for the listing
	searchID int                // the search wanted
	cancel   context.CancelFunc // the search in flight
	confirm  int                // 1 + the slot whose deletion awaits y/n
	keep     string             // the URL of the row selected when the listing was read again
	failed   notice             // why the search failedQ could not run
	failedQ  string             // the search failed names
	ask      notice             // the question, kept in the status bar until answered
	first    tea.Cmd            // the first page's request, for Init
}

// libRow is a library slot's page.
type libRow struct {
	item      LibraryItem
	view      int  // the listing's or a search's id: it shows when that view does
	lazy      bool // entries hold the placeholder: the story is not loaded
	requested bool // its story is loading
	gone      bool // deleted, or a view no longer shown
}

// libPage is a page of the listing read.
type libPage struct {
	id, view int
	items    []LibraryItem
	next     any
	err      error
}

// libSearched is a search's results.
type libSearched struct {
	id    int
	items []LibraryItem
	err   error
}

// libChanged reports a change to the user's data saved (or not).
type libChanged struct {
	slot int
	gone bool // the page was deleted
	read bool // a read mark changed: the subscriptions' unread counts follow
	text string
	err  error
}

// more reports whether the listing shown has rows not read yet.
func (v libView) more() bool {
	return v.src != nil && !v.done && v.view == v.listView
}

func (v *libView) newID() int {
	v.nextID++
	return v.nextID
}

// libStart reads the listing's first page.
func (m *Model) libStart() tea.Cmd {
	if m.lib.src == nil {
		return nil
	}
	m.lib.listView = m.lib.newID()
	m.lib.view = m.lib.listView
	m.lib.after, m.lib.done, m.lib.pageID = nil, false, 0
	m.list.setEntries(m.allEntries()) // the old listing's rows are gone
	return m.libMore()
}

// libMore reads the next page of the listing when the selection is within
// a screen or two of the last row loaded.
func (m *Model) libMore() tea.Cmd {
	v := &m.lib
	if v.src == nil || v.done || v.pageID != 0 || v.view != v.listView {
		return nil
	}
	if len(m.list.visible) > 0 && len(m.list.visible)-m.list.cursor > 2*max(m.list.height, 20) {
		return nil
	}
	v.pageID = v.newID()
	src, id, view, after, unread := v.src, v.pageID, v.listView, v.after, v.unread
	ctx := m.ctx
	return func() tea.Msg {
		items, next, err := src.Page(ctx, after, libPageSize, unread)
		if ctx.Err() != nil {
			return nil
		}
		return libPage{id: id, view: view, items: items, next: next, err: err}
	}
}

func (m Model) onLibPage(msg libPage) (tea.Model, tea.Cmd) {
	if msg.id != m.lib.pageID || msg.view != m.lib.listView {
		return m, nil // superseded
	}
	m.lib.pageID = 0
	if msg.err != nil {
		m.lib.done = true
		return m, m.notify(failure("library: " + sanitize.Line(msg.err.Error())))
	}
	m.lib.after = msg.next
	m.lib.done = len(msg.items) < libPageSize
	aging := m.addLibSlots(msg.items, msg.view)
	m.list.setEntries(m.allEntries())
	m.selectKept()
	return m, tea.Batch(m.showSelected(), m.loadLib(), m.libMore(), aging)
}

// selectKept puts the selection back on the row it was on before the
// listing was read again, if the first page read holds it.
func (m *Model) selectKept() {
	url := m.lib.keep
	m.lib.keep = ""
	if url == "" {
		return
	}
	for _, i := range m.list.visible {
		e := m.list.all[i]
		if r := m.libRowOf(e); r != nil && !e.related && r.view == m.lib.listView && m.slots[e.key.slot].source == url {
			m.selectKey(e.key)
			return
		}
	}
}

// addLibSlots lists items as rows of view, each a slot whose story loads
// when it is selected. A row's meta line has the shape its story's will:
// site, age (of its published time, else "saved …") and reading time.
// The ages grow: the age clock starts with the first rows.
func (m *Model) addLibSlots(items []LibraryItem, view int) tea.Cmd {
	p, now := m.prep(), m.list.now
	added := make([]entry, 0, len(items))
	for _, it := range items {
		i := len(m.slots)
		k := entryKey{slot: i, related: -1}
		e := newEntry(k, story.Story{Title: it.Title, Site: it.Site, URL: it.URL, Published: it.Published}, it.URL, false, p, now)
		e.kept, e.minutes = it.Saved, minutesFor(it.Words)
		e.meta = e.metaAt(now)
		e.snippet = cleanSnippet(it.Snippet)
		e.placeholder = true
		m.slots = append(m.slots, slot{
			source: it.URL, loaded: true, entries: []entry{e},
			lib: &libRow{item: it, view: view, lazy: true},
		})
		added = append(added, e)
	}
	return m.startAging(added)
}

// libRowOf is the library row of entry e's slot, or nil.
func (m Model) libRowOf(e entry) *libRow {
	if e.key.slot < 0 || e.key.slot >= len(m.slots) {
		return nil
	}
	return m.slots[e.key.slot].lib
}

// setLib replaces slot i's library row with a changed copy: older copies
// of the model keep theirs.
func (m *Model) setLib(i int, change func(r *libRow)) {
	r := *m.slots[i].lib
	change(&r)
	m.slots[i].lib = &r
}

// dropLib lets go of slot i's library row: it leaves the list, a load of
// its story still on its way is dropped when it comes, and a question
// about deleting it is withdrawn, so that y does not delete a page no
// longer shown.
func (m *Model) dropLib(i int) {
	m.setLib(i, func(r *libRow) { r.gone = true })
	m.slots[i].entries = nil
	m.slots[i].gen++
	if m.lib.confirm == i+1 {
		m.lib.confirm = 0
		m.status.clear()
	}
}

// setSameLib changes slot i's library row and every other row of the same
// page: the listing's and a search's rows of one page are two slots.
func (m *Model) setSameLib(i int, change func(r *libRow)) {
	url := m.slots[i].source
	for j := range m.slots {
		if m.slots[j].lib != nil && m.slots[j].source == url {
			m.setLib(j, change)
		}
	}
}

// loadLib starts loading the selected library row's story.
func (m *Model) loadLib() tea.Cmd {
	e, ok := m.list.selected()
	r := m.libRowOf(e)
	if !ok || r == nil || !r.lazy || r.requested {
		return nil
	}
	i := e.key.slot
	m.setLib(i, func(r *libRow) { r.requested = true })
	m.slots[i].gen++
	load := func(ctx context.Context, url string) []story.Document { return m.lib.src.Stories(ctx, url) }
	return loadCmd(m.ctx, load, i, m.slots[i].gen, m.slots[i].source, m.prep())
}

// onLibLoaded puts a library row's story in place of its placeholder,
// keeping the selection on it and the reader's place from last time.
func (m Model) onLibLoaded(msg docLoaded) (tea.Model, tea.Cmd) {
	s := &m.slots[msg.slot]
	if s.lib.gone || len(s.entries) == 0 {
		return m, nil // let go of while it loaded
	}
	if len(msg.entries) == 0 {
		return m, m.notifyAll(msg.errs) // the placeholder stays
	}
	old := s.entries[0].key
	msg.entries[0].snippet = s.entries[0].snippet // a search result keeps its snippet
	msg.entries[0].kept = s.lib.item.Saved        // its age when the page has no date
	msg.entries[0].meta = msg.entries[0].metaAt(m.list.now)
	cur, had := m.list.selected()
	m.setLib(msg.slot, func(r *libRow) { r.lazy = false })
	s.entries = msg.entries
	if pos := s.lib.item.Position; pos > 0 {
		m.reader.positions[msg.entries[0].key] = scrollPos{offset: pos}
	}
	off := m.list.offset
	m.list.setEntries(m.allEntries())
	if had && cur.key == old {
		m.list.refilter(msg.entries[0].key, true)
		m.list.offset = off
		m.list.ensureVisible()
	}
	return m, tea.Batch(m.showSelected(), m.notifyAll(msg.errs))
}

// hidden reports whether slot i is left out of the list: a library row of
// a view not shown or deleted, a page walked to from one, an article read
// in place of a feed's summary, or the subscriptions during a search.
func (m Model) hidden(i int) bool {
	s := m.slots[i]
	if s.replaces || (i == m.feeds.slot && m.lib.view != m.lib.listView) {
		return true // a search lists the library's pages alone
	}
	if s.lib != nil {
		return s.lib.gone || s.lib.view != m.lib.view
	}
	if s.walked && s.parent.slot >= 0 && s.parent.slot < len(m.slots) && s.parent.slot != i {
		return m.hidden(s.parent.slot) || m.standsIn(i)
	}
	return false
}

// standsIn reports whether walked slot i's page has a row of its own in
// the story group it was reached from — the related item walked to, or
// loaded on selection from its saved copy — and is off the walk path: that
// row reads the page (readable), so listing it again as a main story would
// list one story twice. While the path goes through it, it is listed, with
// its own related items under it to walk on to.
func (m Model) standsIn(i int) bool {
	s := m.slots[i]
	for _, v := range m.path {
		if v.to.slot == i || v.from.slot == i {
			return false
		}
	}
	norm := normURL(s.source)
	for _, e := range m.slots[s.parent.slot].entries {
		if e.related && e.stub && e.norm == norm && groupOf(e.key) == s.parent {
			return true
		}
	}
	return false
}

// decorateLib marks the library rows of all: unread and starred before
// the title, and over the listing, the day each day's first row starts
// (the listing is by each page's date).
func (m Model) decorateLib(all []entry) {
	if m.lib.src == nil {
		return
	}
	now := time.Now()
	prevDay := ""
	for i := range all {
		e := &all[i]
		if e.related || e.key.doc != 0 || e.key.story != 0 {
			continue
		}
		r := m.libRowOf(*e)
		if r == nil {
			continue
		}
		if r.item.Starred {
			e.title = "★ " + e.title
		}
		if !r.item.Read {
			e.title = "• " + e.title
		}
		if m.lib.view != m.lib.listView {
			continue
		}
		if d := dayName(r.item.listedBy(), now); d != prevDay {
			e.day, prevDay = d, d
		}
	}
}

// listedBy is the time the library lists a page by: the date it gives
// itself, else when it was saved.
func (it LibraryItem) listedBy() time.Time {
	if !it.Published.IsZero() {
		return it.Published
	}
	return it.Saved
}

// dayName heads the stories of t's day: Today, Yesterday, or the date.
func dayName(t, now time.Time) string {
	t, now = t.Local(), now.Local()
	y, mo, d := t.Date()
	day := time.Date(y, mo, d, 0, 0, 0, 0, time.Local)
	ny, nmo, nd := now.Date()
	today := time.Date(ny, nmo, nd, 0, 0, 0, 0, time.Local)
	switch {
	case day.Equal(today):
		return "Today"
	case day.Equal(today.AddDate(0, 0, -1)):
		return "Yesterday"
	case y == ny:
		return t.Format("Monday 2 January")
	}
	return t.Format("Monday 2 January 2006")
}
