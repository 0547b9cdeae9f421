package ui

import (
	"context"
	"maps"
	"os"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tread-reader/tread/picture"
)

// Pictures in the text, where the terminal draws kitty's Unicode
// placeholders (picture/placeholder.go says how they work). The render
// stays text: a picture's lines ("Image: alt host[3]") are found in it
// by the hyperlink to the picture's address, and the reader's lines are
// laid out again with rows of placeholder cells in their place once the
// picture has been sent to the terminal. Until then, or when it can't be
// shown, the line stays. Decoding, scaling and encoding run in commands,
// cached by size; the bytes go out as tea.Raw before the frame that holds
// the placeholders, so the cells never name a picture the terminal lacks.
// The renderer then scrolls the picture with the text like any other
// cell. A picture no longer in the story on screen is deleted from the
// terminal; ids are bounded (picture.Slots) and stable per picture.

// maxInline is the most pictures of one story drawn in the text: the
// library keeps at most 64 of a page, and the rest stay lines.
const maxInline = 64

// inlinePics is the state of the pictures in the text. It is a pointer in
// the model, so copies of the model share it, as with the split cache.
type inlinePics struct {
	slots   *picture.Slots
	sent    map[uint32]inlineSent   // what the terminal holds, by id
	flight  map[uint32]inlineFlight // renders under way, by id
	failed  map[string]bool         // addresses that could not be shown
	laid    inlineLaid              // what the reader's lines were laid out for
	spans   []imageSpan             // where the pictures are in the render of spansOf
	spansOf renderWant
	gen     int // changes whenever sent does
}

// inlineSent is the picture the terminal holds under an id.
type inlineSent struct {
	src string
	box picture.Box
	pic picture.Picture
}

// inlineFlight is a render of a picture for an id, under way.
type inlineFlight struct {
	seq    int
	src    string
	box    picture.Box
	cancel context.CancelFunc
}

// inlineLaid names one layout: the render and its delivery, the pane's
// height, and the pictures the terminal held.
type inlineLaid struct {
	want      renderWant
	delivered int
	height    int
	gen       int
}

// Messages of the pictures in the text.
type (
	inlineRendered struct {
		seq int
		id  uint32
		pic picture.Picture
		err error
	}
	inlineShown struct { // the picture's bytes are written: show its cells
		seq int
		id  uint32
		pic picture.Picture
	}
)

func newInlinePics() *inlinePics {
	// the tag sets this tread's ids apart from another's in the terminal
	tag := byte(os.Getpid()%255 + 1)
	return &inlinePics{
		slots:  picture.NewSlots(tag, picture.MaxSlots),
		sent:   map[uint32]inlineSent{},
		flight: map[uint32]inlineFlight{},
		failed: map[string]bool{},
	}
}

// imageSpan is where a picture's lines are in a render: lines first to
// last, set in by indent cells; and, once the terminal holds it, the
// picture that takes their place, set in by lead cells.
type imageSpan struct {
	ref         int // index into the story's pictures
	first, last int
	indent      int

	id   uint32
	pic  picture.Picture
	lead int
}

// imageSpans finds the pictures' lines in a render, in one pass: a line
// linking to a picture's address (its numbered label) ends the picture's
// paragraph if that paragraph begins with "Image", as render writes a
// picture; the same address linked from the text is passed over.
func imageSpans(lines []string, refs []pictureRef) []imageSpan {
	want := make(map[string]int, len(refs))
	for i, r := range refs[:min(len(refs), maxInline)] {
		if _, dup := want[r.src]; !dup {
			want[r.src] = i
		}
	}
	var spans []imageSpan
	start := 0 // the first line of the paragraph
	for i, l := range lines {
		plain := ansi.Strip(l)
		if strings.TrimSpace(plain) == "" {
			start = i + 1
			continue
		}
		for rest := l; ; {
			p := strings.Index(rest, "\x1b]8;;")
			if p < 0 {
				break
			}
			rest = rest[p+5:]
			end := strings.Index(rest, "\x1b\\")
			if end <= 0 {
				continue
			}
			ref, ok := want[rest[:end]]
			head := strings.TrimLeft(ansi.Strip(lines[start]), " ")
			if ok && strings.HasPrefix(head, "Image") {
				delete(want, rest[:end])
				indent := ansi.StringWidth(ansi.Strip(lines[start])) - ansi.StringWidth(head)
				spans = append(spans, imageSpan{ref: ref, first: start, last: i, indent: indent})
				break
			}
		}
	}
	return spans
}

// layPictures lays the reader's lines out again with the story's
// pictures that the terminal holds, and starts sending the ones it lacks
// at the size the pane wants now. Pictures the terminal holds that the
// story on screen does not show are deleted there. It does nothing when
// nothing changed since the last layout, so it can follow every
// showSelected.
func (m *Model) layPictures() tea.Cmd {
	e, s, ok := m.inlineTarget()
	if !ok {
		return nil
	}
	in := m.pics.inline
	var cmds []tea.Cmd
	used := map[uint32]bool{}
	if in.spansOf != in.laid.want {
		in.spans, in.spansOf = imageSpans(s.lines, e.pictures), in.laid.want
	}
	spans := slices.Clone(in.spans)
	for i, sp := range spans {
		src := e.pictures[sp.ref].src
		id, evicted := in.slots.ID(src)
		cmds = append(cmds, m.forget(evicted))
		used[id] = true
		// the cell size is left to the renderer, which has the display's
		box := picture.ReadingBox(in.laid.want.width-2*sp.indent, in.laid.height, picture.CellSize{})
		sent, ok := in.sent[id]
		if !ok || sent.box != box {
			cmds = append(cmds, m.sendPicture(e.url, src, id, box))
		} else {
			in.stop(id) // the size sent is wanted again: a render for another is not
		}
		if ok && sent.src == src && sent.pic.Cols <= box.Cols && sent.pic.Rows <= box.Rows {
			spans[i].id, spans[i].pic = id, sent.pic
			spans[i].lead = sp.indent + (box.Cols-sent.pic.Cols)/2
		}
	}
	for id := range in.sent {
		if !used[id] {
			cmds = append(cmds, m.forget(id))
		}
	}
	if len(spans) > 0 {
		lines, widths, origin := layOut(s, spans)
		m.reader.relay(lines, widths, origin, m.styles)
	}
	return tea.Batch(cmds...)
}

// inlineTarget is the story on screen and its render, when it is to be
// laid out again: pictures are drawn in the text here, the reader shows
// the selected story, and something changed since the last layout.
func (m *Model) inlineTarget() (entry, splitRender, bool) {
	in := m.pics.inline
	if in == nil || !m.pics.canDraw() {
		return entry{}, splitRender{}, false
	}
	e, ok := m.list.selected()
	e = m.readable(e)
	s, have := m.reader.split.get(m.reader.shown)
	if !ok || !m.reader.ready || e.key != m.reader.shown.key || !have {
		return entry{}, splitRender{}, false
	}
	laid := inlineLaid{want: m.reader.shown, height: m.reader.bodyHeight(), gen: in.gen, delivered: m.reader.delivered}
	if laid == in.laid {
		return entry{}, splitRender{}, false
	}
	in.laid = laid
	return e, s, true
}

// layOut is the render s with the spans that have a picture replaced by
// its rows of placeholders, and where each line comes from in s.
func layOut(s splitRender, spans []imageSpan) (lines []string, widths, origin []int) {
	next := 0 // the render's next line to copy
	for _, sp := range spans {
		if sp.id == 0 {
			continue // the line stays until the picture is there
		}
		for ; next < sp.first; next++ {
			lines, widths, origin = append(lines, s.lines[next]), append(widths, s.widths[next]), append(origin, next)
		}
		lead := strings.Repeat(" ", sp.lead)
		for r := range sp.pic.Rows {
			lines = append(lines, lead+picture.PlaceholderRow(sp.id, r, sp.pic.Cols))
			widths, origin = append(widths, sp.lead+sp.pic.Cols), append(origin, sp.first)
		}
		next = sp.last + 1
	}
	for ; next < len(s.lines); next++ {
		lines, widths, origin = append(lines, s.lines[next]), append(widths, s.widths[next]), append(origin, next)
	}
	return lines, widths, origin
}

// sendPicture renders the picture at src for id in box, unless that
// render is under way already; a render of id at another size or for
// another picture is cancelled. A picture that failed before is not tried
// again: its line stays.
func (m *Model) sendPicture(page, src string, id uint32, box picture.Box) tea.Cmd {
	in := m.pics.inline
	if in.failed[src] {
		return nil
	}
	if f, ok := in.flight[id]; ok {
		if f.src == src && f.box == box {
			return nil
		}
		f.cancel()
	}
	m.pics.seq++
	seq := m.pics.seq
	ctx, cancel := context.WithCancel(m.ctx)
	in.flight[id] = inlineFlight{seq: seq, src: src, box: box, cancel: cancel}
	data, r := m.pics.data, m.pics.renderer
	return func() tea.Msg {
		b, err := data(ctx, page, src)
		if err != nil {
			return inlineRendered{seq: seq, id: id, err: err}
		}
		pic, err := r.RenderInline(ctx, b, box, id)
		return inlineRendered{seq: seq, id: id, pic: pic, err: err}
	}
}

// forget deletes picture id from the terminal and from the model, and
// stops a render of it.
func (m *Model) forget(id uint32) tea.Cmd {
	in := m.pics.inline
	in.stop(id)
	if _, ok := in.sent[id]; !ok {
		return nil
	}
	delete(in.sent, id)
	in.gen++
	return tea.Raw(picture.DeleteSeq(id, m.pics.display.Passthrough))
}

// current is the render under way for id when it is render seq, the one
// wanted; false for a render superseded, or for an id given up.
func (in *inlinePics) current(id uint32, seq int) (inlineFlight, bool) {
	if in == nil {
		return inlineFlight{}, false
	}
	f, ok := in.flight[id]
	return f, ok && f.seq == seq
}

// stop cancels the render for id under way, if any.
func (in *inlinePics) stop(id uint32) {
	if f, ok := in.flight[id]; ok {
		f.cancel()
		delete(in.flight, id)
	}
}

// freeInline deletes every picture sent, for quitting.
func (m *Model) freeInline() tea.Cmd {
	if m.pics.inline == nil {
		return nil
	}
	var cmds []tea.Cmd
	for _, id := range slices.Sorted(maps.Keys(m.pics.inline.sent)) {
		cmds = append(cmds, m.forget(id))
	}
	return tea.Sequence(cmds...)
}

// onInlineRendered writes a rendered picture to the terminal, then (in
// order, by tea.Sequence) lays it out in the text. A render superseded or
// for an id given up is dropped; a picture that can't be shown keeps its
// line.
func (m Model) onInlineRendered(msg inlineRendered) (tea.Model, tea.Cmd) {
	in := m.pics.inline
	f, ok := in.current(msg.id, msg.seq)
	if !ok {
		return m, nil
	}
	if msg.err != nil {
		delete(in.flight, msg.id)
		if len(in.failed) >= 4*maxInline {
			clear(in.failed)
		}
		in.failed[f.src] = true
		return m, nil
	}
	shown := inlineShown{seq: msg.seq, id: msg.id, pic: msg.pic}
	return m, tea.Sequence(tea.Raw(msg.pic.Seq), func() tea.Msg { return shown })
}

// onInlineShown records a picture the terminal now holds and lays the
// text out with it.
func (m Model) onInlineShown(msg inlineShown) (tea.Model, tea.Cmd) {
	in := m.pics.inline
	f, ok := in.current(msg.id, msg.seq)
	if !ok {
		return m, nil
	}
	delete(in.flight, msg.id)
	in.sent[msg.id] = inlineSent{src: f.src, box: f.box, pic: msg.pic}
	in.gen++
	cmd := m.layPictures()
	return m, cmd
}

// relay swaps the lines on offer for a new layout of the render on
// screen, keeping the text at the top of the pane where it was: origin
// maps each line to the render's line it comes from (nil: the render's
// own lines), so rows added or removed above the top move it by as many.
func (r *readerPane) relay(lines []string, widths, origin []int, st styles) {
	if !r.ready {
		return
	}
	top := r.vp.YOffset()
	from := top
	if top < len(r.origin) {
		from = r.origin[top]
	}
	r.base, r.widths, r.origin = lines, widths, origin
	r.lines = nil
	r.refreshSearch(st, false)
	at := from
	if origin != nil {
		at, _ = slices.BinarySearch(origin, from)
	}
	r.vp.SetYOffset(at)
}
