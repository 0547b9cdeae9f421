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

// The actions, in the order help lists them. Key names are Bubble Tea v2's
// (tea.KeyPressMsg.String()): "up", "pgdown", "space", "ctrl+c", "G".
const (
	Up        Action = "up"        // up, k
	Down      Action = "down"      // down, j
	PageUp    Action = "pageup"    // pgup, b
	PageDown  Action = "pagedown"  // pgdown, space, f
	Top       Action = "top"       // home, g
	Bottom    Action = "bottom"    // end, G
	Next      Action = "next"      // J: the next story, from either pane
	Prev      Action = "prev"      // K: the previous story
	Focus     Action = "focus"     // tab, shift+tab: switch panes
	Open      Action = "open"      // enter, l, right
	Back      Action = "back"      // backspace, h, left
	Reload    Action = "reload"    // r
	Search    Action = "search"    // /
	NextMatch Action = "nextmatch" // n
	PrevMatch Action = "prevmatch" // N
	Cancel    Action = "cancel"    // esc: clear a search, stop a fetch, close help
	Links     Action = "links"     // L: list the links in the story
	Browser   Action = "browser"   // o: open in the web browser
	Copy      Action = "copy"      // y: copy the URL
	Help      Action = "help"      // ?
	Quit      Action = "quit"      // q, ctrl+c
)

type actionInfo struct {
	action Action
	keys   []string
	help   string
}

// actionTable is the single source of the action list, default keys and help
// text, so that help, defaults and validation cannot drift apart.
var actionTable = []actionInfo{
	{Up, []string{"up", "k"}, "move up"},
	{Down, []string{"down", "j"}, "move down"},
	{PageUp, []string{"pgup", "b"}, "page up"},
	{PageDown, []string{"pgdown", "space", "f"}, "page down"},
	{Top, []string{"home", "g"}, "go to top"},
	{Bottom, []string{"end", "G"}, "go to bottom"},
	{Next, []string{"J"}, "next story"},
	{Prev, []string{"K"}, "previous story"},
	{Focus, []string{"tab", "shift+tab"}, "switch pane"},
	{Open, []string{"enter", "l", "right"}, "open"},
	{Back, []string{"backspace", "h", "left"}, "go back"},
	{Reload, []string{"r"}, "reload from the network"},
	{Search, []string{"/"}, "search"},
	{NextMatch, []string{"n"}, "next match"},
	{PrevMatch, []string{"N"}, "previous match"},
	{Cancel, []string{"esc"}, "cancel"},
	{Links, []string{"L"}, "list links"},
	{Browser, []string{"o"}, "open in browser"},
	{Copy, []string{"y"}, "copy URL"},
	{Help, []string{"?"}, "toggle help"},
	{Quit, []string{"q", "ctrl+c"}, "quit"},
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

// Help is the short description help shows for the action ("move up").
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

// Action returns the action bound to key, if any.
func (k Keymap) Action(key string) (Action, bool) {
	for _, in := range actionTable {
		if slices.Contains(k[in.action], key) {
			return in.action, true
		}
	}
	return "", false
}

// Clone returns a deep copy, so a caller may change it freely.
func (k Keymap) Clone() Keymap {
	m := make(Keymap, len(k))
	for a, keys := range k {
		m[a] = slices.Clone(keys)
	}
	return m
}

// conflict reports a key bound to two actions, naming the key and both
// actions (a before b in help order). Actions are checked in table order so
// the report is stable.
func (k Keymap) conflict() (a, b Action, err error) {
	owner := map[string]Action{}
	for _, in := range actionTable {
		for _, key := range k[in.action] {
			if prev, ok := owner[key]; ok && prev != in.action {
				return prev, in.action, fmt.Errorf("%w: %q is bound to both %s and %s", ErrKeyConflict, key, prev, in.action)
			}
			owner[key] = in.action
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
