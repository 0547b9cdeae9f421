package ui

import (
	"context"
	"errors"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/sanitize"
)

// Reloading: the selected story's source is loaded again with
// Options.Reload, bypassing the saved copy, as a foreground load; its
// stories replace the slot's and the selection stays on the same story.

// reloadDone reports a reload finished.
type reloadDone struct {
	id      int
	entries []entry
	errs    []notice
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

// reload loads the selected story's source again, bypassing the saved copy.
func (m Model) reload() (tea.Model, tea.Cmd) {
	e, ok := m.list.selected()
	switch {
	case !ok:
		return m, nil
	case e.key.slot == m.feeds.slot && m.feeds.list != nil:
		return m.reloadFeeds() // the subscriptions are read again, not fetched
	case m.reloadFn == nil:
		return m, m.notify(say("reload is not available"))
	}
	if e.file != "" {
		return m.reloadPage(e) // a folder's page: its file alone
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
	s.loaded = true // a folder still being read is read whole now
	m.list.setEntries(m.allEntries())
	if had && cur.key.slot == slotIdx {
		m.selectKey(m.resolve(cur.key))
	}
	done := sayAbout("reloaded "+sanitize.Line(source), sanitize.Line(source))
	if len(msg.errs) > 0 {
		done = msg.errs[len(msg.errs)-1] // a part that failed is the news
	}
	return m, tea.Batch(m.showSelected(), m.notify(done), m.startAging(msg.entries))
}
