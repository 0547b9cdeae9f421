package ui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
)

// The foreground load: one page at a time loads in the foreground, for a
// walk or a reload, with a spinner in the status bar; starting another
// cancels it, and esc stops it.

// opKind says what the foreground load is for.
type opKind int

const (
	opNone opKind = iota
	opWalk
	opReload
)

// op is the load running in the foreground. Its id tags the result, so a
// result for an op that was cancelled or replaced is dropped.
type op struct {
	id     int
	kind   opKind
	target string   // the URL or source being loaded
	from   entryKey // opWalk: the story the walk starts from
	slot   int      // opReload: the slot being reloaded
	frame  int      // spinner frame
	cancel context.CancelFunc
	// inPlace: opWalk loads a saved copy for the selected related item,
	// which stays selected; the reader shows the page once it is in.
	inPlace bool
}

// spinTick turns the spinner of op id.
type spinTick struct{ id int }

// loadSpinTick turns the spinner of the sources' first loads while any run.
type loadSpinTick struct{}

const spinEvery = 100 * time.Millisecond

var spinFrames = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

// startOp makes o the foreground load, cancelling the one before, and
// returns the context the load runs under.
func (m *Model) startOp(o op) (context.Context, tea.Cmd) {
	m.cancelOp()
	m.status.clear() // what was said before is not about this load
	ctx, cancel := context.WithCancel(m.ctx)
	m.opSeq++
	o.id, o.cancel = m.opSeq, cancel
	m.op = o
	return ctx, m.after(spinEvery, spinTick{id: o.id})
}

// cancelOp stops the foreground load, if any.
func (m *Model) cancelOp() {
	if m.op.cancel != nil {
		m.op.cancel()
	}
	m.op = op{}
}

func (m Model) onSpin(msg spinTick) (tea.Model, tea.Cmd) {
	if msg.id != m.op.id || m.op.kind == opNone {
		return m, nil
	}
	m.op.frame = (m.op.frame + 1) % len(spinFrames)
	return m, m.after(spinEvery, msg)
}
