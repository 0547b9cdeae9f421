// Package keymap is tread's one table of key actions: for each action its
// settings name, default keys, help text, the note the settings example
// prints beside it, and the panes it acts in. Everything else about keys
// is made from this table: package config validates a settings file's
// [keys] section against it, package ui builds its key bindings and help
// screen from it, and the [keys] section of the settings example (and so
// of the README) is tested against Example.
//
// It is a package of its own, below both config and ui, so that config
// can validate keys without importing the user interface and the user
// interface can take its defaults without importing the settings loader.
// It holds data and checks only: no terminal, no Bubble Tea.
package keymap

import (
	"errors"
	"fmt"
	"slices"
)

// Action names something a key can do. The names are the settings names:
// the keys of the [keys] table in the settings file.
type Action string

// The actions, in table order. Key names are Bubble Tea v2's
// (tea.KeyPressMsg.String()): "up", "pgdown", "space", "ctrl+d", "G".
const (
	Up           Action = "up"
	Down         Action = "down"
	Next         Action = "next"
	Prev         Action = "prev"
	PageDown     Action = "page-down"
	PageUp       Action = "page-up"
	HalfPageDown Action = "half-page-down"
	HalfPageUp   Action = "half-page-up"
	Top          Action = "top"
	Bottom       Action = "bottom"
	Focus        Action = "focus"
	Open         Action = "open"
	Back         Action = "back"
	WalkBack     Action = "walk-back"
	Search       Action = "search"
	NextMatch    Action = "next-match"
	PrevMatch    Action = "prev-match"
	Reload       Action = "reload"
	Links        Action = "links"
	Browser      Action = "browser"
	Copy         Action = "copy"
	Reading      Action = "reading"
	Fold         Action = "fold"
	Picture      Action = "picture"
	MarkRead     Action = "mark-read"
	Star         Action = "star"
	Delete       Action = "delete"
	UnreadOnly   Action = "unread-only"
	Refresh      Action = "refresh"
	Help         Action = "help"
	Quit         Action = "quit"
)

// Reserved always quits, whatever the keymap says, so no action may take
// it. Three more keys are fixed while a filter or search is being typed:
// enter keeps it, esc drops it, and the up and down arrows still move.
const Reserved = "ctrl+c"

// Pane is a set of the places on screen an action works in.
type Pane uint8

// The panes: the story list and the reader (whichever has the focus), and
// the two overlays, the links list and the help screen.
const (
	InList Pane = 1 << iota
	InReader
	InLinks
	InHelp

	inPanes = InList | InReader                    // the two panes, not the overlays
	inAll   = InList | InReader | InLinks | InHelp // everywhere
)

// Has reports whether p includes q.
func (p Pane) Has(q Pane) bool { return p&q == q }

// Info is one row of the table.
type Info struct {
	Action Action
	Keys   []string // the default keys
	Help   string   // what the help screen and --print-config say it does
	Note   string   // the settings example's comment, "" for none
	Panes  Pane     // where it works
	Column int      // the help screen's column: 1 moving, 2 reading, 3 finding and following
}

// table is the one list of actions, in the order the settings file,
// --print-config and each help column list them.
var table = []Info{
	{Up, []string{"up", "k"}, "up", "", inAll, 1},
	{Down, []string{"down", "j"}, "down", "", inAll, 1},
	{Next, []string{"n"}, "next story", "next story", inPanes | InLinks, 1},
	{Prev, []string{"p"}, "previous story", "previous story", inPanes | InLinks, 1},
	{PageDown, []string{"pgdown", "space"}, "page down", "", inAll, 2},
	{PageUp, []string{"pgup", "b"}, "page up", "", inAll, 2},
	{HalfPageDown, []string{"ctrl+d", "d"}, "half page down", "", inAll, 2},
	{HalfPageUp, []string{"ctrl+u", "u"}, "half page up", "", inAll, 2},
	{Top, []string{"g", "home"}, "top", "", inAll, 1},
	{Bottom, []string{"G", "end"}, "bottom", "", inAll, 1},
	{Focus, []string{"tab", "shift+tab"}, "switch pane", "switch between list and reader", inPanes, 1},
	{Open, []string{"enter"}, "read story", "read the selected story", inPanes | InLinks, 2},
	{Back, []string{"esc"}, "back / clear", "clear a search, close help, go back", inAll, 2},
	{WalkBack, []string{"backspace", "h", "left"}, "walk back", "back along the related stories walked", inPanes | InLinks, 2},
	{Search, []string{"/"}, "filter list / search story", "filter the list, search the story", inPanes, 3},
	{NextMatch, []string{"n"}, "next match", "", InReader, 3},
	{PrevMatch, []string{"N"}, "previous match", "", InReader, 3},
	{Reload, []string{"r"}, "reload from the network", "fetch the page again", inPanes, 3},
	{Links, []string{"L"}, "list links", "list the story's links", inPanes | InLinks, 3},
	{Browser, []string{"o"}, "open in browser", "open in the web browser", inPanes | InLinks, 3},
	{Copy, []string{"y"}, "copy URL", "copy the URL", inPanes | InLinks, 3},
	{Reading, []string{"z"}, "reading mode", "hide the list: the story takes the width", inPanes, 2},
	{Fold, []string{"f"}, "fold / unfold related", "unfold every story's related stories", InList, 1},
	{Picture, []string{"i"}, "view pictures", "the story's pictures: drawn, or in the viewer", inPanes, 3},
	{MarkRead, []string{"m"}, "mark read/unread", "library: toggle read", inPanes, 2},
	{Star, []string{"s"}, "star", "library: star or unstar", inPanes, 2},
	{Delete, []string{"D"}, "delete saved page", "library: delete after y/n", inPanes, 1},
	{UnreadOnly, []string{"U"}, "unread only", "library: show unread only", inPanes, 1},
	{Refresh, []string{"R"}, "refresh feeds", "update the subscriptions", inPanes, 3},
	{Help, []string{"?"}, "help", "", inAll, 3},
	{Quit, []string{"q"}, "quit", "", inAll, 3},
}

// mayShare lists the pairs of actions that may share a key because the
// program tells them apart by context: n moves to the next match while a
// search in the reader has matches, and to the next story otherwise.
var mayShare = map[[2]Action]bool{
	{Next, NextMatch}: true,
	{Prev, PrevMatch}: true,
}

// ErrConflict is what Map.Conflict's error wraps.
var ErrConflict = errors.New("key conflict")

// Table returns every action's row, in table order. The rows are copies.
func Table() []Info {
	out := make([]Info, len(table))
	for i, in := range table {
		in.Keys = slices.Clone(in.Keys)
		out[i] = in
	}
	return out
}

// Actions lists every action in table order.
func Actions() []Action {
	out := make([]Action, len(table))
	for i, in := range table {
		out[i] = in.Action
	}
	return out
}

// Lookup returns a's row.
func (a Action) Lookup() (Info, bool) {
	for _, in := range table {
		if in.Action == a {
			in.Keys = slices.Clone(in.Keys)
			return in, true
		}
	}
	return Info{}, false
}

// Valid reports whether a is one of the actions.
func (a Action) Valid() bool {
	_, ok := a.Lookup()
	return ok
}

// Help is the action's help text ("next story"), "" for no action.
func (a Action) Help() string {
	in, _ := a.Lookup()
	return in.Help
}

// Map maps each action to its keys. One from Defaults has an entry for
// every action; a list may be empty when the user unbound the action.
type Map map[Action][]string

// Defaults is the built-in keymap.
func Defaults() Map {
	m := make(Map, len(table))
	for _, in := range table {
		m[in.Action] = slices.Clone(in.Keys)
	}
	return m
}

// Actions returns the actions bound to key, in table order: one, or two
// that share it by context (next and next-match).
func (m Map) Actions(key string) []Action {
	var out []Action
	for _, in := range table {
		if slices.Contains(m[in.Action], key) {
			out = append(out, in.Action)
		}
	}
	return out
}

// Conflict reports a key bound to two actions that cannot share it,
// naming the key and both actions, a before b in table order; the error
// wraps ErrConflict. Actions are checked in table order, so the report is
// stable.
func (m Map) Conflict() (a, b Action, err error) {
	owners := map[string][]Action{}
	for _, in := range table {
		for _, key := range m[in.Action] {
			for _, prev := range owners[key] {
				if prev != in.Action && !mayShare[[2]Action{prev, in.Action}] {
					return prev, in.Action, fmt.Errorf("%w: %q is bound to both %s and %s", ErrConflict, key, prev, in.Action)
				}
			}
			owners[key] = append(owners[key], in.Action)
		}
	}
	return "", "", nil
}
