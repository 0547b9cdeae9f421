package ui

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

func TestResizeRelaysOutAndRewraps(t *testing.T) {
	d := newDriver(t, frontOptions(), 120, 36)
	d.press("j") // a related story
	sizes := []struct {
		w, h    int
		twoPane bool
	}{
		{200, 50, true},
		{40, 8, false},
		{69, 20, false},
		{70, 20, true},
		{120, 36, true},
	}
	for _, s := range sizes {
		d.send(tea.WindowSizeMsg{Width: s.w, Height: s.h})
		l := d.m.layout()
		if l.twoPane != s.twoPane {
			t.Errorf("%dx%d: two panes %v, want %v", s.w, s.h, l.twoPane, s.twoPane)
		}
		if want := render.ReadingWidth(l.readerW); d.m.reader.shown.width != want {
			t.Errorf("%dx%d: reader shows a render %d wide, want %d", s.w, s.h, d.m.reader.shown.width, want)
		}
		if d.selectedTitle() != frontTitles[1] {
			t.Errorf("%dx%d: resize moved the selection to %q", s.w, s.h, d.selectedTitle())
		}
		v := d.m.View()
		checkFits(t, v.Content, s.w, s.h)
		if n := strings.Count(v.Content, "\n") + 1; n != s.h {
			t.Errorf("%dx%d: frame has %d lines", s.w, s.h, n)
		}
		// Every line of the reader's render fits its pane.
		for _, line := range d.m.reader.base {
			if w := ansi.StringWidth(line); w > l.readerW {
				t.Errorf("%dx%d: rendered line %d cells wide in a %d-cell pane", s.w, s.h, w, l.readerW)
				break
			}
		}
	}
}

func TestNarrowWindowShowsOnePaneAndTabToggles(t *testing.T) {
	d := newDriver(t, frontOptions(), 40, 8)
	scr := d.screen()
	if !strings.Contains(scr, "Harbour council") || strings.Contains(scr, "Paragraph 1") {
		t.Fatalf("narrow window should show the list alone:\n%s", scr)
	}
	d.press("tab")
	scr = d.screen()
	if strings.Contains(scr, "Fishermen") || !strings.Contains(scr, "Harbour") {
		t.Fatalf("tab should show the reader alone:\n%s", scr)
	}
	d.press("tab", "j", "enter")
	scr = d.screen()
	if !strings.Contains(scr, "Quay Weekly") {
		t.Fatalf("enter should open the selected story:\n%s", scr)
	}
	checkFits(t, d.m.View().Content, 40, 8)
}

func TestTinyWindowsStayAlive(t *testing.T) {
	sizes := [][2]int{{0, 0}, {1, 1}, {10, 3}, {3, 10}, {40, 8}, {12, 2}, {80, 1}, {1, 40}, {25, 5}}
	keys := []string{"j", "k", "tab", "n", "p", "space", "b", "g", "G", "enter", "esc", "?", "?", "/", "x", "esc", "down", "pgdown"}
	for _, sz := range sizes {
		d := newDriver(t, frontOptions(), sz[0], sz[1])
		for _, k := range keys {
			d.press(k)
			checkFits(t, d.m.View().Content, sz[0], sz[1])
		}
		d.send(tea.MouseClickMsg{X: 0, Y: 0, Button: tea.MouseLeft})
		d.send(tea.MouseWheelMsg{X: sz[0] - 1, Y: 0, Button: tea.MouseWheelDown})
		checkFits(t, d.m.View().Content, sz[0], sz[1])
	}
}

// TestRandomResizesAndKeys throws a long random mix of sizes and keys at
// the model; it must never panic or draw outside the window.
func TestRandomResizesAndKeys(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	keys := []string{"j", "k", "tab", "n", "p", "space", "b", "g", "G", "enter", "esc", "?", "/", "a", "backspace", "N", "down", "up", "pgup",
		"L", "h", "left", "o", "y", "r", "enter", "enter"}
	web := newWeb()
	opts := web.options()
	opts.OpenURL = func(string) error { return nil }
	opts.Reload = web.load
	for _, o := range []Options{frontOptions(), opts} {
		d := newDriver(t, o, 80, 24)
		w, h := 80, 24
		for range 400 {
			if rng.IntN(5) == 0 {
				w, h = rng.IntN(160), rng.IntN(50)
				d.send(tea.WindowSizeMsg{Width: w, Height: h})
			} else {
				d.press(keys[rng.IntN(len(keys))])
			}
			checkFits(t, d.m.View().Content, w, h)
		}
	}
}

func TestWideTextKeepsThePanesAligned(t *testing.T) {
	doc := story.Document{Stories: []story.Story{
		{Title: "東京の夜明けに新しい図書館が開館しました、市民は長い列を作って待った", Site: "日本新聞", Age: "2時間前",
			Body: []story.Block{{Kind: story.Paragraph, Text: "図書館は朝七時に開館し、最初の来館者は三時間前から並んでいた。館内には十万冊の本がある。"}}},
		{Title: "🎉🚀 Launch day: rockets 🚀 and parties 🎉 all over town 🎆🎆🎆", Site: "Fun 📰", Age: "1 day ago",
			Body: []story.Block{{Kind: story.Paragraph, Text: "Emoji 😀 everywhere 🎈🎈."}}},
		{Title: "مرحبا بالعالم: عنوان باللغة العربية طويل جدا", Site: "الأخبار", Age: "منذ ساعة",
			Body: []story.Block{{Kind: story.Paragraph, Text: "نص عربي قصير."}}},
	}}
	for _, w := range []int{40, 80, 120} {
		d := newDriver(t, Options{Docs: []story.Document{doc}, Style: render.Dark}, w, 20)
		lines := strings.Split(d.m.View().Content, "\n")
		for i, l := range lines {
			if got := ansi.StringWidth(l); got != w {
				t.Errorf("width %d: line %d is %d cells: %q", w, i, got, ansi.Strip(l))
			}
		}
		lw := d.m.layout().listW
		if d.m.layout().twoPane {
			// The divider sits in the same column on every row.
			for i, l := range lines[:len(lines)-1] {
				if c := ansi.Strip(ansi.Cut(l, lw, lw+1)); c != "│" {
					t.Errorf("width %d: row %d has %q where the divider belongs", w, i, c)
				}
			}
		}
		d.press("/")
		d.typeText("東京")
		if len(d.m.list.visible) != 1 {
			t.Errorf("CJK filter kept %d entries", len(d.m.list.visible))
		}
		checkFits(t, d.m.View().Content, w, 20)
	}
}

func TestEmptyStates(t *testing.T) {
	t.Run("no sources", func(t *testing.T) {
		d := newDriver(t, Options{}, 100, 20)
		if !strings.Contains(d.screen(), "Nothing to read") {
			t.Fatalf("no helpful message:\n%s", d.screen())
		}
	})
	t.Run("still loading", func(t *testing.T) {
		m := New(Options{Sources: []string{"a", "b"}, Load: fixtureLoader(nil)})
		nm, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 20}) // loads not run
		if scr := ansi.Strip(nm.(Model).View().Content); !strings.Contains(scr, "Loading 2 source") {
			t.Fatalf("no loading message:\n%s", scr)
		}
	})
	t.Run("everything failed", func(t *testing.T) {
		d := newDriver(t, Options{Sources: []string{"gone.txt", "lost.txt"}, Load: fixtureLoader(nil)}, 100, 20)
		scr := d.screen()
		for _, want := range []string{"Nothing to read", "open gone.txt: no such file", "lost.txt"} {
			if !strings.Contains(scr, want) {
				t.Errorf("screen lacks %q:\n%s", want, scr)
			}
		}
		d.press("j", "n", "tab", "space", "/", "x")
		checkFits(t, d.m.View().Content, 100, 20)
	})
	t.Run("no stories", func(t *testing.T) {
		d := newDriver(t, Options{Sources: []string{"empty"}, Load: fixtureLoader(map[string]story.Document{"empty": {}})}, 100, 20)
		if !strings.Contains(d.screen(), "no stories") {
			t.Fatalf("no message for a source without stories:\n%s", d.screen())
		}
	})
}

// An item with neither site nor age (nor text, so no reading time) takes
// no empty meta row.
func TestEntriesWithoutMetaTakeNoMetaRow(t *testing.T) {
	doc := story.Document{Stories: []story.Story{{
		Title: "Harbour council votes", Site: "Coast Herald", Body: body("barrier", 3),
		Related: []story.Story{
			{Title: "Fishermen fear for the catch", URL: "https://quay.example/fish"},
			{Title: "Engineers explain the gates", URL: "https://herald.example/gates"},
			{Title: "Gulls move inland", Site: "Bird Notes", URL: "https://birds.example/gulls"},
		},
	}, {Title: "A story with no site or age", URL: "https://bare.example/"}}}
	d := newDriver(t, Options{Docs: []story.Document{doc}, Style: render.Dark}, 100, 20)
	if got := d.m.list.tall; !slices.Equal(got, []int{2, 1, 1, 2, 1}) {
		t.Errorf("rows per entry %v, want meta rows only where there is meta", got)
	}
	listW := d.m.layout().listW
	var rows []string
	for _, line := range strings.Split(d.screen(), "\n")[:7] {
		rows = append(rows, strings.TrimSpace(strings.Trim(ansi.Cut(line, 0, listW), "▌│ ")))
	}
	want := []string{
		"Harbour council votes", "Coast Herald · 1 min read",
		"Fishermen fear for the catch", "Engineers explain the gates",
		"Gulls move inland", "Bird Notes", "",
	}
	if !slices.Equal(rows, want) {
		t.Errorf("list rows:\n%q\nwant\n%q", rows, want)
	}
	// Clicks still land on the entry drawn on the row.
	d.send(tea.MouseClickMsg{X: 3, Y: 3, Button: tea.MouseLeft})
	if d.selectedTitle() != "Engineers explain the gates" {
		t.Errorf("click on row 3 selected %q", d.selectedTitle())
	}
	checkFits(t, d.m.View().Content, 100, 20)
}

func TestTitleLinesKeepHyphenatedWordsWhole(t *testing.T) {
	title := "Automation reaches the last of the white-collar jobs in the city"
	for w := 20; w <= 40; w++ {
		lines := titleLines(title, w, 2)
		joined := lines[0] + " " + lines[1]
		if strings.Contains(lines[1], "- ") || strings.Contains(joined, "white- collar") {
			t.Errorf("width %d: %q", w, lines)
		}
		for _, l := range lines {
			if ansi.StringWidth(l) > w {
				t.Errorf("width %d: line %q too wide", w, l)
			}
		}
	}
}
