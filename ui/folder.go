package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/story"
)

// Folder is a folder source read a chunk of pages at a time, so that its
// first stories show as soon as they are read and a folder of any size
// opens: Total pages in all, and Read gives the documents of pages from
// to from+n, reading them on every core and honouring ctx.
type Folder struct {
	Total int
	Read  func(ctx context.Context, from, n int) []story.Document
}

// Expander opens source as a Folder when it is a folder of pages; ok is
// false for anything else, which Load reads whole. It runs in a tea.Cmd.
type Expander func(ctx context.Context, source string) (f Folder, ok bool)

// Chunks start small, so the first stories show at once, and grow with
// what has been read, so that a folder of 100,000 pages lays the list out
// some dozens of times, not thousands.
const (
	firstChunk = 16
	maxChunk   = 2048
)

func chunkAfter(read int) int { return min(max(firstChunk, read/4), maxChunk) }

// folderRead is one chunk of a folder read and prepared.
type folderRead struct {
	slot, gen int
	groups    []group
	errs      []notice
	folder    Folder
	from      int // the chunk's first page: it follows the pages read so far
	next      int // pages read so far
	nextDoc   int // documents so far: the next chunk's first document index
}

// folderCmd reads the chunk of f that starts at page from.
func folderCmd(ctx context.Context, f Folder, slotIdx, gen int, source string, from, firstDoc int, p prep) tea.Cmd {
	return func() tea.Msg {
		if ctx.Err() != nil {
			return nil // stopped with esc, or tread is quitting
		}
		n := min(chunkAfter(from), f.Total-from)
		docs := f.Read(ctx, from, n)
		if ctx.Err() != nil {
			return nil
		}
		p.light = true // the list's rows alone: a story's page is read again to show it
		groups, errs := prepareGroups(slotIdx, gen, source, docs, firstDoc, p)
		return folderRead{slot: slotIdx, gen: gen, groups: groups, errs: errs, folder: f, from: from, next: from + n, nextDoc: firstDoc + len(docs)}
	}
}

// onFolderRead adds a chunk of a folder to its slot, sorted in with what
// came before, and asks for the next until the folder is read.
func (m Model) onFolderRead(msg folderRead) (tea.Model, tea.Cmd) {
	if msg.slot < 0 || msg.slot >= len(m.slots) || m.slots[msg.slot].gen != msg.gen || m.slots[msg.slot].read != msg.from {
		return m, nil // stopped, superseded, or a chunk already added
	}
	s := &m.slots[msg.slot]
	s.failed = append(s.failed, msg.errs...)
	s.entries = mergeGroups(s.entries, msg.groups, m.sort)
	s.read, s.total = msg.next, msg.folder.Total
	var next tea.Cmd
	if msg.next >= msg.folder.Total {
		s.loaded = true
	} else {
		next = folderCmd(m.loadCtx, msg.folder, msg.slot, msg.gen, s.source, msg.next, msg.nextDoc, m.prep())
	}
	m.list.setEntries(m.allEntries())
	m.maybeRead()
	return m, tea.Batch(m.showSelected(), m.notifyAll(msg.errs), m.startAging(s.entries), next)
}

// mergeGroups is sorted, the entries of a folder's chunks so far in order,
// with the story groups of the next chunk sorted in among them: the order
// sorting every group again would give (ties keep the earlier chunk's
// first), in one pass over the entries and a slice just big enough.
func mergeGroups(sorted []entry, groups []group, order string) []entry {
	sortGroups(groups, order)
	n := len(sorted)
	for _, g := range groups {
		n += len(g.entries)
	}
	out := make([]entry, 0, n)
	i := 0
	for _, g := range groups {
		for i < len(sorted) {
			head := group{when: storyTime(sorted[i].head), name: sorted[i].file}
			if compareGroups(head, g, order) > 0 {
				break
			}
			j := i + 1
			for j < len(sorted) && sorted[j].related {
				j++
			}
			out = append(out, sorted[i:j]...)
			i = j
		}
		out = append(out, g.entries...)
	}
	return append(out, sorted[i:]...)
}
