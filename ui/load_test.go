package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

// twoSourceOptionsDoc is the second paper: one story.
func twoSourceOptionsDoc() story.Document {
	return story.Document{Stories: []story.Story{
		{Title: "Second paper leads with a storm warning", Site: "Weather Desk", Age: "1 hour ago", Body: body("storm", 5)},
	}}
}

func twoSourceOptions(sources ...string) Options {
	return Options{
		Sources:  sources,
		Load:     fixtureLoader(map[string]story.Document{"front.txt": frontPage(), "second.txt": twoSourceOptionsDoc()}),
		Renderer: render.NewRenderer(0),
		Style:    render.Dark,
	}
}

func TestLoadErrorShowsInStatusWhileOtherSourcesStayListed(t *testing.T) {
	d := newDriver(t, twoSourceOptions("front.txt", "missing.txt", "second.txt"), 120, 30)
	scr := d.screen()
	status := lastLine(scr)
	if !strings.Contains(status, "open missing.txt: no such file or directory") {
		t.Fatalf("status bar does not name the failed source: %q", status)
	}
	if !strings.Contains(status, "1 failed") {
		t.Errorf("status bar does not count failures: %q", status)
	}
	for _, want := range []string{"Harbour council", "Second paper leads"} {
		if !strings.Contains(scr, want) {
			t.Errorf("%q not listed next to the failure:\n%s", want, scr)
		}
	}
	if got := d.m.Errors(); len(got) != 1 || !strings.Contains(got[0], "missing.txt") {
		t.Errorf("Errors() = %q", got)
	}
	// The notice clears when its time is up; the count stays.
	d.fireTicks()
	status = lastLine(d.screen())
	if strings.Contains(status, "no such file") || !strings.Contains(status, "q quit") {
		t.Errorf("notice did not give way to the key hints: %q", status)
	}
	if !strings.Contains(status, "1 failed") {
		t.Errorf("failure count went with the notice: %q", status)
	}
}

func TestErrorsFollowTheOrderSourcesWereGiven(t *testing.T) {
	m := New(twoSourceOptions("a.txt", "front.txt", "b.txt", "c.txt"))
	m.after = func(_ time.Duration, msg tea.Msg) tea.Cmd {
		return func() tea.Msg { return delayed{msg} }
	}
	d := &driver{tb: t, m: m}
	var loads []docLoaded
	for _, msg := range flatten(t, m.Init()) {
		if l, ok := msg.(docLoaded); ok {
			loads = append(loads, l)
		}
	}
	for i := len(loads) - 1; i >= 0; i-- {
		d.send(loads[i]) // the last source finishes first
	}
	var got []string
	for _, e := range d.m.Errors() {
		name, _, _ := strings.Cut(strings.TrimPrefix(e, "open "), ":")
		got = append(got, name)
	}
	if strings.Join(got, " ") != "a.txt b.txt c.txt" {
		t.Errorf("Errors() names %q, want the order given", got)
	}
	// The status bar has the one that arrived last.
	d.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	if status := lastLine(d.screen()); !strings.Contains(status, "open a.txt") || !strings.Contains(status, "3 failed") {
		t.Errorf("status %q, want the latest failure and the count", status)
	}
}

func TestSourcesListInOrderGivenWhateverOrderTheyFinish(t *testing.T) {
	m := New(twoSourceOptions("front.txt", "second.txt"))
	d := &driver{tb: t, m: m}
	// Run the loads by hand, then deliver the second source's first.
	msgs := flatten(t, m.Init())
	var loads []docLoaded
	for _, msg := range msgs {
		if l, ok := msg.(docLoaded); ok {
			loads = append(loads, l)
		}
	}
	if len(loads) != 2 {
		t.Fatalf("Init started %d loads, want 2", len(loads))
	}
	d.send(loads[1])
	d.send(loads[0])
	d.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	if e := d.m.list.all[0]; e.title != frontTitles[0] {
		t.Errorf("first entry %q, want the first source's first story", e.title)
	}
	if e := d.m.list.all[len(d.m.list.all)-1]; !strings.HasPrefix(e.title, "Second paper") {
		t.Errorf("last entry %q, want the second source's story", e.title)
	}
}

func TestSupersededLoadIsDropped(t *testing.T) {
	d := newDriver(t, twoSourceOptions("front.txt"), 120, 30)
	before := len(d.m.list.all)
	d.send(docLoaded{slot: 0, gen: 7, entries: []entry{{title: "stale"}}})
	if len(d.m.list.all) != before {
		t.Fatal("a load from another generation replaced the entries")
	}
	d.send(docLoaded{slot: 5, gen: 0}) // no such slot
	if len(d.m.list.all) != before {
		t.Fatal("a load for a slot that does not exist changed the list")
	}
}

func TestLoaderPanicBecomesAnError(t *testing.T) {
	load := func(ctx context.Context, source string) []story.Document {
		if source == "bad" {
			panic("boom")
		}
		return []story.Document{frontPage()}
	}
	d := newDriver(t, Options{Sources: []string{"bad", "good"}, Load: load, Style: render.Dark}, 120, 30)
	if errs := d.m.Errors(); len(errs) != 1 || !strings.Contains(errs[0], "bad: internal error") {
		t.Fatalf("Errors() = %q", errs)
	}
	if d.selectedTitle() != frontTitles[0] {
		t.Fatal("the good source was not listed after another panicked")
	}
}

func TestLoadsAreCancelledOnQuit(t *testing.T) {
	started := make(chan context.Context, 1)
	load := func(ctx context.Context, source string) []story.Document {
		started <- ctx
		<-ctx.Done()
		return []story.Document{{Source: source, Err: ctx.Err()}}
	}
	m := New(Options{Sources: []string{"slow"}, Load: load})
	var loadCmd tea.Cmd
	for _, c := range batchCmds(m.Init()) {
		loadCmd = c // the load is the last command
	}
	done := make(chan tea.Msg)
	go func() { done <- loadCmd() }()
	ctx := <-started
	_, cmd := m.Update(keyMsg("q"))
	if cmd == nil || ctx.Err() == nil {
		t.Fatal("quitting did not cancel the load")
	}
	if msg := <-done; msg != nil {
		t.Errorf("a cancelled load still reported %#v", msg)
	}
}

// batchCmds opens a tea.Batch without running its commands.
func batchCmds(c tea.Cmd) []tea.Cmd {
	if c == nil {
		return nil
	}
	msg := c()
	if b, ok := msg.(tea.BatchMsg); ok {
		return b
	}
	return []tea.Cmd{func() tea.Msg { return msg }}
}

func TestRenderErrorIsShown(t *testing.T) {
	opts := frontOptions()
	opts.Style = "no-such-style"
	d := newDriver(t, opts, 120, 30)
	if !strings.Contains(d.screen(), "could not be rendered") {
		t.Fatalf("render failure not shown in the reader:\n%s", d.screen())
	}
	if !strings.Contains(lastLine(d.screen()), "unknown style") {
		t.Fatalf("render failure not in the status bar: %q", lastLine(d.screen()))
	}
}

// initLoads runs Init's loads without delivering them, so a test can hand
// them to Update in any order.
func initLoads(t *testing.T, m Model) []docLoaded {
	t.Helper()
	var loads []docLoaded
	for _, msg := range flatten(t, m.Init()) {
		if l, ok := msg.(docLoaded); ok {
			loads = append(loads, l)
		}
	}
	return loads
}

func TestFirstStoryIsSelectedWhateverOrderSourcesFinish(t *testing.T) {
	third := story.Document{Stories: []story.Story{
		{Title: "Third paper on the harvest", Body: body("harvest", 2)},
		{Title: "Third paper on the fair", Body: body("fair", 2)},
	}}
	opts := twoSourceOptions("front.txt", "second.txt", "third.txt")
	opts.Load = fixtureLoader(map[string]story.Document{"front.txt": frontPage(), "second.txt": twoSourceOptionsDoc(), "third.txt": third})
	for _, order := range [][]int{{1, 0, 2}, {2, 1, 0}, {1, 2, 0}, {0, 1, 2}} {
		m := New(opts)
		d := &driver{tb: t, m: m}
		d.send(tea.WindowSizeMsg{Width: 120, Height: 30})
		loads := initLoads(t, m)
		for _, i := range order {
			d.send(loads[i])
		}
		if got := d.selectedTitle(); got != frontTitles[0] {
			t.Errorf("loads finishing in order %v: selected %q, want the first source's first story", order, got)
		}
		if status := lastLine(d.screen()); !strings.Contains(status, " 1/9 ") {
			t.Errorf("loads finishing in order %v: status %q, want 1/9", order, status)
		}
		if !strings.Contains(d.readerText(), "about barrier") {
			t.Errorf("loads finishing in order %v: reader shows %.60q", order, d.readerText())
		}
	}

	// Once the reader has moved, arrivals leave the selection alone.
	m := New(opts)
	d := &driver{tb: t, m: m}
	d.send(tea.WindowSizeMsg{Width: 120, Height: 30})
	loads := initLoads(t, m)
	d.send(loads[2])
	d.press("j")
	d.send(loads[0])
	d.send(loads[1])
	if got := d.selectedTitle(); got != "Third paper on the fair" {
		t.Errorf("a source arriving moved the reader's choice to %q", got)
	}
}

// TestCommandLineLoadsSpinAndEscStopsThem: sources given on the command
// line show a spinner and what is loading, and esc cancels them, as a walk.
func TestCommandLineLoadsSpinAndEscStopsThem(t *testing.T) {
	const src = "http://127.0.0.1:8767/slow/b.html"
	for _, sources := range [][]string{{src}, {src, "c.txt", "d.txt"}} {
		started := make(chan context.Context, len(sources))
		load := func(ctx context.Context, source string) []story.Document {
			started <- ctx
			<-ctx.Done()
			return []story.Document{{Source: source, Err: ctx.Err()}}
		}
		m := New(Options{Sources: sources, Load: load, Style: render.Dark})
		m.after = func(_ time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return msg } }
		cmds := batchCmds(m.Init())
		done := make(chan tea.Msg, len(sources))
		for _, c := range cmds[len(cmds)-len(sources):] {
			go func() { done <- c() }()
		}
		var ctxs []context.Context
		for range sources {
			ctxs = append(ctxs, <-started)
		}
		nm, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 20})
		scr := ansi.Strip(nm.(Model).View().Content)
		status := scr[strings.LastIndex(scr, "\n")+1:]
		want := "⠋ loading http://127.0.0.1:8767/slow/b.html · esc cancels"
		if len(sources) > 1 {
			want = "⠋ loading 3 sources: http://127.0.0.1:8767/slow/b.html · esc cancels"
		}
		if !strings.Contains(status, want) {
			t.Errorf("status bar %q lacks %q", status, want)
		}
		if strings.Contains(scr, "source(s)") {
			t.Errorf("clumsy wording on screen:\n%s", scr)
		}
		nm, _ = nm.Update(loadSpinTick{})
		if s := ansi.Strip(nm.(Model).View().Content); !strings.Contains(s, "⠙ loading") {
			t.Errorf("the spinner did not turn:\n%s", s)
		}
		nm, _ = nm.Update(keyMsg("esc"))
		for _, ctx := range ctxs {
			if ctx.Err() == nil {
				t.Fatal("esc did not cancel a command-line load")
			}
		}
		for range sources {
			if msg := <-done; msg != nil {
				t.Errorf("a cancelled load still reported %#v", msg)
			}
		}
		got := nm.(Model)
		wantNote := "stopped loading " + src
		if len(sources) > 1 {
			wantNote = "stopped loading 3 sources"
		}
		if got.status.current.text != wantNote || got.pending() != 0 || len(got.Errors()) != 0 {
			t.Errorf("after esc: status %q, %d pending, errors %q", got.status.current.text, got.pending(), got.Errors())
		}
		if s := ansi.Strip(got.View().Content); !strings.Contains(s, "Loading stopped") {
			t.Errorf("no word that loading stopped:\n%s", s)
		}
	}
}
