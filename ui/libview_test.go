package ui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tread-reader/tread/story"
)

// fakeLibrary is an in-memory Library that records what it was asked.
type fakeLibrary struct {
	mu       sync.Mutex
	items    []LibraryItem // newest first
	pages    int           // Page calls
	calls    []string      // the changes asked for, "star url true"…
	searches []string
}

func newFakeLibrary(n int) *fakeLibrary {
	f := &fakeLibrary{}
	now := time.Now()
	for i := 1; i <= n; i++ {
		f.items = append(f.items, LibraryItem{
			URL:   fmt.Sprintf("https://news.example/%04d", i),
			Title: fmt.Sprintf("Story %04d", i), Site: "news.example",
			Saved: now.Add(-time.Duration(i) * time.Hour),
		})
	}
	return f
}

func (f *fakeLibrary) Page(_ context.Context, after any, n int, unread bool) ([]LibraryItem, any, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pages++
	start, _ := after.(int)
	var out []LibraryItem
	i := start
	for ; i < len(f.items) && len(out) < n; i++ {
		if !unread || !f.items[i].Read {
			out = append(out, f.items[i])
		}
	}
	return out, i, nil
}

func (f *fakeLibrary) Search(_ context.Context, q string, limit int) ([]LibraryItem, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.searches = append(f.searches, q)
	if strings.Contains(q, `"`) {
		return nil, fmt.Errorf("search: unclosed quote")
	}
	var out []LibraryItem
	q = strings.TrimSuffix(q, "*") // the word being typed, a prefix: a substring will do here
	for _, it := range f.items {
		if strings.Contains(it.Title, q) && len(out) < limit {
			it.Snippet = "about " + MatchStart + q + MatchEnd + " \x1b[31mred\x1b[0m"
			out = append(out, it)
		}
	}
	return out, nil
}

func (f *fakeLibrary) Stories(_ context.Context, url string) []story.Document {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, it := range f.items {
		if it.URL == url {
			return []story.Document{{Source: url, Stories: []story.Story{{Title: it.Title, URL: url, Body: body("text of "+it.Title, 40)}}}}
		}
	}
	return []story.Document{{Source: url, Err: fmt.Errorf("no saved copy")}}
}

func (f *fakeLibrary) record(format string, args ...any) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, fmt.Sprintf(format, args...))
	return nil
}

func (f *fakeLibrary) MarkRead(_ context.Context, url string, read bool) error {
	f.change(url, func(it *LibraryItem) { it.Read = read })
	return f.record("read %s %v", url, read)
}

// change applies fn to the item of url.
func (f *fakeLibrary) change(url string, fn func(*LibraryItem)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.items {
		if f.items[i].URL == url {
			fn(&f.items[i])
		}
	}
}
func (f *fakeLibrary) Star(_ context.Context, url string, on bool) error {
	return f.record("star %s %v", url, on)
}
func (f *fakeLibrary) SetPosition(_ context.Context, url string, pos int) error {
	return f.record("position %s %d", url, pos)
}
func (f *fakeLibrary) Delete(_ context.Context, url string) error {
	f.change(url, func(it *LibraryItem) { it.Read = true }) // out of unread-only
	return f.record("delete %s", url)
}

func libDriver(t *testing.T, f *fakeLibrary) *driver {
	t.Helper()
	return newDriver(t, Options{Library: f}, 100, 30)
}

// TestLibraryPagesAsItScrolls: a big library opens with a page or two of
// rows, and the rest load as the selection nears the end.
func TestLibraryPagesAsItScrolls(t *testing.T) {
	f := newFakeLibrary(1000)
	d := libDriver(t, f)
	if n := len(d.m.list.visible); n == 0 || n > 2*libPageSize {
		t.Fatalf("first screen loaded %d rows, want a page or two", n)
	}
	if got := d.selectedTitle(); got != "• Story 0001" {
		t.Errorf("selected %q, want the newest, unread", got)
	}
	if scr := d.screen(); !strings.Contains(scr, "Today") || !strings.Contains(scr, "1/100+") {
		t.Errorf("no day heading, or no sign of more rows:\n%s", scr)
	}
	for i := 0; i < 20 && d.selectedTitle() != "• Story 1000"; i++ {
		d.press("G")
	}
	if got := d.selectedTitle(); got != "• Story 1000" {
		t.Fatalf("G twenty times reached %q, not the last story", got)
	}
	if strings.Contains(d.screen(), "1000/1000+") {
		t.Errorf("the end of the library still says there is more")
	}
	if f.pages > 1000/libPageSize+1 {
		t.Errorf("%d page reads for 1000 rows", f.pages)
	}
	d.press("U")
	if got := d.selectedTitle(); got != "• Story 0001" || len(d.m.list.visible) != libPageSize {
		t.Errorf("unread only: %q of %d rows, want the first page from the top", got, len(d.m.list.visible))
	}
}

// TestLibraryStaleAnswersDropped: a page or search answer that is no
// longer the one wanted changes nothing.
func TestLibraryStaleAnswersDropped(t *testing.T) {
	f := newFakeLibrary(10)
	d := libDriver(t, f)
	before := len(d.m.list.all)
	d.send(libPage{id: d.m.lib.pageID + 99, view: d.m.lib.listView, items: f.items})
	if len(d.m.list.all) != before {
		t.Errorf("a stale page was listed: %d rows, had %d", len(d.m.list.all), before)
	}
	d.press("/")
	first := d.update(keyMsg("1"))  // searches "1"
	second := d.update(keyMsg("0")) // searches "10", cancelling "1"
	d.run(second)
	d.run(first)
	if got := d.selectedTitle(); got != "• Story 0010" || len(d.m.list.visible) != 1 {
		t.Errorf("after typing 10: selected %q of %d rows, want Story 0010 alone", got, len(d.m.list.visible))
	}
	scr := d.screen()
	if !strings.Contains(scr, "about 10") || strings.Contains(scr, "\x1b[31m") || strings.Contains(scr, "[31m") {
		t.Errorf("snippet missing or raw:\n%s", scr)
	}
	d.typeText(`"`)
	if !strings.Contains(d.m.status.current.text, "unclosed quote") || d.selectedTitle() != "• Story 0010" {
		t.Errorf("a bad query should be said (%q) and keep the results", d.m.status.current.text)
	}
	d.press("esc")
	if len(d.m.list.visible) != 10 {
		t.Errorf("esc left %d rows, want the listing's 10", len(d.m.list.visible))
	}
}

// TestLibraryMarks: opening marks read, m and s toggle, D asks first, and
// the reader's place is kept when it leaves a story and restored after.
func TestLibraryMarks(t *testing.T) {
	f := newFakeLibrary(5)
	f.items[1].Position = 7
	d := libDriver(t, f)
	d.press("enter") // read Story 0001
	d.press("tab", "s", "m")
	if got := d.selectedTitle(); got != "• ★ Story 0001" {
		t.Errorf("after enter, s, m: %q", got)
	}
	d.press("tab", "j", "j", "j") // scroll the story down three lines
	d.press("tab", "j")           // to Story 0002: 0001's place is kept
	if got := d.m.reader.vp.YOffset(); got != 7 {
		t.Errorf("Story 0002 opened at line %d, want where it was left (7)", got)
	}
	d.press("D", "n")
	d.press("D", "y")
	if d.selectedTitle() != "• Story 0003" || len(d.m.list.visible) != 4 {
		t.Errorf("after D y: selected %q of %d rows", d.selectedTitle(), len(d.m.list.visible))
	}
	want := []string{
		"read https://news.example/0001 true", "star https://news.example/0001 true",
		"read https://news.example/0001 false",
		"read https://news.example/0001 true", // into the reader again: opened
		"position https://news.example/0001 3",
		"delete https://news.example/0002",
	}
	if strings.Join(f.calls, "\n") != strings.Join(want, "\n") {
		t.Errorf("library calls:\n%s\nwant:\n%s", strings.Join(f.calls, "\n"), strings.Join(want, "\n"))
	}
	d.press("U")
	if len(d.m.list.visible) != 3 {
		t.Errorf("unread only: %d rows", len(d.m.list.visible))
	}
	for _, it := range f.items {
		f.change(it.URL, func(it *LibraryItem) { it.Read = true })
	}
	d.press("U", "U") // all, then unread only again: none left
	if !strings.Contains(d.screen(), "No unread stories. U lists them all.") {
		t.Errorf("no unread stories, and the screen does not say so:\n%s", d.screen())
	}
}

// TestSnippetShowsMatch: a match far into its snippet is brought into the
// room there is, with the text before it cut to "…".
func TestSnippetShowsMatch(t *testing.T) {
	st := chromeStyles(true, "")
	long := "A paragraph long enough to be taken for the body of an article about the " + MatchStart + "quokka" + MatchEnd + ", with more"
	for _, w := range []int{20, 37, 60} {
		got := ansi.Strip(snippetLine(long, w, st))
		if !strings.Contains(got, "quokka") || ansi.StringWidth(got) > w {
			t.Errorf("width %d: %q", w, got)
		}
	}
	if got := ansi.Strip(snippetLine("the "+MatchStart+"quokka"+MatchEnd+" ran", 30, st)); got != "the quokka ran" {
		t.Errorf("short snippet: %q", got)
	}
}

// TestLibrarySearchMarksListing: a page starred or deleted from a search's
// results is starred or gone in the listing too.
func TestLibrarySearchMarksListing(t *testing.T) {
	f := newFakeLibrary(20)
	d := libDriver(t, f)
	d.press("/")
	d.typeText("Story 0003")
	d.press("enter", "s", "esc")
	d.press("/")
	d.typeText("Story 0004")
	d.press("enter", "D", "y")
	d.press("esc")
	var titles []string
	for _, n := range d.m.list.visible[:4] {
		titles = append(titles, d.m.list.all[n].title)
	}
	if got := strings.Join(titles, ", "); got != "• Story 0001, • Story 0002, • ★ Story 0003, • Story 0005" {
		t.Errorf("listing after the searches: %s", got)
	}
}

// The word being typed is searched as a prefix, so results come while it
// is still being typed; phrases, fields, CJK and one letter are left as
// they are.
func TestSearchAsTyped(t *testing.T) {
	for q, want := range map[string]string{
		"volk":            "volk*",
		"ferry timet":     "ferry timet*",
		"ferry -sto":      "ferry -sto*",
		"v":               "v",
		"volk*":           "volk*",
		`"a phrase"`:      `"a phrase"`,
		"site:bbc":        "site:bbc",
		"東京":              "東京",
		"after:2026-01-0": "after:2026-01-0",
		"":                "",
	} {
		if got := asTyped(q); got != want {
			t.Errorf("asTyped(%q) = %q, want %q", q, got, want)
		}
	}
}

// TestLibraryLoadOfDroppedRow: a row's story still loading when its row is
// let go of (the search typed on, esc, U) is dropped when it comes, not put
// in a row that has no entries left.
func TestLibraryLoadOfDroppedRow(t *testing.T) {
	for _, tc := range []struct {
		name string
		drop func(d *driver)
	}{
		{"typed on", func(d *driver) { d.typeText("0") }},
		{"esc", func(d *driver) { d.press("esc") }},
		{"unread only", func(d *driver) { d.press("enter", "U") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeLibrary(12)
			d := libDriver(t, f)
			d.press("/")
			d.typeText("1")
			e, ok := d.m.list.selected()
			if !ok || d.m.libRowOf(e) == nil {
				t.Fatalf("no library row selected after a search")
			}
			late := docLoaded{slot: e.key.slot, gen: d.m.slots[e.key.slot].gen,
				entries: []entry{{key: entryKey{slot: e.key.slot}, title: "late"}}}
			tc.drop(d)
			before := len(d.m.list.all)
			d.send(late) // panicked: index out of range
			if len(d.m.list.all) != before || strings.Contains(d.screen(), "late") {
				t.Errorf("the late load was listed:\n%s", d.screen())
			}
		})
	}
}

// TestLibraryDeleteOfDroppedRow: a refresh that lists the library again
// while "delete …? y/n" waits withdraws the question: y then neither
// panics on the row let go of nor deletes a page no longer asked about.
func TestLibraryDeleteOfDroppedRow(t *testing.T) {
	f := newFakeLibrary(10)
	refresh := func(context.Context, func(RefreshCount)) (string, error) { return "refreshed", nil }
	d := newDriver(t, Options{Library: f, Feeds: feedSection(new(atomic.Int32)), Refresh: refresh}, 100, 30)
	d.press("j", "j")
	if got := d.selectedTitle(); got != "• Story 0001" {
		t.Fatalf("selected %q, want Story 0001", got)
	}
	refreshing := d.update(keyMsg("R"))
	d.press("D")
	d.run(refreshing) // relists: the row asked about is let go of
	d.press("y")      // panicked: index out of range
	for _, c := range f.calls {
		if strings.HasPrefix(c, "delete") {
			t.Errorf("%s after the question was withdrawn", c)
		}
	}
	if strings.Contains(d.screen(), "y/n") {
		t.Errorf("the question still shows:\n%s", d.screen())
	}
}

// TestLibraryFitsTinyWindows: a day's heading and a search's snippet are
// indented; in a window a cell or two wide they are cut to it like the
// rest of the row, not drawn past its edge.
func TestLibraryFitsTinyWindows(t *testing.T) {
	d := libDriver(t, newFakeLibrary(5))
	for _, search := range []bool{false, true} {
		if search {
			d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
			d.press("/")
			d.typeText("Story")
			if !strings.Contains(d.screen(), "about Story") {
				t.Fatalf("setup: no snippet:\n%s", d.screen())
			}
		}
		for _, w := range []int{1, 2, 3, 4} {
			d.send(tea.WindowSizeMsg{Width: w, Height: 10})
			checkFits(t, d.m.View().Content, w, 10)
		}
	}
}

// TestDeleteQuestionStaysInView: while "delete …? y/n" waits, a notice
// that comes meanwhile (a refresh's progress, a load error) does not hide
// the question y answers; a click that selects another story withdraws it.
func TestDeleteQuestionStaysInView(t *testing.T) {
	f := newFakeLibrary(5)
	d := libDriver(t, f)
	d.press("D")
	d.send(statusTick{seq: d.m.status.seq}) // a notice's timer running out
	d.run(d.m.notify(failure("ledger.example: the server closed the connection")))
	if got := lastLine(d.screen()); !strings.Contains(got, "delete the saved page") {
		t.Fatalf("the question is out of view while it waits: %q", got)
	}
	d.press("y")
	if strings.Join(f.calls, "\n") != "delete https://news.example/0001" {
		t.Errorf("y after a notice: calls %q", f.calls)
	}

	d.press("D")
	d.send(tea.MouseClickMsg{X: 4, Y: d.m.list.top[1], Button: tea.MouseLeft}) // the next story
	if d.selectedTitle() != "• Story 0003" {
		t.Fatalf("the click selected %q", d.selectedTitle())
	}
	if strings.Contains(lastLine(d.screen()), "delete the saved page") || d.m.lib.confirm != 0 {
		t.Errorf("the question stayed after the selection moved: %q", lastLine(d.screen()))
	}
}

// TestLibraryWindowTitleUnmarked: the window title is the story's title,
// without the list's unread and star marks.
func TestLibraryWindowTitleUnmarked(t *testing.T) {
	d := libDriver(t, newFakeLibrary(3))
	d.press("tab", "s", "m", "tab") // starred, and unread again
	if got := d.selectedTitle(); got != "• ★ Story 0001" {
		t.Fatalf("the row reads %q", got)
	}
	if got := d.m.View().WindowTitle; got != "Story 0001" {
		t.Errorf("window title %q, want the title alone", got)
	}
}

// TestLibraryDaysByPageDate: the listing's days head the pages by the
// date each gives itself, the day saved only for a page with none.
func TestLibraryDaysByPageDate(t *testing.T) {
	f := newFakeLibrary(3)
	now := time.Now()
	f.items[1].Published = now.AddDate(0, 0, -1)
	f.items[2].Published = time.Date(2019, 11, 19, 9, 0, 0, 0, time.UTC)
	d := libDriver(t, f)
	scr := d.screen()
	for _, want := range []string{"Today", "Yesterday", "Tuesday 19 November 2019"} {
		if !strings.Contains(scr, want) {
			t.Errorf("no heading %q:\n%s", want, scr)
		}
	}
}

// TestSearchErrorBesidePrompt: while a search typed cannot run, why is
// said beside the prompt, where it is seen as one types, and goes when the
// search can run again.
func TestSearchErrorBesidePrompt(t *testing.T) {
	d := libDriver(t, newFakeLibrary(12))
	d.press("/")
	d.typeText(`1"`)
	if got := lastLine(d.screen()); !strings.Contains(got, `/1"`) || !strings.Contains(got, "unclosed quote") {
		t.Errorf("the prompt line does not say why: %q", got)
	}
	d.press("backspace")
	if got := lastLine(d.screen()); strings.Contains(got, "unclosed quote") {
		t.Errorf("the reason stayed after the search ran again: %q", got)
	}
}

// TestDeleteSelectsNextLibraryRow: after D y the selection goes to the
// library row that took the deleted one's place, not to whatever row of
// another section now stands at the same place in the list.
func TestDeleteSelectsNextLibraryRow(t *testing.T) {
	f := newFakeLibrary(8)
	feed := func(context.Context) []story.Document {
		return []story.Document{{Source: "subscriptions", Stories: []story.Story{{
			Title: "Harbour Ledger", Site: "2 unread", Body: body("the ledger", 1),
			Related: []story.Story{{Title: "Item A", URL: f.items[5].URL}, {Title: "Item B", URL: f.items[6].URL}},
		}, {
			Title: "Coast Courier", Site: "2 unread", Body: body("the courier", 1),
			Related: []story.Story{{Title: "Item C", URL: f.items[7].URL}, {Title: "Item D", URL: f.items[4].URL}},
		}}}}
	}
	d := newDriver(t, Options{Library: f, Feeds: feed}, 100, 30)
	for d.selectedTitle() != "• Story 0004" {
		d.press("j")
		if d.m.list.cursor > 20 {
			t.Fatal("Story 0004 never selected")
		}
	}
	d.press("D", "y")
	if got := d.selectedTitle(); got != "• Story 0005" {
		t.Errorf("after D y the selection is on %q, want the next library row", got)
	}
}
