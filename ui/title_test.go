package ui

import (
	"errors"
	"strings"
	"testing"
)

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("terminal gone") }

func TestTitleSaveAndRestore(t *testing.T) {
	var b strings.Builder
	if err := SaveTitle(&b); err != nil {
		t.Fatal(err)
	}
	if err := RestoreTitle(&b); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "\x1b[22;0t\x1b[23;0t"; got != want {
		t.Errorf("wrote %q, want push then pop %q", got, want)
	}
	for name, f := range map[string]func() error{
		"save":    func() error { return SaveTitle(failWriter{}) },
		"restore": func() error { return RestoreTitle(failWriter{}) },
	} {
		if err := f(); err == nil || !strings.Contains(err.Error(), name+" window title: terminal gone") {
			t.Errorf("%s on a dead terminal: %v", name, err)
		}
	}
}
