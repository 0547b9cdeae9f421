package main

import (
	"testing"

	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/render"
)

// A theme named after one of glamour's styles reaches the renderer under
// that name, and renders; NO_COLOR still wins over it.
func TestTUIStyleNamedTheme(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	t.Setenv("TERM", "xterm-256color")
	r := render.NewRenderer(0)
	cfg := config.Default()
	cfg.Theme = "dracula"
	st := tuiStyle(cfg, r)
	if st != "dracula" {
		t.Fatalf("tuiStyle = %q, want dracula", st)
	}
	if _, err := r.Render("Some *text*.", 40, st); err != nil {
		t.Errorf("render with the named style: %v", err)
	}
	t.Setenv("NO_COLOR", "1")
	if st := tuiStyle(cfg, r); st != render.NoTTY {
		t.Errorf("with NO_COLOR tuiStyle = %q, want notty", st)
	}
}
