package render

import (
	"strings"
	"testing"
)

// A code line too long for the pane goes on below at its own indent behind
// the continuation mark, never at the text margin, and no piece is lost.
func TestCodeLinesKeepTheirIndent(t *testing.T) {
	r := NewRenderer(0)
	for _, w := range []int{30, 40, 60, 80} {
		for _, st := range []Style{Dark, Light, NoTTY} {
			out, err := r.RenderStory(codeStory(), w, st)
			if err != nil {
				t.Fatal(err)
			}
			checkWidth(t, out, w)
			plain := stripSGR(out)
			inCode, marks := false, 0
			for _, l := range strings.Split(plain, "\n") {
				switch {
				case strings.Contains(l, "func load"):
					inCode = true
				case strings.Contains(l, "Short lines stay"):
					inCode = false
				}
				if !inCode || strings.TrimSpace(l) == "" {
					continue
				}
				if indent := len(l) - len(strings.TrimLeft(l, " ")); indent < 4 {
					t.Errorf("width %d %s: code line at the text margin: %q", w, st, l)
				}
				if strings.Contains(l, codeMark) {
					marks++
				}
			}
			if marks == 0 {
				t.Errorf("width %d %s: no continuation mark:\n%s", w, st, plain)
			}
			joined := strings.ReplaceAll(strings.Join(strings.Fields(plain), ""), strings.TrimSpace(codeMark), "")
			for _, piece := range []string{"parseSettingsWithDefaultsAppliedAndEveryKeyCheckedAgainstTheTable(data)", `"settingsfilesaresmallandreadonceatstart")`} {
				if !strings.Contains(joined, piece) {
					t.Errorf("width %d %s: lost %q", w, st, piece)
				}
			}
		}
	}
}

func TestWrapCodeLeavesProseAlone(t *testing.T) {
	md := "A paragraph that is much longer than the width given here, outside any fence.\n\n```\nshort\n```"
	if got := wrapCode(md, 20); got != md {
		t.Errorf("wrapCode changed markdown it should not:\n%s", got)
	}
}
