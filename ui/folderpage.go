package ui

import (
	"context"
	"errors"
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/sanitize"
)

// Folder pages shown: a folder read a chunk at a time (folder.go) keeps
// each page's stories as list rows alone — lazy entries with the title,
// site, byline, date and the related items' titles, no body — so that a
// folder of 100,000 pages costs what its rows cost, not what its stories
// do. The reader reads the selected story's page again with Options.Load,
// in a tea.Cmd, and its neighbours' too, so that j, k, n and p find them
// ready; the last keepPages pages read are kept. Every read carries an id:
// a read no longer wanted is cancelled, and its result, if it still comes,
// is dropped.

// keepPages is how many folder pages read again are kept in full.
const keepPages = 8

// pageRef names one page of a folder: its slot, the slot's load
// generation, and the page's document index in it.
type pageRef struct{ slot, gen, doc int }

func pageOf(k entryKey) pageRef { return pageRef{k.slot, k.gen, k.doc} }

// pageLoad is a read of a folder page in flight.
type pageLoad struct {
	ref    pageRef
	id     int
	reload bool // the reload key asked for it: it says when it is done
	cancel context.CancelFunc
}

// keptPage is a folder page read again: its stories in full, keyed as its
// rows are, or why it could not be read.
type keptPage struct {
	ref     pageRef
	entries []entry
	failed  *notice
}

// folderPages is the reader's folder pages: those being read and those
// kept, most recently read last. Its slices are replaced, never changed in
// place: older copies of the model share them.
type folderPages struct {
	seq     int // the last id given to a read
	loading []pageLoad
	kept    []keptPage
}

// pageRead reports a folder page read again (or not).
type pageRead struct {
	id      int
	ref     pageRef
	file    string
	entries []entry
	errs    []notice
}

// pageCmd reads the page ref, from file, again with load.
func pageCmd(ctx context.Context, load Loader, id int, ref pageRef, file string, p prep) tea.Cmd {
	return func() tea.Msg {
		entries, errs, ok := fetch(ctx, load, ref.slot, ref.gen, file, p)
		if !ok {
			return nil
		}
		page := make([]entry, 0, len(entries))
		for _, e := range entries {
			if e.key.doc == 0 { // a file is one page
				e.key.doc, e.read = ref.doc, id
				page = append(page, e)
			}
		}
		return pageRead{id: id, ref: ref, file: file, entries: page, errs: errs}
	}
}

// fill is e in full when it is a folder page's row whose page is kept.
func (p folderPages) fill(e entry) entry {
	if !e.lazy {
		return e
	}
	if k := p.find(pageOf(e.key)); k != nil {
		for _, x := range k.entries {
			if x.key == e.key {
				return x
			}
		}
	}
	return e
}

// find is the kept page ref, or nil.
func (p folderPages) find(ref pageRef) *keptPage {
	for i := range p.kept {
		if p.kept[i].ref == ref {
			return &p.kept[i]
		}
	}
	return nil
}

func (p folderPages) reading(ref pageRef) bool {
	return slices.ContainsFunc(p.loading, func(l pageLoad) bool { return l.ref == ref })
}

// keep keeps k in place of any older read of its page, letting go of the
// least recently read page beyond keepPages.
func (p *folderPages) keep(k keptPage) {
	kept := make([]keptPage, 0, keepPages)
	for _, x := range p.kept {
		if x.ref != k.ref {
			kept = append(kept, x)
		}
	}
	if len(kept) >= keepPages {
		kept = kept[len(kept)-keepPages+1:]
	}
	p.kept = append(kept, k)
}

// forget lets go of page ref, kept or being read.
func (p *folderPages) forget(ref pageRef) {
	p.kept = slices.DeleteFunc(slices.Clone(p.kept), func(k keptPage) bool { return k.ref == ref })
	p.loading = slices.DeleteFunc(slices.Clone(p.loading), func(l pageLoad) bool {
		if l.ref == ref {
			l.cancel()
		}
		return l.ref == ref
	})
}

// readPage starts reading e's folder page again with load.
func (m *Model) readPage(e entry, load Loader, reload bool) tea.Cmd {
	ctx, cancel := context.WithCancel(m.ctx)
	m.pages.seq++
	l := pageLoad{ref: pageOf(e.key), id: m.pages.seq, reload: reload, cancel: cancel}
	m.pages.loading = append(slices.Clip(m.pages.loading), l)
	return pageCmd(ctx, load, l.id, l.ref, e.file, m.prep())
}

// wantPages reads again the folder pages of the selected story and of the
// stories either side of it, those not kept or on their way, and cancels
// the reads of pages no longer wanted. A reload finishes whatever is
// selected.
func (m *Model) wantPages() tea.Cmd {
	var want []entry
	for _, n := range []int{m.list.cursor, m.list.cursor + 1, m.list.cursor - 1} {
		if n < 0 || n >= len(m.list.visible) {
			continue
		}
		e := m.readable(m.list.all[m.list.visible[n]])
		if e.lazy && !slices.ContainsFunc(want, func(w entry) bool { return pageOf(w.key) == pageOf(e.key) }) {
			want = append(want, e)
		}
	}
	wanted := func(ref pageRef) bool {
		return slices.ContainsFunc(want, func(w entry) bool { return pageOf(w.key) == ref })
	}
	loading := make([]pageLoad, 0, len(m.pages.loading))
	for _, l := range m.pages.loading {
		if l.reload || wanted(l.ref) {
			loading = append(loading, l)
		} else {
			l.cancel()
		}
	}
	m.pages.loading = loading
	var cmds []tea.Cmd
	for _, e := range want {
		if ref := pageOf(e.key); m.pages.find(ref) == nil && !m.pages.reading(ref) {
			cmds = append(cmds, m.readPage(e, m.load, false))
		}
	}
	return tea.Batch(cmds...)
}

// onPageRead keeps a folder page read again and shows it if it is the
// selected story's. A page that could not be read is kept as such: the
// reader says so when it is selected (showSelected).
func (m Model) onPageRead(msg pageRead) (tea.Model, tea.Cmd) {
	i := slices.IndexFunc(m.pages.loading, func(l pageLoad) bool { return l.id == msg.id })
	if i < 0 {
		return m, nil // no longer wanted
	}
	l := m.pages.loading[i]
	m.pages.loading = slices.Delete(slices.Clone(m.pages.loading), i, i+1)
	k := keptPage{ref: msg.ref, entries: msg.entries}
	if len(msg.entries) == 0 {
		n := errorLine(msg.file, errors.New("no story found on this page any more"))
		if len(msg.errs) > 0 {
			n = msg.errs[len(msg.errs)-1]
		}
		k.failed = &n
	}
	m.pages.keep(k)
	var say tea.Cmd
	switch {
	case l.reload && k.failed != nil:
		say = m.notify(*k.failed)
	case l.reload:
		name := sanitize.Line(msg.file)
		say = m.notify(sayAbout("reloaded "+name, name))
	}
	return m, tea.Batch(m.showSelected(), say)
}

// failure is why e's folder page could not be read again, if it could not.
func (p folderPages) failure(e entry) (notice, bool) {
	if k := p.find(pageOf(e.key)); e.lazy && k != nil && k.failed != nil {
		return *k.failed, true
	}
	return notice{}, false
}

// reloadPage reads the selected folder page's file again, the reload key
// on a folder's story.
func (m Model) reloadPage(e entry) (tea.Model, tea.Cmd) {
	m.pages.forget(pageOf(e.key))
	read := m.readPage(e, m.reloadFn, true)
	return m, tea.Batch(read, m.showSelected())
}
