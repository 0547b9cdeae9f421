package render

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"charm.land/glamour/v2/ansi"
)

// A style read from a glamour JSON file (config.LoadStyle reads them
// strictly) renders through AddStyle.
func TestAddStyleFromJSON(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "style-sepia.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg ansi.StyleConfig
	if err := json.Unmarshal(data, &cfg); err != nil {
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
