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
// middle (a notice, an input or the key hints, drawn by middle for the room
// left), then the right-hand facts. Each part is cut by display width so
// the bar is exactly width cells.
func statusLine(width int, position string, middleFor func(room int) string, right string, st styles) string {
	if width <= 0 {
		return ""
	}
	pos := ""
	if position != "" {
		pos = st.position.Render(" " + position + " ")
	}
	rightPart := ""
	if right != "" {
		rightPart = st.statusNote.Render(" " + right + " ")
	}
	room := width - ansi.StringWidth(pos) - ansi.StringWidth(rightPart)
	if room < 12 {
		// Too narrow for everything: the position and the middle win.
		rightPart = ""
		room = width - ansi.StringWidth(pos)
	}
	middle := middleFor(room - 1)
	mid := ""
	if room > 1 {
		mid = st.statusBar.Render(" ") + clip(middle, room-1)
	}
	fill := width - ansi.StringWidth(pos) - ansi.StringWidth(mid) - ansi.StringWidth(rightPart)
	line := pos + mid + st.statusBar.Render(strings.Repeat(" ", max(fill, 0))) + rightPart
	return fitBlock(line, width, 1)
}
