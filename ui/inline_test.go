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

func inlineDriver(t *testing.T, w, h int, answers ...tea.Msg) *driver {
	data := photoPNG(t)
	d := &driver{tb: t, m: New(Options{
		Docs: []story.Document{longPicDoc()}, Images: "auto",
		Picture: func(context.Context, string, string) ([]byte, error) { return data, nil },
	})}
	d.m.after = func(_ time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return delayed{msg} } }
	d.run(d.m.Init())
	for _, a := range answers {
		d.send(a)
	}
	d.fireTicks() // the queries' timeout
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	return d
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
