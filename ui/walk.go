package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tread-reader/tread/sanitize"
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

// opKind says what the foreground load is for.
type opKind int

const (
	opNone opKind = iota
	opWalk
	opReload
)

// op is the load running in the foreground. Its id tags the result, so a
// result for an op that was cancelled or replaced is dropped.
type op struct {
	id     int
	kind   opKind
	target string   // the URL or source being loaded
	from   entryKey // opWalk: the story the walk starts from
	slot   int      // opReload: the slot being reloaded
	frame  int      // spinner frame
	cancel context.CancelFunc
	// inPlace: opWalk loads a saved copy for the selected related item,
	// which stays selected; the reader shows the page once it is in.
	inPlace bool
}

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

// reloadDone reports a reload finished.
type reloadDone struct {
	id      int
	entries []entry
	errs    []notice
}

// spinTick turns the spinner of op id.
type spinTick struct{ id int }

// loadSpinTick turns the spinner of the sources' first loads while any run.
type loadSpinTick struct{}

// urlOpened reports Options.OpenURL's answer.
type urlOpened struct {
	url string
	err error
}

const spinEvery = 100 * time.Millisecond

var spinFrames = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

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

// reloadCmd loads a slot's source again with reload.
func reloadCmd(ctx context.Context, reload Loader, id, slotIdx, gen int, source string, p prep) tea.Cmd {
	return func() tea.Msg {
		entries, errs, ok := fetch(ctx, reload, slotIdx, gen, source, p)
		if !ok {
			return nil
		}
		return reloadDone{id: id, entries: entries, errs: errs}
	}
}

// openCmd opens url in the browser, off the event loop: starting a browser
// can take a while.
func openCmd(open func(string) error, url string) tea.Cmd {
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = urlOpened{url: url, err: errors.New("the browser opener failed")}
			}
		}()
		return urlOpened{url: url, err: open(url)}
	}
}

// startOp makes o the foreground load, cancelling the one before, and
// returns the context the load runs under.
func (m *Model) startOp(o op) (context.Context, tea.Cmd) {
	m.cancelOp()
	m.status.clear() // what was said before is not about this load
	ctx, cancel := context.WithCancel(m.ctx)
	m.opSeq++
	o.id, o.cancel = m.opSeq, cancel
	m.op = o
	return ctx, m.after(spinEvery, spinTick{id: o.id})
}

// cancelOp stops the foreground load, if any.
func (m *Model) cancelOp() {
	if m.op.cancel != nil {
		m.op.cancel()
	}
	m.op = op{}
}

func (m Model) onSpin(msg spinTick) (tea.Model, tea.Cmd) {
	if msg.id != m.op.id || m.op.kind == opNone {
		return m, nil
	}
	m.op.frame = (m.op.frame + 1) % len(spinFrames)
	return m, m.after(spinEvery, msg)
}

// openSelected reads the selected story: a related item that is only a
// link is walked to; anything else is shown in the reader.
func (m Model) openSelected() (tea.Model, tea.Cmd) {
	e, ok := m.list.selected()
	if !ok {
		return m, nil
	}
	if !e.stub {
		m.focus = readerFocus
		return m, nil
	}
	if to, ok := m.findLoaded(e.norm, e.normTitle, e.key); ok {
		return m.jump(to)
	}
	return m.walkTo(e.url, e.key)
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
		for _, e := range m.list.all {
			if !e.related && e.key != self && e.norm == norm {
				return e.key, true
			}
		}
		for i, s := range m.slots {
			if s.walked && len(s.entries) > 0 && normURL(s.source) == norm {
				return m.slots[i].entries[0].key, true
			}
		}
	}
	if title != "" {
		for _, e := range m.list.all {
			if !e.related && e.key != self && e.normTitle == title {
				return e.key, true
			}
		}
	}
	return entryKey{}, false
}

// readable is what the reader shows for e: e itself, or for a related item
// that is only a link, the story its page turned out to be once that is
// in the list (walked to, or read from a source). Its key, and so its
// render, scroll position and links, are that story's.
func (m Model) readable(e entry) entry {
	if !e.stub {
		return e
	}
	to, ok := m.findLoaded(e.norm, e.normTitle, e.key)
	if !ok {
		return e
	}
	for _, x := range m.list.all {
		if x.key == to {
			return x
		}
	}
	return e
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
}

// groupTitle is the title of the main story of e's group: a walk from a
// related item starts, for the breadcrumb, at the story it is related to.
func (m Model) groupTitle(e entry) string {
	if !e.related {
		return e.title
	}
	main := e.key
	main.related = -1
	for _, x := range m.list.all {
		if x.key == main {
			return x.title
		}
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
	m.slots = append(m.slots[:idx:idx], slot{
		source: msg.url, loaded: true, entries: msg.entries,
		walked: true, parent: groupOf(m.resolve(from)),
	})
	if msg.saved {
		m.markSaved(normURL(msg.url))
	}
	m.list.setEntries(m.allEntries())
	if inPlace {
		// the selection stays; the reader now finds the page for it
		return m, tea.Batch(m.showSelected(), m.notifyAll(msg.errs))
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
	m.links.close()
	m.selectKey(m.resolve(v.from))
	m.list.offset = v.offset
	m.list.ensureVisible()
	m.focus = v.focus
	return m, m.showSelected()
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

// reload loads the selected story's source again, bypassing the saved copy.
func (m Model) reload() (tea.Model, tea.Cmd) {
	e, ok := m.list.selected()
	switch {
	case !ok:
		return m, nil
	case m.reloadFn == nil:
		return m, m.notify(say("reload is not available"))
	}
	s := m.slots[e.key.slot]
	if s.source == "" {
		return m, m.notify(say("this story is built in; there is nothing to reload"))
	}
	ctx, spin := m.startOp(op{kind: opReload, target: s.source, slot: e.key.slot})
	return m, tea.Batch(reloadCmd(ctx, m.reloadFn, m.op.id, e.key.slot, s.gen+1, s.source, m.prep()), spin)
}

func (m Model) onReloadDone(msg reloadDone) (tea.Model, tea.Cmd) {
	if msg.id != m.op.id || m.op.kind != opReload {
		return m, nil
	}
	slotIdx, source := m.op.slot, m.op.target
	m.cancelOp()
	if len(msg.entries) == 0 {
		if len(msg.errs) == 0 {
			msg.errs = []notice{errorLine(source, errors.New("no stories on reload; kept the ones shown"))}
		}
		return m, m.notifyAll(msg.errs)
	}
	cur, had := m.list.selected()
	s := &m.slots[slotIdx]
	s.gen, s.entries = msg.entries[0].key.gen, msg.entries
	m.list.setEntries(m.allEntries())
	if had && cur.key.slot == slotIdx {
		m.selectKey(m.resolve(cur.key))
	}
	done := sayAbout("reloaded "+sanitize.Line(source), sanitize.Line(source))
	if len(msg.errs) > 0 {
		done = msg.errs[len(msg.errs)-1] // a part that failed is the news
	}
	return m, tea.Batch(m.showSelected(), m.notify(done))
}

// currentURL is the URL o and y act on: the chosen link while the links
// list is open, else the selected story's.
func (m Model) currentURL() string {
	if m.links.open {
		if l, ok := m.links.chosen(); ok {
			return l.URL
		}
		return ""
	}
	if e, ok := m.list.selected(); ok {
		return e.url
	}
	return ""
}

// browse opens the current URL in the browser, in a command.
func (m Model) browse() (tea.Model, tea.Cmd) {
	u := m.currentURL()
	switch {
	case u == "":
		return m, m.notify(say("no URL to open here"))
	case m.openURL == nil:
		return m, m.notify(failure("can't open browser: no browser configured"))
	}
	return m, openCmd(m.openURL, u)
}

// onOpened says how opening a page went: the reason first when it failed,
// then the URL, which the status bar shortens to fit. On success the
// browser is starting, not done: Options.OpenURL does not wait for it.
func (m Model) onOpened(msg urlOpened) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		n := failure("can't open browser: " + reason(msg.err, msg.url) + " — " + msg.url)
		n.subject = msg.url
		return m, m.notify(n)
	}
	return m, m.notify(sayAbout("opening "+msg.url, msg.url))
}

// reason is the gist of an error about subject: its first line, without
// the "verb subject: " prefix that repeats what the message around it says.
func reason(err error, subject string) string {
	text := err.Error()
	for _, s := range []string{subject, strconv.Quote(subject)} {
		if _, after, ok := strings.Cut(text, s+": "); ok && after != "" {
			text = after
			break
		}
	}
	first, _, _ := strings.Cut(text, "\n")
	return sanitize.Line(first)
}

// copyURL puts the current URL on the clipboard with OSC 52.
func (m Model) copyURL() (tea.Model, tea.Cmd) {
	u := m.currentURL()
	if u == "" {
		return m, m.notify(say("no URL to copy here"))
	}
	return m, tea.Batch(tea.SetClipboard(u), m.notify(sayAbout("copied URL "+u, u)))
}

// opLine is the status bar's line about the foreground load: the spinner,
// what is loading (shortened to fit) and how to cancel it, with the notice
// n beside it when there is one and room for it.
func (m Model) opLine(room int, n notice) string {
	verb := "loading "
	if m.op.kind == opReload {
		verb = "reloading "
	}
	return m.spinLine(room, n, spinFrames[m.op.frame]+" "+verb, sanitize.Line(m.op.target))
}

// loadsLine is the status bar's line about the sources still loading: the
// one source, or how many there are and the first of them.
func (m Model) loadsLine(room int, n notice) string {
	lead := spinFrames[m.loadFrame] + " loading "
	if k := m.pending(); k > 1 {
		lead += fmt.Sprintf("%d sources: ", k)
	}
	return m.spinLine(room, n, lead, sanitize.Line(m.firstPending()))
}

// spinLine lays out a loading line, lead then target (shortened to fit)
// then how to cancel, with the notice n beside it when there is room.
func (m Model) spinLine(room int, n notice, lead, target string) string {
	text := lead + target
	const sep = " · "
	hint := ""
	if m.keys.Back.Enabled() {
		hint = sep + firstKey(m.keys.Back) + " cancels"
	}
	opRoom := room
	if n.text != "" {
		// the load keeps at least half the bar; the notice gets the rest
		opRoom = min(room, max(room/2, room-ansi.StringWidth(sep+n.text)))
	}
	// The hint goes before the target is cut below minSubject.
	if ansi.StringWidth(text)-ansi.StringWidth(target)+minSubject+ansi.StringWidth(hint) <= opRoom {
		text += hint
	}
	line := fitNotice(notice{text: text, subject: target}, opRoom)
	out := m.styles.statusNote.Render(line)
	if rest := room - ansi.StringWidth(line) - ansi.StringWidth(sep); n.text != "" && rest >= minSubject {
		out += m.styles.statusNote.Render(sep) + m.noticeView(n, rest)
	}
	return out
}
