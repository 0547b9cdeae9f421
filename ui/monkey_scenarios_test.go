package ui

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/keymap"
	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/sample"
	"github.com/tread-reader/tread/story"
)

// monkeyScenario builds the options of one kind of session, fresh fakes
// each time.
type monkeyScenario struct {
	name string
	opts func() Options
}

var monkeyScenarios = []monkeyScenario{
	{"library with feeds and search", func() Options {
		var unread atomic.Int32
		w := newWeb()
		w.pages["https://ledger.example/ferry"] = story.Document{Stories: []story.Story{{
			Title: "Ferry returns", Body: linkedBody("the ferry", 8, tidesURL)}}}
		return Options{
			Library: newFickleLibrary(120),
			Feeds:   feedSection(&unread),
			Refresh: func(_ context.Context, p func(RefreshCount)) (string, error) {
				p(RefreshCount{Feeds: 2, FeedsDone: 1, Articles: 2, ArticlesDone: 1})
				p(RefreshCount{Feeds: 2, FeedsDone: 2, Articles: 2, ArticlesDone: 2})
				unread.Add(1)
				return "refreshed 2 feeds", nil
			},
			Load: w.load, Reload: fickle(w.load), Saved: w.isSaved,
			OpenURL: func(string) error { return nil },
		}
	}},
	{"front page with related stories and walks", func() Options {
		w := newWeb()
		o := w.options()
		o.Sources = append(o.Sources, "missing.txt")
		o.Load, o.Reload, o.Fold = fickle(w.load), fickle(w.load), true
		o.OpenURL = func(string) error { return errors.New("no browser") }
		return o
	}},
	{"folder read in chunks", func() Options {
		expand, _ := fakeFolder(1000)
		o := folderOptions(expand)
		o.Sources = append(o.Sources, "front.txt")
		o.Load = fixtureLoader(map[string]story.Document{"front.txt": frontPage()})
		// a reload reads the folder whole
		o.Reload = fickle(fixtureLoader(map[string]story.Document{"front.txt": frontPage(), "/news": walkFront()}))
		o.Fold = true
		return o
	}},
	{"sample edition with pictures", func() Options {
		now := time.Now()
		load := func(_ context.Context, src string) []story.Document {
			if doc, ok := sample.Page(src, now); ok {
				return []story.Document{doc}
			}
			return []story.Document{{Source: src, Err: errors.New("the network is closed in tests")}}
		}
		png := testPNG(nil)
		return Options{
			Docs: []story.Document{sample.Edition(now), picDoc()}, Load: load, Reload: fickle(load),
			OpenURL: func(string) error { return nil }, Fold: true, Sort: SortNewest,
			Images:  "kitty",
			Picture: func(context.Context, string, string) ([]byte, error) { return png, nil },
		}
	}},
}

// fickle wraps load so that each load of a source differs from the last:
// the page as it is, then with its last story and last related item gone,
// then failing, then with no story at all, then with a second document.
// It counts the loads of each source, so a run stays the same per seed.
func fickle(load Loader) Loader {
	var mu sync.Mutex
	calls := map[string]int{}
	return func(ctx context.Context, src string) []story.Document {
		mu.Lock()
		n := calls[src]
		calls[src]++
		mu.Unlock()
		docs := load(ctx, src)
		switch n % 5 {
		case 1:
			return shrink(docs)
		case 2:
			return []story.Document{{Source: src, Err: fmt.Errorf("fetch %s: 503 Service Unavailable", src)}}
		case 3:
			return []story.Document{{Source: src}}
		case 4:
			extra := story.Document{Source: src, Stories: []story.Story{{Title: "Second page of " + src, Body: body("page two", 3)}}}
			return append(docs, extra)
		}
		return docs
	}
}

// shrink is docs without each one's last story and last related item.
func shrink(docs []story.Document) []story.Document {
	out := make([]story.Document, len(docs))
	for i, d := range docs {
		d.Stories = slices.Clone(d.Stories)
		if len(d.Stories) > 1 {
			d.Stories = d.Stories[:len(d.Stories)-1]
		}
		if len(d.Stories) > 0 && len(d.Stories[0].Related) > 0 {
			d.Stories[0].Related = d.Stories[0].Related[:len(d.Stories[0].Related)-1]
		}
		out[i] = d
	}
	return out
}

// fickleLibrary is a library whose pages read differently each time
// (fickle) and whose deleted pages are gone.
type fickleLibrary struct {
	*fakeLibrary
	stories Loader
}

func newFickleLibrary(n int) fickleLibrary {
	f := newFakeLibrary(n)
	return fickleLibrary{f, fickle(func(ctx context.Context, u string) []story.Document { return f.Stories(ctx, u) })}
}

func (f fickleLibrary) Stories(ctx context.Context, url string) []story.Document {
	return f.stories(ctx, url)
}

func (f fickleLibrary) Delete(_ context.Context, url string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.items = slices.DeleteFunc(f.items, func(it LibraryItem) bool { return it.URL == url })
	return nil
}

// TestMonkey runs each scenario from a few seeds, a few thousand random
// steps in all; TREAD_MONKEY_STEPS sets the steps of each run.
func TestMonkey(t *testing.T) {
	for _, sc := range monkeyScenarios {
		seeds, steps := 2, 1000
		if raceBuild {
			seeds, steps = 1, 150
		}
		for seed := range uint64(monkeyEnv(t, "TREAD_MONKEY_SEEDS", seeds)) {
			t.Run(fmt.Sprintf("%s/seed%d", sc.name, seed), func(t *testing.T) {
				steps := monkeyEnv(t, "TREAD_MONKEY_STEPS", steps)
				opts := sc.opts()
				opts.Renderer, opts.Style = render.NewRenderer(0), render.Dark // a render cached by another run would change the run
				mk := newMonkey(t, opts, randChooser{rand.New(rand.NewPCG(seed, 7))})
				for range steps {
					mk.step()
					mk.check()
				}
				mk.settle()
				mk.check()
			})
		}
	}
}

// FuzzModel is the monkey driven by the fuzzer's bytes: the first picks
// the scenario, each of the rest a choice.
func FuzzModel(f *testing.F) {
	f.Add([]byte{0, 40, 1, 80, 3, 90, 5})
	f.Add([]byte("\x01jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		data = data[:min(len(data), 800)] // a few hundred steps: execs stay quick
		opts := monkeyScenarios[int(data[0])%len(monkeyScenarios)].opts()
		opts.Renderer, opts.Style = render.NewRenderer(0), render.Dark // a render cached by another run would change the run
		c := &byteChooser{b: data[1:]}
		mk := newMonkey(t, opts, c)
		for !c.spent() {
			mk.step()
			mk.check()
		}
		mk.settle()
		mk.check()
	})
}

// defaultMonkeyKeys is every default key of every action but quit.
func defaultMonkeyKeys() map[string]bool {
	keys := map[string]bool{}
	for _, in := range keymap.Table() {
		if in.Action == keymap.Quit {
			continue
		}
		for _, k := range in.Keys {
			keys[k] = true
		}
	}
	return keys
}

// monkeyKey is the key press of k, shift+tab included.
func monkeyKey(k string) tea.KeyPressMsg {
	if k == "shift+tab" {
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	}
	return keyMsg(k)
}

// checkModel says what is inconsistent in m's state, "" when nothing.
func checkModel(m Model) string {
	var bad []string
	l := m.list
	switch {
	case len(l.visible) == 0 && l.cursor != -1:
		bad = append(bad, fmt.Sprintf("cursor %d with nothing visible", l.cursor))
	case len(l.visible) > 0 && (l.cursor < 0 || l.cursor >= len(l.visible)):
		bad = append(bad, fmt.Sprintf("cursor %d of %d visible", l.cursor, len(l.visible)))
	}
	if len(l.rank) != len(l.visible) {
		bad = append(bad, fmt.Sprintf("%d ranks for %d visible", len(l.rank), len(l.visible)))
	}
	for _, i := range l.visible {
		if i < 0 || i >= len(l.all) {
			bad = append(bad, fmt.Sprintf("visible %d of %d entries", i, len(l.all)))
			break
		}
	}
	for i, e := range l.all {
		if j, ok := l.index.at[e.key]; !ok || j != i {
			bad = append(bad, fmt.Sprintf("entry %d (%q) indexed at %d, %v", i, e.title, j, ok))
			break
		}
	}
	if m.links.open && len(m.links.links) > 0 && (m.links.cursor < 0 || m.links.cursor >= len(m.links.links)) {
		bad = append(bad, fmt.Sprintf("links cursor %d of %d", m.links.cursor, len(m.links.links)))
	}
	if e, ok := l.selected(); ok && m.width > 0 && m.layout().readerW > 0 && m.reader.want.key != m.readable(e).key {
		bad = append(bad, fmt.Sprintf("%q is selected but the reader is for %+v", e.title, m.reader.want.key))
	}
	if e, ok := l.selected(); m.links.open && (!ok || m.links.story != m.readable(e).key) {
		bad = append(bad, fmt.Sprintf("the links of %+v are open over %q", m.links.story, e.title))
	}
	if e, ok := l.selected(); m.pics.view.open && (!ok || m.pics.view.story != m.readable(e).key) {
		bad = append(bad, fmt.Sprintf("the pictures of %s are open over %q", m.pics.view.page, e.title))
	}
	if c := m.lib.confirm; c < 0 || c > len(m.slots) {
		bad = append(bad, fmt.Sprintf("a deletion awaits for slot %d of %d", c-1, len(m.slots)))
	}
	if m.list.filtering && m.reader.searching {
		bad = append(bad, "the filter and the story search both have the keyboard")
	}
	return strings.Join(bad, "; ")
}

// checkSettled says what is still in progress in m when every command has
// run and every message has arrived, "" when nothing.
func checkSettled(m Model) string {
	var bad []string
	if n := m.pending(); n > 0 {
		bad = append(bad, fmt.Sprintf("%d sources still loading (%s)", n, m.firstPending()))
	}
	if m.op.kind != opNone {
		bad = append(bad, fmt.Sprintf("a load of %s still runs", m.op.target))
	}
	if m.feeds.running {
		bad = append(bad, "the feeds are still refreshing")
	}
	if _, ok := m.list.selected(); ok && m.width > 0 && m.layout().readerW > 0 && !m.reader.ready && m.reader.note == "rendering…" {
		bad = append(bad, "the selected story is still rendering")
	}
	return strings.Join(bad, "; ")
}
