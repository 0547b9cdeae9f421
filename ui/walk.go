package ui

import (
	"context"
	"errors"
	"slices"

	tea "charm.land/bubbletea/v2"
)

// Walking: a related item that is only a link, or a link in a story, is
// loaded with Options.Load in the foreground (one such load at a time,
// with a spinner, cancelled by esc) and its page joins the list right
// after the story it was reached from. Every walk, whether it loaded a
// page or found the story already loaded, leaves a visit on the path, and
// walk-back retraces them.

// groupKey names a story group (a main story and its related items) across
// reloads: its place without the load generation.
type groupKey struct{ slot, doc, story int }

func groupOf(k entryKey) groupKey { return groupKey{k.slot, k.doc, k.story} }

// visit is one step of the walk: where the reader was (story, list scroll
// and focus; the story's scroll is kept by the reader) and where it went.
type visit struct {
	from, to entryKey
	title    string // from's title, for the breadcrumb
	offset   int
	focus    pane
}

// walkDone reports a walk's page loaded (or failed).
type walkDone struct {
	id      int
	url     string
	entries []entry
	errs    []notice
	saved   bool // an offline copy of url exists now
}

// walkCmd loads url for a walk. Cancelling ctx makes the result vanish.
func walkCmd(ctx context.Context, load Loader, id int, url string, p prep) tea.Cmd {
	return func() tea.Msg {
		entries, errs, ok := fetch(ctx, load, -1, 0, url, p)
		if !ok {
			return nil
		}
		saved := p.saved != nil && p.saved(url)
		return walkDone{id: id, url: url, entries: entries, errs: errs, saved: saved}
	}
}

// openSelected reads the selected story: a related item that is only a
// link is walked to; anything else is shown in the reader.
func (m Model) openSelected() (tea.Model, tea.Cmd) {
	e, ok := m.list.selected()
	if !ok {
		return m, nil
	}
	mark := m.markOpened()
	if !e.stub {
		m.focus = readerFocus
		return m, mark
	}
	if to, ok := m.findLoaded(e.norm, e.normTitle, e.key); ok {
		next, cmd := m.jump(to)
		return next, tea.Batch(mark, cmd)
	}
	next, cmd := m.walkTo(e.url, e.key)
	return next, tea.Batch(mark, cmd)
}

// loadSaved starts loading the saved copy of the selected related item
// when it is only a link and its page is not in the list yet, so that
// selecting it shows the story. Items without a saved copy wait for the
// open key: fetching them is a network action. A walk the reader started
// is never replaced by this.
func (m *Model) loadSaved() tea.Cmd {
	e, ok := m.list.selected()
	if !ok || !e.stub || !e.saved || (m.op.kind != opNone && !m.op.inPlace) {
		return nil
	}
	if m.op.inPlace && m.op.target == e.url {
		return nil // on its way already
	}
	if m.readable(e).key != e.key {
		return nil // its page is in the list
	}
	ctx, spin := m.startOp(op{kind: opWalk, target: e.url, from: e.key, inPlace: true})
	return tea.Batch(walkCmd(ctx, m.load, m.op.id, e.url, m.prep()), spin)
}

// findLoaded looks for a story already in the list that is the page at
// norm (a normalised URL) or, failing that, has the title normTitle: a
// main story read from any source, or the page a walk loaded from that
// URL. self is the item asking, which does not count.
func (m Model) findLoaded(norm, title string, self entryKey) (entryKey, bool) {
	if norm != "" {
		if k, ok := m.list.mainOther(m.list.index.byNorm[norm], self); ok {
			return k, true
		}
		for i, s := range m.slots {
			if s.walked && len(s.entries) > 0 && normURL(s.source) == norm {
				return m.slots[i].entries[0].key, true
			}
		}
	}
	if title != "" {
		return m.list.mainOther(m.list.index.byTitle[title], self)
	}
	return entryKey{}, false
}

// readable is what the reader shows for e: e itself, or for a related item
// that is only a link, the story its page turned out to be once that is
// in the list (walked to, or read from a source). Its key, and so its
// render, scroll position and links, are that story's. A folder page's
// row comes in full once its page is read again (folderpage.go).
func (m Model) readable(e entry) entry {
	return m.pages.fill(m.readableRow(e))
}

// readableRow is readable as the list has it: a folder page's row as it is.
func (m Model) readableRow(e entry) entry {
	if !e.stub {
		return e
	}
	to, ok := m.findLoaded(e.norm, e.normTitle, e.key)
	if !ok {
		return e
	}
	if x, ok := m.list.entry(to); ok {
		return x
	}
	// an article loaded in place of a feed's summary is not listed itself
	for _, x := range m.slots[to.slot].entries {
		if x.key == to {
			return x
		}
	}
	return e
}

// isSummary reports whether the story k is a feed's summary.
func (m Model) isSummary(k entryKey) bool {
	e, ok := m.list.entry(k)
	return ok && e.summary
}

// walkTo starts loading url for a walk from the story from.
func (m Model) walkTo(url string, from entryKey) (tea.Model, tea.Cmd) {
	if m.op.kind == opWalk && m.op.target == url {
		// On its way already; a load for the selection becomes the walk.
		m.op.inPlace = false
		return m, nil
	}
	ctx, spin := m.startOp(op{kind: opWalk, target: url, from: from})
	return m, tea.Batch(walkCmd(ctx, m.load, m.op.id, url, m.prep()), spin)
}

// jump walks to a story already in the list.
func (m Model) jump(to entryKey) (tea.Model, tea.Cmd) {
	m.links.close()
	m.pushVisit(to)
	m.selectKey(to)
	m.focus = readerFocus
	return m, m.showSelected()
}

// pushVisit records the reader's place before a walk to to.
func (m *Model) pushVisit(to entryKey) {
	cur, ok := m.list.selected()
	if !ok {
		return
	}
	// A fresh slice: older copies of the model share the old one.
	m.path = append(m.path[:len(m.path):len(m.path)], visit{
		from: cur.key, to: to, title: m.groupTitle(cur), offset: m.list.offset, focus: m.focus,
	})
	if m.slots[to.slot].walked {
		m.list.setEntries(m.allEntries()) // a page walked to is listed while on the path (standsIn)
	}
}

// groupTitle is the title of the main story of e's group: a walk from a
// related item starts, for the breadcrumb, at the story it is related to.
func (m Model) groupTitle(e entry) string {
	if !e.related {
		return e.title
	}
	main := e.key
	main.related = -1
	if x, ok := m.list.entry(main); ok {
		return x.title
	}
	return e.title
}

func (m Model) onWalkDone(msg walkDone) (tea.Model, tea.Cmd) {
	if msg.id != m.op.id || m.op.kind != opWalk {
		return m, nil // cancelled or replaced
	}
	from, inPlace := m.op.from, m.op.inPlace
	m.cancelOp()
	var cmds []tea.Cmd
	if len(msg.entries) == 0 {
		if len(msg.errs) == 0 {
			msg.errs = []notice{errorLine(msg.url, errors.New("no story found on this page"))}
		}
		cmds = append(cmds, m.notifyAll(msg.errs))
		return m, tea.Batch(cmds...)
	}
	idx := len(m.slots)
	for i := range msg.entries {
		msg.entries[i].key.slot = idx
	}
	summary := m.isSummary(m.resolve(from))
	m.slots = append(m.slots[:idx:idx], slot{
		source: msg.url, loaded: true, entries: msg.entries,
		walked: true, parent: groupOf(m.resolve(from)), replaces: summary,
	})
	if msg.saved {
		m.markSaved(normURL(msg.url))
	}
	m.list.setEntries(m.allEntries())
	cmds = append(cmds, m.startAging(msg.entries))
	if inPlace || summary {
		// the selection stays; the reader now finds the page for it
		if !inPlace {
			m.focus = readerFocus
		}
		return m, tea.Batch(m.showSelected(), m.notifyAll(msg.errs), tea.Batch(cmds...))
	}
	m.links.close()
	to := msg.entries[0].key
	m.pushVisit(to)
	m.selectKey(to)
	m.focus = readerFocus
	cmds = append(cmds, m.showSelected(), m.notifyAll(msg.errs))
	return m, tea.Batch(cmds...)
}

// markSaved marks the related items linking to norm as saved offline.
// Entries are shared with older copies of the model, so a slot whose
// entries change gets a fresh slice.
func (m *Model) markSaved(norm string) {
	if norm == "" {
		return
	}
	for i := range m.slots {
		var fresh []entry
		for j, e := range m.slots[i].entries {
			if e.stub && !e.saved && e.norm == norm {
				if fresh == nil {
					fresh = append([]entry(nil), m.slots[i].entries...)
				}
				fresh[j].saved = true
			}
		}
		if fresh != nil {
			m.slots[i].entries = fresh
		}
	}
}

// walkBack returns to where the last walk started.
func (m Model) walkBack() (tea.Model, tea.Cmd) {
	if len(m.path) == 0 {
		return m, m.notify(say("nothing to go back to"))
	}
	v := m.path[len(m.path)-1]
	m.path = m.path[:len(m.path)-1]
	if m.slots[v.to.slot].walked {
		m.list.setEntries(m.allEntries()) // off the path, it may stand in for its row again
	}
	m.links.close()
	m.selectKey(m.resolve(v.from))
	m.list.offset = v.offset
	m.list.ensureVisible()
	m.focus = v.focus
	return m, m.showSelected()
}

// sameStory is e's key among entries, a slot read again: the entry with
// e's address (a feed's items move as they are read), else the one in
// e's place.
func (m Model) sameStory(e entry, entries []entry) entryKey {
	for _, n := range entries {
		if e.norm != "" && n.norm == e.norm && n.related == e.related {
			return n.key
		}
	}
	return m.resolve(e.key)
}

// resolve finds k in the list, or the story in its place after a reload
// gave it a new generation; k itself when neither is there.
func (m Model) resolve(k entryKey) entryKey {
	var found entryKey
	ok := false
	for _, e := range m.list.all {
		if e.key == k {
			return k
		}
		if groupOf(e.key) == groupOf(k) && e.key.related == k.related {
			found, ok = e.key, true
		}
	}
	if ok {
		return found
	}
	return k
}

// selectKey selects the story k, dropping a filter that hides it.
func (m *Model) selectKey(k entryKey) bool {
	find := func() int {
		for n, i := range m.list.visible {
			if m.list.all[i].key == k {
				return n
			}
		}
		return -1
	}
	n := find()
	if n < 0 && m.list.query() != "" {
		m.list.clearFilter()
		n = find()
	}
	if n < 0 && slices.ContainsFunc(m.list.all, func(e entry) bool { return e.key == k }) {
		m.list.refilter(k, true) // folded: unfold its group
		n = find()
	}
	if n < 0 {
		return false
	}
	m.list.moveTo(n)
	return true
}

// breadcrumb is the walk that led to the selected story, the titles of
// "A › B › C", or nil when the story was not reached by walking. Only the unbroken end of
// the path counts: each walk must start in the story group the one before
// it reached, and a story picked by hand in between starts a new trail.
func (m Model) breadcrumb() []string {
	cur, ok := m.list.selected()
	// A reload gives the story a new generation; it is the same story.
	if !ok || len(m.path) == 0 || m.resolve(m.path[len(m.path)-1].to) != cur.key {
		return nil
	}
	i := len(m.path) - 1
	for i > 0 && groupOf(m.path[i-1].to) == groupOf(m.path[i].from) {
		i--
	}
	parts := make([]string, 0, len(m.path)-i+1)
	for _, v := range m.path[i:] {
		parts = append(parts, v.title)
	}
	return append(parts, cur.title)
}
