package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/render"
)

// renderResults runs cmd and keeps the render results it produced.
func renderResults(t *testing.T, cmd tea.Cmd) []storyRendered {
	var out []storyRendered
	for _, msg := range flatten(t, cmd) {
		if r, ok := msg.(storyRendered); ok {
			out = append(out, r)
		}
	}
	return out
}

func resultFor(t *testing.T, results []storyRendered, title string, d *driver) storyRendered {
	t.Helper()
	for _, r := range results {
		for _, e := range d.m.list.all {
			if e.key == r.want.key && e.title == title {
				return r
			}
		}
	}
	t.Fatalf("no render of %q among %d results", title, len(results))
	return storyRendered{}
}

func TestStaleRenderIsDropped(t *testing.T) {
	opts := frontOptions()
	d := &driver{tb: t, m: New(opts)}
	d.run(d.m.Init())
	// Size the window but hold the renders back.
	first := renderResults(t, d.update(tea.WindowSizeMsg{Width: 120, Height: 30}))
	if d.m.reader.ready {
		t.Fatal("reader shows a render nobody has delivered")
	}
	if !strings.Contains(d.screen(), "rendering…") {
		t.Fatalf("no placeholder while the first story renders:\n%s", d.screen())
	}
	// Jump to the last story (not rendered ahead) before the first story's
	// render arrives.
	second := d.update(keyMsg("G"))
	d.send(resultFor(t, first, frontTitles[0], d))
	if strings.Contains(d.readerText(), "about barrier") || d.m.reader.ready {
		t.Fatal("the first story's render was shown after the selection moved on")
	}
	if !strings.Contains(d.screen(), "rendering…") {
		t.Fatalf("no placeholder while the last story renders:\n%s", d.screen())
	}
	d.send(resultFor(t, renderResults(t, second), frontTitles[5], d))
	if !strings.Contains(d.readerText(), "about ferns") {
		t.Fatalf("the wanted render was not shown: %.80q", d.readerText())
	}
	// A render for another width is stale too.
	old := resultFor(t, first, frontTitles[0], d)
	old.want = d.m.reader.want
	old.want.width = 33
	old.split = splitLines("wrong width", nil)
	d.send(old)
	if strings.Contains(d.readerText(), "wrong width") {
		t.Fatal("a render at another width replaced the current one")
	}
}

func TestNeighboursAreRenderedAhead(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 30)
	d.press("j") // story 1; stories 0 and 2 should now be cached
	w := d.m.reader.want.width
	for _, i := range []int{0, 2} {
		e := d.m.list.all[d.m.list.visible[i]]
		if _, ok := d.m.renderer.Cached(e.markdown(d.m.list.now), w, render.Dark); !ok {
			t.Errorf("neighbour %q not rendered ahead", e.title)
		}
	}
	// Moving to a neighbour needs no command: it is on screen at once.
	cmd := d.update(keyMsg("j"))
	if !d.m.reader.ready || !strings.Contains(d.readerText(), "about engineers") {
		t.Fatalf("a warm neighbour was not shown at once: %.80q", d.readerText())
	}
	d.run(cmd)
}

func TestCachedRenderNeedsNoCommand(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 30)
	d.press("j", "j", "j", "k", "k", "k") // everything near the top is warm now
	for _, k := range []string{"j", "k"} {
		cmd := d.update(keyMsg(k))
		if !d.m.reader.ready {
			t.Fatalf("%s: warm story not shown at once", k)
		}
		for _, msg := range flatten(t, cmd) {
			if r, ok := msg.(storyRendered); ok && r.want == d.m.reader.want {
				t.Errorf("%s: rendered the selected story again although it was cached", k)
			}
		}
	}
}

func TestSupersededRenderIsCancelled(t *testing.T) {
	d := &driver{tb: t, m: New(frontOptions())}
	d.run(d.m.Init())
	cmd := d.update(tea.WindowSizeMsg{Width: 120, Height: 30})
	d.update(keyMsg("j")) // supersedes the first selection's renders
	if msgs := flatten(t, cmd); len(msgs) != 0 {
		t.Errorf("renders for a superseded selection still ran: %d results", len(msgs))
	}
}

func TestPendingRenderIsNotStartedTwice(t *testing.T) {
	d := &driver{tb: t, m: New(frontOptions())}
	d.run(d.m.Init())
	first := d.update(tea.WindowSizeMsg{Width: 120, Height: 30})
	again := d.update(tea.WindowSizeMsg{Width: 120, Height: 30})
	if again != nil {
		t.Fatal("the same size started a second render of a story already rendering")
	}
	d.run(first)
	if !strings.Contains(d.readerText(), "about barrier") {
		t.Fatal("the first render was lost")
	}
}
