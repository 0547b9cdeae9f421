package main

import (
	"os"

	"github.com/tread-reader/tread/config"
	"github.com/tread-reader/tread/render"
)

// customStyle names a glamour style file's style in the renderer.
const customStyle render.Style = "custom"

// tuiStyle picks the reader's style from the settings: "" (auto) follows the
// terminal's background; NO_COLOR or a dumb terminal always get plain text.
func tuiStyle(cfg config.Config, r *render.Renderer) render.Style {
	if noColor() {
		return render.NoTTY
	}
	switch cfg.Theme {
	case config.ThemeAuto:
		return ""
	case config.ThemeDark:
		return render.Dark
	case config.ThemeLight:
		return render.Light
	case config.ThemeNoTTY:
		return render.NoTTY
	}
	if cfg.Style == nil {
		if st, ok := render.Named(cfg.Theme); ok {
			r.AddStyle(render.Style(cfg.Theme), st)
			return render.Style(cfg.Theme)
		}
	}
	if cfg.Style != nil {
		r.AddStyle(customStyle, *cfg.Style)
		return customStyle
	}
	return ""
}

// noColor reports whether the user or the terminal asked for no colour.
func noColor() bool {
	return os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb"
}

// keyOverrides turns the settings' keymap into the reader's.
func keyOverrides(cfg config.Config) map[string][]string {
	keys := make(map[string][]string, len(cfg.Keys))
	for action, ks := range cfg.Keys {
		keys[string(action)] = ks
	}
	return keys
}
