package render

import (
	"regexp"
	"strings"
	"testing"

	"charm.land/glamour/v2/styles"

	"github.com/tread-reader/tread/story"
)

// headingsStory has a heading of every level, emphasis and a quote, list
// and code: all the markup a plain render must not show.
func headingsStory() story.Story {
	return story.Story{
		Title:  "Lighthouse keeper retires after forty years on the rock",
		Site:   "Northern Beacon",
		Byline: "By Iona Firth",
		Age:    "2 days ago",
		Body: []story.Block{
			story.NewBlock(story.Paragraph, story.Run("She kept the "), story.Styled(story.Bold, story.Run("light")),
				story.Run(" burning through "), story.Styled(story.Italic, story.Run("every")), story.Run(" winter storm since 1985.")),
			{Kind: story.Heading, Level: 2, Text: "The last watch"},
			{Kind: story.Paragraph, Text: "Her final shift ended at dawn."},
			{Kind: story.Heading, Level: 3, Text: "A family trade"},
			{Kind: story.Heading, Level: 4, Text: "Her father's logbooks"},
			{Kind: story.Heading, Level: 5, Text: "Entries from 1962"},
			{Kind: story.Heading, Level: 6, Text: "A storm in March"},
			{Kind: story.Caption, Text: "The lamp room at dusk."},
			{Kind: story.Quote, Text: "The sea never asks whether you are tired."},
			{Kind: story.List, Items: []string{"Forty years", "Two lamps"}},
			{Kind: story.List, Ordered: true, Items: []string{"Wind", "Tide"}},
			{Kind: story.Code, Text: "LAT 58.2 N"},
		},
	}
}

// The plain style reads as a text article: no markdown markers, headings
// set apart by a rule as long as the heading, "- " bullets, "> " quotes and
// code indented.
func TestPlainHasNoMarkup(t *testing.T) {
	r := NewRenderer(0)
	for _, w := range []int{30, 60, 100} {
		out, err := r.RenderStory(headingsStory(), w, NoTTY)
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(out, "#*_\x1b"+string(headlineMark)+string(headingMark)) {
			t.Errorf("width %d: plain output has markup:\n%s", w, out)
		}
		lines := strings.Split(out, "\n")
		has := func(prefix string) bool {
			for _, l := range lines {
				if strings.HasPrefix(strings.TrimLeft(l, " "), prefix) {
					return true
				}
			}
			return false
		}
		for _, want := range []string{"- Forty years", "1. Wind", "2. Tide", "> The sea never asks"} {
			if !has(want) {
				t.Errorf("width %d: no line starts %q:\n%s", w, want, out)
			}
		}
		for i, l := range lines {
			if strings.Contains(l, "LAT 58.2 N") && !strings.HasPrefix(l, "    ") {
				t.Errorf("width %d: code is not indented: %q", w, l)
			}
			// The meta line follows the headline's rule and a blank line.
			if strings.Contains(l, "Northern Beacon · By Iona Firth") && (i < 2 || !isRule(lines[i-2], "=")) {
				t.Errorf("width %d: the meta line does not follow a ruled headline:\n%s", w, out)
			}
		}
		checkRuled(t, out, "Lighthouse keeper retires after forty years on the rock", "=")
		for _, h := range []string{"The last watch", "A family trade", "Her father's logbooks", "Entries from 1962", "A storm in March"} {
			checkRuled(t, out, h, "-")
		}
		checkWidth(t, out, w)
	}
}

func isRule(l, ch string) bool {
	l = strings.TrimLeft(l, " ")
	return l != "" && strings.Trim(l, ch) == ""
}

// checkRuled fails unless heading appears in out, however wrapped, on lines
// followed by a rule of ch as wide as the widest of them.
func checkRuled(t *testing.T, out, heading, ch string) {
	t.Helper()
	lines := strings.Split(out, "\n")
	for i := range lines {
		var text []string
		widest := 0
		for j := i; j < len(lines) && strings.TrimSpace(lines[j]) != ""; j++ {
			if isRule(lines[j], ch) {
				if strings.Join(text, " ") == heading {
					if got := len(strings.TrimLeft(lines[j], " ")); got != widest {
						t.Errorf("rule under %q is %d wide, want %d", heading, got, widest)
					}
					return
				}
				break
			}
			text = append(text, strings.TrimSpace(lines[j]))
			widest = max(widest, len([]rune(strings.TrimLeft(lines[j], " "))))
		}
	}
	t.Errorf("no %q rule under %q:\n%s", ch, heading, out)
}

// Glamour's styles chosen by name render in colour, without "##" marks,
// and an unknown name is not a style.
func TestNamedStyles(t *testing.T) {
	r := NewRenderer(0)
	for _, name := range []string{"dracula", "tokyo-night", "pink"} {
		cfg, ok := Named(name)
		if !ok {
			t.Fatalf("Named(%q) not found", name)
		}
		r.AddStyle(Style(name), cfg)
		out, err := r.RenderStory(headingsStory(), 80, Style(name))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "\x1b[") {
			t.Errorf("%s: no colour in %q", name, out)
		}
		if strings.Contains(stripSGR(out), "##") {
			t.Errorf("%s: a heading keeps its ##:\n%s", name, stripSGR(out))
		}
	}
	if _, ok := Named("solarized"); ok {
		t.Error(`Named("solarized") found a style`)
	}
}

// The colour styles put no "##" before headings; weight and slant tell the
// levels apart instead, keeping glamour's colours.
func TestColourHeadings(t *testing.T) {
	r := NewRenderer(0)
	for _, st := range []Style{Dark, Light} {
		out, err := r.RenderStory(headingsStory(), 80, st)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(stripSGR(out), "#") {
			t.Errorf("%s: a heading keeps its #:\n%s", st, stripSGR(out))
		}
		look := map[string]string{}
		for _, h := range []string{"The last watch", "A family trade", "Her father's logbooks", "A storm in March"} {
			look[h] = sgrBefore(t, out, h)
		}
		if look["The last watch"] == look["A family trade"] || look["A family trade"] == look["Her father's logbooks"] {
			t.Errorf("%s: levels 2, 3 and 4 are not told apart: %q", st, look)
		}
		cfg := styles.DarkStyleConfig
		if st == Light {
			cfg = styles.LightStyleConfig
		}
		if colour := "38;5;" + *cfg.Heading.Color; !strings.Contains(look["A family trade"], colour) {
			t.Errorf("%s: level 3 lost the heading colour %s: %q", st, colour, look["A family trade"])
		}
	}
	// Glamour's own styles are left as they were.
	if styles.DarkStyleConfig.H3.Prefix != "### " {
		t.Errorf("glamour's dark style was changed: H3 prefix %q", styles.DarkStyleConfig.H3.Prefix)
	}
}

var firstSGR = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// sgrBefore is the SGR sequence that styles the line of out that reads text.
func sgrBefore(t *testing.T, out, text string) string {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if strings.TrimSpace(stripSGR(l)) == text {
			return firstSGR.FindString(l)
		}
	}
	t.Fatalf("no line reads %q:\n%s", text, stripSGR(out))
	return ""
}
