package ui

import (
	"context"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// The library view's actions: search as the user types, read, star,
// delete after y/n, unread only, and the reader's place kept across runs.

// libSearch searches the library for q in a tea.Cmd, cancelling the
// search before it; "" goes back to the listing.
// asTyped is the query as typed so far: the word being typed, the last,
// is a prefix ("volk" finds Volkswagen) once it has two letters or
// digits and is not already one, a phrase or a field (site:, by:…).
func asTyped(q string) string {
	fields := strings.Fields(q)
	if len(fields) == 0 {
		return q
	}
	last := strings.TrimPrefix(fields[len(fields)-1], "-")
	if utf8.RuneCountInString(last) < 2 || strings.ContainsAny(last, `*":()`) {
		return q
	}
	for _, r := range last {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) || story.Unspaced(r) {
			return q // CJK is indexed a character at a time: no prefix
		}
	}
	return q + "*"
}

func (m *Model) libSearch(q string) tea.Cmd {
	q = strings.TrimSpace(q)
	if m.lib.src == nil || q == m.lib.query {
		return nil
	}
	m.lib.query = q
	if m.lib.cancel != nil {
		m.lib.cancel()
		m.lib.cancel = nil
	}
	if q == "" {
		m.dropView(m.lib.view)
		m.lib.view = m.lib.listView
		m.list.setEntries(m.allEntries())
		return tea.Batch(m.showSelected(), m.loadLib())
	}
	id := m.lib.newID()
	m.lib.searchID = id
	ctx, cancel := context.WithCancel(m.ctx)
	m.lib.cancel = cancel
	src := m.lib.src
	typed := asTyped(q)
	return func() tea.Msg {
		items, err := src.Search(ctx, typed, libSearchLimit)
		if ctx.Err() != nil {
			return nil // superseded by the next key
		}
		return libSearched{id: id, items: items, err: err}
	}
}

func (m Model) onLibSearched(msg libSearched) (tea.Model, tea.Cmd) {
	if msg.id != m.lib.searchID || m.lib.query == "" {
		return m, nil // a newer search, or none, is wanted
	}
	m.lib.cancel = nil
	if msg.err != nil {
		m.lib.failed, m.lib.failedQ = failure(sanitize.Line(msg.err.Error())), m.lib.query
		return m, m.notify(m.lib.failed)
	}
	m.lib.failedQ = ""
	m.dropView(m.lib.view)
	m.lib.view = msg.id
	aging := m.addLibSlots(msg.items, msg.id)
	m.list.setEntries(m.allEntries())
	return m, tea.Batch(m.showSelected(), m.loadLib(), aging)
}

// dropView lets go of a search's rows; the listing's are kept.
func (m *Model) dropView(view int) {
	if view == m.lib.listView {
		return
	}
	for i := range m.slots {
		if r := m.slots[i].lib; r != nil && r.view == view {
			m.dropLib(i)
		}
	}
}

// selectedLib is the selected library row's slot, or -1.
func (m Model) selectedLib() int {
	e, ok := m.list.selected()
	if !ok || e.related || m.libRowOf(e) == nil {
		return -1
	}
	return e.key.slot
}

// notLibrary is said when a library key is pressed on another story.
func (m *Model) notLibrary() tea.Cmd {
	return m.notify(say("only library stories are marked, starred or deleted"))
}

// toggleRead marks the selected library story read or unread.
func (m Model) toggleRead() (tea.Model, tea.Cmd) {
	return m.toggle(libMark{
		flag: func(r *libRow) *bool { return &r.item.Read }, on: "marked read", off: "marked unread",
		save: func(ctx context.Context, src Library, url string, on bool) error { return src.MarkRead(ctx, url, on) },
		read: true,
	})
}

// toggleStar stars the selected library story, or takes its star away.
func (m Model) toggleStar() (tea.Model, tea.Cmd) {
	return m.toggle(libMark{
		flag: func(r *libRow) *bool { return &r.item.Starred }, on: "starred", off: "unstarred",
		save: func(ctx context.Context, src Library, url string, on bool) error { return src.Star(ctx, url, on) },
	})
}

// libMark is one of the user's marks on a library story: where the row
// keeps it, what to say, and how the library saves it; read says it is
// the read mark, which the subscriptions count.
type libMark struct {
	flag    func(*libRow) *bool
	on, off string
	save    func(ctx context.Context, src Library, url string, on bool) error
	read    bool
}

// toggle turns mark on or off on the selected library story.
func (m Model) toggle(mark libMark) (tea.Model, tea.Cmd) {
	i := m.selectedLib()
	if i < 0 {
		return m, m.notLibrary()
	}
	on := !*mark.flag(m.slots[i].lib)
	text := mark.off
	if on {
		text = mark.on
	}
	cmd := m.libChange(i, text, func(ctx context.Context, src Library, url string) error {
		return mark.save(ctx, src, url, on)
	}, func(r *libRow) { *mark.flag(r) = on })
	if mark.read {
		cmd = readChange(cmd)
	}
	return m, cmd
}

// readChange marks the libChanged of cmd as a change of read state.
func readChange(cmd tea.Cmd) tea.Cmd {
	return func() tea.Msg {
		msg, _ := cmd().(libChanged)
		msg.read = true
		return msg
	}
}

// libChange shows change at once and saves it in a tea.Cmd; a failure
// is said in the status bar.
func (m *Model) libChange(i int, text string, save func(context.Context, Library, string) error, change func(*libRow)) tea.Cmd {
	m.setSameLib(i, change)
	m.list.setEntries(m.allEntries())
	src, url, ctx := m.lib.src, m.slots[i].source, m.ctx
	return func() tea.Msg {
		return libChanged{slot: i, text: text, err: save(ctx, src, url)}
	}
}

func (m Model) onLibChanged(msg libChanged) (tea.Model, tea.Cmd) {
	switch {
	case msg.err != nil:
		return m, m.notify(failure(sanitize.Line(msg.err.Error())))
	case msg.gone:
		cur, ok := m.list.selected()
		next, hasNext := m.rowAfter(msg.slot)
		m.setSameLib(msg.slot, func(r *libRow) { r.gone = true })
		m.list.setEntries(m.allEntries())
		if ok && cur.key.slot == msg.slot && hasNext {
			m.selectKey(next) // the row that took the deleted one's place
		}
		return m, tea.Batch(m.showSelected(), m.loadLib(), m.notify(say(msg.text)))
	case msg.read && m.feeds.slot >= 0 && m.feeds.list != nil:
		// the subscriptions' unread counts follow the mark
		return m, tea.Batch(m.rereadFeeds(m.feeds.slot), m.notify(say(msg.text)))
	case msg.text != "":
		return m, m.notify(say(msg.text))
	}
	return m, nil
}

// rowAfter is the key of the listed row after slot i's (before it, when
// it is the last), among the rows of its own view: where the selection
// goes when slot i is deleted.
func (m Model) rowAfter(i int) (entryKey, bool) {
	var rows []entryKey
	at := -1
	for _, n := range m.list.visible {
		e := m.list.all[n]
		r := m.libRowOf(e)
		if e.related || r == nil || r.view != m.slots[i].lib.view {
			continue
		}
		if e.key.slot == i {
			at = len(rows)
		}
		rows = append(rows, e.key)
	}
	switch {
	case at < 0 || len(rows) < 2:
		return entryKey{}, false
	case at+1 < len(rows):
		return rows[at+1], true
	}
	return rows[at-1], true
}

// markOpened marks the selected library story read as it is opened.
func (m *Model) markOpened() tea.Cmd {
	i := m.selectedLib()
	if i < 0 {
		return m.markFeedItemRead()
	}
	if m.slots[i].lib.item.Read {
		return nil
	}
	return readChange(m.libChange(i, "", func(ctx context.Context, src Library, url string) error {
		return src.MarkRead(ctx, url, true)
	}, func(r *libRow) { r.item.Read = true }))
}

// keepPlace saves where the reader is in e, a library story being left,
// so that it reopens there next time. It runs under its own short
// deadline: it is also the last thing done on quitting.
func (m *Model) keepPlace(e entry) tea.Cmd {
	r := m.libRowOf(e)
	if r == nil || e.related || !m.reader.ready || m.reader.shown.key != e.key {
		return nil
	}
	pos := m.reader.vp.YOffset()
	if pos == r.item.Position {
		return nil
	}
	i := e.key.slot
	m.setSameLib(i, func(r *libRow) { r.item.Position = pos })
	src, url := m.lib.src, m.slots[i].source
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		return libChanged{slot: i, err: src.SetPosition(ctx, url, pos)}
	}
}

// askDelete asks whether to delete the selected library page.
func (m Model) askDelete() (tea.Model, tea.Cmd) {
	i := m.selectedLib()
	if i < 0 {
		return m, m.notLibrary()
	}
	m.lib.confirm = i + 1
	title := m.slots[i].entries[0].title
	m.lib.ask = sayAbout("delete the saved page “"+title+"”? y/n", title)
	m.status.clear()
	return m, nil
}

// onConfirmKey answers the delete prompt: y deletes, anything else keeps.
func (m Model) onConfirmKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd, bool) {
	i := m.lib.confirm - 1
	m.lib.confirm = 0
	if msg.String() != "y" || i >= len(m.slots) || m.slots[i].lib == nil || m.slots[i].lib.gone {
		return m, m.notify(say("kept")), true
	}
	src, url, ctx := m.lib.src, m.slots[i].source, m.ctx
	title := m.slots[i].entries[0].title
	m.status.clear()
	return m, func() tea.Msg {
		return libChanged{slot: i, gone: true, text: "deleted “" + title + "”", err: src.Delete(ctx, url)}
	}, true
}

// toggleUnread lists unread stories only, or all of them again.
func (m Model) toggleUnread() (tea.Model, tea.Cmd) {
	if m.lib.src == nil {
		return m, m.notLibrary()
	}
	m.lib.unread = !m.lib.unread
	for i := range m.slots {
		if r := m.slots[i].lib; r != nil && r.view == m.lib.listView {
			m.dropLib(i)
		}
	}
	m.list.clearFilter()
	m.lib.query = ""
	text := "all stories"
	if m.lib.unread {
		text = "unread stories only"
	}
	start := m.libStart()
	m.list.setEntries(m.allEntries())
	return m, tea.Batch(start, m.showSelected(), m.notify(say(text)))
}

// cleanSnippet makes a search snippet safe to draw: each part between the
// match markers is one sanitized line, and the markers stay.
func cleanSnippet(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	in := false
	for part := range strings.SplitSeq(strings.ReplaceAll(s, MatchEnd, MatchStart), MatchStart) {
		if in {
			b.WriteString(MatchStart + sanitize.Line(part) + MatchEnd)
		} else {
			b.WriteString(lineWithEdges(part))
		}
		in = !in
	}
	return b.String()
}

// lineWithEdges is sanitize.Line keeping one space at either end where s
// had any, so the words around a match stay apart from it.
func lineWithEdges(s string) string {
	l := sanitize.Line(s)
	if l == "" {
		return strings.Repeat(" ", min(len(s), 1))
	}
	if strings.TrimLeftFunc(s, unicode.IsSpace) != s {
		l = " " + l
	}
	if strings.TrimRightFunc(s, unicode.IsSpace) != s {
		l += " "
	}
	return l
}

// markFeedItemRead marks the selected new item of a feed read as it is
// opened, and its rows in the library listing; the feed's unread count
// follows once the mark is saved.
func (m *Model) markFeedItemRead() tea.Cmd {
	e, ok := m.list.selected()
	if !ok || m.lib.src == nil || e.key.slot != m.feeds.slot || !e.related || e.url == "" {
		return nil
	}
	for i, s := range m.slots { // the library's rows of the page are read now too
		if s.lib != nil && !s.lib.item.Read && len(s.entries) > 0 && s.entries[0].norm == e.norm {
			m.setLib(i, func(r *libRow) { r.item.Read = true })
		}
	}
	m.list.setEntries(m.allEntries())
	src, url, ctx := m.lib.src, e.url, m.ctx
	return func() tea.Msg {
		return libChanged{slot: -1, read: true, err: src.MarkRead(ctx, url, true)}
	}
}
