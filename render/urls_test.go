package render

import (
	"strings"
	"testing"
)

// A long address is cut only at the margin, never at one of its hyphens,
// and every character of it survives: joined up again, the lines give the
// address back.
func TestURLsNotBrokenAtHyphens(t *testing.T) {
	const long = "https://harbour.example/notices/2026/12/the-ferry-timetable-changes-from-monday-morning-onwards"
	r := NewRenderer(0)
	for _, w := range []int{30, 40, 50, 80, 120} {
		for _, st := range []Style{Dark, Light, NoTTY} {
			out, err := r.RenderStory(urlStory(), w, st)
			if err != nil {
				t.Fatal(err)
			}
			checkWidth(t, out, w)
			plain := stripSGR(out)
			if strings.ContainsRune(plain, nbHyphen) {
				t.Errorf("width %d %s: a non-breaking hyphen reached the screen", w, st)
			}
			var joined strings.Builder
			for _, l := range strings.Split(plain, "\n") {
				joined.WriteString(strings.TrimSpace(l))
			}
			if !strings.Contains(joined.String(), long) {
				t.Errorf("width %d %s: the address does not join up again:\n%s", w, st, plain)
			}
			if w >= 40 && !strings.Contains(plain, "https://harbour.example/a-b") {
				t.Errorf("width %d %s: a short address was cut:\n%s", w, st, plain)
			}
			// Cut at a hyphen, a line would end in one short of the
			// margin (the text is set two columns in from each side).
			for _, l := range strings.Split(plain, "\n") {
				if strings.HasSuffix(l, "-") && len([]rune(l)) < w-2 {
					t.Errorf("width %d %s: line broken at a hyphen: %q", w, st, l)
				}
			}
		}
	}
}

func TestKeepURLsLeavesCodeAlone(t *testing.T) {
	md := "See https://a.example/x-y.\n\n```\ncurl https://a.example/x-y\n```"
	got := keepURLs(md)
	if !strings.Contains(got, "https://a.example/x\u2011y.") || !strings.Contains(got, "curl https://a.example/x-y") {
		t.Errorf("keepURLs = %q", got)
	}
}
