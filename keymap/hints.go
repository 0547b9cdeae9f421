package keymap

// Hint is one entry of the status bar's key hints: a word and the actions
// whose first keys it names ("j/k move").
type Hint struct {
	Word    string
	Actions []Action
}

// hints are the status bar's key hints for each place the focus can be,
// in the order the bar shows them, short enough for an 80-column bar (the
// help screen has the rest). Each action here works in that pane by
// the table (TestHintsWorkWhereShown holds that), so the bar never names
// a key that does nothing where the reader is.
var hints = map[Pane][]Hint{
	InList: {
		{"move", []Action{Down, Up}}, {"read", []Action{Open}}, {"find", []Action{Search}},
		{"wide", []Action{Reading}}, {"fold", []Action{Fold}},
		{"help", []Action{Help}}, {"quit", []Action{Quit}},
	},
	InReader: {
		{"scroll", []Action{Down, Up}}, {"links", []Action{Links}}, {"back", []Action{WalkBack}},
		{"list", []Action{Focus}}, {"wide", []Action{Reading}},
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
