// Package ui is tread's terminal interface: a Bubble Tea program with the
// stories in a list on the left and the selected story, rendered, on the
// right. It owns layout, keys, mouse, search and the status bar; it never
// reads files or the network itself (a Loader does that, in a tea.Cmd) and
// it renders markdown only through package render, also in tea.Cmds.
//
// Model is the only tea.Model. Its parts (listPane, readerPane, statusBar,
// help) are plain values it updates and draws; each fact about the screen
// (which pane has focus, whether help is open, whether the filter or the
// search has the keyboard) is its own field, not a mode.
package ui

import (
	"context"
	"slices"
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/render"
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
	// Renderer is the shared render cache; nil makes a private one.
	Renderer *render.Renderer
	// Style is the glamour style. "" means auto: dark, or light once the
	// terminal reports a light background.
	Style render.Style
	// Keys overrides the keys of actions (the Action constants).
	Keys map[string][]string
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

// Model is the tread program. Create it with New.
type Model struct {
	load     Loader
	renderer *render.Renderer
	keys     keyMap
	styles   styles
	dark     bool
	auto     bool         // the glamour style follows the terminal background
	style    render.Style // the glamour style in use

	width, height int
	focus         pane
	showHelp      bool

	slots  []slot
	errs   []string // every problem so far, one line each
	list   listPane
	reader readerPane
	status statusBar
	help   help.Model
	// hints caches the status bar's key hints by the room they had: the
	// keymap never changes while tread runs and styles drop the cache.
	hints map[int]string

	ctx          context.Context    // cancelled when tread quits
	cancel       context.CancelFunc //
	renderCancel context.CancelFunc // cancels renders for the last selection

	// after schedules msg after d; tests replace it to fire timers at will.
	after func(d time.Duration, msg tea.Msg) tea.Cmd
}

// New builds the program. Documents in opts.Docs are listed at once;
// opts.Sources load when the program starts.
func New(opts Options) Model {
	ctx, cancel := context.WithCancel(context.Background())
	r := opts.Renderer
	if r == nil {
		r = render.NewRenderer(0)
	}
	keys, _ := defaultKeyMap().withOverrides(opts.Keys) // config reports bad keys
	dark := opts.Style != render.Light
	st := newStyles(dark)
	m := Model{
		load:     opts.Load,
		renderer: r,
		keys:     keys,
		styles:   st,
		dark:     dark,
		auto:     opts.Style == "",
		style:    opts.Style,
		list:     newListPane(),
		reader:   newReaderPane(),
		help:     help.New(),
		hints:    map[int]string{},
		ctx:      ctx,
		cancel:   cancel,
		after: func(d time.Duration, msg tea.Msg) tea.Cmd {
			return tea.Tick(d, func(time.Time) tea.Msg { return msg })
		},
	}
	if m.auto {
		m.style = render.Dark
	}
	m.help.Styles = st.help
	if len(opts.Docs) > 0 {
		entries, errs := prepare(0, 0, "", opts.Docs)
		m.slots = append(m.slots, slot{loaded: true, entries: entries, errs: errs})
		m.errs = append(m.errs, errs...)
	}
	for _, src := range opts.Sources {
		m.slots = append(m.slots, slot{source: src})
	}
	for _, e := range m.errs {
		m.status.push(notice{text: e, isErr: true})
	}
	m.list.setEntries(m.allEntries())
	return m
}

// Init starts loading the sources and asks the terminal for its background.
func (m Model) Init() tea.Cmd {
	// Even with a fixed glamour style the chrome (list, status bar, help)
	// wants to match the terminal, so always ask for its background.
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	for i, s := range m.slots {
		if !s.loaded {
			cmds = append(cmds, loadCmd(m.ctx, m.load, i, s.gen, s.source))
		}
	}
	if m.status.current.text != "" {
		// notices pushed by New wait for their timer to start here
		cmds = append(cmds, m.after(noticeFor, statusTick{seq: m.status.seq}))
	}
	return tea.Batch(cmds...)
}

// Errors lists the sources that failed to load so far, one line each,
// naming the source. tread exits with status 1 when there are any.
func (m Model) Errors() []string {
	return slices.Clone(m.errs)
}

// allEntries is every slot's entries, in slot order.
func (m Model) allEntries() []entry {
	var all []entry
	for _, s := range m.slots {
		all = append(all, s.entries...)
	}
	return all
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

// notify shows a notice in the status bar, starting its timer when it goes
// straight on screen.
func (m *Model) notify(text string, isErr bool) tea.Cmd {
	if m.status.push(notice{text: text, isErr: isErr}) {
		return m.after(noticeFor, statusTick{seq: m.status.seq})
	}
	return nil
}
