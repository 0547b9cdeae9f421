package render

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/glamour/v2/styles"
)

func TestLoadStyle(t *testing.T) {
	cfg, err := LoadStyle(filepath.Join("testdata", "style-sepia.json"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.H1.Prefix != "== " || cfg.Document.Margin == nil || *cfg.Document.Margin != 1 {
		t.Fatalf("style not read: h1 prefix %q, margin %v", cfg.H1.Prefix, cfg.Document.Margin)
	}
	r := NewRenderer(0)
	r.AddStyle("sepia", cfg)
	out, err := r.Render("# Tide tables\n\n> Low water at noon.\n\n- one\n", 60, "sepia")
	if err != nil {
		t.Fatal(err)
	}
	plain := stripSGR(out)
	for _, want := range []string{"== Tide tables ==", "┃ Low water at noon.", "· one"} {
		if !strings.Contains(plain, want) {
			t.Errorf("sepia render lacks %q:\n%s", want, plain)
		}
	}
	// #5b4636 as a truecolour foreground.
	if !strings.Contains(out, "38;2;91;70;54") {
		t.Errorf("sepia render does not use the document colour: %q", out)
	}
	checkClean(t, "sepia render", out)
}

// Glamour's own styles, written out as JSON, load strictly: the format is
// the one glamour's style files use.
func TestLoadStyleAcceptsGlamourStyles(t *testing.T) {
	for name, cfg := range map[string]any{"dark": styles.DarkStyleConfig, "light": styles.LightStyleConfig, "notty": styles.NoTTYStyleConfig, "dracula": styles.DraculaStyleConfig} {
		data, err := json.MarshalIndent(cfg, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), name+".json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadStyle(path); err != nil {
			t.Errorf("glamour's %s style: %v", name, err)
		}
	}
}

func TestLoadStyleErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, path string
		want       []string // substrings of the error
	}{
		{"missing", filepath.Join(dir, "nope.json"), []string{"nope.json", "no such file"}},
		{"empty", write("empty.json", ""), []string{"empty.json", "empty"}},
		{"malformed", write("bad.json", "{\n  \"h1\": {\n    \"prefix\": \"x\",\n  }\n}"), []string{"bad.json", "line 4"}},
		{"unknown key", write("typo.json", "{\n  \"heding\": {}\n}"), []string{"typo.json", "heding"}},
		{"wrong type", write("type.json", "{\n\n  \"document\": {\"margin\": \"two\"}\n}"), []string{"type.json", "line 3"}},
		{"trailing text", write("tail.json", "{}\n{}"), []string{"tail.json", "line 2", "after the style"}},
		{"not an object", write("list.json", "[1, 2]"), []string{"list.json"}},
		{"too large", write("big.json", "{\"h1\": {\"prefix\": \""+strings.Repeat("x", maxStyleFile)+"\"}}"), []string{"big.json", "larger than"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadStyle(tt.path)
			if err == nil {
				t.Fatal("LoadStyle succeeded")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}
