package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
)

// Action names for Options.Keys. Each maps to the keys that trigger it; an
// override replaces that action's default keys, and an empty list unbinds
// the action. Some actions share a key on
// purpose and are told apart by context: n is ActionNextMatch while the
// reader has the focus and a search with matches, ActionNext otherwise. Three keys are
// fixed: ctrl+c always quits, and while a filter or search is being typed
// enter keeps it and esc drops it.
const (
	ActionUp           = "up"             // move the selection up (list) or scroll up (reader)
	ActionDown         = "down"           // move the selection down (list) or scroll down (reader)
	ActionNext         = "next"           // next story, from either pane
	ActionPrev         = "prev"           // previous story, from either pane
	ActionPageDown     = "page-down"      // page the reader down
	ActionPageUp       = "page-up"        // page the reader up
	ActionHalfPageDown = "half-page-down" // scroll the reader half a page down
	ActionHalfPageUp   = "half-page-up"   // scroll the reader half a page up
	ActionTop          = "top"            // first story (list) or top of the story (reader)
	ActionBottom       = "bottom"         // last story (list) or end of the story (reader)
	ActionFocus        = "focus"          // switch focus between the panes
	ActionOpen         = "open"           // read the selected story (focus the reader)
	ActionBack         = "back"           // clear the search or filter, close help, back to the list
	ActionSearch       = "search"         // filter the list, or search the story in the reader
	ActionNextMatch    = "next-match"     // next search match in the reader
	ActionPrevMatch    = "prev-match"     // previous search match in the reader
	ActionReload       = "reload"         // load the story's source again, bypassing the saved copy
	ActionLinks        = "links"          // list the story's links
	ActionBrowser      = "browser"        // open the story, or the chosen link, in the browser
	ActionCopy         = "copy"           // copy the story's URL, or the chosen link's
	ActionWalkBack     = "walk-back"      // return along the related stories and links walked
	ActionHelp         = "help"           // show or hide the full key help
	ActionQuit         = "quit"           // quit tread
)

// keyMap holds every binding the program reacts to. It is the single source
// of truth for both key handling and the help shown with ?, so overrides from
// the configuration show up in the help as they are.
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
	Help, Quit           key.Binding
}

func defaultKeyMap() keyMap {
	b := func(desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(keyLabel(keys), desc))
	}
	return keyMap{
		Up:           b("up", "up", "k"),
		Down:         b("down", "down", "j"),
		Next:         b("next story", "n"),
		Prev:         b("previous story", "p"),
		PageDown:     b("page down", "pgdown", "space"),
		PageUp:       b("page up", "pgup", "b"),
		HalfPageDown: b("half page down", "ctrl+d", "d"),
		HalfUp:       b("half page up", "ctrl+u", "u"),
		Top:          b("top", "g", "home"),
		Bottom:       b("bottom", "G", "end"),
		Focus:        b("switch pane", "tab", "shift+tab"),
		Open:         b("read story", "enter"),
		Back:         b("back / clear", "esc"),
		Search:       b("filter list / search story", "/"),
		NextMatch:    b("next match", "n"),
		PrevMatch:    b("previous match", "N"),
		Reload:       b("reload from the network", "r"),
		Links:        b("list links", "L"),
		Browser:      b("open in browser", "o"),
		Copy:         b("copy URL", "y"),
		WalkBack:     b("walk back", "backspace", "h", "left"),
		Help:         b("help", "?"),
		Quit:         b("quit", "q"),
	}
}

// bindings maps action names to the bindings in km, so overrides and
// DefaultKeys work from one table.
func (km *keyMap) bindings() map[string]*key.Binding {
	return map[string]*key.Binding{
		ActionUp: &km.Up, ActionDown: &km.Down,
		ActionNext: &km.Next, ActionPrev: &km.Prev,
		ActionPageDown: &km.PageDown, ActionPageUp: &km.PageUp,
		ActionHalfPageDown: &km.HalfPageDown, ActionHalfPageUp: &km.HalfUp,
		ActionTop: &km.Top, ActionBottom: &km.Bottom,
		ActionFocus: &km.Focus, ActionOpen: &km.Open, ActionBack: &km.Back,
		ActionSearch:    &km.Search,
		ActionNextMatch: &km.NextMatch, ActionPrevMatch: &km.PrevMatch,
		ActionReload: &km.Reload, ActionLinks: &km.Links,
		ActionBrowser: &km.Browser, ActionCopy: &km.Copy,
		ActionWalkBack: &km.WalkBack,
		ActionHelp:     &km.Help, ActionQuit: &km.Quit,
	}
}

// Actions lists every action name Options.Keys accepts, sorted.
func Actions() []string {
	var km keyMap
	names := make([]string, 0, 20)
	for name := range km.bindings() {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// DefaultKeys returns the default keys of every action, for printing the
// effective configuration.
func DefaultKeys() map[string][]string {
	km := defaultKeyMap()
	out := map[string][]string{}
	for name, b := range km.bindings() {
		out[name] = slices.Clone(b.Keys())
	}
	return out
}

// withOverrides returns km with the keys of the named actions replaced; an
// empty key list unbinds the action (help leaves it out). The
// configuration validates names and keys before they get here; an action
// this UI does not have (one the configuration knows for a feature not
// built yet, say) is skipped and returned in ignored, so that it cannot
// break the program.
func (km keyMap) withOverrides(over map[string][]string) (_ keyMap, ignored []string) {
	table := km.bindings()
	names := make([]string, 0, len(over))
	for name := range over {
		names = append(names, name)
	}
	slices.Sort(names) // stable error order
	for _, name := range names {
		keys := over[name]
		b, ok := table[name]
		if !ok {
			ignored = append(ignored, name)
			continue
		}
		b.SetKeys(slices.Clone(keys)...)
		b.SetHelp(keyLabel(keys), b.Help().Desc)
		b.SetEnabled(len(keys) > 0)
	}
	return km, ignored
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

// ShortHelp is the one-line hint in the status bar: the first key of each
// binding only, and short words, to fit a narrow bar. Unbound actions are
// left out.
func (km keyMap) ShortHelp() []key.Binding {
	var out []key.Binding
	add := func(desc string, bs ...key.Binding) {
		var keys, labels []string
		for _, b := range bs {
			if b.Enabled() {
				keys = append(keys, b.Keys()...)
				labels = append(labels, firstKey(b))
			}
		}
		if len(keys) > 0 {
			out = append(out, key.NewBinding(key.WithKeys(keys...), key.WithHelp(strings.Join(labels, "/"), desc)))
		}
	}
	add("move", km.Down, km.Up)
	add("story", km.Next, km.Prev)
	add("pane", km.Focus)
	add("find", km.Search)
	add("help", km.Help)
	add("quit", km.Quit)
	return out
}

// LinksHelp is the status bar's hint while the links list is open: the
// keys that act on the chosen link, and the way out.
func (km keyMap) LinksHelp() []key.Binding {
	var out []key.Binding
	add := func(desc string, b key.Binding) {
		if b.Enabled() {
			out = append(out, key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(firstKey(b), desc)))
		}
	}
	add("follow", km.Open)
	add("open", km.Browser)
	add("copy", km.Copy)
	add("close", km.Back)
	return out
}

// FullHelp is the key help shown with ?, in columns: moving about,
// reading, and finding and following.
func (km keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{km.Up, km.Down, km.Next, km.Prev, km.Top, km.Bottom, km.Focus},
		{km.PageDown, km.PageUp, km.HalfPageDown, km.HalfUp, km.Open, km.Back, km.WalkBack},
		{km.Search, km.NextMatch, km.PrevMatch, km.Links, km.Browser, km.Copy, km.Reload, km.Help, km.Quit},
	}
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
