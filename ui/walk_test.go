package ui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

// An invented web for walking: a front page read from a file, whose main
// story has a related item that is only a link; that page has one too, and
// so on three pages deep. Each page's body names the page ("marker").

const (
	tidesURL  = "https://tides.example/record"
	wallURL   = "https://www.coast.example/seawall/"
	ferryURL  = "http://ferries.example/timetable#top"
	gaugeURL  = "https://data.example/gauge"
	trainsURL = "https://rail.example/night-trains/"
)

func linkedBody(marker string, paragraphs int, links ...string) []story.Block {
	b := body(marker, paragraphs)
	for i, u := range links {
		b = append(b, story.NewBlock(story.Paragraph, story.Run("Read "),
			story.LinkTo(u, story.Run(fmt.Sprintf("more about %s %d", marker, i))), story.Run(" here.")))
	}
	return b
}

func walkFront() story.Document {
	doc := frontPage()
	main := &doc.Stories[0]
	main.URL = "https://herald.example/barrier"
	main.Related = append(main.Related,
		story.Story{Title: "Tide gauge readings hit record", Site: "Tides Daily", URL: tidesURL},
		story.Story{Title: "Night trains are back", Site: "Rail Digest", URL: "http://www.rail.example/night-trains#latest"},
		story.Story{Title: "Library opens rooftop reading garden", Site: "Elsewhere", URL: "https://elsewhere.example/garden"},
	)
	doc.Stories[1].URL = trainsURL
	lib := &doc.Stories[2]
	lib.Related = append(lib.Related, story.Story{Title: "Gauge data for the month", Site: "Data Desk", URL: gaugeURL})
	return doc
}

func webPages() map[string]story.Document {
	return map[string]story.Document{
		"front.txt": walkFront(),
		tidesURL: {Stories: []story.Story{{
			Title: "Tide gauge readings hit record", Site: "Tides Daily", URL: tidesURL,
			Body: linkedBody("tides", 20, gaugeURL, trainsURL),
			Related: []story.Story{
				{Title: "Sea wall repairs begin", Site: "Coast Herald", URL: wallURL},
			},
		}}},
		wallURL: {Stories: []story.Story{{
			Title: "Sea wall repairs begin", Site: "Coast Herald",
			Body: body("seawall", 20),
			Related: []story.Story{
				{Title: "Ferry timetable changes", Site: "Ferry News", URL: ferryURL},
			},
		}}},
		ferryURL: {Stories: []story.Story{{
			Title: "Ferry timetable changes", Site: "Ferry News", Body: body("ferries", 20),
		}}},
		gaugeURL: {Stories: []story.Story{{
			Title: "Gauge data for the month", Site: "Data Desk", Body: body("gauge", 10),
		}}},
	}
}

// web is a fake Loader over webPages that records what it is asked for.
// With gate set, each load waits for a value on it or for its context.
type web struct {
	mu      sync.Mutex
	pages   map[string]story.Document
	calls   []string
	gate    chan struct{}
	started chan context.Context // receives each load's context, if set
	saved   map[string]bool      // what Saved reports; a load saves its page
}

func newWeb() *web {
	return &web{pages: webPages(), saved: map[string]bool{}}
}

func (w *web) load(ctx context.Context, src string) []story.Document {
	w.mu.Lock()
	w.calls = append(w.calls, src)
	gate, started := w.gate, w.started
	w.mu.Unlock()
	if started != nil {
		started <- ctx
	}
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			return []story.Document{{Source: src, Err: ctx.Err()}}
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	d, ok := w.pages[src]
	if !ok {
		return []story.Document{{Source: src, Err: fmt.Errorf("fetch %s: 404 Not Found", src)}}
	}
	w.saved[src] = true
	d.Source = src
	return []story.Document{d}
}

func (w *web) isSaved(u string) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.saved[u]
}

func (w *web) loaded(src string) int {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := 0
	for _, c := range w.calls {
		if c == src {
			n++
		}
	}
	return n
}

func (w *web) options() Options {
	return Options{
		Sources:  []string{"front.txt"},
		Load:     w.load,
		Saved:    w.isSaved,
		Renderer: render.NewRenderer(0),
		Style:    render.Dark,
	}
}

// selectTitle moves the list selection to the entry titled title.
func (d *driver) selectTitle(title string) {
	d.tb.Helper()
	for n, i := range d.m.list.visible {
		if d.m.list.all[i].title == title {
			d.m.list.moveTo(n)
			d.run(d.m.showSelected())
			return
		}
	}
	d.tb.Fatalf("no entry titled %q", title)
}

// listTitles is the list's titles in order.
func (d *driver) listTitles() []string {
	var out []string
	for _, e := range d.m.list.all {
		out = append(out, e.title)
	}
	return out
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// crumb is the reader's breadcrumb as shown: the first line of the reader
// pane, plain.
func (d *driver) crumb() string {
	return strings.Join(d.m.reader.crumb, crumbSep)
}

func TestWalkRelatedChainThreeDeepAndBack(t *testing.T) {
	w := newWeb()
	d := newDriver(t, w.options(), 120, 20)

	d.selectTitle("Tide gauge readings hit record")
	if e, _ := d.m.list.selected(); !e.stub || !strings.Contains(d.readerText(), "Only a link so far") {
		t.Fatalf("a related item that is only a link should say how to load it: %.200q", d.readerText())
	}
	offBefore := d.m.list.offset
	d.press("enter")
	if w.loaded(tidesURL) != 1 {
		t.Fatalf("enter on a link-only related item loaded %v", w.calls)
	}
	if d.selectedTitle() != "Tide gauge readings hit record" || !strings.Contains(d.readerText(), "about tides") {
		t.Fatalf("walk did not show the loaded page: %q / %.80q", d.selectedTitle(), d.readerText())
	}
	if e, _ := d.m.list.selected(); e.related {
		t.Fatal("the loaded page should be a story of its own in the list")
	}
	if d.m.focus != readerFocus {
		t.Error("walking should open the story in the reader")
	}
	if got, want := d.crumb(), "Harbour council approves tidal barrier › Tide gauge readings hit record"; got != want {
		t.Errorf("breadcrumb %q, want %q", got, want)
	}
	if scr := d.screen(); !strings.Contains(scr, "↳ Harbour council approves tidal barrier › Tide gauge") {
		t.Errorf("breadcrumb not on screen:\n%s", scr)
	}

	// Two more steps, each from the related item of the page just loaded.
	d.press("tab")
	d.selectTitle("Sea wall repairs begin")
	d.press("enter")
	d.press("tab")
	d.selectTitle("Ferry timetable changes")
	d.press("enter")
	if !strings.Contains(d.readerText(), "about ferries") {
		t.Fatalf("third walk did not arrive: %.80q", d.readerText())
	}
	want := "Harbour council approves tidal barrier › Tide gauge readings hit record › Sea wall repairs begin › Ferry timetable changes"
	if d.crumb() != want {
		t.Errorf("breadcrumb %q\nwant %q", d.crumb(), want)
	}

	// Each page sits after the story group it was reached from, with its
	// related items under it.
	titles := d.listTitles()
	order := []string{
		"Harbour council approves tidal barrier", "Library opens rooftop reading garden", // the front page's last related item
		"Tide gauge readings hit record", "Sea wall repairs begin",
		"Sea wall repairs begin", "Ferry timetable changes",
		"Ferry timetable changes", "Night trains return to the northern line",
	}
	pos := -1
	for i, title := range order {
		n := indexOf(titles[pos+1:], title)
		if n < 0 {
			t.Fatalf("list order: %q (step %d) not after position %d in %q", title, i, pos, titles)
		}
		pos += 1 + n
	}

	// Back, three times, along the path; then nothing left.
	d.press("backspace")
	if d.selectedTitle() != "Ferry timetable changes" || d.m.focus != listFocus {
		t.Fatalf("back 1: selected %q, focus %v", d.selectedTitle(), d.m.focus)
	}
	if e, _ := d.m.list.selected(); !e.related {
		t.Fatal("back 1 should return to the related item the walk started from")
	}
	d.press("backspace", "backspace")
	e, _ := d.m.list.selected()
	if e.title != "Tide gauge readings hit record" || !e.related || e.key.slot != 0 {
		t.Fatalf("back 3: selected %+v, want the front page's related item", e.key)
	}
	if d.m.list.offset != offBefore {
		t.Errorf("back restored list scroll %d, want %d", d.m.list.offset, offBefore)
	}
	if d.crumb() != "" {
		t.Errorf("breadcrumb %q at the start of the path", d.crumb())
	}
	d.press("backspace")
	if !strings.Contains(lastLine(d.screen()), "nothing to go back to") {
		t.Errorf("back at the start: %q", lastLine(d.screen()))
	}
	// Walking again goes to the page loaded before, without a second load.
	d.selectTitle("Tide gauge readings hit record")
	d.press("enter")
	if w.loaded(tidesURL) != 1 || !strings.Contains(d.readerText(), "about tides") {
		t.Fatalf("second walk to a loaded page: loads %d, reader %.60q", w.loaded(tidesURL), d.readerText())
	}
	checkFits(t, d.m.View().Content, 120, 20)
}

func TestWalkBackRestoresScrollAndFocusInTheReader(t *testing.T) {
	w := newWeb()
	d := newDriver(t, w.options(), 120, 20)
	d.selectTitle("Tide gauge readings hit record")
	d.press("enter") // now reading the tides page
	for range 6 {
		d.press("j")
	}
	scroll := d.m.reader.vp.YOffset()
	if scroll != 6 {
		t.Fatalf("reader scrolled to %d", scroll)
	}
	d.press("L")
	if !d.m.links.open || !strings.Contains(d.screen(), "[1] more about tides 0") || !strings.Contains(d.screen(), gaugeURL) {
		t.Fatalf("links list not shown:\n%s", d.screen())
	}
	d.press("enter") // follow link 1, the gauge page
	if w.loaded(gaugeURL) != 1 || !strings.Contains(d.readerText(), "about gauge") {
		t.Fatalf("following a link: loads %v, reader %.60q", w.calls, d.readerText())
	}
	if got := d.crumb(); !strings.HasSuffix(got, "Tide gauge readings hit record › Gauge data for the month") {
		t.Errorf("breadcrumb %q", got)
	}
	d.press("h")
	if d.selectedTitle() != "Tide gauge readings hit record" || d.m.focus != readerFocus {
		t.Fatalf("h in the reader went to %q, focus %v", d.selectedTitle(), d.m.focus)
	}
	if got := d.m.reader.vp.YOffset(); got != scroll {
		t.Errorf("back restored scroll %d, want %d", got, scroll)
	}
	if !strings.HasSuffix(d.crumb(), "› Tide gauge readings hit record") {
		t.Errorf("breadcrumb after one step back: %q", d.crumb())
	}
	d.press("left")
	if e, _ := d.m.list.selected(); !e.related || e.key.slot != 0 {
		t.Fatalf("← went to %q", d.selectedTitle())
	}
}

func TestLinkToALoadedStoryJumpsWithoutLoading(t *testing.T) {
	w := newWeb()
	d := newDriver(t, w.options(), 120, 30)
	d.selectTitle("Tide gauge readings hit record")
	d.press("enter", "L", "j")
	if l, _ := d.m.links.chosen(); l.URL != trainsURL {
		t.Fatalf("second link is %+v", l)
	}
	d.press("enter")
	if d.selectedTitle() != "Night trains return to the northern line" {
		t.Fatalf("link to a loaded story selected %q", d.selectedTitle())
	}
	if n := w.loaded(trainsURL); n != 0 {
		t.Errorf("loaded a copy of a story already in the list (%d loads)", n)
	}
}

func TestRelatedItemMatchingALoadedStoryJumpsToIt(t *testing.T) {
	tests := []struct{ item, want string }{
		// same page: scheme, www., fragment and trailing slash differ
		{"Night trains are back", "Night trains return to the northern line"},
		// same headline, another site's URL
		{"Library opens rooftop reading garden", "Library opens rooftop reading garden"},
	}
	for _, tt := range tests {
		w := newWeb()
		d := newDriver(t, w.options(), 120, 30)
		d.selectTitle(tt.item)
		if e, _ := d.m.list.selected(); !e.related {
			t.Fatalf("%q is not the related item", tt.item)
		}
		d.press("enter")
		e, _ := d.m.list.selected()
		if e.title != tt.want || e.related {
			t.Errorf("%q: enter selected %q (related %v)", tt.item, e.title, e.related)
		}
		if len(w.calls) != 1 { // front.txt only
			t.Errorf("%q: loads %q, want none for the item", tt.item, w.calls)
		}
		if d.crumb() == "" {
			t.Errorf("%q: a jump is a walk too, with a breadcrumb", tt.item)
		}
		d.press("backspace")
		if d.selectedTitle() != tt.item {
			t.Errorf("%q: back went to %q", tt.item, d.selectedTitle())
		}
	}
}

func TestEscCancelsAWalk(t *testing.T) {
	w := newWeb()
	d := newDriver(t, w.options(), 120, 30)
	w.gate, w.started = make(chan struct{}), make(chan context.Context, 1)
	d.selectTitle("Tide gauge readings hit record")
	cmd := d.update(keyMsg("enter"))
	ctxOp := d.m.op.id
	if status := lastLine(d.screen()); !strings.Contains(status, "loading "+tidesURL) || !strings.Contains(status, "esc cancels") {
		t.Fatalf("status bar during the load: %q", status)
	}
	done := make(chan []tea.Msg)
	go func() { done <- flatten(t, cmd) }()
	ctx := <-w.started
	// The UI answers keys while the page loads.
	d.press("k")
	d.press("j")
	d.press("esc")
	if ctx.Err() == nil {
		t.Fatal("esc did not cancel the load's context")
	}
	for _, msg := range <-done {
		if _, ok := msg.(walkDone); ok {
			t.Errorf("a cancelled load reported %#v", msg)
		}
	}
	if status := lastLine(d.screen()); strings.Contains(status, "esc cancels") || !strings.Contains(status, "stopped loading") {
		t.Errorf("status after esc: %q", status)
	}
	if d.m.focus != listFocus || d.selectedTitle() != "Tide gauge readings hit record" {
		t.Errorf("esc during a load should only stop it: focus %v, selected %q", d.m.focus, d.selectedTitle())
	}
	if cmd := d.update(spinTick{id: ctxOp}); cmd != nil {
		t.Error("the spinner kept turning after the load stopped")
	}
}

func TestStaleWalkResultsAreDropped(t *testing.T) {
	w := newWeb()
	d := newDriver(t, w.options(), 120, 30)
	before := len(d.m.list.all)
	d.selectTitle("Tide gauge readings hit record")
	first := d.update(keyMsg("enter"))
	firstID := d.m.op.id
	// Start another walk before the first one's result is in.
	d.selectTitle("Gauge data for the month")
	second := d.update(keyMsg("enter"))
	if d.m.op.id == firstID {
		t.Fatal("second walk did not replace the first")
	}
	for _, msg := range flatten(t, first) {
		d.send(msg) // cancelled: nothing, or a result with the old id
	}
	if len(d.m.list.all) != before {
		t.Fatal("a superseded walk's page joined the list")
	}
	// Even a result that got through under the old id is dropped.
	d.send(walkDone{id: firstID, url: tidesURL, entries: []entry{{title: "stale", key: entryKey{related: -1}}}})
	if len(d.m.list.all) != before {
		t.Fatal("a result for an old walk id joined the list")
	}
	d.run(second)
	if !strings.Contains(d.readerText(), "about gauge") {
		t.Fatalf("the current walk was not shown: %.60q", d.readerText())
	}
}

func TestWalkErrorNamesTheURL(t *testing.T) {
	w := newWeb()
	delete(w.pages, tidesURL)
	d := newDriver(t, w.options(), 120, 30)
	before := len(d.m.list.all)
	d.selectTitle("Tide gauge readings hit record")
	d.press("enter")
	status := lastLine(d.screen())
	if !strings.Contains(status, tidesURL) || !strings.Contains(status, "404") {
		t.Errorf("status after a failed walk: %q", status)
	}
	if len(d.m.list.all) != before || len(d.m.path) != 0 {
		t.Error("a failed walk changed the list or the path")
	}
	if len(d.m.Errors()) != 0 {
		t.Errorf("a failed walk counts as a failed source: %q", d.m.Errors())
	}
}

func TestOfflineMarkers(t *testing.T) {
	w := newWeb()
	w.saved[tidesURL] = true
	d := newDriver(t, w.options(), 120, 40)
	markedRow := func(title string) bool {
		t.Helper()
		for _, line := range strings.Split(d.screen(), "\n") {
			if strings.Contains(line, title[:20]) {
				return strings.Contains(line, savedGlyph)
			}
		}
		t.Fatalf("%q not on screen:\n%s", title, d.screen())
		return false
	}
	if !markedRow("Tide gauge readings hit record") {
		t.Errorf("saved related item not marked:\n%s", d.screen())
	}
	if markedRow("Night trains are back") || markedRow("Fishermen fear barrier") {
		t.Error("items without a saved copy are marked")
	}
	// A walk saves its page (the fake loader does); the item linking to
	// it is marked once the walk is done.
	w.saved = map[string]bool{}
	opts := w.options()
	d = newDriver(t, opts, 120, 40)
	d.selectTitle("Tide gauge readings hit record")
	if e, _ := d.m.list.selected(); e.saved {
		t.Fatal("marked before anything was saved")
	}
	d.press("enter", "backspace")
	if e, _ := d.m.list.selected(); !e.saved {
		t.Error("the item was not marked after its page was saved")
	}
	d.press("?")
	if !strings.Contains(d.screen(), savedGlyph+" before a related story means a copy is saved") {
		t.Error("help does not explain the offline marker")
	}
}

// A related item whose page has been loaded reads as that page: going
// back to it, or selecting it later, shows the story, not the note that
// it is only a link.
func TestWalkedRelatedItemShowsTheLoadedStory(t *testing.T) {
	w := newWeb()
	d := newDriver(t, w.options(), 120, 30)
	d.selectTitle("Tide gauge readings hit record")
	d.press("enter", "backspace")
	if e, _ := d.m.list.selected(); !e.related || !e.saved {
		t.Fatalf("setup: back on %+v, want the saved related item", e.key)
	}
	if text := d.readerText(); strings.Contains(text, "Only a link so far") || !strings.Contains(text, "about tides") {
		t.Errorf("the walked item still reads as a link: %.120q", text)
	}
	if scr := d.screen(); strings.Contains(scr, "Only a link so far") {
		t.Errorf("screen shows the link note:\n%s", scr)
	}
	// Its links are the loaded story's, and following one works from it.
	d.press("L")
	if !d.m.links.open || len(d.m.links.links) < 2 || d.m.links.links[0].URL != gaugeURL {
		t.Fatalf("links of the walked item: %+v", d.m.links.links)
	}
	d.press("esc")
	// Away and back by hand: still the story.
	d.selectTitle("Night trains return to the northern line")
	d.selectTitle("Tide gauge readings hit record")
	if text := d.readerText(); !strings.Contains(text, "about tides") {
		t.Errorf("selected again, the walked item shows %.120q", text)
	}
	// An item nobody walked to still says how to load it.
	d.selectTitle("Gauge data for the month")
	if !strings.Contains(d.readerText(), "Only a link so far") {
		t.Errorf("an unwalked item lost its note: %.120q", d.readerText())
	}
}

// Selecting a related item with a saved copy reads it at once, without
// moving the selection or the focus; one without waits for enter.
func TestSelectingASavedRelatedItemLoadsIt(t *testing.T) {
	w := newWeb()
	w.saved[tidesURL] = true
	d := newDriver(t, w.options(), 120, 30)
	d.press("j", "j", "j")
	e, _ := d.m.list.selected()
	if e.title != "Tide gauge readings hit record" || !e.related {
		t.Fatalf("setup: on %q", e.title)
	}
	if text := d.readerText(); strings.Contains(text, "Only a link so far") || !strings.Contains(text, "about tides") {
		t.Errorf("the saved item was not loaded: %.120q", text)
	}
	if d.m.focus != listFocus || d.selectedTitle() != "Tide gauge readings hit record" || len(d.m.path) != 0 {
		t.Errorf("loading moved things: focus %v, on %q, path %d", d.m.focus, d.selectedTitle(), len(d.m.path))
	}
	if d.m.op.kind != opNone {
		t.Error("the load is still running")
	}
	// An item without a saved copy is not fetched by selecting it.
	d.press("G")
	for d.selectedTitle() != "Gauge data for the month" {
		d.press("k")
	}
	if w.loaded(gaugeURL) != 0 || !strings.Contains(d.readerText(), "Only a link so far") {
		t.Errorf("an unsaved item was fetched on selection (%d loads)", w.loaded(gaugeURL))
	}
}

// n and p go from story to story past related items that are only links;
// j and k still stop on them.
func TestNextAndPrevSkipLinkOnlyItems(t *testing.T) {
	w := newWeb()
	d := newDriver(t, w.options(), 120, 30)
	d.selectTitle("Engineers explain the tidal gates")
	d.press("n")
	// "Tide gauge readings hit record" is only a link; "Night trains are
	// back" is a link to a story in the list, so it reads.
	if got := d.selectedTitle(); got != "Night trains are back" {
		t.Errorf("n went to %q", got)
	}
	d.press("p")
	if got := d.selectedTitle(); got != "Engineers explain the tidal gates" {
		t.Errorf("p went to %q", got)
	}
	d.press("j")
	if got := d.selectedTitle(); got != "Tide gauge readings hit record" {
		t.Errorf("j went to %q", got)
	}
}

func TestReloadKeepsTheBreadcrumb(t *testing.T) {
	w := newWeb()
	opts := w.options()
	opts.Reload = w.load
	d := newDriver(t, opts, 120, 30)
	d.selectTitle("Tide gauge readings hit record")
	d.press("enter")
	before := d.crumb()
	if before == "" {
		t.Fatal("setup: no breadcrumb after the walk")
	}
	d.press("r")
	if w.loaded(tidesURL) != 2 {
		t.Fatalf("setup: the page was loaded %d times", w.loaded(tidesURL))
	}
	if got := d.crumb(); got != before {
		t.Errorf("after reload the breadcrumb is %q, want %q", got, before)
	}
}

// Enter pressed while a saved copy is still loading for the selection
// walks to it once it is in, as enter always does.
func TestEnterDuringASavedLoadWalks(t *testing.T) {
	w := newWeb()
	w.saved[tidesURL] = true
	d := newDriver(t, w.options(), 120, 30)
	d.press("j", "j")
	w.gate = make(chan struct{})
	pending := d.update(keyMsg("j")) // the saved copy starts loading
	if d.m.op.kind != opWalk || !d.m.op.inPlace {
		t.Fatalf("setup: op %+v", d.m.op)
	}
	d.press("enter")
	close(w.gate)
	d.run(pending)
	if d.m.focus != readerFocus || len(d.m.path) != 1 || d.crumb() == "" {
		t.Errorf("enter during the load did not walk: focus %v, path %d, crumb %q", d.m.focus, len(d.m.path), d.crumb())
	}
}
