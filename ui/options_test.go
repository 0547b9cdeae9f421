package ui

import (
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tread-reader/tread/keymap"
	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

func TestEmptyKeyListUnbindsTheAction(t *testing.T) {
	opts := frontOptions()
	opts.Keys = map[string][]string{string(keymap.Next): {}, string(keymap.Links): nil}
	if km := newKeyMap(opts.Keys); km.Next.Enabled() || km.Links.Enabled() || !km.Prev.Enabled() {
		t.Errorf("empty key lists not applied: next %v, links %v, prev %v", km.Next.Enabled(), km.Links.Enabled(), km.Prev.Enabled())
	}
	d := newDriver(t, opts, 120, 36)
	d.press("n")
	if d.selectedTitle() != frontTitles[0] {
		t.Fatalf("n still moves after next was unbound: %q", d.selectedTitle())
	}
	d.press("tab") // the reader's hints name links, when it is bound
	if status := lastLine(d.screen()); strings.Contains(status, "links") || !strings.Contains(status, "⌫ back") {
		t.Errorf("status hints should leave out the unbound links key: %q", status)
	}
	d.press("tab")
	d.press("p") // the other half of the pair still works
	d.press("?")
	scr := d.screen()
	if strings.Contains(scr, "next story") || strings.Contains(scr, "list links") {
		t.Errorf("help lists unbound actions:\n%s", scr)
	}
	if !strings.Contains(scr, "previous story") {
		t.Errorf("help lost a bound action:\n%s", scr)
	}
}

// Every action in the key table is a binding, with the table's keys and
// help, and help lists it in the table's column.
func TestKeyMapIsTheTable(t *testing.T) {
	km := newKeyMap(nil)
	fields := km.bindings()
	cols := km.FullHelp()
	if len(fields) != len(keymap.Table()) {
		t.Errorf("%d bindings for %d actions", len(fields), len(keymap.Table()))
	}
	for _, in := range keymap.Table() {
		b, ok := fields[in.Action]
		if !ok {
			t.Errorf("no binding for %s", in.Action)
			continue
		}
		if !slices.Equal(b.Keys(), in.Keys) || b.Help().Desc != in.Help || !b.Enabled() {
			t.Errorf("%s: keys %q, help %q; the table says %q, %q", in.Action, b.Keys(), b.Help().Desc, in.Keys, in.Help)
		}
		if !slices.ContainsFunc(cols[in.Column-1], func(x key.Binding) bool { return x.Help().Desc == in.Help }) {
			t.Errorf("%s is not in help column %d", in.Action, in.Column)
		}
	}
}

func TestReadingWidthCapsTheWrap(t *testing.T) {
	for _, tt := range []struct{ cap, window, want int }{
		{0, 200, render.MaxWidth},
		{60, 200, 60},
		{150, 240, 150},
		{150, 120, -1}, // the pane is narrower than the cap: the pane's width
		{5, 120, render.ReadingWidth(0)},
	} {
		opts := frontOptions()
		opts.ReadingWidth = tt.cap
		d := newDriver(t, opts, tt.window, 30)
		if tt.want < 0 {
			tt.want = d.m.layout().readerW
		}
		if got := d.m.reader.shown.width; got != tt.want {
			t.Errorf("cap %d in a %d-wide window: wrapped at %d, want %d", tt.cap, tt.window, got, tt.want)
		}
		for _, line := range d.m.reader.base {
			if w := ansi.StringWidth(line); w > tt.want {
				t.Errorf("cap %d: a line %d wide", tt.cap, w)
				break
			}
		}
	}
}

func TestListWidthSizesTheListPane(t *testing.T) {
	for _, tt := range []struct{ asked, window, want int }{
		{30, 120, 30},
		{1000, 120, 120 - 1 - minReaderW},
		{0, 120, minListW},
		{-5, 80, minListW},
	} {
		opts := frontOptions()
		opts.ListWidth = func(total int) int {
			if total != tt.window {
				t.Errorf("ListWidth asked about %d columns, window is %d", total, tt.window)
			}
			return tt.asked
		}
		d := newDriver(t, opts, tt.window, 24)
		l := d.m.layout()
		if l.listW != tt.want || l.readerW != tt.window-tt.want-1 {
			t.Errorf("asked %d of %d: list %d, reader %d", tt.asked, tt.window, l.listW, l.readerW)
		}
		for i, line := range strings.Split(d.m.View().Content, "\n")[:l.contentH] {
			if c := ansi.Strip(ansi.Cut(line, l.listW, l.listW+1)); c != "│" {
				t.Errorf("asked %d: row %d has %q where the divider belongs", tt.asked, i, c)
				break
			}
		}
		checkFits(t, d.m.View().Content, tt.window, 24)
	}
	// Narrow windows still show one pane at a time.
	opts := frontOptions()
	opts.ListWidth = func(int) int { return 30 }
	d := newDriver(t, opts, 60, 20)
	if d.m.layout().twoPane {
		t.Error("ListWidth made a narrow window show two panes")
	}
}

func TestLongTitlesTakeTwoLines(t *testing.T) {
	long := "Council approves the harbour tidal barrier after a night of debate about tides, budgets and the colour of the railings"
	doc := story.Document{Stories: []story.Story{
		{Title: long, Site: "Coast Herald", Body: body("long", 3)},
		{Title: "Short one", Site: "Rail Digest", Body: body("short", 3)},
		{Title: "東京の夜明けに新しい図書館が開館しました、市民は長い列を作って待った、館内には十万冊の本がある", Site: "日本新聞", Body: body("cjk", 2)},
	}}
	for _, w := range []int{80, 100, 120, 40} {
		d := newDriver(t, Options{Docs: []story.Document{doc}, Style: render.Dark}, w, 20)
		listW := d.m.layout().listW
		lines := strings.Split(d.screen(), "\n")
		first := ansi.Strip(ansi.Cut(lines[0], 0, listW))
		second := ansi.Strip(ansi.Cut(lines[1], 0, listW))
		joined := strings.Join(strings.Fields(strings.NewReplacer("▌", "", "│", "").Replace(first+" "+second)), " ")
		if !strings.HasPrefix(long, strings.TrimSuffix(joined, "…")) {
			t.Errorf("width %d: two title lines %q do not read as the headline", w, joined)
		}
		if !strings.HasSuffix(joined, "…") {
			t.Errorf("width %d: a headline longer than two lines should end in …: %q", w, joined)
		}
		if got := d.m.list.tall[0]; got != 3 {
			t.Errorf("width %d: long title takes %d rows, want 3", w, got)
		}
		if got := d.m.list.tall[1]; got != 2 {
			t.Errorf("width %d: short title takes %d rows, want 2", w, got)
		}
		if !strings.Contains(ansi.Strip(ansi.Cut(lines[2], 0, listW)), "Coast Herald") {
			t.Errorf("width %d: meta line not under the two title lines:\n%s", w, d.screen())
		}
		checkFits(t, d.m.View().Content, w, 20)
		d.press("j", "j")
		checkFits(t, d.m.View().Content, w, 20)
	}
}

func TestLinksAreNumberedAndHyperlinkedInTheReader(t *testing.T) {
	doc := story.Document{Stories: []story.Story{{
		Title: "Harbour", Site: "Coast Herald",
		Body: []story.Block{
			story.NewBlock(story.Paragraph, story.Run("The "), story.LinkTo("https://council.example/plan", story.Run("plan")),
				story.Run(" and the "), story.LinkTo("https://paper.example/debate?id=7", story.Run("debate")), story.Run(".")),
			{Kind: story.Paragraph, Text: "A citation [3] that is no link."},
		},
	}}}
	d := newDriver(t, Options{Docs: []story.Document{doc}, Style: render.Dark}, 120, 20)
	text := d.readerText()
	for _, want := range []string{"plan[1]", "debate[2]", "citation [3] that"} {
		if !strings.Contains(text, want) {
			t.Errorf("reader lacks %q: %q", want, text)
		}
	}
	if strings.Contains(text, "council.example") {
		t.Errorf("link URLs printed in the body: %q", text)
	}
	content := d.m.View().Content
	got := map[string]bool{}
	for _, m := range hyperlinkRE.FindAllStringSubmatch(content, -1) {
		got[m[1]] = true
	}
	for _, u := range []string{"https://council.example/plan", "https://paper.example/debate?id=7"} {
		if !got[u] {
			t.Errorf("no OSC 8 hyperlink to %s in the frame", u)
		}
	}
	checkHarmlessLinks(t, "numbered links", content)
	// Search still finds text next to a hyperlinked label. A single
	// story opens in the reading mode, the reader focused.
	d.press("/")
	d.typeText("plan")
	d.press("enter")
	if len(d.m.reader.matches) == 0 {
		t.Error("search found nothing in a line with a hyperlink")
	}
	checkHarmlessLinks(t, "search highlights over links", d.m.View().Content)
	checkFits(t, d.m.View().Content, 120, 20)
	d.press("esc", "L")
	if !d.m.links.open || len(d.m.links.links) != 2 {
		t.Fatalf("links list: open %v, %d links", d.m.links.open, len(d.m.links.links))
	}
	d.press("esc")
	if d.m.links.open {
		t.Error("esc did not close the links list")
	}
	// A click in the list leaves the story, and with it its links (z
	// brings the list back from the reading mode).
	d.press("z", "L")
	d.send(tea.MouseClickMsg{X: 4, Y: 0, Button: tea.MouseLeft})
	if d.m.links.open {
		t.Error("the links list stayed open after a click in the list")
	}
}
