package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/tread-reader/tread/sanitize"
)

// noticeFor is how long a notice (a load error, say) stays in the status
// bar before the key hints take its place again.
const noticeFor = 6 * time.Second

// notice is one message for the status bar. subject is the part of text
// that may be shortened to fit (a URL or a source name), so that the
// reason around it stays in view.
type notice struct {
	text    string
	subject string
	isErr   bool
}

// statusTick clears the notice numbered seq; a tick for a notice that has
// already been replaced is ignored.
type statusTick struct{ seq int }

// statusBar holds the notice on screen. A new notice replaces the one
// before at once: it is about what the reader just did, the old one about
// something already behind them. Load errors stay retrievable: the bar
// counts them and help lists them.
type statusBar struct {
	current notice
	seq     int
}

// show puts n on screen; the caller starts its timer for seq.
func (s *statusBar) show(n notice) {
	s.current = n
	s.seq++
}

// tick ends the notice numbered seq, if it is still the one on screen.
func (s *statusBar) tick(seq int) {
	if seq == s.seq {
		s.current = notice{}
	}
}

// clear drops the notice on screen, when what it said is no longer news.
func (s *statusBar) clear() {
	s.current = notice{}
	s.seq++
}

// fitNotice lays n out in room cells: whole when it fits, else with its
// subject shortened in place (by shortSubject) so the words around it
// stay, and only then cut at the end.
func fitNotice(n notice, room int) string {
	text := n.text
	w := ansi.StringWidth(text)
	if w <= room {
		return text
	}
	if k := strings.Count(text, n.subject); n.subject != "" && k > 0 {
		rest := w - k*ansi.StringWidth(n.subject)
		budget := max((room-rest)/k, minSubject)
		text = strings.ReplaceAll(text, n.subject, shortSubject(n.subject, budget))
	}
	return truncate(text, room)
}

// minSubject is the fewest cells a shortened subject keeps: less than
// this and it no longer says which page or file was meant.
const minSubject = 16

// minTail is the shortest end of a URL worth keeping after "…".
const minTail = 8

// shortSubject shortens a URL or a source name to w cells by display
// width. A URL loses its scheme first; what is still too long loses its
// middle, keeping a URL's host and a path's file name, the parts that say
// which page or file it is.
func shortSubject(s string, w int) string {
	if ansi.StringWidth(s) <= w {
		return s
	}
	if w < 2 {
		return truncate(s, w)
	}
	var head int
	if _, rest, ok := strings.Cut(s, "://"); ok {
		s = rest
		if ansi.StringWidth(s) <= w {
			return s
		}
		host, _, _ := strings.Cut(s, "/")
		head = max(ansi.StringWidth(host)+1, (w-1)/2)
		if w-1-head < minTail {
			head = w - 1 // a tail of a few cells says nothing: cut the end
		}
	} else {
		// a path: keep its file name whole if it can be, and a little of
		// where it lives
		tail := (w - 1) * 2 / 3
		if i := strings.LastIndexByte(s, '/'); i >= 0 {
			tail = max(tail, ansi.StringWidth(s[i:]))
		}
		head = w - 1 - tail
	}
	head = min(max(head, 0), w-1)
	tail := w - 1 - head
	sw := ansi.StringWidth(s)
	return ansi.Truncate(s, head, "") + "…" + ansi.TruncateLeft(s, sw-tail, "")
}

// statusLine lays out the one-line bar: position on the left, then the
// middle (a notice, an input or the key hints, drawn by middleFor for the
// room left), then the right-hand facts. Widths are taken from the plain
// text before styling, so each part is measured once; the bar comes out
// exactly width cells.
func statusLine(width int, position string, middleFor func(room int) string, right string, st styles) string {
	if width <= 0 {
		return ""
	}
	var posText, rightText string
	if position != "" {
		posText = " " + position + " "
	}
	if right != "" {
		rightText = " " + right + " "
	}
	posW, rightW := ansi.StringWidth(posText), ansi.StringWidth(rightText)
	if posW >= width {
		return fitBlock(st.position.Render(posText), width, 1)
	}
	room := width - posW - rightW
	if room < 12 {
		// Too narrow for everything: the position and the middle win.
		rightText, rightW = "", 0
		room = width - posW
	}
	var b strings.Builder
	if posText != "" {
		b.WriteString(st.position.Render(posText))
	}
	used := posW
	if room > 1 {
		middle := middleFor(room - 1)
		midW := ansi.StringWidth(middle)
		if midW > room-1 {
			middle, midW = clip(middle, room-1)+"\x1b[m", room-1
		}
		b.WriteString(st.statusBar.Render(" "))
		b.WriteString(middle)
		used += 1 + midW
	}
	if fill := width - used - rightW; fill > 0 {
		b.WriteString(st.statusBar.Render(strings.Repeat(" ", fill)))
	}
	if rightText != "" {
		b.WriteString(st.statusNote.Render(rightText))
	}
	return b.String()
}

// opLine is the status bar's line about the foreground load: the spinner,
// what is loading (shortened to fit) and how to cancel it, with the notice
// n beside it when there is one and room for it.
func (m Model) opLine(room int, n notice) string {
	verb := "loading "
	if m.op.kind == opReload {
		verb = "reloading "
	}
	return m.spinLine(room, n, spinFrames[m.op.frame]+" "+verb, sanitize.Line(m.op.target))
}

// loadsLine is the status bar's line about the sources still loading: the
// one source, or how many there are and the first of them.
func (m Model) loadsLine(room int, n notice) string {
	lead := spinFrames[m.loadFrame] + " loading "
	if k := m.pending(); k > 1 {
		lead += fmt.Sprintf("%d sources: ", k)
	}
	target := sanitize.Line(m.firstPending())
	for _, s := range m.slots {
		if !s.loaded && s.total > 0 {
			// a folder read a chunk at a time: how far it has come
			target = fmt.Sprintf("%s (%d/%d pages)", sanitize.Line(s.source), s.read, s.total)
			break
		}
	}
	return m.spinLine(room, n, lead, target)
}

// spinLine lays out a loading line, lead then target (shortened to fit)
// then how to cancel, with the notice n beside it when there is room.
func (m Model) spinLine(room int, n notice, lead, target string) string {
	text := lead + target
	const sep = " · "
	hint := ""
	if m.keys.Back.Enabled() {
		hint = sep + firstKey(m.keys.Back) + " cancels"
	}
	opRoom := room
	if n.text != "" {
		// the load keeps at least half the bar; the notice gets the rest
		opRoom = min(room, max(room/2, room-ansi.StringWidth(sep+n.text)))
	}
	// The hint goes before the target is cut below minSubject.
	if ansi.StringWidth(text)-ansi.StringWidth(target)+minSubject+ansi.StringWidth(hint) <= opRoom {
		text += hint
	}
	line := fitNotice(notice{text: text, subject: target}, opRoom)
	out := m.styles.statusNote.Render(line)
	if rest := room - ansi.StringWidth(line) - ansi.StringWidth(sep); n.text != "" && rest >= minSubject {
		out += m.styles.statusNote.Render(sep) + m.noticeView(n, rest)
	}
	return out
}
