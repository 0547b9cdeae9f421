// Package ui is tread's terminal interface: a Bubble Tea program with the
// stories in a list on the left and the selected story, rendered, on the
// right. It owns layout, keys, mouse, search, the status bar and walking
// from a story to its related stories and links (walk.go); it never reads
// files or the network itself (a Loader does that, in a tea.Cmd) and it
// renders markdown only through package render, also in tea.Cmds.
//
// Model is the only tea.Model. Its parts (listPane, readerPane, linksPane,
// statusBar, help) are plain values it updates and draws; each fact about
// the screen (which pane has focus, whether help or the links list is
// open, whether the filter or the search has the keyboard, which page is
// loading) is its own field, not a mode.
package ui

import (
	"context"
	"fmt"
	"slices"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/keymap"
	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// Options configure the program.
type Options struct {
	// Sources are loaded with Load, each in its own tea.Cmd at Init, and
	// listed in this order whatever order they finish in.
	Sources []string
	// Docs are shown as they are, before Sources (the built-in sample).
	Docs []story.Document
	// Load reads one source.
	Load Loader
	// Expand, when set, opens a folder source as a Folder read a chunk of
	// pages at a time; Load reads the sources it does not take.
	Expand Expander
	// Renderer is the shared render cache; nil makes a private one.
	Renderer *render.Renderer
	// Style is the glamour style. "" means auto: dark, or light once the
	// terminal reports a light background.
	Style render.Style
	// Keys overrides the keys of actions, by settings name (package
	// keymap's actions); an empty list unbinds the action.
	Keys map[string][]string
	// Reload fetches a source again, bypassing the saved copy; it runs in a
	// tea.Cmd and must honour ctx. nil: reload unsupported.
	Reload func(ctx context.Context, source string) []story.Document
	// Saved reports whether an offline copy of url exists; related items
	// with one are marked in the list. It is called while entries are
	// prepared, in tea.Cmds that may run at the same time (and from New
	// for Docs), so it must be safe for concurrent use. nil: none marked.
	Saved func(url string) bool
	// OpenURL opens url in the user's browser. It is only ever called
	// inside a tea.Cmd, with a URL that passed render.SafeURL.
	OpenURL func(url string) error
	// ReadingWidth caps the reader's wrap width; 0 means render.MaxWidth.
	ReadingWidth int
	// ListWidth gives the list pane's width for a window total columns
	// wide, when both panes show; nil keeps the built-in proportion. The
	// answer is clamped so the reader keeps room.
	ListWidth func(total int) int
	// Fold lists only the selected story's related items, the others
	// folded under their main story until the fold key unfolds them all;
	// false lists every related item.
	Fold bool
	// Images is the images setting: "auto" asks the terminal whether it
	// draws pictures, a protocol name forces one, "off" draws none.
	Images string
	// InTmux says tmux started tread (the TMUX variable is set).
	InTmux bool
	// Picture returns the bytes of the picture at src in the story at
	// page: the library's copy, else (online) fetched. It runs in a
	// tea.Cmd and must honour ctx. nil: pictures are never drawn.
	Picture func(ctx context.Context, page, src string) ([]byte, error)
	// PictureFile is the library's copy of the picture at src in the story
	// at page, "" when there is none. It runs in a tea.Cmd.
	PictureFile func(page, src string) string
	// OpenFile opens a local picture in the system viewer; it runs in a
	// tea.Cmd. nil: pictures open from their addresses with OpenURL.
	OpenFile func(path string) error
	// Sort orders the main stories of each source (a folder's pages):
	// SortNewest or SortOldest by their dates, undated ones last and file
	// names settling ties; "" keeps the order the source gives.
	Sort string
	// Library, when set, is listed after Sources and Docs, a page of rows
	// at a time as the list scrolls; / then searches it (libview.go).
	Library Library
	// Feeds, when set, lists the subscriptions first: a story per feed,
	// its new items as related items (feedsview.go). It runs in a tea.Cmd.
	Feeds func(ctx context.Context) []story.Document
	// Refresh updates the subscriptions, telling progress as feeds and
	// their articles finish, and returns a one-line summary. It runs in a
	// tea.Cmd when tread starts and on the refresh key; nil: no
	// refreshing (offline).
	Refresh func(ctx context.Context, progress func(RefreshCount)) (string, error)
}

// RefreshCount is how far a refresh has got: feeds read of all, and
// articles fetched of those found so far (a number that grows as feeds
// are read).
type RefreshCount struct {
	Feeds, FeedsDone       int
	Articles, ArticlesDone int
}

// String is the count as the status bar says it.
func (c RefreshCount) String() string {
	s := fmt.Sprintf("refreshing feeds %d/%d", c.FeedsDone, c.Feeds)
	if c.Articles > 0 {
		s += fmt.Sprintf(" · articles %d/%d", c.ArticlesDone, c.Articles)
	}
	return s
}

// hintKey names one drawing of the status bar's key hints: the room it
// had, and the pane they were for.
type hintKey struct {
	room  int
	where keymap.Pane
}

// pane says which pane has the keyboard.
type pane int

const (
	listFocus pane = iota
	readerFocus
)

func (p pane) other() pane {
	if p == listFocus {
		return readerFocus
	}
	return listFocus
}

// narrowWidth is the width below which one pane is shown at a time.
const narrowWidth = 70

// The narrowest the panes get when Options.ListWidth sets the split.
const (
	minListW   = 20
	minReaderW = 30
)

// Model is the tread program. Create it with New.
type Model struct {
	load      Loader
	expand    Expander
	reloadFn  Loader
	saved     func(string) bool
	openURL   func(string) error
	openFile  func(string) error
	readWidth int           // Options.ReadingWidth
	listWidth func(int) int // Options.ListWidth
	sort      string        // Options.Sort
	renderer  *render.Renderer
	keys      keyMap
	styles    styles
	dark      bool
	auto      bool         // the glamour style follows the terminal background
	style     render.Style // the glamour style in use

	width, height int
	focus         pane
	reading       bool       // the reading mode: no list, the story centred
	readingSet    bool       // the reader chose the mode; it is never switched for them
	aging         bool       // the age clock runs: a story listed has a time (when.go)
	helpScr       helpScreen // the full key help, over both panes while open

	slots  []slot
	list   listPane
	reader readerPane
	links  linksPane // the links overlay, over the reader while open
	pics   pictures  // what the terminal draws; the picture overlay (pictures.go)
	status statusBar
	help   help.Model

	op    op      // the page being loaded or reloaded in the foreground
	opSeq int     // the last op id given out
	path  []visit // the walk so far, oldest first, for walk-back
	// hints caches the status bar's key hints by the room they had: the
	// keymap never changes while tread runs and styles drop the cache.
	hints map[hintKey]string

	ctx          context.Context    // cancelled when tread quits
	cancel       context.CancelFunc //
	loadCtx      context.Context    // the sources' first loads run under it; esc cancels it
	loadCancel   context.CancelFunc //
	loadFrame    int                // the spinner frame of the sources' loads
	renderCancel context.CancelFunc // cancels renders for the last selection
	lib          libView            // the library view, when Options.Library is set
	pages        folderPages        // folder pages read again to be shown (folderpage.go)
	feeds        feedsView          // the subscriptions section, when Options.Feeds is set

	// after schedules msg after d; tests replace it to fire timers at will.
	after func(d time.Duration, msg tea.Msg) tea.Cmd
	// clock tells the time ages are counted from; tests replace it.
	clock func() time.Time
}

// New builds the program. Documents in opts.Docs are listed at once;
// opts.Sources load when the program starts.
func New(opts Options) Model {
	ctx, cancel := context.WithCancel(context.Background())
	loadCtx, loadCancel := context.WithCancel(ctx)
	r := opts.Renderer
	if r == nil {
		r = render.NewRenderer(0)
	}
	dark := opts.Style != render.Light
	st := chromeStyles(dark, opts.Style)
	m := Model{
		load:       opts.Load,
		expand:     opts.Expand,
		reloadFn:   opts.Reload,
		saved:      opts.Saved,
		openURL:    opts.OpenURL,
		openFile:   opts.OpenFile,
		pics:       newPictures(opts),
		readWidth:  opts.ReadingWidth,
		listWidth:  opts.ListWidth,
		sort:       opts.Sort,
		renderer:   r,
		keys:       newKeyMap(opts.Keys),
		styles:     st,
		dark:       dark,
		auto:       opts.Style == "",
		style:      opts.Style,
		list:       newListPane(!opts.Fold, time.Now()),
		reader:     newReaderPane(),
		help:       help.New(),
		hints:      map[hintKey]string{},
		ctx:        ctx,
		cancel:     cancel,
		loadCtx:    loadCtx,
		loadCancel: loadCancel,
		clock:      time.Now,
		after: func(d time.Duration, msg tea.Msg) tea.Cmd {
			return tea.Tick(d, func(time.Time) tea.Msg { return msg })
		},
	}
	if m.auto {
		m.style = render.Dark
	}
	m.help.Styles = st.help
	m.addSlots(opts)
	m.lib.src = opts.Library
	m.list.remote = opts.Library != nil
	m.lib.first = m.libStart() // Init cannot keep what it sets up
	m.feeds.first = m.startRefresh()
	m.list.setEntries(m.allEntries())
	m.aging = hasTimes(m.list.all)
	m.maybeRead()
	return m
}

// addSlots lays out the list's places in order: the documents handed over
// (the sample), the subscriptions, then the sources to load.
func (m *Model) addSlots(opts Options) {
	if len(opts.Docs) > 0 {
		entries, errs := prepare(0, 0, "", opts.Docs, m.prep())
		m.slots = append(m.slots, slot{loaded: true, entries: entries, failed: errs})
		if len(errs) > 0 {
			m.status.show(errs[len(errs)-1])
		}
	}
	m.feeds = feedsView{list: opts.Feeds, refresh: opts.Refresh, slot: -1}
	if opts.Feeds != nil {
		m.feeds.slot = len(m.slots)
		m.slots = append(m.slots, slot{source: "subscriptions"})
	}
	for _, src := range opts.Sources {
		m.slots = append(m.slots, slot{source: src})
	}
}

// Init starts loading the sources and asks the terminal for its background.
func (m Model) Init() tea.Cmd {
	// Even with a fixed glamour style the chrome (list, status bar, help)
	// wants to match the terminal, so always ask for its background.
	cmds := []tea.Cmd{tea.RequestBackgroundColor, m.pics.start(m.after), m.lib.first, m.feeds.first}
	if m.aging {
		cmds = append(cmds, m.after(ageEvery, ageTick{}))
	}
	if m.pending() > 0 {
		cmds = append(cmds, m.after(spinEvery, loadSpinTick{}))
	}
	for i, s := range m.slots {
		if !s.loaded {
			cmds = append(cmds, loadOrExpand(m.loadCtx, m.loaderFor(i), m.expand, i, s.gen, s.source, m.prepFor(i)))
		}
	}
	if m.status.current.text != "" {
		// a notice shown by New waits for its timer to start here
		cmds = append(cmds, m.after(noticeFor, statusTick{seq: m.status.seq}))
	}
	return tea.Batch(cmds...)
}

// Errors lists the sources that failed to load so far, one line each,
// naming the source, in the order the sources were given. tread exits with
// status 1 when there are any.
func (m Model) Errors() []string {
	var out []string
	for _, f := range m.failures() {
		out = append(out, f.text)
	}
	return out
}

// failures is every problem the sources' first loads had, in source order.
// Pages walked to and reloads only ever report theirs in the status bar.
func (m Model) failures() []notice {
	var out []notice
	for _, s := range m.slots {
		out = append(out, s.failed...)
	}
	return out
}

// prep is what preparing entries needs from the model.
func (m Model) prep() prep {
	return prep{saved: m.saved, openKey: firstKey(m.keys.Open), webKey: boundKey(m.keys.Browser), sort: m.sort}
}

// boundKey is a binding's first key, or "" when it is unbound.
func boundKey(b key.Binding) string {
	if !b.Enabled() {
		return ""
	}
	return firstKey(b)
}

// allEntries is every slot's entries in list order: slots in the order
// given, and each walked slot right after the story group it was reached
// from, so a chain of related stories reads top to bottom.
func (m Model) allEntries() []entry {
	if i, ok := m.soleSlot(); ok {
		// Entries are never changed in place, so the list can share
		// them: a folder of 100,000 pages is not kept twice.
		return slices.Clip(m.slots[i].entries)
	}
	after := map[groupKey][]int{}
	for i, s := range m.slots {
		if s.walked {
			after[s.parent] = append(after[s.parent], i)
		}
	}
	var all []entry
	done := make([]bool, len(m.slots))
	for i := range m.slots {
		done[i] = m.hidden(i) // never listed
	}
	var emit func(i int)
	emit = func(i int) {
		done[i] = true
		es := m.slots[i].entries
		for j := 0; j < len(es); {
			k := j + 1
			for k < len(es) && es[k].related {
				k++
			}
			all = append(all, es[j:k]...)
			for _, c := range after[groupOf(es[j].key)] {
				if !done[c] {
					emit(c)
				}
			}
			j = k
		}
	}
	for i, s := range m.slots {
		if !s.walked && !done[i] {
			emit(i)
		}
	}
	for i := range m.slots {
		if !done[i] {
			emit(i) // its story went away in a reload: list it at the end
		}
	}
	m.decorateLib(all)
	return all
}

// soleSlot is the slot listed when it is listed alone and as it is: no
// other slot with stories listed, no page walked to, no library rows.
func (m Model) soleSlot() (int, bool) {
	if m.lib.src != nil {
		return 0, false
	}
	only := -1
	for i, s := range m.slots {
		if len(s.entries) == 0 || m.hidden(i) {
			continue
		}
		if only >= 0 || s.walked {
			return 0, false
		}
		only = i
	}
	return only, only >= 0
}

// pending counts the sources still loading.
func (m Model) pending() int {
	n := 0
	for _, s := range m.slots {
		if !s.loaded {
			n++
		}
	}
	return n
}

// firstPending is the source of the first slot still loading, in the
// order sources were given: the one the status bar names.
func (m Model) firstPending() string {
	for _, s := range m.slots {
		if !s.loaded {
			return s.source
		}
	}
	return ""
}

// stopLoads cancels the sources' loads still running and says so. A
// stopped source is not a failure: the reader chose to stop it.
func (m *Model) stopLoads() tea.Cmd {
	n, first := m.pending(), sanitize.Line(m.firstPending())
	m.loadCancel()
	for i := range m.slots {
		if !m.slots[i].loaded {
			m.slots[i].loaded, m.slots[i].stopped = true, true
			m.slots[i].gen++ // a result that still arrives is stale
		}
	}
	m.list.setEntries(m.allEntries())
	if n == 1 {
		return tea.Batch(m.showSelected(), m.notify(sayAbout("stopped loading "+first, first)))
	}
	return tea.Batch(m.showSelected(), m.notify(say(fmt.Sprintf("stopped loading %d sources", n))))
}

// notify shows n in the status bar, in place of whatever was there, and
// starts its timer.
func (m *Model) notify(n notice) tea.Cmd {
	m.status.show(n)
	return m.after(noticeFor, statusTick{seq: m.status.seq})
}

// notifyAll reports a load's problems: the last one shows, and the
// failure count in the status bar (and help) covers the rest.
func (m *Model) notifyAll(ns []notice) tea.Cmd {
	if len(ns) == 0 {
		return nil
	}
	return m.notify(ns[len(ns)-1])
}

// say is a plain notice; sayAbout one whose subject may be shortened.
func say(text string) notice { return notice{text: text} }

func sayAbout(text, subject string) notice { return notice{text: text, subject: subject} }

// failure is an error notice.
func failure(text string) notice { return notice{text: text, isErr: true} }
