package config

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Action names something a key can do. The names are the keys of the
// [keys] table in the config file.
type Action string

// The actions, in the order help lists them. The names and defaults are
// the ones package ui uses. Key names are Bubble Tea v2's
// (tea.KeyPressMsg.String()): "up", "pgdown", "space", "ctrl+d", "G".
// ctrl+c is not among them: it always quits, so no action may take it.
const (
	Up           Action = "up"             // up, k
	Down         Action = "down"           // down, j
	Next         Action = "next"           // n: the next story, from either pane
	Prev         Action = "prev"           // p: the previous story
	PageDown     Action = "page-down"      // pgdown, space
	PageUp       Action = "page-up"        // pgup, b
	HalfPageDown Action = "half-page-down" // ctrl+d, d
	HalfPageUp   Action = "half-page-up"   // ctrl+u, u
	Top          Action = "top"            // g, home
	Bottom       Action = "bottom"         // G, end
	Focus        Action = "focus"          // tab, shift+tab: switch panes
	Open         Action = "open"           // enter: read the selected story
	Back         Action = "back"           // esc: clear a search, close help, go back
	WalkBack     Action = "walk-back"      // backspace, h, left: back along the related stories walked
	Search       Action = "search"         // /
	NextMatch    Action = "next-match"     // n, while a search has matches
	PrevMatch    Action = "prev-match"     // N
	Reload       Action = "reload"         // r: fetch the page again
	Links        Action = "links"          // L: list the story's links
	Browser      Action = "browser"        // o: open in the web browser
	Copy         Action = "copy"           // y: copy the URL
	Help         Action = "help"           // ?
	Quit         Action = "quit"           // q
)

// reservedKey always quits, whatever the keymap says.
const reservedKey = "ctrl+c"

type actionInfo struct {
	action Action
	keys   []string
	help   string
}

// actionTable is the single source of the action list, default keys and help
// text, so that help, defaults and validation cannot drift apart.
var actionTable = []actionInfo{
	{Up, []string{"up", "k"}, "up"},
	{Down, []string{"down", "j"}, "down"},
	{Next, []string{"n"}, "next story"},
	{Prev, []string{"p"}, "previous story"},
	{PageDown, []string{"pgdown", "space"}, "page down"},
	{PageUp, []string{"pgup", "b"}, "page up"},
	{HalfPageDown, []string{"ctrl+d", "d"}, "half page down"},
	{HalfPageUp, []string{"ctrl+u", "u"}, "half page up"},
	{Top, []string{"g", "home"}, "top"},
	{Bottom, []string{"G", "end"}, "bottom"},
	{Focus, []string{"tab", "shift+tab"}, "switch pane"},
	{Open, []string{"enter"}, "read story"},
	{Back, []string{"esc"}, "back / clear"},
	{WalkBack, []string{"backspace", "h", "left"}, "back along the walk"},
	{Search, []string{"/"}, "filter list / search story"},
	{NextMatch, []string{"n"}, "next match"},
	{PrevMatch, []string{"N"}, "previous match"},
	{Reload, []string{"r"}, "reload from the network"},
	{Links, []string{"L"}, "list links"},
	{Browser, []string{"o"}, "open in browser"},
	{Copy, []string{"y"}, "copy URL"},
	{Help, []string{"?"}, "help"},
	{Quit, []string{"q"}, "quit"},
}

// mayShare lists the pairs of actions that may share a key because the
// program tells them apart by context: n moves to the next match while a
// search in the reader has matches, and to the next story otherwise.
var mayShare = map[[2]Action]bool{
	{Next, NextMatch}: true,
	{Prev, PrevMatch}: true,
}

// Actions lists every action in help order.
func Actions() []Action {
	out := make([]Action, len(actionTable))
	for i, a := range actionTable {
		out[i] = a.action
	}
	return out
}

func (a Action) info() (actionInfo, bool) {
	for _, in := range actionTable {
		if in.action == a {
			return in, true
		}
	}
	return actionInfo{}, false
}

// Help is the short description help shows for the action ("next story").
func (a Action) Help() string {
	in, _ := a.info()
	return in.help
}

// Valid reports whether a is one of the defined actions.
func (a Action) Valid() bool {
	_, ok := a.info()
	return ok
}

// Keymap maps each action to its keys. A Keymap from Default or Load has an
// entry for every action; the list may be empty when the user unbound it.
type Keymap map[Action][]string

// DefaultKeys is the built-in keymap.
func DefaultKeys() Keymap {
	m := make(Keymap, len(actionTable))
	for _, in := range actionTable {
		m[in.action] = slices.Clone(in.keys)
	}
	return m
}

// Keys returns the keys bound to a.
func (k Keymap) Keys(a Action) []string { return k[a] }

// Actions returns the actions bound to key, in help order: one, or two
// that share it by context (next and next-match).
func (k Keymap) Actions(key string) []Action {
	var out []Action
	for _, in := range actionTable {
		if slices.Contains(k[in.action], key) {
			out = append(out, in.action)
		}
	}
	return out
}

// Strings is the keymap keyed by action name, the shape ui.Options.Keys
// takes.
func (k Keymap) Strings() map[string][]string {
	m := make(map[string][]string, len(k))
	for a, keys := range k {
		m[string(a)] = slices.Clone(keys)
	}
	return m
}

// Clone returns a deep copy, so a caller may change it freely.
func (k Keymap) Clone() Keymap {
	m := make(Keymap, len(k))
	for a, keys := range k {
		m[a] = slices.Clone(keys)
	}
	return m
}

// conflict reports a key bound to two actions that cannot share it, naming
// the key and both actions (a before b in help order). Actions are checked
// in table order so the report is stable.
func (k Keymap) conflict() (a, b Action, err error) {
	owners := map[string][]Action{}
	for _, in := range actionTable {
		for _, key := range k[in.action] {
			for _, prev := range owners[key] {
				if prev != in.action && !mayShare[[2]Action{prev, in.action}] {
					return prev, in.action, fmt.Errorf("%w: %q is bound to both %s and %s", ErrKeyConflict, key, prev, in.action)
				}
			}
			owners[key] = append(owners[key], in.action)
		}
	}
	return "", "", nil
}

var modifiers = []string{"ctrl", "alt", "shift", "meta", "hyper", "super"}

// namedKeys are the multi-letter key names Bubble Tea v2 reports.
var namedKeys = map[string]bool{
	"enter": true, "tab": true, "backspace": true, "esc": true, "space": true,
	"up": true, "down": true, "left": true, "right": true, "begin": true,
	"find": true, "insert": true, "delete": true, "select": true,
	"pgup": true, "pgdown": true, "home": true, "end": true,
	"capslock": true, "scrolllock": true, "numlock": true, "printscreen": true,
	"pause": true, "menu": true,
}

// checkKey rejects key names Bubble Tea would never report, so a typo such
// as "ctlr+d" is caught at startup rather than silently never matching.
func checkKey(key string) error {
	if key == "" {
		return fmt.Errorf("empty key name")
	}
	if key == reservedKey {
		return fmt.Errorf("%s always quits and cannot be bound", reservedKey)
	}
	base := key
	// "+" on its own, or after modifiers ("ctrl++"), is the plus key.
	if i := strings.LastIndex(key[:len(key)-1], "+"); i >= 0 {
		base = key[i+1:]
		for m := range strings.SplitSeq(key[:i], "+") {
			if !slices.Contains(modifiers, m) {
				return fmt.Errorf("unknown modifier %q in key %q (modifiers: %s)", m, key, strings.Join(modifiers, ", "))
			}
		}
	}
	if utf8.RuneCountInString(base) == 1 {
		r, _ := utf8.DecodeRuneInString(base)
		if r == utf8.RuneError || !unicode.IsGraphic(r) || unicode.IsSpace(r) {
			return fmt.Errorf("key %q is not a printable character; write space as \"space\"", key)
		}
		return nil
	}
	if namedKeys[base] || isFunctionKey(base) {
		return nil
	}
	return fmt.Errorf("unknown key name %q", key)
}

func isFunctionKey(s string) bool {
	if len(s) < 2 || len(s) > 3 || s[0] != 'f' {
		return false
	}
	n := 0
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
		n = n*10 + int(c-'0')
	}
	return n >= 1 && n <= 63
}
