package ui

import (
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/keymap"
	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

func TestFirstFrameShowsListAndReader(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 36)
	scr := d.screen()
	for _, title := range frontTitles {
		if !strings.Contains(scr, truncate(title, 30)[:20]) {
			t.Errorf("list does not show %q:\n%s", title, scr)
		}
	}
	if !strings.Contains(scr, "Paragraph 1 about barrier") {
		t.Errorf("reader does not show the first story:\n%s", scr)
	}
	if !strings.Contains(scr, "Coast Herald · 3 hours ago") {
		t.Errorf("list does not show site · age under the title:\n%s", scr)
	}
	if !strings.Contains(scr, " 1/6 ") {
		t.Errorf("status bar has no position:\n%s", scr)
	}
	v := d.m.View()
	if !v.AltScreen || v.MouseMode != tea.MouseModeCellMotion {
		t.Errorf("view: AltScreen %v, MouseMode %v", v.AltScreen, v.MouseMode)
	}
	if v.WindowTitle != frontTitles[0] {
		t.Errorf("window title %q, want %q", v.WindowTitle, frontTitles[0])
	}
	checkFits(t, v.Content, 120, 36)
}

func TestListKeysMoveTheSelectionAndTheReaderFollows(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 36)
	steps := []struct {
		keys   []string
		want   int    // index into frontTitles
		marker string // what the reader must show
	}{
		{[]string{"down"}, 1, "about fishermen"},
		{[]string{"j"}, 2, "about engineers"},
		{[]string{"j", "j"}, 4, "about garden"},
		{[]string{"up"}, 3, "about trains"},
		{[]string{"k", "k", "k", "k"}, 0, "about barrier"}, // stops at the top
		{[]string{"G"}, 5, "about ferns"},
		{[]string{"down"}, 5, "about ferns"}, // stops at the bottom
		{[]string{"g"}, 0, "about barrier"},
		{[]string{"end"}, 5, "about ferns"},
		{[]string{"home"}, 0, "about barrier"},
	}
	for _, s := range steps {
		d.press(s.keys...)
		if got := d.selectedTitle(); got != frontTitles[s.want] {
			t.Fatalf("after %v: selected %q, want %q", s.keys, got, frontTitles[s.want])
		}
		if !strings.Contains(d.readerText(), s.marker) {
			t.Fatalf("after %v: reader shows %.80q, want %q", s.keys, d.readerText(), s.marker)
		}
		if !strings.Contains(d.screen(), s.marker) {
			t.Fatalf("after %v: screen does not show %q", s.keys, s.marker)
		}
		if wt := d.m.View().WindowTitle; wt != frontTitles[s.want] {
			t.Fatalf("after %v: window title %q", s.keys, wt)
		}
	}
}

func TestTabSwitchesFocusAndKeysFollowIt(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 36)
	d.press("tab")
	if d.m.focus != readerFocus {
		t.Fatal("tab did not focus the reader")
	}
	d.press("j", "j", "down")
	if got := d.m.reader.vp.YOffset(); got != 3 {
		t.Errorf("reader scrolled to %d after three downs, want 3", got)
	}
	if d.selectedTitle() != frontTitles[0] {
		t.Errorf("down in the reader moved the selection to %q", d.selectedTitle())
	}
	d.press("k")
	if got := d.m.reader.vp.YOffset(); got != 2 {
		t.Errorf("reader at %d after up, want 2", got)
	}
	d.press("G")
	if !d.m.reader.vp.AtBottom() {
		t.Error("G in the reader did not go to the bottom")
	}
	d.press("g")
	if d.m.reader.vp.YOffset() != 0 {
		t.Error("g in the reader did not go to the top")
	}
	d.press("tab")
	if d.m.focus != listFocus {
		t.Fatal("second tab did not focus the list")
	}
	d.press("down")
	if d.selectedTitle() != frontTitles[1] {
		t.Errorf("down in the list selected %q", d.selectedTitle())
	}
}

func TestEnterReadsEscGoesBack(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 36)
	d.press("enter")
	if d.m.focus != readerFocus {
		t.Fatal("enter in the list did not focus the reader")
	}
	d.press("esc")
	if d.m.focus != listFocus {
		t.Fatal("esc in the reader did not go back to the list")
	}
}

func TestPagingScrollsTheReaderFromEitherPane(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 36)
	page := d.m.reader.vp.Height()
	d.press("pgdown")
	if got := d.m.reader.vp.YOffset(); got != page {
		t.Fatalf("pgdown from the list: offset %d, want %d", got, page)
	}
	if d.m.focus != listFocus || d.selectedTitle() != frontTitles[0] {
		t.Fatal("paging changed focus or selection")
	}
	d.press("space")
	if got := d.m.reader.vp.YOffset(); got != 2*page {
		t.Fatalf("space: offset %d, want %d", got, 2*page)
	}
	d.press("b")
	if got := d.m.reader.vp.YOffset(); got != page {
		t.Fatalf("b: offset %d, want %d", got, page)
	}
	d.press("pgup")
	if got := d.m.reader.vp.YOffset(); got != 0 {
		t.Fatalf("pgup: offset %d, want 0", got)
	}
	d.press("ctrl+d")
	if got := d.m.reader.vp.YOffset(); got != page/2 {
		t.Fatalf("ctrl+d: offset %d, want %d", got, page/2)
	}
	if !strings.Contains(d.screen(), "Paragraph") {
		t.Fatal("paged reader shows no text")
	}
}

func TestNextAndPrevFromEitherPane(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 36)
	d.press("n")
	if d.selectedTitle() != frontTitles[1] {
		t.Fatalf("n from the list selected %q", d.selectedTitle())
	}
	d.press("tab", "n", "n")
	if d.selectedTitle() != frontTitles[3] {
		t.Fatalf("n n from the reader selected %q", d.selectedTitle())
	}
	if d.m.focus != readerFocus {
		t.Fatal("n moved the focus")
	}
	if !strings.Contains(d.screen(), "about trains") {
		t.Fatalf("reader does not follow n:\n%s", d.screen())
	}
	d.press("p")
	if d.selectedTitle() != frontTitles[2] {
		t.Fatalf("p selected %q", d.selectedTitle())
	}
}

func TestEachStoryKeepsItsScrollPosition(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 36)
	d.press("tab")
	for range 7 {
		d.press("j")
	}
	d.press("n", "n", "n") // to the trains story
	if got := d.m.reader.vp.YOffset(); got != 0 {
		t.Fatalf("a story opened for the first time starts at %d, want the top", got)
	}
	d.press("j", "j")
	d.press("p", "p", "p")
	if got := d.m.reader.vp.YOffset(); got != 7 {
		t.Fatalf("back on the first story at %d, want 7", got)
	}
	d.press("n", "n", "n")
	if got := d.m.reader.vp.YOffset(); got != 2 {
		t.Fatalf("back on the trains story at %d, want 2", got)
	}
}

func TestQuitKeys(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		d := newDriver(t, frontOptions(), 80, 24)
		d.press(k)
		if !d.quit {
			t.Errorf("%s did not quit", k)
		}
		if d.m.ctx.Err() == nil {
			t.Errorf("%s left the loads' context running", k)
		}
	}
	// ctrl+c quits even while typing a filter and when quit is rebound.
	opts := frontOptions()
	opts.Keys = map[string][]string{string(keymap.Quit): {"x"}}
	d := newDriver(t, opts, 80, 24)
	d.press("/", "q")
	if d.quit {
		t.Fatal("q typed into the filter quit")
	}
	d.press("ctrl+c")
	if !d.quit {
		t.Fatal("ctrl+c did not quit while filtering")
	}
}

func TestHelpShowsTheKeymapInUse(t *testing.T) {
	opts := frontOptions()
	opts.Keys = map[string][]string{string(keymap.Next): {"l", "right"}, "explode": {"x"}}
	d := newDriver(t, opts, 120, 36)
	d.press("?")
	scr := d.screen()
	for _, want := range []string{"tread keys", "l/→", "next story", "previous story", "pgdn/space", "page down", "quit"} {
		if !strings.Contains(scr, want) {
			t.Errorf("help lacks %q:\n%s", want, scr)
		}
	}
	d.press("j") // ignored while help is open
	if d.selectedTitle() != frontTitles[0] {
		t.Error("a key moved the selection under the help screen")
	}
	d.press("?")
	if d.m.helpScr.open || strings.Contains(d.screen(), "tread keys") {
		t.Fatal("? did not close help")
	}
	d.press("l")
	if d.selectedTitle() != frontTitles[1] {
		t.Fatalf("rebound next key l selected %q", d.selectedTitle())
	}
	d.press("n")
	if d.selectedTitle() != frontTitles[1] {
		t.Fatal("n still moves after next was rebound")
	}
	if errs := d.m.Errors(); len(errs) != 0 {
		t.Errorf("an action this UI lacks made errors: %q", errs)
	}
	if km := newKeyMap(opts.Keys); !reflect.DeepEqual(km.Quit, newKeyMap(nil).Quit) {
		t.Errorf("an unknown action changed another binding: quit %q", km.Quit.Keys())
	}
	d.press("?", "esc")
	if d.m.helpScr.open {
		t.Fatal("esc did not close help")
	}
}

func TestStatusBarHintsComeFromTheKeymap(t *testing.T) {
	opts := frontOptions()
	opts.Keys = map[string][]string{string(keymap.Search): {"s"}}
	d := newDriver(t, opts, 120, 36)
	if scr := d.screen(); !strings.Contains(scr, "s find") {
		t.Fatalf("status hints do not show the rebound search key:\n%s", lastLine(scr))
	}
}

func TestBackgroundColourSwitchesToLightAndRerenders(t *testing.T) {
	opts := frontOptions()
	opts.Style = "" // auto
	d := newDriver(t, opts, 120, 36)
	if d.m.style != render.Dark || d.m.reader.shown.style != render.Dark {
		t.Fatalf("auto style starts as %q/%q, want dark", d.m.style, d.m.reader.shown.style)
	}
	d.send(tea.BackgroundColorMsg{Color: whiteColor{}})
	if d.m.style != render.Light || d.m.dark {
		t.Fatalf("light background gave style %q dark=%v", d.m.style, d.m.dark)
	}
	if d.m.reader.shown.style != render.Light {
		t.Fatalf("reader still shows the %q render", d.m.reader.shown.style)
	}
	// A fixed style stays put whatever the terminal says.
	d2 := newDriver(t, frontOptions(), 120, 36)
	d2.send(tea.BackgroundColorMsg{Color: whiteColor{}})
	if d2.m.style != render.Dark || !d2.m.dark {
		t.Fatalf("explicit dark style changed to %q (dark chrome %v)", d2.m.style, d2.m.dark)
	}
	// Any other fixed style keeps its stories but the chrome follows the
	// terminal.
	opts = frontOptions()
	opts.Style = render.NoTTY
	d3 := newDriver(t, opts, 120, 36)
	d3.send(tea.BackgroundColorMsg{Color: whiteColor{}})
	if d3.m.style != render.NoTTY || d3.m.dark {
		t.Fatalf("notty style on a light terminal: style %q, dark chrome %v", d3.m.style, d3.m.dark)
	}
}

type whiteColor struct{}

func (whiteColor) RGBA() (r, g, b, a uint32) { return 0xffff, 0xffff, 0xffff, 0xffff }

func TestDocsAreShownWithoutLoading(t *testing.T) {
	d := newDriver(t, Options{Docs: []story.Document{frontPage()}, Style: render.Dark}, 100, 30)
	if d.selectedTitle() != frontTitles[0] || !strings.Contains(d.screen(), "about barrier") {
		t.Fatalf("built-in documents not shown:\n%s", d.screen())
	}
}

func lastLine(s string) string {
	lines := strings.Split(s, "\n")
	return lines[len(lines)-1]
}

// A story without a title is named after where it came from, in the list
// and the window title.
func TestUntitledStoriesAreNamedBySource(t *testing.T) {
	doc := story.Document{Stories: []story.Story{{
		Body:    body("nameless", 3),
		Related: []story.Story{{URL: "https://news.example/2026/tides/"}},
	}}}
	opts := Options{
		Sources:  []string{"pages/saved/harbour-news.html", "https://paper.example/front/page"},
		Load:     fixtureLoader(map[string]story.Document{"pages/saved/harbour-news.html": doc, "https://paper.example/front/page": {Stories: []story.Story{{Body: body("web", 2)}}}}),
		Renderer: render.NewRenderer(0),
		Style:    render.Dark,
	}
	d := newDriver(t, opts, 120, 30)
	want := []string{"harbour-news.html", "news.example/2026/tides", "paper.example/front/page"}
	if got := d.listTitles(); !reflect.DeepEqual(got, want) {
		t.Errorf("titles %q, want %q", got, want)
	}
	if got := d.m.View().WindowTitle; got != "harbour-news.html" {
		t.Errorf("window title %q", got)
	}
	if strings.Contains(d.screen(), "(untitled)") {
		t.Errorf("screen says (untitled):\n%s", d.screen())
	}
}
