package ui

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tread-reader/tread/render"
)

var sgrParams = regexp.MustCompile(`\x1b\[([0-9;:]*)m`)

// colours lists the colour codes in s's SGR sequences: foreground and
// background, basic, bright, 256 and true colour.
func colours(s string) []string {
	var out []string
	for _, m := range sgrParams.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, err := strconv.Atoi(p)
			if err != nil {
				continue
			}
			if (n >= 30 && n <= 38) || (n >= 40 && n <= 48) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107) {
				out = append(out, m[0])
				break
			}
		}
	}
	return out
}

// With the notty style (NO_COLOR, theme = "notty") nothing tread draws
// is coloured: not the stories, and not the list, status bar, help or
// inputs around them.
func TestNoTTYStyleDrawsNoColour(t *testing.T) {
	w := newWeb()
	w.saved[tidesURL] = true
	opts := w.options()
	opts.Style = render.NoTTY
	d := newDriver(t, opts, 120, 30)
	check := func(step string) {
		t.Helper()
		if c := colours(d.m.View().Content); len(c) > 0 {
			t.Errorf("%s: colour in the frame: %q", step, c[:min(len(c), 5)])
		}
	}
	check("first frame")
	d.press("j")
	check("a related item selected")
	d.press("tab")
	check("reader focused")
	d.press("/")
	d.typeText("committee")
	check("searching")
	d.press("enter")
	check("search kept")
	d.press("esc", "esc", "/")
	d.typeText("zzz")
	check("filter without match")
	d.press("esc", "?")
	check("help")
	d.press("?")
	d.selectTitle("Tide gauge readings hit record")
	d.press("enter", "L")
	check("links list")
	d.press("esc", "y")
	check("a notice")
	// The selection stays visible without colour.
	d.press("esc")
	if !strings.Contains(d.screen(), "▌") {
		t.Errorf("no selection marker in the plain list:\n%s", d.screen())
	}
}
