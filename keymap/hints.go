package keymap

// Hint is one entry of the status bar's key hints: a word and the actions
// whose first keys it names ("j/k move").
type Hint struct {
	Word    string
	Actions []Action
}

// hints are the status bar's key hints for each place the focus can be,
// in the order the bar shows them. Each action here works in that pane by
// the table (TestHintsWorkWhereShown holds that), so the bar never names
// a key that does nothing where the reader is.
var hints = map[Pane][]Hint{
	InList: {
		{"move", []Action{Down, Up}}, {"story", []Action{Next, Prev}},
		{"read", []Action{Open}}, {"pane", []Action{Focus}}, {"find", []Action{Search}},
		{"wide", []Action{Reading}}, {"fold", []Action{Fold}},
		{"help", []Action{Help}}, {"quit", []Action{Quit}},
	},
	InReader: {
		{"scroll", []Action{Down, Up}}, {"page", []Action{PageDown, PageUp}},
		{"story", []Action{Next, Prev}}, {"find", []Action{Search}},
		{"links", []Action{Links}}, {"back", []Action{WalkBack}}, {"wide", []Action{Reading}},
		{"help", []Action{Help}}, {"quit", []Action{Quit}},
	},
	InLinks: {
		{"move", []Action{Down, Up}}, {"follow", []Action{Open}},
		{"open", []Action{Browser}}, {"copy", []Action{Copy}}, {"close", []Action{Back}},
		{"help", []Action{Help}}, {"quit", []Action{Quit}},
	},
}

// Hints is the status bar's hints for the pane p (one of InList,
// InReader, InLinks); nil for any other.
func Hints(p Pane) []Hint {
	out := make([]Hint, len(hints[p]))
	for i, h := range hints[p] {
		out[i] = Hint{Word: h.Word, Actions: append([]Action(nil), h.Actions...)}
	}
	return out
}
