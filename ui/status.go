package ui

import (
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// noticeFor is how long one notice (a load error, say) stays in the status
// bar before the next one, or the key hints, take its place.
const noticeFor = 6 * time.Second

// notice is one message for the status bar.
type notice struct {
	text  string
	isErr bool
}

// statusTick clears the notice numbered seq; a tick for a notice that has
// already gone is ignored.
type statusTick struct{ seq int }

// statusBar queues notices and shows them one at a time, each for
// noticeFor. Several failing sources therefore cycle through the one line
// rather than fight over it.
type statusBar struct {
	current notice
	queue   []notice
	seq     int
}

// push queues a notice. It reports whether the notice went straight on
// screen, in which case the caller starts its timer for seq.
func (s *statusBar) push(n notice) bool {
	if s.current.text != "" {
		s.queue = append(s.queue, n)
		return false
	}
	s.current = n
	s.seq++
	return true
}

// tick ends the notice numbered seq, moving on to the next one. It reports
// whether a new notice went on screen and needs a timer.
func (s *statusBar) tick(seq int) bool {
	if seq != s.seq {
		return false
	}
	if len(s.queue) == 0 {
		s.current = notice{}
		return false
	}
	s.current, s.queue = s.queue[0], s.queue[1:]
	s.seq++
	return true
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
