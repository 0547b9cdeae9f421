package ui

import (
	"fmt"
	"image/color"
	"maps"
	"math/rand/v2"
	"os"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// The monkey: random keys, resizes, clicks and pastes sent to the root
// model while the commands they produce are kept in a pool and run in a
// random order, some dropped, some run twice, their messages delivered
// late, some twice. After every step the model must not have panicked,
// its frame must fit the window and its state must hold together
// (checkModel). The choices come from a chooser: a seeded math/rand for
// TestMonkey, the fuzzer's bytes for FuzzModel, so each run can be
// replayed.

// chooser makes the monkey's choices.
type chooser interface {
	intn(n int) int // in [0, n)
	spent() bool    // no more choices: the run ends
}

type randChooser struct{ r *rand.Rand }

func (c randChooser) intn(n int) int { return c.r.IntN(n) }
func (c randChooser) spent() bool    { return false }

// byteChooser takes its choices from a fuzzer's bytes, a byte a choice
// (two for choices among more than 256).
type byteChooser struct {
	b []byte
	i int
}

func (c *byteChooser) intn(n int) int {
	v := 0
	for range 1 + n/257 {
		if c.i < len(c.b) {
			v = v<<8 | int(c.b[c.i])
		}
		c.i++
	}
	return v % n
}

func (c *byteChooser) spent() bool { return c.i >= len(c.b) }

// pending is a command in the pool. Once started, its message is awaited
// from fut; a command that waits on another (a refresh's next progress)
// may stay started and unanswered until that other one runs.
type pending struct {
	cmd   tea.Cmd
	fut   chan tea.Msg
	wait  bool // it waits on another command: do not hold the run up for it
	tried int  // the producers run when it was last found waiting, plus one
}

// monkey drives one model.
type monkey struct {
	tb   testing.TB
	m    Model
	c    chooser
	w, h int
	cmds []*pending
	msgs []tea.Msg
	keys []string
	log  []string // the last steps, for the failure message
	// produced counts the commands run that feed waiting ones (a
	// refresh): a waiting command is only looked at again after one ran.
	produced int
	// lateCmds and lateMsgs are held back until the end; lost says
	// something was dropped, so not every load has ended.
	lateCmds []*pending
	lateMsgs []tea.Msg
	lost     bool
	lossy    bool // drops some: one run in four
}

// monkeyPanic is what a command that panicked returns in place of its
// message.
type monkeyPanic struct{ text string }

func newMonkey(tb testing.TB, opts Options, c chooser) *monkey {
	mk := &monkey{tb: tb, c: c, keys: monkeyKeys()}
	mk.lossy = c.intn(4) == 0
	mk.m = New(opts)
	mk.m.after = func(_ time.Duration, msg tea.Msg) tea.Cmd {
		return func() tea.Msg { return delayed{msg} }
	}
	mk.guard("init", func() { mk.add(mk.m.Init()) })
	mk.resize(100, 30)
	return mk
}

// note records a step; the failure message lists the last ones.
func (mk *monkey) note(format string, args ...any) {
	const keep = 80
	mk.log = append(mk.log, fmt.Sprintf(format, args...))
	if len(mk.log) > keep {
		mk.log = mk.log[len(mk.log)-keep:]
	}
}

// guard runs fn, turning a panic into a failure that lists the steps
// leading up to it.
func (mk *monkey) guard(what string, fn func()) {
	mk.tb.Helper()
	defer func() {
		if r := recover(); r != nil {
			mk.tb.Fatalf("panic on %s: %v\nlast steps:\n  %s\n%s", what, r, strings.Join(mk.log, "\n  "), debug.Stack())
		}
	}()
	fn()
}

// send gives msg to Update and pools the command it returns.
func (mk *monkey) send(msg tea.Msg) {
	mk.tb.Helper()
	mk.guard(fmt.Sprintf("%T", msg), func() {
		nm, cmd := mk.m.Update(msg)
		mk.m = nm.(Model)
		mk.add(cmd)
	})
}

func (mk *monkey) add(cmd tea.Cmd) {
	if cmd != nil {
		mk.cmds = append(mk.cmds, &pending{cmd: cmd, wait: waits(cmd)})
	}
}

// waits reports whether cmd blocks until another command runs: a
// refresh's wait for its next progress report.
func waits(cmd tea.Cmd) bool { return strings.Contains(funcName(cmd), "waitRefresh") }

// produces reports whether cmd feeds commands that wait: a refresh.
func produces(cmd tea.Cmd) bool {
	return strings.Contains(funcName(cmd), "startRefresh") && !waits(cmd)
}

// shortName is cmd's function without its package path, for the log.
func shortName(cmd tea.Cmd) string {
	n := funcName(cmd)
	return n[strings.LastIndex(n, "/")+1:]
}

func funcName(cmd tea.Cmd) string {
	if f := runtime.FuncForPC(reflect.ValueOf(cmd).Pointer()); f != nil {
		return f.Name()
	}
	return ""
}

func (mk *monkey) resize(w, h int) {
	mk.w, mk.h = w, h
	mk.note("resize %dx%d", w, h)
	mk.send(tea.WindowSizeMsg{Width: w, Height: h})
}

// run starts p if it is not started and takes its message when it comes:
// batches go back into the pool as commands, everything else into the
// messages waiting to be delivered. It reports false when p is still
// waiting on another command.
func (mk *monkey) run(p *pending) bool {
	mk.tb.Helper()
	if p.wait && p.tried == mk.produced+1 {
		return false // nothing new to wait for
	}
	if produces(p.cmd) {
		defer func() { mk.produced++ }()
	}
	if p.fut == nil {
		p.fut = make(chan tea.Msg, 1)
		go func(cmd tea.Cmd, fut chan<- tea.Msg) {
			defer func() {
				if r := recover(); r != nil {
					fut <- monkeyPanic{fmt.Sprintf("%v\n%s", r, debug.Stack())}
				}
			}()
			fut <- cmd()
		}(p.cmd, p.fut)
	}
	wait := commandWait
	if p.wait {
		wait = 20 * time.Millisecond
	}
	select {
	case msg := <-p.fut:
		mk.take(msg)
		return true
	case <-time.After(wait):
		if !p.wait {
			mk.tb.Fatalf("a command did not return in %v\nlast steps:\n  %s", commandWait, strings.Join(mk.log, "\n  "))
		}
		p.tried = mk.produced + 1
		return false
	}
}

// take pools what a command returned.
func (mk *monkey) take(msg tea.Msg) {
	mk.tb.Helper()
	switch msg := msg.(type) {
	case nil, tea.QuitMsg:
	case monkeyPanic:
		mk.tb.Fatalf("a command panicked: %s\nlast steps:\n  %s", msg.text, strings.Join(mk.log, "\n  "))
	case tea.BatchMsg:
		for _, c := range msg {
			mk.add(c)
		}
	case delayed:
		mk.msgs = append(mk.msgs, msg.msg)
	default:
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
			// a sequence keeps its order: its messages are pooled in turn
			for _, m := range flatten(mk.tb, func() tea.Msg { return msg }) {
				mk.take(m)
			}
			return
		}
		mk.msgs = append(mk.msgs, msg)
	}
}

// takeAt removes the i'th element of *s and returns it.
func takeAt[T any](s *[]T, i int) T {
	x := (*s)[i]
	*s = slices.Delete(*s, i, i+1)
	return x
}

// monkeyKeys is every key of every action but quit, and keys that are no
// action: letters typed into a filter, y and n for a question.
func monkeyKeys() []string {
	keys := []string{"esc", "enter", "tab", "shift+tab", "backspace", "space", "y", "n", "x", "e", "S", "1", "0", "/"}
	// in order: a seed makes the same run every time
	return append(keys, slices.Sorted(maps.Keys(defaultMonkeyKeys()))...)
}

// monkeySizes are the windows the monkey resizes to, tiny to huge.
var monkeySizes = [][2]int{{0, 0}, {1, 1}, {2, 2}, {1, 40}, {200, 1}, {10, 3}, {40, 8}, {69, 20}, {80, 24}, {100, 30}, {120, 40}, {400, 120}}

// monkeyPastes are what the monkey pastes into an open input.
var monkeyPastes = []string{"Story 00", "harbour", "\x1b[31mred\x1b]0;title\x07", "two\nlines", `"`, strings.Repeat("w", 300)}

// step makes one random move.
func (mk *monkey) step() {
	mk.tb.Helper()
	switch r := mk.c.intn(100); {
	case r < 5:
		mk.macro(monkeyMacros[mk.c.intn(len(monkeyMacros))])
	case r < 30:
		k := mk.keys[mk.c.intn(len(mk.keys))]
		mk.note("key %s", k)
		mk.send(monkeyKey(k))
	case r < 35:
		s := monkeySizes[mk.c.intn(len(monkeySizes))]
		mk.resize(s[0], s[1])
	case r < 38:
		mk.mouse()
	case r < 39:
		p := monkeyPastes[mk.c.intn(len(monkeyPastes))]
		mk.note("paste %q", p)
		mk.send(tea.PasteMsg{Content: p})
	case r < 40:
		c := []tea.BackgroundColorMsg{{Color: whiteColor{}}, {Color: color.Black}}[mk.c.intn(2)]
		mk.note("background %v", c.IsDark())
		mk.send(c)
	case r < 40:
		mk.catchUp()
	case r < 42:
		mk.note("idle")
		mk.drain(300)
	case r < 75:
		mk.runOne()
	default:
		mk.deliverOne()
	}
}

// monkeyMacros are runs of keys the monkey would seldom hit on by chance:
// a search typed, a question answered. "~" runs or delivers something
// from the pool in between.
var monkeyMacros = []string{
	"/ S t o r y space 0 0", "/ 1 2", "/ t i d e", "/ g a r d e n", "/ P a g e", "/ \" ~ ~ esc",
	"D ~ ~ ~ y", "R j j D ~ ~ ~ y", "D ~ ~ n", "D y", "tab / t h e enter n n N", "L ~ j enter", "L j o", "L y",
	"enter ~ ~ ~ backspace", "j j enter ~ ~ r ~ ~", "r ~ ~ ~", "U ~ ~ U", "R ~ ~ ~ ~", "i ~ ~ space ~ esc",
}

// macro presses the keys of mac, space-separated.
func (mk *monkey) macro(mac string) {
	mk.note("macro %q", mac)
	for _, k := range strings.Fields(mac) {
		switch {
		case k == "~" && mk.c.intn(3) == 0:
			mk.note("idle")
			mk.drain(300)
		case k == "~":
			for range 1 + mk.c.intn(4) {
				if mk.c.intn(2) == 0 {
					mk.runOne()
				} else {
					mk.deliverOne()
				}
			}
		default:
			mk.send(monkeyKey(k))
		}
		mk.check()
	}
}

// mouse clicks or turns the wheel somewhere in the window.
func (mk *monkey) mouse() {
	x, y := mk.c.intn(mk.w+1), mk.c.intn(mk.h+1)
	switch mk.c.intn(3) {
	case 0:
		mk.note("click %d,%d", x, y)
		mk.send(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
	case 1:
		mk.note("wheel down %d,%d", x, y)
		mk.send(tea.MouseWheelMsg{X: x, Y: y, Button: tea.MouseWheelDown})
	default:
		mk.note("wheel up %d,%d", x, y)
		mk.send(tea.MouseWheelMsg{X: x, Y: y, Button: tea.MouseWheelUp})
	}
}

// runOne runs a pooled command: usually once, sometimes twice, sometimes
// only after everything else, sometimes never (dropped).
func (mk *monkey) runOne() {
	if len(mk.cmds) == 0 {
		return
	}
	p := takeAt(&mk.cmds, mk.c.intn(len(mk.cmds)))
	switch r := mk.c.intn(40); {
	case r == 0 && !p.wait && mk.lossy:
		mk.note("drop %s", shortName(p.cmd))
		mk.lost = true
	case r <= 1 && !p.wait:
		mk.note("hold back %s", shortName(p.cmd))
		mk.lateCmds = append(mk.lateCmds, p)
	case r < 4 && !p.wait:
		mk.note("run twice %s", shortName(p.cmd))
		mk.run(p)
		mk.run(&pending{cmd: p.cmd})
	default:
		mk.note("run %s", shortName(p.cmd))
		if !mk.run(p) {
			mk.cmds = append(mk.cmds, p) // still waiting
		}
	}
}

// deliverOne gives a pooled message to the model: usually once, sometimes
// twice, sometimes never.
func (mk *monkey) deliverOne() {
	if len(mk.msgs) == 0 {
		return
	}
	msg := takeAt(&mk.msgs, mk.c.intn(len(mk.msgs)))
	switch r := mk.c.intn(40); {
	case r == 0 && !chained(msg) && mk.lossy:
		mk.note("drop %T", msg)
		mk.lost = true
		return
	case r <= 1:
		mk.note("hold %T back", msg)
		mk.lateMsgs = append(mk.lateMsgs, msg)
		return
	case r < 4 && !chained(msg):
		mk.note("deliver %T twice", msg)
		mk.send(msg)
	default:
		mk.note("deliver %T", msg)
	}
	mk.send(msg)
}

// catchUp runs every pooled command and delivers every pooled message,
// in random order, once: what comes of them waits in the pool.
func (mk *monkey) catchUp() {
	mk.note("catch up")
	cmds, msgs := mk.cmds, mk.msgs
	mk.cmds, mk.msgs = nil, nil
	for len(cmds)+len(msgs) > 0 {
		i := mk.c.intn(len(cmds) + len(msgs))
		if i < len(cmds) {
			p := takeAt(&cmds, i)
			if !mk.run(p) {
				mk.cmds = append(mk.cmds, p)
			}
			continue
		}
		msg := takeAt(&msgs, i-len(cmds))
		mk.send(msg)
	}
}

// settle runs and delivers what is left, in random order, until nothing
// is (or only commands waiting on dropped ones are).
func (mk *monkey) settle() {
	mk.tb.Helper()
	for round := range 3 {
		switch round {
		case 1:
			mk.note("the held back arrive")
			mk.cmds, mk.msgs = append(mk.cmds, mk.lateCmds...), append(mk.msgs, mk.lateMsgs...)
			mk.lateCmds, mk.lateMsgs = nil, nil
		case 2:
			if mk.lost || !mk.awaitWaiting() {
				round = 3 // nothing more will come
			}
		}
		if round < 3 && !mk.drain(5000) {
			mk.tb.Fatalf("the model never settles: %d messages and these commands left: %s", len(mk.msgs), mk.left())
		}
	}
	if mk.lost {
		return
	}
	if err := checkSettled(mk.m); err != "" {
		mk.tb.Fatalf("%s\nlast steps:\n  %s\ncommands left: %s", err, strings.Join(mk.log, "\n  "), mk.left())
	}
}

// left names the pooled commands, for a failure message.
func (mk *monkey) left() string {
	var names []string
	for _, p := range mk.cmds {
		names = append(names, fmt.Sprintf("%s (tried %d of %d)", shortName(p.cmd), p.tried, mk.produced))
	}
	return strings.Join(names, ", ")
}

// drain runs pooled commands and delivers pooled messages in random order
// until only timers that set themselves again (left pooled) and commands
// waiting on dropped ones are left, or limit moves were made. It reports
// whether the pool came to rest.
func (mk *monkey) drain(limit int) bool {
	mk.tb.Helper()
	for range limit {
		var live []int // msgs that are not clocks
		for i, msg := range mk.msgs {
			if !isClock(msg) {
				live = append(live, i)
			}
		}
		cmds := 0
		for _, p := range mk.cmds {
			if !p.wait || p.tried != mk.produced+1 {
				cmds++ // it may answer: it ran not, or its feeder ran since
			}
		}
		if len(live)+cmds == 0 {
			return true
		}
		if len(live) > 0 && (len(mk.cmds) == 0 || mk.c.intn(2) == 0) {
			msg := takeAt(&mk.msgs, live[mk.c.intn(len(live))])
			mk.note("drain: deliver %T", msg)
			mk.send(msg)
		} else if len(mk.cmds) > 0 {
			p := takeAt(&mk.cmds, mk.c.intn(len(mk.cmds)))
			mk.note("drain: run %s", shortName(p.cmd))
			if !mk.run(p) {
				mk.cmds = append(mk.cmds, p) // waiting on one still pooled, or dropped
			}
		}
		mk.check()
	}
	return false
}

// chained reports whether msg is a link in a chain of messages read from
// a channel, which Bubble Tea never loses nor delivers twice: a
// refresh's progress.
func chained(msg tea.Msg) bool {
	switch msg.(type) {
	case refreshProgress, refreshDone:
		return true
	}
	return false
}

// awaitWaiting gives the commands that wait on others, started and found
// waiting, a last and longer while to answer: on a loaded machine their
// goroutine may take more than run's short wait to pass on what their
// feeder sent. It reports whether any answered.
func (mk *monkey) awaitWaiting() bool {
	answered := false
	for i := 0; i < len(mk.cmds); i++ {
		p := mk.cmds[i]
		if !p.wait || p.fut == nil {
			continue
		}
		select {
		case msg := <-p.fut:
			mk.note("late answer from %s", shortName(p.cmd))
			takeAt(&mk.cmds, i)
			i--
			mk.take(msg)
			answered = true
		case <-time.After(2 * time.Second):
		}
	}
	return answered
}

// isClock reports whether msg is a timer that sets itself again each time
// it fires.
func isClock(msg tea.Msg) bool {
	switch msg.(type) {
	case ageTick, spinTick, loadSpinTick:
		return true
	}
	return false
}

// check fails unless the frame fits the window and the model holds
// together.
func (mk *monkey) check() {
	mk.tb.Helper()
	var frame string
	mk.guard("View", func() { frame = mk.m.View().Content })
	if msg := fitProblem(frame, mk.w, mk.h); msg != "" {
		mk.tb.Fatalf("%s\nlast steps:\n  %s", msg, strings.Join(mk.log, "\n  "))
	}
	if err := checkModel(mk.m); err != "" {
		mk.tb.Fatalf("%s\nlast steps:\n  %s", err, strings.Join(mk.log, "\n  "))
	}
}

// monkeyEnv is the number in the environment variable name, normal when
// it is not set: TREAD_MONKEY_STEPS sets the steps of each run of
// TestMonkey, TREAD_MONKEY_SEEDS the seeds of each scenario.
func monkeyEnv(tb testing.TB, name string, normal int) int {
	s := os.Getenv(name)
	if s == "" {
		return normal
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		tb.Fatalf("%s=%q: want a number", name, s)
	}
	return n
}
