package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tread-reader/tread/picture"
	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// Pictures go in the text where the terminal draws kitty's Unicode
// placeholders (kitty 0.28 and later, Ghostty; inline.go): there they are
// cells like any other, which Bubble Tea's renderer draws, diffs and
// scrolls. Elsewhere (iTerm2, sixel, kitty-protocol terminals without
// placeholders) the picture key shows them in an overlay over the reader,
// one at a time, not in the text: the renderer owns every cell it draws
// and diffs frames, so a sixel or iTerm2 picture written among the text
// would be wiped by the next frame that touches its rows, and scrolled
// text would have to be drawn around it. The overlay draws blank rows
// that do not change while it is open; once that frame is on screen the
// picture is written over them (cursor saved, moved, restored, so the
// renderer's idea of the cursor holds), and closing it clears the screen,
// which makes the renderer draw every cell again. Scrolling never waits on
// a picture either way.

// pictureRef is one picture of a story: its address and what it shows.
type pictureRef struct {
	src string // an http(s) URL that passed render.SafeURL
	alt string // sanitized, one line; may be empty
}

// storyPictures lists the pictures of st's body that have a web address.
func storyPictures(st story.Story) []pictureRef {
	var out []pictureRef
	for _, b := range st.Body {
		if b.Kind != story.Image {
			continue
		}
		if u := render.SafeURL(b.URL); u != "" {
			out = append(out, pictureRef{src: u, alt: sanitize.Line(b.Text)})
		}
	}
	return out
}

// pictures is what the terminal can draw and the overlay showing one.
type pictures struct {
	setting  string // the images setting
	det      picture.Detector
	queryID  int  // the id of the queries' timeout
	seq      int  // the last render id given out
	decided  bool // the answers are in, or the setting did not ask
	display  picture.Display
	renderer *picture.Renderer

	data func(ctx context.Context, page, src string) ([]byte, error)
	file func(page, src string) string

	view   pictureView
	inline *inlinePics // pictures in the text; nil where the terminal can't (inline.go)
}

// pictureView is the overlay: the story's pictures and the one shown.
type pictureView struct {
	open   bool
	story  entryKey // whose pictures these are
	page   string
	refs   []pictureRef
	index  int
	seq    int // the render in flight or shown; a result of another is stale
	cancel context.CancelFunc
	pic    picture.Picture
	ready  bool   // pic is rendered
	placed bool   // pic was written to the screen
	err    string // why the picture can't be shown
}

// Messages of the pictures.
type (
	pictureRendered struct {
		seq int
		pic picture.Picture
		err error
	}
	placePicture struct{ seq int } // the blank frame is on screen: draw
)

// placeAfter is how long the overlay's blank frame has to reach the
// screen (Bubble Tea draws at 60 frames a second) before the picture is
// written over it.
const placeAfter = 50 * time.Millisecond

func newPictures(opts Options) pictures {
	p := pictures{setting: opts.Images, data: opts.Picture, file: opts.PictureFile, queryID: 1}
	p.det.InTmux = opts.InTmux
	if p.setting == "" {
		p.setting = picture.SettingAuto
	}
	if _, auto, err := picture.ParseSetting(p.setting); err != nil || !auto {
		p.decide() // forced or off: nothing to ask
	}
	return p
}

// start asks the terminal what it draws, when the setting says to ask,
// and gives up waiting for answers after picture.QueryTimeout; the wait
// goes through after, the model's timer, which tests run at once.
func (p pictures) start(after func(time.Duration, tea.Msg) tea.Cmd) tea.Cmd {
	if p.decided {
		return nil
	}
	return tea.Batch(tea.Raw(picture.Queries()), after(picture.QueryTimeout, picture.QueryTimeoutMsg{ID: p.queryID}))
}

// decide fixes the display from the answers so far. Until it runs the
// display draws nothing, so a terminal that never answers gets no
// picture bytes.
func (p *pictures) decide() {
	p.decided = true
	d, err := picture.Choose(p.setting, p.det.Result())
	if err != nil {
		d = picture.Display{}
	}
	p.display = d
	if d.Protocol != picture.None {
		p.renderer = picture.NewRenderer(d, picture.Limits{}, 0)
	}
	if d.Placeholders && p.data != nil {
		p.inline = newInlinePics()
	}
}

// observe takes the terminal's answers to the queries and the query's
// timeout; handled is false for any other message.
func (p *pictures) observe(msg tea.Msg) (handled bool) {
	if t, ok := msg.(picture.QueryTimeoutMsg); ok {
		if t.ID == p.queryID && !p.decided {
			p.decide()
		}
		return true
	}
	if !p.det.Observe(msg) {
		return false
	}
	if p.det.Done() && !p.decided {
		p.decide()
	}
	return true
}

// canDraw reports whether pictures are drawn in the terminal.
func (p pictures) canDraw() bool {
	return p.decided && p.renderer != nil && p.display.Protocol != picture.None
}

// showPicture is the picture key: the selected story's first picture, in
// the overlay where the terminal draws pictures, else in the system
// viewer (from the library's copy when there is one).
func (m Model) showPicture() (tea.Model, tea.Cmd) {
	e, ok := m.list.selected()
	if !ok {
		return m, nil
	}
	e = m.readable(e)
	if len(e.pictures) == 0 {
		return m, m.notify(say("this story has no pictures"))
	}
	if !m.pics.canDraw() {
		return m, m.openPicture(e.url, e.pictures[0].src)
	}
	m.pics.view = pictureView{open: true, story: e.key, page: e.url, refs: e.pictures}
	cmd := m.renderPicture() // before m is copied out: it changes m
	return m, cmd
}

// openPicture opens the picture at src of the story at page in the
// system viewer: the library's copy when there is one, else its address.
func (m Model) openPicture(page, src string) tea.Cmd {
	file, openFile, openURL := m.pics.file, m.openFile, m.openURL
	if openURL == nil {
		return m.notify(failure("can't open the picture: no viewer configured"))
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = urlOpened{url: src, err: errors.New("the viewer failed"), viewer: true}
			}
		}()
		if file != nil && openFile != nil {
			if path := file(page, src); path != "" {
				return urlOpened{url: path, err: openFile(path), viewer: true}
			}
		}
		return urlOpened{url: src, err: openURL(src), viewer: true}
	}
}

// pictureBox is the room the overlay gives a picture: the reader's width
// and height, less the overlay's title rows.
func (m Model) pictureBox() picture.Box {
	l := m.layout()
	return picture.Box{Cols: max(l.readerW-2, 1), Rows: max(l.contentH-pictureHeader, 1), Cell: m.pics.display.Cell}
}

// pictureHeader is the rows above the picture: its title and a blank.
const pictureHeader = 2

// renderPicture starts rendering the overlay's picture for the current
// size, cancelling the render before it.
func (m *Model) renderPicture() tea.Cmd {
	v := &m.pics.view
	if v.cancel != nil {
		v.cancel()
	}
	m.pics.seq++
	v.seq = m.pics.seq
	v.ready, v.placed, v.err = false, false, ""
	ctx, cancel := context.WithCancel(m.ctx)
	v.cancel = cancel
	seq, ref, page, box := v.seq, v.refs[v.index], v.page, m.pictureBox()
	data, r := m.pics.data, m.pics.renderer
	return func() tea.Msg {
		if data == nil {
			return pictureRendered{seq: seq, err: errors.New("no pictures here")}
		}
		b, err := data(ctx, page, ref.src)
		if err != nil {
			return pictureRendered{seq: seq, err: err}
		}
		pic, err := r.Render(ctx, b, box)
		return pictureRendered{seq: seq, pic: pic, err: err}
	}
}

func (m Model) onPictureRendered(msg pictureRendered) (tea.Model, tea.Cmd) {
	v := &m.pics.view
	if !v.open || msg.seq != v.seq {
		return m, nil // closed, or another picture since
	}
	if msg.err != nil {
		v.err = reason(msg.err, v.refs[v.index].src)
		return m, nil
	}
	v.pic, v.ready = msg.pic, true
	return m, m.after(placeAfter, placePicture{seq: msg.seq})
}

// onPlacePicture writes the picture over the overlay's blank rows.
func (m Model) onPlacePicture(msg placePicture) (tea.Model, tea.Cmd) {
	v := &m.pics.view
	if !v.open || !v.ready || msg.seq != v.seq || !m.pics.canDraw() {
		return m, nil
	}
	v.placed = true
	x, y := m.pictureOrigin()
	x += max(m.layout().readerW-v.pic.Cols, 0) / 2
	seq := ansi.SaveCursor + ansi.CursorPosition(x+1, y+1) + v.pic.Seq + ansi.RestoreCursor
	return m, tea.Raw(seq)
}

// pictureOrigin is the screen cell of the overlay's picture's top left.
func (m Model) pictureOrigin() (x, y int) {
	l := m.layout()
	switch {
	case m.reading:
		x = l.inset
	case l.twoPane:
		x = l.listW + 1
	}
	return x, pictureHeader
}

// closePicture closes the overlay and takes the picture off the screen.
func (m Model) closePicture() (tea.Model, tea.Cmd) {
	cmd := m.dropPicture()
	return m, cmd
}

// dropPicture closes the overlay; the command it returns takes the
// picture off the screen.
func (m *Model) dropPicture() tea.Cmd {
	v := &m.pics.view
	if v.cancel != nil {
		v.cancel()
	}
	placed, id := v.placed, v.pic.ID
	*v = pictureView{}
	return m.unplace(placed, id)
}

// leaveOverlays closes the links list and the picture overlay when they
// are another story's than k, the story the reader shows now (ok false:
// none): a click, a walk, a reload or a relist may move the selection
// while one is open.
func (m *Model) leaveOverlays(k entryKey, ok bool) tea.Cmd {
	if m.links.open && (!ok || m.links.story != k) {
		m.links.close()
	}
	if m.pics.view.open && (!ok || m.pics.view.story != k) {
		return m.dropPicture()
	}
	return nil
}

// unplace removes a picture drawn: kitty keeps pictures apart from the
// text, so the overlay's, id, is deleted (by its id, which leaves the
// pictures in the text be); a full redraw paints over the others.
func (m Model) unplace(placed bool, id uint32) tea.Cmd {
	if !placed {
		return nil
	}
	cmds := []tea.Cmd{tea.ClearScreen}
	if m.pics.display.Protocol == picture.Kitty {
		cmds = append(cmds, tea.Raw(picture.DeleteSeq(id, m.pics.display.Passthrough)))
	}
	return tea.Batch(cmds...)
}

// stepPicture shows the overlay's next (d = 1) or previous picture.
func (m Model) stepPicture(d int) (tea.Model, tea.Cmd) {
	v := &m.pics.view
	n := v.index + d
	if n < 0 || n >= len(v.refs) {
		return m, nil
	}
	placed, id := v.placed, v.pic.ID
	v.index = n
	cmd := tea.Batch(m.unplace(placed, id), m.renderPicture()) // before m is copied out
	return m, cmd
}

// pictureOverlay draws the overlay w×h: a title line, then blank rows the
// picture is drawn over, or why it can't be.
func (m Model) pictureOverlay(w, h int) string {
	v := m.pics.view
	ref := v.refs[v.index]
	title := fmt.Sprintf("Picture %d of %d", v.index+1, len(v.refs))
	if ref.alt != "" {
		title += ": " + ref.alt
	}
	lines := []string{"  " + m.styles.helpTitle.Render(truncate(title, max(w-4, 1))), ""}
	switch {
	case v.err != "":
		lines = append(lines, "  "+truncate("can't show it: "+v.err, max(w-4, 1)), "  "+m.styles.meta.Render(truncate(ref.src, max(w-4, 1))))
	case !v.ready:
		lines = append(lines, "  "+m.styles.placeholder.Render("loading the picture…"))
	}
	return fitBlock(strings.Join(lines, "\n"), w, h)
}

// onPictureKey handles every key while the overlay is open: it is over
// the reader, and a picture drawn stays until the overlay closes.
func (m Model) onPictureKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd, bool) {
	km := m.keys
	switch {
	case key.Matches(msg, km.Quit):
		next, cmd := m.quit()
		return next, cmd, true
	case key.Matches(msg, km.Back, km.Picture, km.WalkBack):
		next, cmd := m.closePicture()
		return next, cmd, true
	case key.Matches(msg, km.Next, km.Down, km.PageDown):
		next, cmd := m.stepPicture(1)
		return next, cmd, true
	case key.Matches(msg, km.Prev, km.Up, km.PageUp):
		next, cmd := m.stepPicture(-1)
		return next, cmd, true
	case key.Matches(msg, km.Browser):
		v := m.pics.view
		return m, m.openPicture(v.page, v.refs[v.index].src), true
	}
	return m, nil, false
}

// overlayOpen reports whether an overlay is over the reader.
func (m Model) overlayOpen() bool { return m.links.open || m.pics.view.open }

// overlayView draws the overlay over the reader, w×h.
func (m Model) overlayView(w, h int) string {
	if m.pics.view.open {
		return m.pictureOverlay(w, h)
	}
	return m.links.view(w, h, m.styles)
}

// resizePicture renders the overlay's picture again for a new size.
func (m *Model) resizePicture() tea.Cmd {
	if !m.pics.view.open {
		return nil
	}
	placed, id := m.pics.view.placed, m.pics.view.pic.ID
	return tea.Batch(m.unplace(placed, id), m.renderPicture())
}

// onPictureMsg takes the messages about pictures: the terminal's answers
// to the queries, and renders done.
func (m Model) onPictureMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case pictureRendered:
		next, cmd := m.onPictureRendered(msg)
		return next, cmd, true
	case placePicture:
		next, cmd := m.onPlacePicture(msg)
		return next, cmd, true
	case inlineRendered:
		next, cmd := m.onInlineRendered(msg)
		return next, cmd, true
	case inlineShown:
		next, cmd := m.onInlineShown(msg)
		return next, cmd, true
	}
	if m.pics.observe(msg) {
		cmd := m.layPictures() // the answers may have just said yes
		return m, cmd, true
	}
	return m, nil, false
}
