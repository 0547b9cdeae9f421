package keymap

import (
	"slices"
	"strings"
	"testing"
)

// The table itself: every action has keys that Bubble Tea reports, help,
// a place to work and a help column, and the defaults do not conflict.
func TestTable(t *testing.T) {
	if _, _, err := Defaults().Conflict(); err != nil {
		t.Errorf("default keys conflict: %v", err)
	}
	seen := map[Action]bool{}
	for _, in := range Table() {
		if seen[in.Action] {
			t.Errorf("%s is in the table twice", in.Action)
		}
		seen[in.Action] = true
		if len(in.Keys) == 0 || in.Help == "" || in.Panes == 0 || in.Column < 1 || in.Column > 3 {
			t.Errorf("%s: keys %q, help %q, panes %b, column %d", in.Action, in.Keys, in.Help, in.Panes, in.Column)
		}
		for _, k := range in.Keys {
			if err := CheckKey(k); err != nil {
				t.Errorf("default key of %s: %v", in.Action, err)
			}
		}
		if !in.Action.Valid() || in.Action.Help() != in.Help {
			t.Errorf("%s does not look itself up", in.Action)
		}
	}
	if Action("explode").Valid() || Action("explode").Help() != "" {
		t.Error("an action not in the table is valid")
	}
	// Table hands out copies: changing one leaves the defaults alone.
	Table()[0].Keys[0] = "x"
	if Defaults()[Up][0] != "up" {
		t.Error("Table shares the defaults' key lists")
	}
}

func TestConflict(t *testing.T) {
	tests := []struct {
		name   string
		change Map
		a, b   Action // "" for no conflict
	}{
		{"defaults", nil, "", ""},
		{"next and next-match share n", Map{Next: {"x"}, NextMatch: {"x"}}, "", ""},
		{"prev and prev-match share p", Map{PrevMatch: {"p"}}, "", ""},
		{"two actions one key", Map{Quit: {"j"}}, Down, Quit},
		{"next-match with search", Map{NextMatch: {"/"}}, Search, NextMatch},
		{"unbound frees a key", Map{Down: {}, Quit: {"j"}}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Defaults()
			for a, ks := range tt.change {
				m[a] = ks
			}
			a, b, err := m.Conflict()
			if a != tt.a || b != tt.b || (err != nil) != (tt.a != "") {
				t.Errorf("Conflict() = %s, %s, %v; want %q, %q", a, b, err, tt.a, tt.b)
			}
		})
	}
}

func TestActionsOfAKey(t *testing.T) {
	m := Defaults()
	for key, want := range map[string][]Action{"n": {Next, NextMatch}, "j": {Down}, "x": nil, "esc": {Back}} {
		if got := m.Actions(key); !slices.Equal(got, want) {
			t.Errorf("Actions(%q) = %v, want %v", key, got, want)
		}
	}
}

func TestCheckKey(t *testing.T) {
	good := []string{"j", "G", "?", "/", "+", "ctrl++", "ctrl+x", "ctrl+shift+alt+a", "f1", "f12", "f63",
		"shift+tab", "pgdown", "space", "esc", "é", "ctrl+ü", "super+enter"}
	bad := []string{"", "ctlr+c", "pagedown", "f0", "f64", "fx", "ctrl+", "jj", "ctrl+space bar", "\x01", "\u00ad", "escape", "ctrl+c"}
	for _, k := range good {
		if err := CheckKey(k); err != nil {
			t.Errorf("CheckKey(%q) = %v", k, err)
		}
	}
	for _, k := range bad {
		if err := CheckKey(k); err == nil {
			t.Errorf("CheckKey(%q) accepted a bad key", k)
		}
	}
}

func TestExample(t *testing.T) {
	ex := Example()
	lines := strings.Split(strings.TrimSuffix(ex, "\n"), "\n")
	if len(lines) != len(table) {
		t.Fatalf("Example has %d lines for %d actions:\n%s", len(lines), len(table), ex)
	}
	for i, in := range table {
		if !strings.HasPrefix(lines[i], "#"+string(in.Action)+" ") || !strings.Contains(lines[i], `"`+in.Keys[0]+`"`) {
			t.Errorf("line %d = %q, want %s with its keys", i+1, lines[i], in.Action)
		}
		if in.Note != "" && !strings.HasSuffix(lines[i], " # "+in.Note) {
			t.Errorf("line %d = %q lacks the note %q", i+1, lines[i], in.Note)
		}
	}
	if want := `#focus          = ["tab", "shift+tab"]   # switch between list and reader`; lines[10] != want {
		t.Errorf("focus line = %q, want %q", lines[10], want)
	}
}

// The status bar names, for each pane, only actions that work there.
func TestHintsWorkWhereShown(t *testing.T) {
	for _, p := range []Pane{InList, InReader, InLinks} {
		hs := Hints(p)
		if len(hs) == 0 {
			t.Errorf("pane %d has no hints", p)
		}
		for _, h := range hs {
			for _, a := range h.Actions {
				in, ok := a.Lookup()
				if !ok || !in.Panes.Has(p) {
					t.Errorf("pane %d's hint %q names %s, which does not work there", p, h.Word, a)
				}
			}
		}
	}
	if Hints(InHelp) != nil && len(Hints(InHelp)) != 0 {
		t.Error("the help screen has hints")
	}
}
