package ui

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/kitty"

	"github.com/tread-reader/tread/picture"
	"github.com/tread-reader/tread/story"
)

var kittyName = tea.TerminalVersionMsg{Name: "kitty(0.35.2)"}

// photoPNG is an 800×600 picture: wider than tall, bigger than any box.
func photoPNG(t testing.TB) []byte {
	m := image.NewNRGBA(image.Rect(0, 0, 800, 600))
	for y := range 600 {
		for x := range 800 {
			m.SetNRGBA(x, y, color.NRGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// longPicDoc is picDoc with paragraphs before and after the picture, so
// that there is something to scroll.
func longPicDoc() story.Document {
	doc := picDoc()
	st := &doc.Stories[0]
	var body []story.Block
	for i := range 6 {
		body = append(body, story.Block{Kind: story.Paragraph, Text: strings.Repeat("The tide came in over the sluice. ", 3+i)})
	}
	body = append(body, st.Body[1]) // the picture
	for i := range 8 {
		body = append(body, story.Block{Kind: story.Paragraph, Text: strings.Repeat("Flour went out by cart. ", 3+i)})
	}
	st.Body = body
	return doc
}

// answeredDriver is a reader for opts (its pictures photoPNG unless
// opts says) on a terminal that gave answers to the picture queries, w×h.
func answeredDriver(tb testing.TB, opts Options, answers []tea.Msg, w, h int) *driver {
	if opts.Picture == nil {
		data := photoPNG(tb)
		opts.Picture = func(context.Context, string, string) ([]byte, error) { return data, nil }
	}
	d := &driver{tb: tb, m: New(opts)}
	d.m.after = func(_ time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return delayed{msg} } }
	d.run(d.m.Init())
	for _, a := range answers {
		d.send(a)
	}
	d.fireTicks() // the queries' timeout
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
}

func inlineDriver(t *testing.T, w, h int, answers ...tea.Msg) *driver {
	return answeredDriver(t, Options{Docs: []story.Document{longPicDoc()}, Images: "auto"}, answers, w, h)
}

// placeholderRows is the rows of the view that hold placeholder cells,
// by row number, and each row's cells.
func placeholderRows(view string) (rows []int, cells []int) {
	for i, l := range strings.Split(view, "\n") {
		if n := strings.Count(l, string(kitty.Placeholder)); n > 0 {
			rows, cells = append(rows, i), append(cells, n)
		}
	}
	return rows, cells
}

// TestInlinePicture: on a terminal that says it is kitty 0.35, the
// story's picture is sent once (a=t) and placed virtually over its cells
// (a=p, U=1); the reader's lines then hold, in place of the picture's
// line, rows of placeholder cells exactly as picture.PlaceholderRow
// writes them, as many as the picture's size in the reading width and
// 40% of the pane's height, centred; scrolling moves them with the text.
func TestInlinePicture(t *testing.T) {
	d := inlineDriver(t, 100, 30, kittyOK, kittyName, plainDA)
	in := d.m.pics.inline
	if in == nil || len(in.sent) != 1 {
		t.Fatalf("no picture sent: inline state %+v", in)
	}
	var id uint32
	var sent inlineSent
	for id, sent = range in.sent {
	}
	view := d.m.View().Content
	if strings.Contains(view, "Image: The restored wheel") {
		t.Errorf("the picture's line is still shown:\n%s", view)
	}
	// The box: the reading width less the margins, 40% of the pane's rows.
	wantBox := picture.ReadingBox(d.m.reader.shown.width-4, d.m.reader.bodyHeight(), picture.CellSize{})
	fit := picture.FitIn(800, 600, picture.Box{Cols: wantBox.Cols, Rows: wantBox.Rows, Cell: picture.DefaultCellSize})
	if sent.box != wantBox || sent.pic.Cols != fit.Cols || sent.pic.Rows != fit.Rows {
		t.Errorf("sent for %+v at %d×%d, want %+v at %d×%d", sent.box, sent.pic.Cols, sent.pic.Rows, wantBox, fit.Cols, fit.Rows)
	}
	transmit := fmt.Sprintf("\x1b_Gf=100,q=2,i=%d", id)
	place := fmt.Sprintf("\x1b_Gq=2,i=%d,U=1,c=%d,r=%d,a=p\x1b\\", id, fit.Cols, fit.Rows)
	var writes []string
	for _, r := range d.raw {
		if strings.Contains(r, transmit) {
			writes = append(writes, r)
		}
	}
	if len(writes) != 1 || !strings.HasSuffix(writes[0], place) {
		t.Fatalf("want one transmission ending in %q; got %d", place, len(writes))
	}
	rows, cells := placeholderRows(strings.Join(d.m.reader.lines, "\n"))
	if len(rows) != fit.Rows {
		t.Fatalf("%d placeholder rows in the reader, want %d", len(rows), fit.Rows)
	}
	for i, r := range rows {
		line := d.m.reader.lines[r]
		lead := strings.Repeat(" ", 2+(wantBox.Cols-fit.Cols)/2) // centred
		if cells[i] != fit.Cols || line != lead+picture.PlaceholderRow(id, i, fit.Cols) || (i > 0 && r != rows[i-1]+1) {
			t.Errorf("row %d (line %d): %d cells, want %d, exactly PlaceholderRow set in %d, rows together:\n%q", i, r, cells[i], fit.Cols, len(lead), line)
		}
	}

	for range rows[0] - 5 { // the picture 5 rows down the pane
		d.press("j")
	}
	view = d.m.View().Content
	rows, _ = placeholderRows(view)
	for _, l := range strings.Split(view, "\n") {
		if w := ansi.StringWidth(l); w != 100 {
			t.Errorf("a line of %d cells, want the window's 100: %q", w, l)
		}
	}
	d.press("j", "j", "j")
	moved, _ := placeholderRows(d.m.View().Content)
	if len(rows) != fit.Rows || rows[0] != 5 || len(moved) != len(rows) || moved[0] != rows[0]-3 {
		t.Errorf("three lines down: picture rows %v, were %v; want all %d, from row 5 to 2", moved, rows, fit.Rows)
	}
	if n := len(d.raw); n != len(writes)+1 { // the queries, the picture
		t.Errorf("scrolling wrote to the terminal: %d writes", n)
	}
}

// graphicsWrites is the writes that carry kitty graphics other than the
// detection's query (a=q): pictures, placements, deletions.
func graphicsWrites(raw []string) []string {
	var out []string
	for _, r := range raw {
		if r == picture.Queries() {
			continue
		}
		if strings.Contains(r, "\x1b_G") || strings.Contains(r, "1337;File=") || strings.Contains(r, "\x1bP") {
			out = append(out, r)
		}
	}
	return out
}

// TestInlineNeedsAnAnswer: without the terminal saying it is kitty 0.28
// or later (or Ghostty), no placeholder cell and no picture byte appear,
// and the picture is its line; a forced "kitty" inside tmux draws in the
// text through passthrough; WezTerm, which answers the kitty query but
// draws no placeholders, keeps the overlay.
func TestInlineNeedsAnAnswer(t *testing.T) {
	for _, tt := range []struct {
		name    string
		setting string
		tmux    bool
		answers []tea.Msg
		inline  bool
	}{
		{"no answer", "auto", false, nil, false},
		{"kitty without a name", "auto", false, []tea.Msg{kittyOK, plainDA}, false},
		{"old kitty", "auto", false, []tea.Msg{kittyOK, tea.TerminalVersionMsg{Name: "kitty(0.26.5)"}, plainDA}, false},
		{"wezterm", "auto", false, []tea.Msg{kittyOK, weztermNV, plainDA}, false},
		{"tmux answering for kitty", "auto", true, []tea.Msg{tmuxName, kittyOK, kittyName, plainDA}, false},
		{"off", "off", false, []tea.Msg{kittyOK, kittyName, plainDA}, false},
		{"ghostty", "auto", false, []tea.Msg{kittyOK, tea.TerminalVersionMsg{Name: "ghostty 1.1.3"}, plainDA}, true},
		{"forced kitty in tmux", "kitty", true, []tea.Msg{tmuxName, plainDA}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			opts := Options{Docs: []story.Document{longPicDoc()}, Images: tt.setting, InTmux: tt.tmux}
			d := answeredDriver(t, opts, tt.answers, 100, 30)
			d.press("G")
			all := strings.Join(d.m.reader.lines, "\n") + d.m.View().Content
			has := strings.ContainsRune(all, kitty.Placeholder)
			writes := graphicsWrites(d.raw)
			switch {
			case has != tt.inline:
				t.Errorf("placeholders in the reader: %v, want %v", has, tt.inline)
			case !tt.inline && len(writes) > 0:
				t.Errorf("picture bytes written: %q…", writes[0][:min(40, len(writes[0]))])
			case !tt.inline && !strings.Contains(ansi.Strip(d.m.View().Content), "Image: The restored wheel"):
				t.Errorf("the picture's line is not shown:\n%s", d.m.View().Content)
			case tt.inline && len(writes) != 1:
				t.Errorf("%d graphics writes, want the one picture", len(writes))
			case tt.tmux && tt.inline && !strings.HasPrefix(writes[0], "\x1bPtmux;\x1b\x1b_G"):
				t.Errorf("in tmux the picture is not wrapped for passthrough: %q…", writes[0][:40])
			}
		})
	}
}

// TestInlineFits: with a picture in the text, the view is the window's
// size at 40×8, as at any size.
func TestInlineFits(t *testing.T) {
	for _, size := range [][2]int{{40, 8}, {50, 15}, {120, 36}} {
		d := inlineDriver(t, size[0], size[1], kittyOK, kittyName, plainDA)
		if d.m.pics.inline == nil || len(d.m.pics.inline.sent) != 1 {
			t.Errorf("%v: the picture was not sent", size)
		}
		for range 40 {
			d.press("j")
			lines := strings.Split(d.m.View().Content, "\n")
			if len(lines) != size[1] {
				t.Fatalf("%v: %d lines", size, len(lines))
			}
			for _, l := range lines {
				if w := ansi.StringWidth(l); w != size[0] {
					t.Fatalf("%v: a line %d wide: %q", size, w, l)
				}
			}
		}
	}
}

// TestInlineResize: a new height sends the picture again at its new size
// under the same id; until it comes, the rows sent before stay if they
// fit, and a render superseded is dropped.
func TestInlineResize(t *testing.T) {
	d := inlineDriver(t, 100, 30, kittyOK, kittyName, plainDA)
	in := d.m.pics.inline
	var id uint32
	var before inlineSent
	for id, before = range in.sent {
	}
	cmd := d.update(tea.WindowSizeMsg{Width: 100, Height: 40})
	if rows, _ := placeholderRows(strings.Join(d.m.reader.lines, "\n")); len(rows) != before.pic.Rows {
		t.Errorf("while the new size renders: %d rows, want the %d sent before", len(rows), before.pic.Rows)
	}
	f, ok := in.flight[id]
	if !ok {
		t.Fatal("no render for the new height")
	}
	d.update(tea.WindowSizeMsg{Width: 100, Height: 30}) // back again: that render is superseded
	d.send(inlineRendered{seq: f.seq, id: id, pic: picture.Picture{Seq: "stale", Cols: 3, Rows: 3, ID: id}})
	d.run(cmd)
	for _, r := range d.raw {
		if r == "stale" {
			t.Fatal("a superseded render was written")
		}
	}
	d.send(tea.WindowSizeMsg{Width: 100, Height: 40})
	after, ok := in.sent[id]
	if room := d.m.reader.bodyHeight() * picture.HeightShare / 100; !ok || after.pic.Rows <= before.pic.Rows || after.box.Rows != room {
		t.Fatalf("after growing: sent %dx%d in %+v, before %dx%d; want the same id, %d rows of room",
			after.pic.Cols, after.pic.Rows, after.box, before.pic.Cols, before.pic.Rows, room)
	}
	if rows, _ := placeholderRows(strings.Join(d.m.reader.lines, "\n")); len(rows) != after.pic.Rows {
		t.Errorf("%d rows laid out, want %d", len(rows), after.pic.Rows)
	}
}

// TestInlineFreed: moving to a story without the picture deletes it in
// the terminal (a=d, d=I, by its id), coming back sends it again under the
// same id, and quitting deletes it.
func TestInlineFreed(t *testing.T) {
	other := story.Document{Source: "quay", Stories: []story.Story{{Title: "Quay repaired", Body: []story.Block{{Kind: story.Paragraph, Text: "Stone by stone."}}}}}
	d := answeredDriver(t, Options{Docs: []story.Document{longPicDoc(), other}, Images: "auto"},
		[]tea.Msg{kittyOK, kittyName, plainDA}, 120, 36)
	in := d.m.pics.inline
	if len(in.sent) != 1 {
		t.Fatalf("%d pictures sent, want 1", len(in.sent))
	}
	var id uint32
	for id = range in.sent {
	}
	del := picture.DeleteSeq(id, false)
	d.press("j")
	if len(in.sent) != 0 || d.raw[len(d.raw)-1] != del {
		t.Errorf("leaving the story: %d held, last write %q; want %q", len(in.sent), d.raw[len(d.raw)-1], del)
	}
	d.press("k")
	if _, ok := in.sent[id]; !ok || len(in.sent) != 1 {
		t.Errorf("back on the story: held %v, want %#x again", in.sent, id)
	}
	d.press("q")
	if !d.quit || d.raw[len(d.raw)-1] != del {
		t.Errorf("quitting: quit %v, last write %q; want %q", d.quit, d.raw[len(d.raw)-1], del)
	}
}
