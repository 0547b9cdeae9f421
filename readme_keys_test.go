package main

import (
	"os"
	"strings"
	"testing"

	"github.com/tread-reader/tread/keymap"
)

// readmeKeyNames is how the README's Keys table writes the keys whose
// Bubble Tea names are words.
var readmeKeyNames = map[string]string{
	"up": "↑", "down": "↓", "left": "←", "right": "→", "pgdown": "pgdn",
}

// TestREADMEKeysTable keeps the README's Keys table in step with the
// keymap table: every default key of every action is in it.
func TestREADMEKeysTable(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(readme), "\n### Keys\n")
	if !ok {
		t.Fatal("README.md has no Keys section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	for _, in := range keymap.Table() {
		for _, k := range in.Keys {
			shown := k
			if s, ok := readmeKeyNames[k]; ok {
				shown = s
			}
			if !strings.Contains(section, "`"+shown+"`") {
				t.Errorf("README's Keys table lacks `%s`, a default key of %s (%s)", shown, in.Action, in.Help)
			}
		}
	}
}
