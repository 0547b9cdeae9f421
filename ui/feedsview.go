package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// The subscriptions section: with Options.Feeds, the list starts with one
// story per followed feed, its unread count and last error on the meta
// line and its new items, unread first, as related items that open their
// full article as a related link does (the saved copy at once, else
// fetched on enter). Options.Refresh updates the feeds in the background
// when tread starts and on R, its progress in the status bar; when it is
// done the section and the library listing are read again.

// feedsView is the subscriptions section's state.
type feedsView struct {
	list      func(ctx context.Context) []story.Document
	refresh   func(ctx context.Context, progress func(RefreshCount)) (string, error)
	slot      int  // the section's slot; -1 when there is none
	refreshID int  // the refresh running, or the last one
	running   bool // a refresh is running
	first     tea.Cmd
}

// refreshProgress is how far refresh id has got; more follow on ch.
type refreshProgress struct {
	id    int
	count RefreshCount
	ch    <-chan tea.Msg
}

// refreshDone ends refresh id.
type refreshDone struct {
	id      int
	summary string
	err     error
}

// feedsLoader reads the subscriptions section.
func (m Model) feedsLoader() Loader {
	list := m.feeds.list
	return func(ctx context.Context, _ string) []story.Document { return list(ctx) }
}

// prepFor is how slot i's stories are prepared: the subscriptions
// section's rows are feeds, with no reading time.
func (m Model) prepFor(i int) prep {
	p := m.prep()
	p.feedRows = i == m.feeds.slot && m.feeds.list != nil
	return p
}

// loaderFor is the loader of slot i's first load.
func (m Model) loaderFor(i int) Loader {
	if i == m.feeds.slot && m.feeds.list != nil {
		return m.feedsLoader()
	}
	return m.load
}

// startRefresh updates the subscriptions in a tea.Cmd, its progress sent
// back a feed at a time.
func (m *Model) startRefresh() tea.Cmd {
	if m.feeds.refresh == nil {
		return nil
	}
	if m.feeds.running {
		return m.notify(say("the feeds are being refreshed already"))
	}
	m.feeds.running = true
	m.feeds.refreshID++
	id, refresh, ctx := m.feeds.refreshID, m.feeds.refresh, m.ctx
	ch := make(chan tea.Msg, 64)
	m.status.show(say("refreshing feeds…"))
	run := func() tea.Msg {
		summary, err := refresh(ctx, func(c RefreshCount) {
			select {
			case ch <- refreshProgress{id: id, count: c, ch: ch}:
			default: // the bar shows a later count
			}
		})
		select {
		case ch <- refreshDone{id: id, summary: summary, err: err}:
		case <-ctx.Done(): // tread quit; nobody waits
		}
		return nil
	}
	return tea.Batch(run, waitRefresh(ch))
}

// waitRefresh waits for a refresh's next message.
func waitRefresh(ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-ch }
}

// refreshFeeds is R.
func (m Model) refreshFeeds() (tea.Model, tea.Cmd) {
	switch {
	case m.feeds.list == nil:
		return m, m.notify(say("no subscriptions to refresh"))
	case m.feeds.refresh == nil:
		return m, m.notify(say("offline: the feeds are not refreshed"))
	}
	return m, m.startRefresh()
}

func (m Model) onRefreshProgress(msg refreshProgress) (tea.Model, tea.Cmd) {
	if msg.id != m.feeds.refreshID || !m.feeds.running {
		return m, nil
	}
	m.status.show(say(msg.count.String()))
	return m, waitRefresh(msg.ch)
}

func (m Model) onRefreshDone(msg refreshDone) (tea.Model, tea.Cmd) {
	if msg.id != m.feeds.refreshID {
		return m, nil
	}
	m.feeds.running = false
	done := say(sanitize.Line(msg.summary))
	if msg.err != nil {
		done = failure(sanitize.Line(msg.err.Error()))
	}
	var cmds []tea.Cmd
	if i := m.feeds.slot; i >= 0 {
		cmds = append(cmds, m.rereadFeeds(i))
	}
	if m.lib.src != nil && m.lib.view == m.lib.listView {
		cmds = append(cmds, m.relist())
	}
	return m, tea.Batch(append(cmds, m.notify(done))...)
}

// reloadFeeds reads the subscriptions section again from the files (the
// counts, the items), the reload key on it; R refreshes from the network.
func (m Model) reloadFeeds() (tea.Model, tea.Cmd) {
	return m, tea.Batch(m.rereadFeeds(m.feeds.slot), m.notify(say("subscriptions read again")))
}

// rereadFeeds reads the subscriptions section, slot i, again; a read
// started earlier is superseded, whichever answers last.
func (m *Model) rereadFeeds(i int) tea.Cmd {
	m.slots[i].gen++
	return loadCmd(m.ctx, m.feedsLoader(), i, m.slots[i].gen, m.slots[i].source, m.prepFor(i))
}

// relist reads the library listing again from the top, for the pages a
// refresh saved.
func (m *Model) relist() tea.Cmd {
	if i := m.selectedLib(); i >= 0 && m.list.moved {
		m.lib.keep = m.slots[i].source // a row the user chose, not the first by default
	}
	for i := range m.slots {
		if r := m.slots[i].lib; r != nil && r.view == m.lib.listView {
			m.dropLib(i)
		}
	}
	start := m.libStart()
	m.list.setEntries(m.allEntries())
	return tea.Batch(start, m.showSelected())
}
