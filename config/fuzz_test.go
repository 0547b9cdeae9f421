package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks that no settings file crashes the loader, and that every
// error it returns is a one-line *Error naming the file.
func FuzzParse(f *testing.F) {
	f.Add(Example)
	f.Add(strings.ReplaceAll(Example, "\n#", "\n"))
	if data, err := os.ReadFile(filepath.Join("testdata", "good.toml")); err == nil {
		f.Add(string(data))
	}
	f.Add("[keys]\nup = [\"j\", 3]\nx.y.z = 1\n")
	f.Fuzz(func(t *testing.T, text string) {
		const path = "/fuzz/config.toml"
		c, err := parse(path, []byte(text))
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) || ce.Path != path {
				t.Fatalf("error %v (%T) is not a *Error for %s", err, err, path)
			}
			if strings.ContainsAny(err.Error(), "\n\r") {
				t.Fatalf("error spans lines: %q", err)
			}
			return
		}
		if _, _, err := c.Keys.Conflict(); err != nil {
			t.Fatalf("loaded keymap has a conflict: %v", err)
		}
		back, err := parse(path, []byte(c.String()))
		if err != nil {
			t.Fatalf("printed settings do not load: %v\n%s", err, c.String())
		}
		if back.String() != c.String() {
			t.Fatalf("printed settings read back differently:\n%s\n%s", c.String(), back.String())
		}
	})
}
