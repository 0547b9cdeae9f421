package render

import (
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	"github.com/tread-reader/tread/story"
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

// wholeURLStory has a link whose text is its long hyphenated address, a
// long bare address, two in one paragraph and one in a quote.
func wholeURLStory() story.Story {
	const linked = "https://very-long-hyphenated-domain-name-for-the-test.example.com/some/long-path"
	return story.Story{
		Title: "Addresses",
		Site:  "Harbour Gazette",
		Body: []story.Block{
			story.NewBlock(story.Paragraph, story.Run("See "), story.LinkTo(linked, story.Run(linked)), story.Run(" for the notice.")),
			{Kind: story.Paragraph, Text: "Bare: https://another-very-long-hyphenated-host-name.example.org/a-b-c-d-e-f_g in text, then https://harbour.example/notices/2026/the-ferry-timetable-changes-from-monday and more."},
			{Kind: story.Quote, Text: "Quoted https://quay.example/a-rather-long-address-with-many-hyphens-in-it-too here."},
		},
	}
}

// With KeepURLsWhole (--dump), each address, and a link's host label, is
// on one line whatever the width, and only those lines may be wider than
// the width; without it the reader's promise holds.
func TestKeepURLsWhole(t *testing.T) {
	whole := []string{
		"very-long-hyphenated-domain-name-for-the-test.example.com[1]",
		"https://another-very-long-hyphenated-host-name.example.org/a-b-c-d-e-f_g",
		"https://harbour.example/notices/2026/the-ferry-timetable-changes-from-monday",
		"https://quay.example/a-rather-long-address-with-many-hyphens-in-it-too",
	}
	r := NewRenderer(0)
	r.KeepURLsWhole()
	md, _ := ReaderMarkdown(wholeURLStory())
	for _, w := range []int{40, 80, 120} {
		for _, st := range []Style{Dark, Light, NoTTY} {
			out, err := r.Render(md, w, st)
			if err != nil {
				t.Fatal(err)
			}
			plain := strings.ReplaceAll(stripSGR(out), string(LinkMark), "")
			if strings.Contains(plain, heldMark) || strings.Contains(plain, "\u2060") || strings.ContainsRune(plain, nbHyphen) {
				t.Errorf("width %d %s: a placeholder reached the screen:\n%s", w, st, plain)
			}
			for _, u := range whole {
				if !strings.Contains(plain, u) {
					t.Errorf("width %d %s: %s is not whole on a line:\n%s", w, st, u, plain)
				}
			}
			for _, l := range strings.Split(plain, "\n") {
				if lipgloss.Width(l) > w && !strings.Contains(l, "://") && !strings.Contains(l, "[1]") {
					t.Errorf("width %d %s: line wider than %d holds no address: %q", w, st, w, l)
				}
				if lipgloss.Width(l) > w && strings.Count(strings.TrimSpace(l), " ") > 1 {
					t.Errorf("width %d %s: an address too long for the line shares it: %q", w, st, l)
				}
			}
			for _, words := range []string{"notice.", "in text, then", "and more.", "here."} {
				if !strings.Contains(plain, words) {
					t.Errorf("width %d %s: lost %q:\n%s", w, st, words, plain)
				}
			}
		}
	}
}

func TestHoldURLsUnescapes(t *testing.T) {
	md, held := holdURLs("a https://x.example/a\\_b&amp;c-d-e-f-g-h b", 10, 10)
	if len(held) != 1 || held[0].url != "https://x.example/a_b&c-d-e-f-g-h" || strings.Contains(md, "://") || !strings.Contains(md, held[0].mark) {
		t.Errorf("holdURLs = %q, %q", md, held)
	}
	if _, held := holdURLs("```\nhttps://x.example/long-long-long\n```", 5, 5); len(held) != 0 {
		t.Errorf("held an address in code: %q", held)
	}
}
