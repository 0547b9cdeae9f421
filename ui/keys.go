package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/tread-reader/tread/keymap"
)

// keyMap holds every binding the program reacts to, made from package
// keymap's table with the settings' overrides applied. It is the single
// source of truth for both key handling and the help shown with ?, so
// overrides show up in the help as they are.
type keyMap struct {
	Up, Down             key.Binding
	Next, Prev           key.Binding
	PageDown, PageUp     key.Binding
	HalfPageDown, HalfUp key.Binding
	Top, Bottom          key.Binding
	Focus, Open, Back    key.Binding
	Search               key.Binding
	NextMatch, PrevMatch key.Binding
	Reload, Links        key.Binding
	Browser, Copy        key.Binding
	WalkBack             key.Binding
	Reading, Fold        key.Binding
	Picture              key.Binding
	MarkRead, Star       key.Binding
	Delete, UnreadOnly   key.Binding
	Refresh              key.Binding
	Help, Quit           key.Binding
}

// newKeyMap builds the bindings from the key table, the keys of the
// actions named in over (by settings name) replacing the defaults; an
// empty list unbinds the action, and help leaves it out. The settings
// validate names and keys before they get here; a name the table does not
// have is not looked at.
func newKeyMap(over map[string][]string) keyMap {
	var km keyMap
	fields := km.bindings()
	for _, in := range keymap.Table() {
		keys := in.Keys
		if o, ok := over[string(in.Action)]; ok {
			keys = slices.Clone(o)
		}
		b := fields[in.Action]
		*b = key.NewBinding(key.WithKeys(keys...), key.WithHelp(keyLabel(keys), in.Help))
		b.SetEnabled(len(keys) > 0)
	}
	return km
}

// bindings maps each action to its field of km.
func (km *keyMap) bindings() map[keymap.Action]*key.Binding {
	return map[keymap.Action]*key.Binding{
		keymap.Up: &km.Up, keymap.Down: &km.Down,
		keymap.Next: &km.Next, keymap.Prev: &km.Prev,
		keymap.PageDown: &km.PageDown, keymap.PageUp: &km.PageUp,
		keymap.HalfPageDown: &km.HalfPageDown, keymap.HalfPageUp: &km.HalfUp,
		keymap.Top: &km.Top, keymap.Bottom: &km.Bottom,
		keymap.Focus: &km.Focus, keymap.Open: &km.Open, keymap.Back: &km.Back,
		keymap.Search:    &km.Search,
		keymap.NextMatch: &km.NextMatch, keymap.PrevMatch: &km.PrevMatch,
		keymap.Reload: &km.Reload, keymap.Links: &km.Links,
		keymap.Browser: &km.Browser, keymap.Copy: &km.Copy,
		keymap.WalkBack: &km.WalkBack,
		keymap.Reading:  &km.Reading, keymap.Fold: &km.Fold,
		keymap.Picture:  &km.Picture,
		keymap.MarkRead: &km.MarkRead, keymap.Star: &km.Star,
		keymap.Delete: &km.Delete, keymap.UnreadOnly: &km.UnreadOnly,
		keymap.Refresh: &km.Refresh,
		keymap.Help:    &km.Help, keymap.Quit: &km.Quit,
	}
}

// keyLabel is how keys are shown in help: arrows for arrow keys, joined by /.
func keyLabel(keys []string) string {
	pretty := map[string]string{
		"up": "↑", "down": "↓", "left": "←", "right": "→",
		"pgdown": "pgdn", "shift+tab": "⇧tab", "backspace": "⌫",
	}
	out := make([]string, 0, len(keys))
	for _, k := range keys {
		if p, ok := pretty[k]; ok {
			k = p
		}
		out = append(out, k)
	}
	return strings.Join(out, "/")
}

// Hints is the status bar's one-line hint where the focus is (one of
// keymap's panes): keymap's hints for it, each by the first key of its
// actions to fit a narrow bar ("j/k move"). Unbound actions are left out.
func (km keyMap) Hints(where keymap.Pane) []key.Binding {
	fields := km.bindings()
	var out []key.Binding
	for _, h := range keymap.Hints(where) {
		var keys, labels []string
		for _, a := range h.Actions {
			if b := *fields[a]; b.Enabled() {
				keys = append(keys, b.Keys()...)
				labels = append(labels, firstKey(b))
			}
		}
		if len(keys) > 0 {
			out = append(out, key.NewBinding(key.WithKeys(keys...), key.WithHelp(strings.Join(labels, "/"), h.Word)))
		}
	}
	return out
}

// FullHelp is the key help shown with ?, in the table's columns: moving
// about, reading, and finding and following.
func (km keyMap) FullHelp() [][]key.Binding {
	cols := make([][]key.Binding, 3)
	fields := km.bindings()
	for _, in := range keymap.Table() {
		cols[in.Column-1] = append(cols[in.Column-1], *fields[in.Action])
	}
	return cols
}

// firstKey labels a binding by its first key.
func firstKey(b key.Binding) string {
	if ks := b.Keys(); len(ks) > 0 {
		return keyLabel(ks[:1])
	}
	return "?"
}

// firstKeys labels a pair of bindings by their first keys ("↓/↑", "n/p").
func firstKeys(a, b key.Binding) string {
	return firstKey(a) + "/" + firstKey(b)
}
