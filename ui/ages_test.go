package ui

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

// ageNow is the fixed clock of these tests, 15:00 local on a day far from
// the day they run: what the model drew at the real time before the clock
// was set is nothing the tests could mistake for what they look for.
var ageNow = time.Date(2087, 12, 5, 15, 0, 0, 0, time.Local)

func TestStoryAge(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2087, 12, d, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		name string
		st   story.Story
		want string
	}{
		{"published seconds ago", story.Story{Published: ageNow.Add(-10 * time.Second)}, "just now"},
		{"published with a time", story.Story{Published: ageNow.Add(-3 * time.Hour)}, "3 hours ago"},
		{"published in another zone", story.Story{Published: ageNow.Add(-5 * time.Minute).In(time.FixedZone("X", 5*3600))}, "5 minutes ago"},
		{"published last night", story.Story{Published: ageNow.Add(-30 * time.Hour)}, "yesterday"},
		{"published last week", story.Story{Published: ageNow.Add(-6 * 24 * time.Hour)}, "6 days ago"},
		{"published long ago", story.Story{Published: time.Date(2019, 11, 19, 9, 30, 0, 0, time.UTC)}, "19 Nov 2019"},
		{"date only, today", story.Story{Published: day(5)}, "today"},
		{"date only, yesterday", story.Story{Published: day(4)}, "yesterday"},
		{"date only, 3 days", story.Story{Published: day(2)}, "3 days ago"},
		{"date only, a fortnight", story.Story{Published: time.Date(2087, 11, 21, 0, 0, 0, 0, time.UTC)}, "21 Nov 2087"},
		{"date only, tomorrow", story.Story{Published: day(6)}, "6 Dec 2087"},
		{"date only, read back into another zone", story.Story{Published: day(4).In(time.FixedZone("W", -5*3600))}, "yesterday"},
		{"date only, midnight in its own zone", story.Story{Published: time.Date(2087, 12, 5, 0, 0, 0, 0, time.FixedZone("E", 9*3600))}, "today"},
		{"a dump's age counted back", story.Story{When: ageNow.Add(-15 * time.Minute), Age: "15 minutes ago"}, "15 minutes ago"},
		{"published wins over when", story.Story{Published: ageNow.Add(-2 * time.Hour), When: ageNow.Add(-time.Hour)}, "2 hours ago"},
		{"no time", story.Story{Age: "a while back"}, ""},
	} {
		if got := storyAge(tc.st, ageNow); got != tc.want {
			t.Errorf("%s: storyAge = %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestEntryAgeOfALibraryPageWithNoDate(t *testing.T) {
	e := entry{kept: ageNow.Add(-3 * 24 * time.Hour), minutes: 4, head: story.Story{Site: "news.example"}}
	if got := listMeta(e.shown(ageNow)); got != "news.example · saved 3 days ago · 4 min read" {
		t.Errorf("meta %q", got)
	}
	e.head.Published = ageNow.Add(-2 * time.Hour)
	if got := listMeta(e.shown(ageNow)); got != "news.example · 2 hours ago · 4 min read" {
		t.Errorf("a dated page's meta %q", got)
	}
}

// Every story with a known time reads relative, not only dumps: a web
// page's published time, a date alone, a feed item (a related item with a
// published time), in the list and in the reader; and they age.
func TestEveryStoryWithATimeReadsRelative(t *testing.T) {
	doc := story.Document{Stories: []story.Story{
		{Title: "Web page with a time", Site: "Coast", Published: ageNow.Add(-2 * time.Hour).UTC(), Body: body("web", 3),
			Related: []story.Story{{Title: "Feed item", Site: "Ledger", URL: "https://ledger.example/a", Published: ageNow.Add(-5 * time.Minute)}}},
		{Title: "Page with a date alone", Site: "Herald", Published: time.Date(2087, 12, 4, 0, 0, 0, 0, time.UTC), Body: body("date", 3)},
	}}
	d := newDriver(t, Options{Docs: []story.Document{doc}, Style: render.Dark}, 120, 30)
	d.m.clock = func() time.Time { return ageNow }
	d.fireTicks()
	scr := d.screen()
	for _, want := range []string{"Coast · 2 hours ago · 1 min read", "Ledger · 5 minutes ago", "Herald · yesterday · 1 min read"} {
		if !strings.Contains(scr, want) {
			t.Errorf("list lacks %q:\n%s", want, scr)
		}
	}
	if text := d.readerText(); !strings.Contains(text, "Coast · 2 hours ago · 1 min read") {
		t.Errorf("reader's meta line: %.200q", text)
	}
	d.selectTitle("Feed item")
	if text := d.readerText(); !strings.Contains(text, "Ledger · 5 minutes ago") {
		t.Errorf("the feed item in the reader: %.200q", text)
	}
	d.selectTitle("Web page with a time")

	// A day later.
	d.m.clock = func() time.Time { return ageNow.Add(24 * time.Hour) }
	d.fireTicks()
	scr = d.screen()
	for _, want := range []string{"Coast · yesterday · 1 min read", "Herald · 2 days ago · 1 min read"} {
		if !strings.Contains(scr, want) {
			t.Errorf("a day later the list lacks %q:\n%s", want, scr)
		}
	}
	if text := d.readerText(); !strings.Contains(text, "Coast · yesterday") {
		t.Errorf("a day later the reader reads %.200q", text)
	}
}

// A tick that changes no age on screen renders nothing again; one that
// does renders the story shown.
func TestAgeTickRendersOnlyWhatChanged(t *testing.T) {
	doc := story.Document{Stories: []story.Story{
		{Title: "Web page", Site: "Coast", Published: ageNow.Add(-2 * time.Hour), Body: body("web", 3)},
	}}
	d := newDriver(t, Options{Docs: []story.Document{doc}, Style: render.Dark}, 120, 30)
	d.m.clock = func() time.Time { return ageNow }
	d.fireTicks()
	renders := func(at time.Time) int {
		d.m.clock = func() time.Time { return at }
		var cmds []tea.Msg
		for _, tick := range d.ticks {
			cmds = append(cmds, flatten(t, d.update(tick))...)
		}
		d.ticks = nil
		n := 0
		for _, msg := range cmds {
			if _, ok := msg.(storyRendered); ok {
				n++
			}
			if dl, ok := msg.(delayed); ok {
				d.ticks = append(d.ticks, dl.msg)
			} else {
				d.send(msg)
			}
		}
		return n
	}
	if n := renders(ageNow.Add(30 * time.Second)); n != 0 {
		t.Errorf("a tick with every age the same rendered %d times", n)
	}
	if n := renders(ageNow.Add(time.Hour)); n == 0 {
		t.Error("a tick that made the story an hour older rendered nothing")
	}
	if !strings.Contains(d.readerText(), "3 hours ago") {
		t.Errorf("reader after an hour: %.200q", d.readerText())
	}
}

// datedLibrary is a fakeLibrary whose pages have a published time (or
// none) and words, and whose stories carry the same.
type datedLibrary struct{ *fakeLibrary }

func (f datedLibrary) Stories(ctx context.Context, url string) []story.Document {
	docs := f.fakeLibrary.Stories(ctx, url)
	for _, it := range f.items {
		if it.URL == url && len(docs) > 0 && len(docs[0].Stories) > 0 {
			docs[0].Stories[0].Site = it.Site
			docs[0].Stories[0].Published = it.Published
			docs[0].Stories[0].Body = []story.Block{{Kind: story.Paragraph, Text: strings.Repeat("word ", it.Words)}}
		}
	}
	return docs
}

// A library row shows the meta line its story will: published age (or
// when it was saved) and reading time, before and after it loads.
func TestLibraryRowMetaIsTheSameBeforeAndAfterLoading(t *testing.T) {
	f := newFakeLibrary(3)
	f.items[0].Published, f.items[0].Words = time.Date(2019, 11, 19, 9, 0, 0, 0, time.UTC), 1000
	f.items[1].Published, f.items[1].Words = time.Time{}, 300
	f.items[2].Published, f.items[2].Words = time.Now().Add(-4*time.Hour), 200
	d := newDriver(t, Options{Library: datedLibrary{f}}, 100, 30)
	metaOf := func(title string) string {
		for _, i := range d.m.list.visible {
			if e := d.m.list.all[i]; strings.HasSuffix(e.title, title) {
				return e.metaAt(d.m.list.now)
			}
		}
		t.Fatalf("%q not listed", title)
		return ""
	}
	want := map[string]string{
		"Story 0001": "news.example · 19 Nov 2019 · 5 min read",
		"Story 0002": "news.example · saved 2 hours ago · 2 min read",
		"Story 0003": "news.example · 4 hours ago · 1 min read",
	}
	for title, w := range want {
		if got := metaOf(title); got != w {
			t.Errorf("%s before loading: %q, want %q", title, got, w)
		}
	}
	for _, title := range []string{"Story 0002", "Story 0003"} {
		d.press("j") // the next row: its story loads
		if !strings.HasSuffix(d.selectedTitle(), title) {
			t.Fatalf("on %q, want %q", d.selectedTitle(), title)
		}
		if r := d.m.libRowOf(d.m.list.all[d.m.list.visible[d.m.list.cursor]]); r == nil || r.lazy {
			t.Fatalf("%s did not load", title)
		}
		if got := metaOf(title); got != want[title] {
			t.Errorf("%s after loading: %q, want %q", title, got, want[title])
		}
		if text := d.readerText(); !strings.Contains(text, want[title]) {
			t.Errorf("%s in the reader: %.200q", title, text)
		}
	}
}

// A feed's row shows its unread count, no reading time; its items their
// ages.
func TestFeedRowHasNoReadingTime(t *testing.T) {
	var unread atomic.Int32
	unread.Store(2)
	opts := frontOptions()
	opts.Feeds = feedSection(&unread)
	d := newDriver(t, opts, 100, 30)
	e := d.m.list.all[0]
	if e.title != "Harbour Ledger" {
		t.Fatalf("first row %q, want the feed", e.title)
	}
	if got := e.metaAt(d.m.list.now); got != "2 unread" {
		t.Errorf("the feed's row reads %q, want %q", got, "2 unread")
	}
	if strings.Contains(d.screen(), "2 unread · ") {
		t.Errorf("the feed's row has more than its count:\n%s", d.screen())
	}
}

// count is how many of the list's rows are titled title.
func (d *driver) count(title string) int {
	n := 0
	for _, e := range d.m.list.all {
		if e.title == title {
			n++
		}
	}
	return n
}

// A page walked to from a related item is listed as a main story, its
// related items under it, while the walk goes through it; walked back
// from, or loaded from its saved copy on selection, the related item
// alone stands for it: one story, one row.
func TestAWalkedPageIsNotListedTwice(t *testing.T) {
	const tide = "Tide gauge readings hit record"
	w := newWeb()
	d := newDriver(t, w.options(), 120, 30)
	d.selectTitle(tide)
	d.press("enter")
	if e, _ := d.m.list.selected(); e.related || d.count(tide) != 2 || d.count("Sea wall repairs begin") != 1 {
		t.Fatalf("on the walk: selected related %v, %d rows titled %q, titles %q", e.related, d.count(tide), tide, d.listTitles())
	}
	d.press("backspace")
	if e, _ := d.m.list.selected(); !e.related || d.count(tide) != 1 || d.count("Sea wall repairs begin") != 0 {
		t.Fatalf("walked back: selected related %v, titles %q", e.related, d.listTitles())
	}
	if !strings.Contains(d.readerText(), "about tides") {
		t.Errorf("the related item no longer reads its page: %.120q", d.readerText())
	}
	d.press("enter") // again: listed again, not loaded again
	if e, _ := d.m.list.selected(); e.related || d.count(tide) != 2 || w.loaded(tidesURL) != 1 {
		t.Errorf("walked again: selected related %v, %d rows, %d loads", e.related, d.count(tide), w.loaded(tidesURL))
	}
	if d.crumb() == "" {
		t.Error("walked again: no breadcrumb")
	}

	// A saved copy loaded on selection is not listed as a story of its own.
	w = newWeb()
	w.saved[tidesURL] = true
	d = newDriver(t, w.options(), 120, 30)
	d.press("j", "j", "j")
	if d.selectedTitle() != tide || !strings.Contains(d.readerText(), "about tides") {
		t.Fatalf("setup: on %q reading %.80q", d.selectedTitle(), d.readerText())
	}
	if d.count(tide) != 1 {
		t.Errorf("selecting a saved related item listed it twice: %q", d.listTitles())
	}
}
