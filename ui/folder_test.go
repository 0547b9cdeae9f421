package ui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

// fakeFolder is a folder of n one-story pages, page i published i hours
// after a fixed time; reads records each chunk asked for.
func fakeFolder(n int) (Expander, *[][2]int) {
	var mu sync.Mutex
	var reads [][2]int
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	f := Folder{Total: n, Read: func(_ context.Context, from, k int) []story.Document {
		mu.Lock()
		reads = append(reads, [2]int{from, k})
		mu.Unlock()
		var docs []story.Document
		for i := from; i < from+k; i++ {
			docs = append(docs, story.Document{Source: fmt.Sprintf("/news/p%03d.txt", i), Stories: []story.Story{{
				Title: fmt.Sprintf("Page %03d", i), Published: base.Add(time.Duration(i) * time.Hour),
				Body: []story.Block{{Kind: story.Paragraph, Text: "Words of page " + fmt.Sprint(i) + "."}},
			}}})
		}
		return docs
	}}
	return func(_ context.Context, src string) (Folder, bool) { return f, src == "/news" }, &reads
}

func folderOptions(expand Expander) Options {
	return Options{Sources: []string{"/news"}, Expand: expand, Renderer: render.NewRenderer(0), Style: render.Dark, Sort: SortNewest}
}

// A folder is read a chunk at a time, chunks growing, every page listed in
// the end, newest first, with no bound of a thousand files.
func TestFolderReadInChunks(t *testing.T) {
	expand, reads := fakeFolder(1500)
	d := newDriver(t, folderOptions(expand), 100, 30)
	if n := len(d.m.list.all); n != 1500 {
		t.Fatalf("%d stories listed, want 1500", n)
	}
	if got := d.m.list.all[0].title; got != "Page 1499" {
		t.Errorf("first listed %q, want the newest, Page 1499", got)
	}
	if len(*reads) < 5 || len(*reads) > 40 || (*reads)[0] != [2]int{0, firstChunk} {
		t.Errorf("chunks read %v: want a small first one, then growing", *reads)
	}
	if d.m.pending() != 0 {
		t.Error("the folder still counts as loading")
	}
}

// The first chunk shows at once, the status bar counts the pages read,
// and stopping (esc) drops the chunks still on their way.
func TestFolderShowsFirstAndStops(t *testing.T) {
	expand, _ := fakeFolder(500)
	f, _ := expand(context.Background(), "/news")
	m := New(folderOptions(expand))
	m.after = func(time.Duration, tea.Msg) tea.Cmd { return nil }
	nm, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m = nm.(Model)
	gen := m.slots[0].gen
	first := folderCmd(context.Background(), f, 0, gen, "/news", 0, 0, m.prep())().(folderRead)
	nm, next := m.Update(first)
	m = nm.(Model)
	if len(m.list.all) != firstChunk || m.pending() != 1 || next == nil {
		t.Fatalf("after the first chunk: %d listed, %d pending, next %v", len(m.list.all), m.pending(), next != nil)
	}
	if line := m.loadsLine(100, notice{}); !strings.Contains(line, fmt.Sprintf("(%d/500 pages)", firstChunk)) {
		t.Errorf("status line %q does not count the pages read", line)
	}
	if !strings.Contains(m.View().Content, "Page 015") {
		t.Errorf("the first chunk's newest story is not shown:\n%s", m.View().Content)
	}
	m.stopLoads()
	late := folderCmd(context.Background(), f, 0, gen, "/news", firstChunk, firstChunk, m.prep())().(folderRead)
	nm, _ = m.Update(late)
	m = nm.(Model)
	if len(m.list.all) != firstChunk || m.pending() != 0 || !m.slots[0].stopped {
		t.Errorf("after stopping: %d listed, %d pending, stopped %v", len(m.list.all), m.pending(), m.slots[0].stopped)
	}
}

// A chunk that comes again (delivered twice, or late from a chain
// already past it) is dropped, not listed twice.
func TestFolderChunkTwice(t *testing.T) {
	expand, _ := fakeFolder(40)
	d := &driver{tb: t, m: New(folderOptions(expand))}
	d.m.after = func(_ time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return delayed{msg} } }
	var first tea.Msg
	for _, msg := range flatten(t, d.m.Init()) {
		if c, ok := msg.(folderRead); ok {
			first = c
		}
	}
	if first == nil {
		t.Fatal("Init read no chunk of the folder")
	}
	rest := d.update(first)
	d.update(first)
	if n := len(d.m.list.all); n != firstChunk {
		t.Errorf("after the first chunk came twice: %d entries, want %d", n, firstChunk)
	}
	if p := checkModel(d.m); p != "" {
		t.Error(p)
	}
	d.run(rest)
	if n := len(d.m.list.all); n != 40 {
		t.Errorf("after the rest: %d entries, want 40", n)
	}
}

// r on a folder still being read reloads the selected page alone, from
// the file as it is now, and the folder's reading goes on to its end with
// nothing left loading.
func TestFolderPageReloadedWhileRead(t *testing.T) {
	expand, _ := fakeFolder(40)
	opts := folderOptions(expand)
	page := func(text string) Loader {
		return func(_ context.Context, src string) []story.Document {
			return []story.Document{{Source: src, Stories: []story.Story{{Title: src, Body: body(text+" "+src, 2)}}}}
		}
	}
	opts.Load, opts.Reload = page("as it was"), page("as it is now")
	d := &driver{tb: t, m: New(opts)}
	d.m.after = func(_ time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return delayed{msg} } }
	var first tea.Msg
	for _, msg := range flatten(t, d.m.Init()) {
		if c, ok := msg.(folderRead); ok {
			first = c
		}
	}
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	rest := d.update(first) // the first chunk is listed, the next one asked for
	d.press("r")            // on the newest page of the first chunk
	if got := d.readerText(); !strings.Contains(got, "as it is now /news/p015.txt") {
		t.Errorf("r did not read the page again:\n%s", got)
	}
	d.run(rest)
	if n := d.m.pending(); n != 0 || strings.Contains(lastLine(d.screen()), "loading") {
		t.Errorf("%d sources still loading after the reload:\n%s", n, d.screen())
	}
	if n := len(d.m.list.all); n != 40 {
		t.Errorf("%d stories listed after the reload, want the folder's 40", n)
	}
}
