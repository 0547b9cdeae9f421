package ui

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

// pagedFolder is benchFolder's folder of n pages with a Loader that
// counts the pages it reads again and fails for the files in broken.
type pagedFolder struct {
	mu     sync.Mutex
	reads  map[string]int
	broken map[string]bool
	expand Expander
	load   Loader
}

func newPagedFolder(n int) *pagedFolder {
	f := &pagedFolder{broken: map[string]bool{}, reads: map[string]int{}}
	expand, load := benchFolder(n)
	f.expand = expand
	f.load = func(ctx context.Context, src string) []story.Document {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.reads[src]++
		if f.broken[src] {
			return []story.Document{{Source: src, Err: fmt.Errorf("open %s: permission denied", src)}}
		}
		return load(ctx, src)
	}
	return f
}

func (f *pagedFolder) options() Options {
	return Options{Sources: []string{"/bench"}, Expand: f.expand, Load: f.load, Reload: f.load,
		Renderer: render.NewRenderer(0), Style: render.Dark, Sort: SortNewest, Fold: true}
}

func (f *pagedFolder) readCount(src string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.reads[src]
}

// filterTo selects the first story matching q, with the filter typed and
// accepted as a user would.
func filterTo(d *driver, q string) {
	d.tb.Helper()
	d.press("/")
	d.typeText(q)
	d.press("enter")
}

// A folder's pages are listed as rows alone: every entry, main story or
// related item, has no body, links or pictures, and names its file.
func TestFolderRowsKeepNoBodies(t *testing.T) {
	f := newPagedFolder(300)
	d := newDriver(t, f.options(), 120, 40)
	if n := len(d.m.list.all); n != 4*300 {
		t.Fatalf("%d entries listed, want 1200 (300 pages, 3 related each)", n)
	}
	for _, s := range d.m.slots {
		for _, e := range s.entries {
			if !e.lazy || e.body != "" || e.links != nil || e.pictures != nil || e.file == "" {
				t.Fatalf("entry %q keeps lazy=%v body=%d bytes links=%d pictures=%d file=%q",
					e.title, e.lazy, len(e.body), len(e.links), len(e.pictures), e.file)
			}
		}
	}
	if got := d.selectedTitle(); !strings.Contains(got, "000299") {
		t.Errorf("selected %q, want the newest page, 000299", got)
	}
	if meta := d.m.list.all[0].meta; !strings.Contains(meta, "Coast Herald") || !strings.Contains(meta, "min read") {
		t.Errorf("the row's meta line %q lost its site or reading time", meta)
	}
}

// Selecting a story reads its page again and shows its body; its
// neighbour's page is read ahead; only the last keepPages pages are kept.
func TestFolderSelectingReadsThePage(t *testing.T) {
	tests := []struct {
		name, query, marker string
	}{
		{"the first story", "", "page299"},
		{"a story found by title", "000123", "page123"},
		{"a related story", "Related 2 of notice 000050", "related"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newPagedFolder(300)
			d := newDriver(t, f.options(), 120, 40)
			if tc.query != "" {
				filterTo(d, tc.query)
			}
			if text := d.readerText(); !strings.Contains(text, "Paragraph 1 about "+tc.marker+".") {
				t.Fatalf("the reader does not show the page of %q:\n%s", d.selectedTitle(), text)
			}
			if e, _ := d.m.list.selected(); f.readCount(e.file) != 1 {
				t.Errorf("%s read %d times, want once", e.file, f.readCount(e.file))
			}
		})
	}
	f := newPagedFolder(300)
	d := newDriver(t, f.options(), 120, 40)
	for range 40 {
		d.press("n")
	}
	if k := len(d.m.pages.kept); k > keepPages {
		t.Errorf("%d pages kept after visiting 40 stories, want at most %d", k, keepPages)
	}
	if e, _ := d.m.list.selected(); e.body != "" || d.m.readable(e).body == "" {
		t.Errorf("the selected row %q: body in the list %d bytes, in the reader %d", e.title, len(e.body), len(d.m.readable(e).body))
	}
}

// A page read that is no longer wanted when it comes (the selection moved
// on) is dropped, not kept.
func TestFolderStalePageReadDropped(t *testing.T) {
	f := newPagedFolder(300)
	d := newDriver(t, f.options(), 120, 40)
	cmd := d.update(keyMsg("G")) // the oldest page: its read starts
	e, _ := d.m.list.selected()
	far := pageOf(e.key)
	var late []tea.Msg
	for _, msg := range flatten(t, cmd) {
		if r, ok := msg.(pageRead); ok && r.ref == far {
			late = append(late, msg) // read, but held back
		}
	}
	if len(late) == 0 {
		t.Fatal("G started no read of the oldest page")
	}
	d.press("g") // back to the top before the read is in
	for _, msg := range late {
		d.send(msg)
	}
	if d.m.pages.find(far) != nil || d.m.pages.reading(far) {
		t.Error("a read of a page no longer wanted was kept")
	}
	if text := d.readerText(); !strings.Contains(text, "page299") {
		t.Errorf("the reader left the selected story for a stale read:\n%s", text)
	}
}

// A file that can no longer be read gives one line naming it, in the
// reader and the status bar; the reload key tries it again.
func TestFolderUnreadablePage(t *testing.T) {
	f := newPagedFolder(300)
	f.broken[benchPath(123)] = true
	d := newDriver(t, f.options(), 120, 40)
	filterTo(d, "000123")
	said := func() {
		t.Helper()
		want := "open /bench/p000123.txt: permission denied"
		if note := d.m.reader.note; !strings.Contains(note, want) || strings.Contains(note, "\n") {
			t.Errorf("reader note %q, want one line with %q", note, want)
		}
		if st := d.m.status.current; !st.isErr || !strings.Contains(st.text, want) {
			t.Errorf("status %+v, want the error naming the file", st)
		}
	}
	said()
	d.press("esc", "g") // moving on and back says it again, reads it no more
	filterTo(d, "000123")
	said()
	if n := f.readCount(benchPath(123)); n != 1 {
		t.Errorf("the broken page was read %d times, want once until reloaded", n)
	}
	delete(f.broken, benchPath(123))
	d.press("r")
	if text := d.readerText(); !strings.Contains(text, "Paragraph 1 about page123.") {
		t.Errorf("after r the page is still not shown:\n%s", text)
	}
	if st := d.m.status.current.text; !strings.Contains(st, "reloaded /bench/p000123.txt") {
		t.Errorf("status %q, want it to say the page was reloaded", st)
	}
}

// Merging a chunk's story groups into the stories so far gives the order
// sorting them all would.
func TestMergeGroups(t *testing.T) {
	base := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	mk := func(name string, hour int, related int) group {
		st := story.Story{Title: name}
		if hour >= 0 {
			st.Published = base.Add(time.Duration(hour) * time.Hour)
		}
		for r := range related {
			st.Related = append(st.Related, story.Story{Title: fmt.Sprintf("%s rel %d", name, r)})
		}
		gs, _ := prepareGroups(0, 0, "", []story.Document{{Source: name, Stories: []story.Story{st}}}, 0, prep{light: true})
		return gs[0]
	}
	chunks := [][]group{
		{mk("b", 3, 1), mk("a", 3, 0), mk("undated", -1, 2)},
		{mk("c", 5, 0), mk("d", 1, 2), mk("a2", 3, 1)},
		{mk("e", -1, 0), mk("f", 4, 1)},
	}
	for _, order := range []string{SortNewest, SortOldest, ""} {
		var merged []entry
		var all []group
		for _, c := range chunks {
			merged = mergeGroups(merged, slices.Clone(c), order)
			all = append(all, c...)
		}
		want := sortedEntries(all, order)
		if got, exp := titlesOf(merged), titlesOf(want); !slices.Equal(got, exp) {
			t.Errorf("order %q: merged %v, want %v", order, got, exp)
		}
	}
}

func titlesOf(es []entry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.title
	}
	return out
}

// A folder page's row keeps none of its page's text alive: the strings it
// keeps are copies, not cut from the text.
func TestFolderRowsDetachFromPageText(t *testing.T) {
	text := strings.Repeat("x", 4096) + "Ferry returns\nCoast Herald\nBy Ada Marsh\nhttps://coast.example/ferry\n"
	cut := func(s string) string { i := strings.Index(text, s); return text[i : i+len(s)] }
	st := story.Story{Title: cut("Ferry returns"), Site: cut("Coast Herald"), Byline: cut("By Ada Marsh"), URL: cut("https://coast.example/ferry")}
	gs, _ := prepareGroups(0, 0, "", []story.Document{{Source: "/news/a.txt", Stories: []story.Story{st}}}, 0, prep{light: true})
	e := gs[0].entries[0]
	start := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	for name, s := range map[string]string{"title": e.title, "site": e.site, "match": e.match, "url": e.url,
		"head title": e.head.Title, "head site": e.head.Site, "byline": e.head.Byline, "head url": e.head.URL} {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(s))); s != "" && p >= start && p < start+uintptr(len(text)) {
			t.Errorf("the row's %s %q is cut from the page's text", name, s)
		}
	}
}
