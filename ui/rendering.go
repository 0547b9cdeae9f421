package ui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/render"
)

// storyRendered carries a finished render, already split into measured
// lines, and the want it was made for.
type storyRendered struct {
	want  renderWant
	split splitRender
	err   error
}

// renderCmd renders md in the background. A render whose selection has
// moved on by the time it starts is skipped: ctx is cancelled then.
func renderCmd(ctx context.Context, r *render.Renderer, want renderWant, md string, links []render.Link) tea.Cmd {
	return func() (msg tea.Msg) {
		if ctx.Err() != nil {
			return nil
		}
		defer func() {
			if p := recover(); p != nil {
				msg = storyRendered{want: want, err: fmt.Errorf("render story: %v", p)}
			}
		}()
		out, err := r.Render(md, want.width, want.style)
		if err != nil {
			return storyRendered{want: want, err: err}
		}
		return storyRendered{want: want, split: splitLines(out, links)}
	}
}

// showSelected brings the reader in line with the selection, window width
// and style. A render already in the cache goes on screen at once; anything
// else is rendered in a command, and the stories either side of the
// selection are rendered ahead so n and p find them in the cache.
func (m *Model) showSelected() tea.Cmd {
	m.reader.setCrumb(m.breadcrumb())
	e, ok := m.list.selected()
	e = m.readable(e)
	return tea.Batch(m.leaveOverlays(e.key, ok), m.showStory(e, ok))
}

// showStory puts e, the selected story when ok, in the reader.
func (m *Model) showStory(e entry, ok bool) tea.Cmd {
	if !ok {
		m.cancelRenders()
		m.reader.forget(m.emptyNote())
		return nil
	}
	l := m.layout()
	if m.width <= 0 || l.readerW <= 0 {
		return nil // no size yet: nothing to wrap to
	}
	md := e.markdown(m.list.now)
	want := m.wantFor(e, m.wrapWidth(l.readerW))
	pages := m.wantPages()
	if n, failed := m.pages.failure(e); failed {
		// a folder page that could not be read again: say why, once
		want.read = -1
		if !m.reader.request(want) {
			return pages
		}
		m.cancelRenders()
		m.reader.showNote(n.text)
		return tea.Batch(pages, m.notify(n))
	}
	if !m.reader.request(want) {
		return tea.Batch(m.layPictures(), pages) // the same story: a new height may want new sizes
	}
	m.cancelRenders()
	ctx, cancel := context.WithCancel(m.ctx)
	m.renderCancel = cancel

	var cmds []tea.Cmd
	if s, ok := m.warm(want, md, e.links); ok {
		m.reader.deliver(want, s, m.styles)
	} else {
		if !m.reader.showing() {
			m.reader.showNote("rendering…")
		}
		cmds = append(cmds, renderCmd(ctx, m.renderer, want, md, e.links))
	}
	cmds = append(cmds, m.layPictures())
	for _, n := range []int{m.list.cursor + 1, m.list.cursor - 1} {
		if n < 0 || n >= len(m.list.visible) {
			continue
		}
		ne := m.readable(m.list.all[m.list.visible[n]])
		if ne.lazy {
			continue // its page is on its way (wantPages)
		}
		nw := m.wantFor(ne, want.width)
		if _, ok := m.reader.split.get(nw); !ok {
			cmds = append(cmds, renderCmd(ctx, m.renderer, nw, ne.markdown(m.list.now), ne.links))
		}
	}
	return tea.Batch(append(cmds, pages)...)
}

// wantFor is the render of e at width in the style in use, with its age
// as it reads now: when that changes, so does the render wanted.
func (m Model) wantFor(e entry, width int) renderWant {
	return renderWant{key: e.key, width: width, style: m.style, read: e.read, age: e.age(m.list.now)}
}

// warm finds a render that needs no glamour work: split already, or in the
// renderer's cache (split here then, which is cheap next to rendering).
func (m *Model) warm(want renderWant, md string, links []render.Link) (splitRender, bool) {
	if s, ok := m.reader.split.get(want); ok {
		return s, true
	}
	if out, ok := m.renderer.Cached(md, want.width, want.style); ok {
		return splitLines(out, links), true
	}
	return splitRender{}, false
}

// wrapWidth is the width stories are wrapped to in a reader pane columns
// wide: the pane, capped by Options.ReadingWidth (render.MaxWidth when
// unset), and never below what render.ReadingWidth allows.
func (m Model) wrapWidth(pane int) int {
	if m.readWidth <= 0 {
		return render.ReadingWidth(pane)
	}
	return max(min(pane, m.readWidth), render.ReadingWidth(0))
}

func (m *Model) cancelRenders() {
	if m.renderCancel != nil {
		m.renderCancel()
		m.renderCancel = nil
	}
}

// onRendered puts a render on screen if it is the one the reader wants.
// Renders ahead of the selection and renders the selection has moved past
// are dropped here; they are in the renderer's cache either way.
func (m Model) onRendered(msg storyRendered) (tea.Model, tea.Cmd) {
	if msg.want != m.reader.want {
		if msg.err == nil && msg.want.width == m.reader.want.width && msg.want.style == m.reader.want.style {
			m.reader.split.put(msg.want, msg.split) // rendered ahead: keep it ready
		}
		return m, nil
	}
	if m.reader.ready && m.reader.shown == msg.want {
		return m, nil
	}
	if msg.err != nil {
		m.reader.showNote("This story could not be rendered: " + msg.err.Error())
		return m, m.notify(errorLine("render", msg.err))
	}
	m.reader.deliver(msg.want, msg.split, m.styles)
	cmd := m.layPictures()
	return m, cmd
}
