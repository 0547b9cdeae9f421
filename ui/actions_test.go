package ui

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

func TestBrowserAndCopy(t *testing.T) {
	w := newWeb()
	var mu sync.Mutex
	var opened []string
	opts := w.options()
	opts.OpenURL = func(u string) error {
		mu.Lock()
		defer mu.Unlock()
		opened = append(opened, u)
		if strings.Contains(u, "data.example") {
			return fmt.Errorf("no browser found")
		}
		return nil
	}
	d := newDriver(t, opts, 120, 30)
	cmd := d.update(keyMsg("o"))
	mu.Lock()
	if len(opened) != 0 {
		t.Fatal("OpenURL was called in Update, not in a command")
	}
	mu.Unlock()
	d.run(cmd)
	if len(opened) != 1 || opened[0] != "https://herald.example/barrier" {
		t.Fatalf("o opened %q", opened)
	}
	if !strings.Contains(lastLine(d.screen()), "opening https://herald.example/barrier") {
		t.Errorf("status after o: %q", lastLine(d.screen()))
	}

	// y copies with OSC 52: a SetClipboard message carrying the URL.
	d.fireTicks()
	d.press("y")
	if got := d.clips; len(got) != 1 || got[0] != "https://herald.example/barrier" {
		t.Errorf("y copied %q", got)
	}
	if !strings.Contains(lastLine(d.screen()), "copied URL") {
		t.Errorf("status after y: %q", lastLine(d.screen()))
	}

	// In the links list, o and y act on the chosen link.
	d.fireTicks()
	d.selectTitle("Tide gauge readings hit record")
	d.press("enter", "L", "y")
	if got := d.clips[len(d.clips)-1]; got != gaugeURL {
		t.Errorf("y in the links list copied %q", got)
	}
	d.fireTicks()
	d.press("o")
	if opened[len(opened)-1] != gaugeURL {
		t.Errorf("o in the links list opened %q", opened[len(opened)-1])
	}
	if status := lastLine(d.screen()); !strings.Contains(status, "can't open browser: no browser found") || !strings.Contains(status, gaugeURL) {
		t.Errorf("a failed open should show its error: %q", status)
	}

	// Without a URL or a browser there is a word, not a crash.
	opts.OpenURL = nil
	d = newDriver(t, opts, 120, 30)
	d.press("o")
	if !strings.Contains(lastLine(d.screen()), "no browser") {
		t.Errorf("o without OpenURL: %q", lastLine(d.screen()))
	}
	d.fireTicks()
	d.selectTitle("Fishermen fear barrier will cut the catch")
	d.press("y")
	if !strings.Contains(lastLine(d.screen()), "no URL") {
		t.Errorf("y on a story without a URL: %q", lastLine(d.screen()))
	}
}

func TestReloadCallsReload(t *testing.T) {
	w := newWeb()
	var reloaded []string
	opts := w.options()
	opts.Reload = func(ctx context.Context, src string) []story.Document {
		reloaded = append(reloaded, src)
		doc := walkFront()
		doc.Stories[1].Body = body("rebuilt", 3)
		return []story.Document{doc}
	}
	d := newDriver(t, opts, 120, 30)
	d.selectTitle("Night trains return to the northern line")
	if !strings.Contains(d.readerText(), "about trains") {
		t.Fatal("setup: trains story not shown")
	}
	d.press("r")
	if len(reloaded) != 1 || reloaded[0] != "front.txt" {
		t.Fatalf("r reloaded %q", reloaded)
	}
	if d.selectedTitle() != "Night trains return to the northern line" {
		t.Errorf("reload lost the selection: %q", d.selectedTitle())
	}
	if !strings.Contains(d.readerText(), "about rebuilt") {
		t.Errorf("reader shows the old story after reload: %.60q", d.readerText())
	}
	if w.loaded("front.txt") != 1 {
		t.Error("reload went through Load, not Reload")
	}
	// A reload result that arrives after another one started is dropped.
	first := d.update(keyMsg("r"))
	old := d.m.op.id
	second := d.update(keyMsg("r"))
	d.run(first) // cancelled: no result
	d.send(reloadDone{id: old, entries: []entry{{title: "stale", key: entryKey{related: -1}}}})
	if slices.Contains(d.listTitles(), "stale") {
		t.Error("a superseded reload replaced the stories")
	}
	d.run(second)
	if len(reloaded) != 2 || d.selectedTitle() != "Night trains return to the northern line" {
		t.Errorf("after the second reload: %d reloads, selected %q", len(reloaded), d.selectedTitle())
	}

	opts.Reload = nil
	d = newDriver(t, opts, 120, 30)
	d.press("r")
	if !strings.Contains(lastLine(d.screen()), "reload is not available") {
		t.Errorf("r without Reload: %q", lastLine(d.screen()))
	}
}

func TestWalkedTitlesAndURLsAreSanitized(t *testing.T) {
	w := newWeb()
	evilURL := "https://walk.example/page"
	w.pages[evilURL] = story.Document{Stories: []story.Story{{
		Title: oscTitle + "Evil " + csiClear + "page" + c1Title,
		Body: []story.Block{story.NewBlock(story.Paragraph,
			story.LinkTo("https://ok.example/"+oscLinkEnd, story.Run("click "+oscClip+"me")), story.Run(" and "),
			story.LinkTo("https://fine.example/a", story.Run("fine")))},
	}}}
	front := w.pages["front.txt"]
	front.Stories[0].Related = append(front.Stories[0].Related,
		story.Story{Title: "Evil page", URL: evilURL},
		story.Story{Title: "Escaped URL " + oscTitle, URL: "https://evil.example/\x1b]0;pwned\x07"},
	)
	w.pages["front.txt"] = front
	d := newDriver(t, w.options(), 120, 30)
	check := func(step string) {
		t.Helper()
		v := d.m.View()
		checkHarmlessLinks(t, step, v.Content)
		checkHarmless(t, step+" title", v.WindowTitle)
	}
	d.selectTitle("Escaped URL")
	if e, _ := d.m.list.selected(); e.stub || e.url != "" {
		t.Fatalf("a URL with escapes was kept: %+v", e)
	}
	d.press("enter", "o", "y")
	check("escaped URL")
	if len(w.calls) != 1 {
		t.Fatalf("a URL with escapes was loaded: %q", w.calls)
	}
	d.press("tab")
	d.selectTitle("Evil page")
	d.press("enter")
	check("walked to a page with escapes in its title")
	if !strings.Contains(d.crumb(), "Evil page") {
		t.Errorf("breadcrumb %q", d.crumb())
	}
	d.press("L")
	check("links list")
	for _, l := range d.m.links.links {
		if render.SafeURL(l.URL) != l.URL {
			t.Errorf("unsafe link listed: %q", l.URL)
		}
	}
	d.send(tea.WindowSizeMsg{Width: 40, Height: 10})
	check("narrow")
}

// checkHarmlessLinks is checkHarmless that also lets through the OSC 8
// hyperlinks tread writes itself, as long as their URLs are safe.
func checkHarmlessLinks(t *testing.T, where, s string) {
	t.Helper()
	for _, m := range hyperlinkRE.FindAllStringSubmatch(s, -1) {
		if m[1] != "" && render.SafeURL(m[1]) != m[1] {
			t.Fatalf("%s: unsafe hyperlink %q", where, m[1])
		}
	}
	checkHarmless(t, where, hyperlinkRE.ReplaceAllString(s, ""))
}

// hyperlinkRE matches an OSC 8 hyperlink sequence; group 1 is its URL.
var hyperlinkRE = regexp.MustCompile("\x1b\\]8;;([^\x1b\x07]*)\x1b\\\\")
