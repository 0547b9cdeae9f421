package ui

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

// driver runs a Model the way Bubble Tea would, but synchronously: it
// feeds a message to Update, runs the returned commands, feeds their
// messages back, and so on until nothing is left. Timers (m.after) are
// held back in ticks so a test fires them when it chooses.
type driver struct {
	tb    testing.TB
	m     Model
	ticks []tea.Msg
	quit  bool
	clips []string // what was put on the clipboard (OSC 52)
	raw   []string // what was written to the terminal as it is (tea.Raw)
}

// delayed is what the test timer returns instead of waiting.
type delayed struct{ msg tea.Msg }

func newDriver(tb testing.TB, opts Options, w, h int) *driver {
	tb.Helper()
	m := New(opts)
	m.after = func(_ time.Duration, msg tea.Msg) tea.Cmd {
		return func() tea.Msg { return delayed{msg} }
	}
	d := &driver{tb: tb, m: m}
	d.run(m.Init())
	if w >= 0 {
		d.send(tea.WindowSizeMsg{Width: w, Height: h})
	}
	return d
}

// send feeds msg to Update and runs whatever follows from it.
func (d *driver) send(msg tea.Msg) {
	d.tb.Helper()
	nm, cmd := d.m.Update(msg)
	d.m = nm.(Model)
	d.run(cmd)
}

// update feeds msg to Update and hands the command back unrun, for tests
// that control the order results arrive in.
func (d *driver) update(msg tea.Msg) tea.Cmd {
	nm, cmd := d.m.Update(msg)
	d.m = nm.(Model)
	return cmd
}

func (d *driver) press(keys ...string) {
	d.tb.Helper()
	for _, k := range keys {
		d.send(keyMsg(k))
	}
}

// typeText types s one key at a time.
func (d *driver) typeText(s string) {
	d.tb.Helper()
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

// fireTicks delivers the held-back timers, as if their time had come.
func (d *driver) fireTicks() {
	ticks := d.ticks
	d.ticks = nil
	for _, t := range ticks {
		d.send(t)
	}
}

func (d *driver) run(cmd tea.Cmd) {
	d.tb.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			d.tb.Fatal("commands never settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		for _, msg := range flatten(d.tb, c) {
			switch msg := msg.(type) {
			case delayed:
				d.ticks = append(d.ticks, msg.msg)
			case tea.QuitMsg:
				d.quit = true
			case tea.RawMsg:
				d.raw = append(d.raw, fmt.Sprint(msg.Msg))
			default:
				if fmt.Sprintf("%T", msg) == "tea.setClipboardMsg" {
					// tea.SetClipboard's message type is unexported
					d.clips = append(d.clips, fmt.Sprint(msg))
					continue
				}
				nm, next := d.m.Update(msg)
				d.m = nm.(Model)
				queue = append(queue, next)
			}
		}
	}
}

// flatten runs c and returns its messages, opening batches and sequences.
// A command that does not return within commandWait (a timer from a
// bubble) is dropped. The model's own timers go through m.after, which the
// driver replaces, so this only guards against a hang; it is generous
// because a first glamour render under -race on a busy machine can take
// well over a second.
func flatten(tb testing.TB, c tea.Cmd) []tea.Msg {
	if c == nil {
		return nil
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- c() }()
	var msg tea.Msg
	select {
	case msg = <-done:
	case <-time.After(commandWait):
		return nil
	}
	if msg == nil {
		return nil
	}
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, flatten(tb, c)...)
		}
		return out
	}
	// tea.Sequence's message type is unexported; it is a []tea.Cmd too.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, flatten(tb, v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	return []tea.Msg{msg}
}

const commandWait = 15 * time.Second

func keyMsg(k string) tea.KeyPressMsg {
	special := map[string]rune{
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"tab": tea.KeyTab, "enter": tea.KeyEnter, "esc": tea.KeyEscape,
		"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "home": tea.KeyHome, "end": tea.KeyEnd,
		"backspace": tea.KeyBackspace,
	}
	switch {
	case k == "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case strings.HasPrefix(k, "ctrl+"):
		return tea.KeyPressMsg{Code: rune(k[len(k)-1]), Mod: tea.ModCtrl}
	case special[k] != 0:
		return tea.KeyPressMsg{Code: special[k]}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screen is the plain text of the current frame.
func (d *driver) screen() string {
	return ansi.Strip(d.m.View().Content)
}

// selectedTitle is the title of the selected entry, or "".
func (d *driver) selectedTitle() string {
	e, _ := d.m.list.selected()
	return e.title
}

// readerText is the plain text the reader pane holds (all of it, not just
// what is on screen).
func (d *driver) readerText() string {
	if !d.m.reader.ready {
		return d.m.reader.note
	}
	return ansi.Strip(strings.Join(d.m.reader.base, "\n"))
}

// checkFits fails unless the frame is at most w cells wide and h lines tall.
func checkFits(tb testing.TB, content string, w, h int) {
	tb.Helper()
	if p := fitProblem(content, w, h); p != "" {
		tb.Error(p)
	}
}

// fitProblem says how the frame overflows a w x h window, "" when it fits.
func fitProblem(content string, w, h int) string {
	if content == "" {
		return ""
	}
	var out []string
	lines := strings.Split(content, "\n")
	if len(lines) > h {
		out = append(out, fmt.Sprintf("frame is %d lines tall in a %dx%d window", len(lines), w, h))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			out = append(out, fmt.Sprintf("line %d is %d cells wide in a %dx%d window: %q", i, lw, w, h, ansi.Strip(l)))
		}
	}
	return strings.Join(out, "\n")
}

// Fixtures: an invented front page. Each body paragraph names its story
// ("marker") so tests can tell which story the reader shows.

func body(marker string, paragraphs int) []story.Block {
	var b []story.Block
	for i := range paragraphs {
		b = append(b, story.Block{Kind: story.Paragraph, Text: fmt.Sprintf(
			"Paragraph %d about %s. The committee met on a grey morning and talked for a long time about tides, budgets and the colour of the railings.",
			i+1, marker)})
	}
	return b
}

func frontPage() story.Document {
	return story.Document{Source: "front.txt", Stories: []story.Story{
		{
			Title: "Harbour council approves tidal barrier", Site: "Coast Herald", Age: "3 hours ago",
			Byline: "By Ada Marsh", Body: body("barrier", 30),
			Related: []story.Story{
				{Title: "Fishermen fear barrier will cut the catch", Site: "Quay Weekly", Age: "5 hours ago", Body: body("fishermen", 6)},
				{Title: "Engineers explain the tidal gates", Site: "Coast Herald", Age: "1 day ago", Body: body("engineers", 6)},
			},
		},
		{Title: "Night trains return to the northern line", Site: "Rail Digest", Age: "45 minutes ago", Body: body("trains", 25)},
		{
			Title: "Library opens rooftop reading garden", Site: "City Post", Age: "2 weeks ago", Body: body("garden", 8),
			Related: []story.Story{
				{Title: "Volunteers plant three hundred ferns", Site: "City Post", Age: "2 weeks ago", Body: body("ferns", 4)},
			},
		},
	}}
}

// frontTitles is the list order of frontPage.
var frontTitles = []string{
	"Harbour council approves tidal barrier",
	"Fishermen fear barrier will cut the catch",
	"Engineers explain the tidal gates",
	"Night trains return to the northern line",
	"Library opens rooftop reading garden",
	"Volunteers plant three hundred ferns",
}

// fixtureLoader serves documents by source name; a name it does not know
// fails the way a missing file would.
func fixtureLoader(docs map[string]story.Document) Loader {
	return func(ctx context.Context, source string) []story.Document {
		if d, ok := docs[source]; ok {
			d.Source = source
			return []story.Document{d}
		}
		return []story.Document{{Source: source, Err: fmt.Errorf("open %s: no such file or directory", source)}}
	}
}

func frontOptions() Options {
	return Options{
		Sources:  []string{"front.txt"},
		Load:     fixtureLoader(map[string]story.Document{"front.txt": frontPage()}),
		Renderer: render.NewRenderer(0),
		Style:    render.Dark,
	}
}
