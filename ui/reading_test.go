package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

// The reading key hides the list and centres the story at the reading
// width; the same key brings the list back, with the selection and the
// status bar unchanged.
func TestReadingModeHidesTheListAndComesBack(t *testing.T) {
	opts := frontOptions()
	opts.ReadingWidth = 60
	d := newDriver(t, opts, 120, 24)
	d.press("j")
	if !strings.Contains(d.screen(), "│") || d.m.reading {
		t.Fatal("setup: the list should show beside the reader")
	}
	d.press("z")
	scr := d.screen()
	if !d.m.reading || d.m.focus != readerFocus {
		t.Fatalf("z: reading %v, focus %v", d.m.reading, d.m.focus)
	}
	if strings.Contains(scr, "Night trains") || strings.Contains(scr, "│") {
		t.Errorf("the list is still on screen:\n%s", scr)
	}
	l := d.m.layout()
	if l.readerW != 60 || l.inset != 30 {
		t.Errorf("reader %d wide at column %d, want 60 at 30", l.readerW, l.inset)
	}
	for i, line := range strings.Split(scr, "\n") {
		if p := ansi.Strip(line); strings.Contains(p, "fishermen") && !strings.HasPrefix(p, strings.Repeat(" ", 30)) {
			t.Errorf("row %d is not centred: %q", i, p)
		}
	}
	if status := lastLine(scr); !strings.Contains(status, "2/6") || !strings.Contains(status, "z wide") {
		t.Errorf("status bar in the reading mode: %q", status)
	}
	checkFits(t, d.m.View().Content, 120, 24)
	d.press("j", "n") // the reader keys still work, and n moves on
	if d.selectedTitle() != frontTitles[2] {
		t.Errorf("n in the reading mode selected %q", d.selectedTitle())
	}
	d.press("z")
	if d.m.reading || d.m.focus != listFocus || !strings.Contains(d.screen(), "Night trains") {
		t.Errorf("z again: reading %v, focus %v\n%s", d.m.reading, d.m.focus, d.screen())
	}
	d.press("z", "tab") // tab brings the list back too
	if d.m.reading || d.m.focus != listFocus {
		t.Errorf("tab in the reading mode: reading %v, focus %v", d.m.reading, d.m.focus)
	}
}

// A lone story opens in the reading mode; one with others beside it does
// not, and neither does one the reader has taken out of it.
func TestLoneStoryOpensInTheReadingMode(t *testing.T) {
	lone := story.Document{Stories: []story.Story{{Title: "A lone story", Site: "Solo", Body: body("lone", 3)}}}
	d := newDriver(t, Options{Sources: []string{"a"}, Load: fixtureLoader(map[string]story.Document{"a": lone}), Style: render.Dark}, 100, 20)
	if !d.m.reading || d.m.focus != readerFocus {
		t.Fatalf("a lone story: reading %v, focus %v", d.m.reading, d.m.focus)
	}
	d = newDriver(t, frontOptions(), 100, 20)
	if d.m.reading {
		t.Error("six stories opened in the reading mode")
	}
}

// Related stories fold under their main story except the selected one's;
// j and k still visit every item, and f unfolds them all.
func TestRelatedStoriesFoldUnderTheirStory(t *testing.T) {
	opts := frontOptions()
	opts.Fold = true
	d := newDriver(t, opts, 120, 36)
	shown := func() []string {
		var out []string
		for _, i := range d.m.list.visible {
			out = append(out, d.m.list.all[i].title)
		}
		return out
	}
	want := []string{frontTitles[0], frontTitles[1], frontTitles[2], frontTitles[3], frontTitles[4]}
	if got := shown(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("first story's group open: %q", got)
	}
	if !strings.Contains(d.screen(), "+1 related") {
		t.Errorf("a folded story does not say what it folds:\n%s", d.screen())
	}
	for i, title := range frontTitles[1:] {
		d.press("j")
		if d.selectedTitle() != title {
			t.Fatalf("j %d: on %q, want %q", i+1, d.selectedTitle(), title)
		}
	}
	if got := shown(); len(got) != 4 || got[1] == frontTitles[1] {
		t.Errorf("the last group open, the first folded: %q", got)
	}
	if status := lastLine(d.screen()); !strings.Contains(status, "6/6") {
		t.Errorf("position counts folded items: %q", status)
	}
	d.press("k", "k")
	if d.selectedTitle() != frontTitles[3] {
		t.Fatalf("k k: on %q", d.selectedTitle())
	}
	d.press("k") // into the group above, at its last item
	if d.selectedTitle() != frontTitles[2] {
		t.Fatalf("k into a folded group: on %q, want its last item", d.selectedTitle())
	}
	d.press("f")
	if got := shown(); len(got) != 6 {
		t.Errorf("f unfolded %d items, want 6", len(got))
	}
	d.press("f", "/")
	d.typeText("ferns") // a filter finds folded items
	if got := shown(); len(got) != 1 || got[0] != frontTitles[5] {
		t.Errorf("the filter over folded items: %q", got)
	}
}

// A folder of ten pages lists ten rows of stories, newest first, plus the
// selected one's related items: not every page's related items.
func TestFolderSortsNewestFirstAndFolds(t *testing.T) {
	base := time.Now().Add(-30 * 24 * time.Hour)
	var docs []story.Document
	for i := range 10 {
		st := story.Story{Title: fmt.Sprintf("Page %02d of the folder", i), Body: body("page", 2), When: base.Add(time.Duration(i*7%10) * time.Hour)}
		for r := range 4 {
			st.Related = append(st.Related, story.Story{Title: fmt.Sprintf("Related %d of page %d", r, i), URL: fmt.Sprintf("https://x.example/%d/%d", i, r)})
		}
		docs = append(docs, story.Document{Source: fmt.Sprintf("folder/p%02d.txt", i), Stories: []story.Story{st}})
	}
	docs[3].Stories[0].When = time.Time{} // undated: last
	docs[5].Stories[0].When = docs[4].Stories[0].When
	load := func(context.Context, string) []story.Document { return docs }
	for _, tc := range []struct {
		order string
		first string
		last  string
	}{
		{SortNewest, "Page 07", "Page 03"},
		{SortOldest, "Page 00", "Page 03"},
		{"", "Page 00", "Page 09"},
	} {
		d := newDriver(t, Options{Sources: []string{"folder"}, Load: load, Fold: true, Sort: tc.order, Style: render.Dark}, 120, 40)
		var mains []string
		for _, i := range d.m.list.visible {
			if e := d.m.list.all[i]; !e.related {
				mains = append(mains, e.title)
			}
		}
		if len(d.m.list.visible) != 14 || len(mains) != 10 {
			t.Errorf("%q: %d rows, %d stories; want 14 and 10", tc.order, len(d.m.list.visible), len(mains))
		}
		if !strings.HasPrefix(mains[0], tc.first) || !strings.HasPrefix(mains[9], tc.last) {
			t.Errorf("%q: order %q", tc.order, mains)
		}
		if tc.order == SortNewest {
			// pages 4 and 5 have the same time: the file name decides
			i4, i5 := indexOf(mains, "Page 04 of the folder"), indexOf(mains, "Page 05 of the folder")
			if i4 > i5 {
				t.Errorf("same time: p04 at %d after p05 at %d", i4, i5)
			}
		}
	}
}

func TestAgo(t *testing.T) {
	now := time.Date(2026, 3, 5, 15, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		t    time.Time
		want string
	}{
		{now.Add(-20 * time.Second), "just now"},
		{now.Add(-time.Minute), "1 minute ago"},
		{now.Add(-5 * time.Minute), "5 minutes ago"},
		{now.Add(-time.Hour), "1 hour ago"},
		{now.Add(-23 * time.Hour), "23 hours ago"},
		{now.Add(-26 * time.Hour), "yesterday"},
		{now.Add(-3 * 24 * time.Hour), "3 days ago"},
		{now.Add(-8 * 24 * time.Hour), "25 Feb 2026"},
		{now.Add(48 * time.Hour), "7 Mar 2026"},
	} {
		if got := ago(tc.t, now); got != tc.want {
			t.Errorf("ago(%v) = %q, want %q", tc.t, got, tc.want)
		}
	}
}

// A story's time is shown counted from now, with its reading time beside
// it, in the list and in the reader.
func TestAgeAndReadingTimeInListAndReader(t *testing.T) {
	words := strings.Repeat("word ", 6*230)
	doc := story.Document{Stories: []story.Story{
		{Title: "A story saved a while ago", Site: "Herald", Age: "15 minutes ago", When: time.Now().Add(-3 * 24 * time.Hour),
			Body: []story.Block{{Kind: story.Paragraph, Text: words}}},
		{Title: "A second story", Site: "Herald", Age: "2 hours ago", Body: body("second", 1)},
	}}
	d := newDriver(t, Options{Docs: []story.Document{doc}, Style: render.Dark}, 120, 30)
	scr := d.screen()
	for _, want := range []string{"Herald · 3 days ago · 6 min read", "Herald · 2 hours ago · 1 min read"} {
		if !strings.Contains(scr, want) {
			t.Errorf("list lacks %q:\n%s", want, scr)
		}
	}
	if text := d.readerText(); !strings.Contains(text, "3 days ago · 6 min read") || strings.Contains(text, "15 minutes") {
		t.Errorf("reader meta: %.200q", text)
	}
}

// The status bar names the keys that work where the focus is.
func TestHintsFollowTheFocus(t *testing.T) {
	doc := frontPage()
	doc.Stories[0].Body = append(doc.Stories[0].Body, story.NewBlock(story.Paragraph,
		story.Run("The "), story.LinkTo("https://council.example/plan", story.Run("plan")), story.Run(".")))
	d := newDriver(t, Options{Docs: []story.Document{doc}, Style: render.Dark}, 80, 30)
	for _, tc := range []struct {
		keys     []string
		has, not []string
	}{
		{nil, []string{"↓/↑ move", "enter read", "/ find", "f fold", "z wide", "? help", "q quit"}, []string{"L links", "y copy"}},
		{[]string{"tab"}, []string{"↓/↑ scroll", "L links", "⌫ back", "tab list", "z wide", "? help"}, []string{"enter read", "f fold"}},
		{[]string{"L"}, []string{"enter follow", "o open", "y copy", "esc close"}, []string{"tab pane", "z wide"}},
	} {
		d.press(tc.keys...)
		status := lastLine(d.screen())
		for _, h := range tc.has {
			if !strings.Contains(status, h) {
				t.Errorf("after %v: status %q lacks %q", tc.keys, status, h)
			}
		}
		for _, h := range tc.not {
			if strings.Contains(status, h) {
				t.Errorf("after %v: status %q names %q", tc.keys, status, h)
			}
		}
	}
}

// Walking back returns to the related item the walk started from even
// when its story has been folded since.
func TestWalkBackUnfoldsTheStoryItReturnsTo(t *testing.T) {
	w := newWeb()
	opts := w.options()
	opts.Fold = true
	d := newDriver(t, opts, 120, 30)
	d.selectTitle("Tide gauge readings hit record")
	from, _ := d.m.list.selected()
	d.press("enter")
	if e, _ := d.m.list.selected(); e.related || e.title != "Tide gauge readings hit record" {
		t.Fatalf("setup: the walk is on %+v", e.key)
	}
	// the front page's group is folded now: its related item is not listed
	for _, i := range d.m.list.visible {
		if d.m.list.all[i].key == from.key {
			t.Fatal("the story walked from is still unfolded")
		}
	}
	d.press("backspace")
	if e, _ := d.m.list.selected(); e.key != from.key {
		t.Errorf("walk-back: on %q (%+v), want the related item", e.title, e.key)
	}
}

// Ages grow while tread runs: every minute the list and the reader count
// them again from the time.
func TestAgesGrowWhileTreadRuns(t *testing.T) {
	start := time.Now()
	doc := story.Document{Stories: []story.Story{
		{Title: "A story from a minute ago", Site: "Herald", When: start.Add(-90 * time.Second), Body: body("aging", 3)},
		{Title: "A story with a fixed age", Site: "Herald", Age: "2 hours ago", Body: body("fixed", 1)},
	}}
	d := newDriver(t, Options{Docs: []story.Document{doc}, Style: render.Dark}, 120, 30)
	if scr := d.screen(); !strings.Contains(scr, "Herald · 1 minute ago · 1 min read") {
		t.Fatalf("at the start:\n%s", scr)
	}
	if len(d.ticks) == 0 {
		t.Fatal("no age clock running")
	}
	d.m.clock = func() time.Time { return start.Add(3 * time.Hour) }
	d.fireTicks()
	scr := d.screen()
	if !strings.Contains(scr, "Herald · 3 hours ago · 1 min read") || !strings.Contains(scr, "Herald · 2 hours ago") {
		t.Errorf("the list's ages after three hours:\n%s", scr)
	}
	if text := d.readerText(); !strings.Contains(text, "3 hours ago") {
		t.Errorf("the reader's age after three hours: %.120q", text)
	}
	if len(d.ticks) != 1 {
		t.Errorf("%d ticks waiting, want the next age tick", len(d.ticks))
	} else if _, ok := d.ticks[0].(ageTick); !ok {
		t.Errorf("waiting: %T, want the next age tick", d.ticks[0])
	}
	// Stories with no time start no clock.
	d = newDriver(t, frontOptions(), 120, 30)
	for _, tick := range d.ticks {
		if _, ok := tick.(ageTick); ok || d.m.aging {
			t.Error("an age clock for stories whose ages are fixed")
		}
	}
}
