package ui

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi/kitty"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/picture"
	"github.com/tread-reader/tread/story"
)

const (
	picPage = "https://news.example/mill"
	picSrc  = "https://news.example/wheel.png"
)

// picDoc is a story with one picture in its body.
func picDoc() story.Document {
	return story.Document{Source: "mill", Stories: []story.Story{{
		Title: "Tide mill turns again", Site: "Estuary Courier", URL: picPage,
		Body: []story.Block{
			{Kind: story.Paragraph, Text: "The mill ground its first sack of flour in sixty years."},
			{Kind: story.Image, Text: "The restored wheel", URL: picSrc},
		},
	}}}
}

func testPNG(t testing.TB) []byte {
	m := image.NewGray(image.Rect(0, 0, 40, 30))
	for i := range m.Pix {
		m.Pix[i] = uint8(i)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pictureBytes reports whether s draws a picture: a kitty transmission
// (the queries only ask, a=q), an iTerm2 file, or a sixel DCS.
func pictureBytes(s string) bool {
	return strings.Contains(s, "a=T") || strings.Contains(s, "1337;File=") || strings.Contains(s, "\x1bP")
}

// The terminal's answers, as Bubble Tea v2 delivers them.
var (
	kittyOK   = uv.KittyGraphicsEvent{Options: kitty.Options{ID: 4235}, Payload: []byte("OK")}
	sixelDA   = uv.PrimaryDeviceAttributesEvent{62, 4, 22}
	plainDA   = uv.PrimaryDeviceAttributesEvent{62, 22}
	tmuxName  = tea.TerminalVersionMsg{Name: "tmux 3.4"}
	weztermNV = tea.TerminalVersionMsg{Name: "WezTerm 20240203"}
)

// TestPictureBytesOnlyWhenAnswered: picture bytes reach the terminal
// only when it said it draws them, or the setting forces a protocol;
// otherwise the picture key opens the viewer, and not a byte is written.
func TestPictureBytesOnlyWhenAnswered(t *testing.T) {
	tests := []struct {
		name    string
		setting string
		tmux    bool
		answers []tea.Msg
		drawn   string // what the sequence must hold; "" for none at all
	}{
		{"no answer", "auto", false, nil, ""},
		{"answers without pictures", "auto", false, []tea.Msg{plainDA}, ""},
		{"kitty", "auto", false, []tea.Msg{kittyOK, plainDA}, "a=T"},
		{"iterm2 by name", "auto", false, []tea.Msg{weztermNV, plainDA}, "1337;File="},
		{"sixel", "auto", false, []tea.Msg{sixelDA}, "\x1bP"},
		{"tmux answering for kitty", "auto", false, []tea.Msg{tmuxName, kittyOK, plainDA}, ""},
		{"inside tmux, no answer", "auto", true, nil, ""},
		{"off, though kitty answered", "off", false, []tea.Msg{kittyOK, plainDA}, ""},
		{"forced sixel, no answer", "sixel", false, nil, "\x1bP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var mu sync.Mutex
			var opened []string
			data := testPNG(t)
			m := New(Options{
				Docs: []story.Document{picDoc()}, Images: tt.setting, InTmux: tt.tmux,
				Picture: func(context.Context, string, string) ([]byte, error) { return data, nil },
				OpenURL: func(u string) error { mu.Lock(); defer mu.Unlock(); opened = append(opened, u); return nil },
			})
			d := &driver{tb: t, m: m}
			d.m.after = func(_ time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return delayed{msg} } }
			for _, a := range tt.answers {
				d.send(a)
			}
			d.run(d.m.Init()) // the queries' timeout comes within it
			d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
			d.press("i")
			d.fireTicks()
			var drawn []string
			for _, r := range d.raw {
				if pictureBytes(r) {
					drawn = append(drawn, r)
				}
			}
			switch {
			case tt.drawn == "" && len(drawn) > 0:
				t.Errorf("picture bytes written: %q…", drawn[0][:min(40, len(drawn[0]))])
			case tt.drawn == "" && (len(opened) != 1 || opened[0] != picSrc):
				t.Errorf("the viewer opened %q, want the picture %s", opened, picSrc)
			case tt.drawn != "" && (len(drawn) != 1 || !strings.Contains(drawn[0], tt.drawn)):
				t.Errorf("%d pictures drawn, want one holding %q", len(drawn), tt.drawn)
			case tt.drawn != "" && !strings.Contains(d.m.View().Content, "Picture 1 of 1: The restored wheel"):
				t.Errorf("the overlay is not shown:\n%s", d.m.View().Content)
			}
		})
	}
}

// kittyDriver is a reader on a terminal that answered for kitty, showing
// a story with two pictures.
func kittyDriver(t *testing.T) *driver {
	data := testPNG(t)
	doc := picDoc()
	doc.Stories[0].Body = append(doc.Stories[0].Body, story.Block{Kind: story.Image, URL: "https://news.example/sacks.png"})
	d := &driver{tb: t, m: New(Options{
		Docs: []story.Document{doc}, Images: "auto",
		Picture: func(context.Context, string, string) ([]byte, error) { return data, nil },
	})}
	d.m.after = func(_ time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return delayed{msg} } }
	d.send(kittyOK)
	d.send(plainDA)
	d.run(d.m.Init())
	d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	return d
}

// The overlay steps through the pictures, each drawn once its blank frame
// is up, at the reader's top left below the title; a render that comes
// after the reader moved on is dropped; closing deletes kitty's pictures
// and redraws the screen.
func TestPictureOverlay(t *testing.T) {
	d := kittyDriver(t)
	d.press("i")
	// The answers came before Init, so no queries were sent.
	if len(d.raw) != 0 || len(d.ticks) != 1 {
		t.Fatalf("after i: %d writes, %d timers; want only the placing timer", len(d.raw), len(d.ticks))
	}
	stale := pictureRendered{seq: d.m.pics.view.seq, pic: d.m.pics.view.pic}
	d.fireTicks()
	if len(d.raw) != 1 || !strings.HasPrefix(d.raw[0], "\x1b7\x1b[3;") || !strings.Contains(d.raw[0], "a=T") || !strings.HasSuffix(d.raw[0], "\x1b8") {
		t.Fatalf("the picture was not placed below the title: %q", d.raw)
	}
	d.press("n")
	if !strings.Contains(d.m.View().Content, "Picture 2 of 2") {
		t.Errorf("n did not step to the second picture:\n%s", d.m.View().Content)
	}
	d.send(stale) // the first picture's render, late
	d.fireTicks()
	if n := len(d.raw); n != 3 || !strings.Contains(d.raw[1], "a=d") || !strings.Contains(d.raw[2], "a=T") {
		t.Errorf("stepping: %d writes %q; want the first deleted and only the second drawn", n, d.raw[1:])
	}
	d.press("esc")
	if d.m.pics.view.open || !strings.Contains(d.raw[len(d.raw)-1], "a=d") {
		t.Errorf("esc: overlay open %v, last write %q", d.m.pics.view.open, d.raw[len(d.raw)-1])
	}
	if strings.Contains(d.m.View().Content, "Picture 2 of 2") {
		t.Errorf("the overlay is still drawn")
	}
}

// The picture overlay is the selected story's: when the selection moves
// to another story under it, by a click on the list or a walk that
// finishes while it is open, it closes and its picture is taken off the
// screen, instead of staying over the other story.
func TestPictureClosesWhenTheStoryChanges(t *testing.T) {
	data := testPNG(t)
	w := newWeb()
	doc := picDoc()
	doc.Stories[0].Related = []story.Story{{Title: "Tide gauge readings hit record", URL: tidesURL}}
	doc.Stories = append(doc.Stories, frontPage().Stories...)
	for _, tc := range []struct {
		name string
		move func(d *driver)
	}{
		{"click on the list", func(d *driver) {
			d.send(tea.MouseClickMsg{X: 3, Y: 8, Button: tea.MouseLeft})
		}},
		{"a walk done", func(d *driver) {
			d.press("i", "j")                 // the picture closed, on the related link
			walk := d.update(keyMsg("enter")) // its page loads
			d.press("k", "i")                 // back on the mill, its picture open
			d.fireTicks()
			d.run(walk)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &driver{tb: t, m: New(Options{
				Docs: []story.Document{doc}, Images: "kitty", Load: w.load,
				Picture: func(context.Context, string, string) ([]byte, error) { return data, nil },
			})}
			d.m.after = func(_ time.Duration, msg tea.Msg) tea.Cmd { return func() tea.Msg { return delayed{msg} } }
			d.run(d.m.Init())
			d.send(tea.WindowSizeMsg{Width: 100, Height: 30})
			d.press("i")
			d.fireTicks() // the picture is drawn
			if !d.m.pics.view.placed {
				t.Fatal("setup: the picture was not drawn")
			}
			d.raw = nil
			tc.move(d)
			if d.selectedTitle() == "Tide mill turns again" {
				t.Fatal("setup: the selection did not move")
			}
			if d.m.pics.view.open || !strings.Contains(d.screen(), "Paragraph 1") {
				t.Errorf("the mill's picture is still open over %q:\n%s", d.selectedTitle(), d.screen())
			}
			if !strings.Contains(strings.Join(d.raw, ""), "a=d") {
				t.Errorf("the picture drawn was not deleted from the screen: %q", d.raw)
			}
		})
	}
}

// TestPictureOverlayQuit: quitting with the overlay's picture drawn
// deletes it, as closing the overlay does.
func TestPictureOverlayQuit(t *testing.T) {
	d := kittyDriver(t)
	d.press("i")
	d.fireTicks() // the picture is drawn
	id := d.m.pics.view.pic.ID
	d.press("q")
	if !d.quit || !slices.Contains(d.raw, picture.DeleteSeq(id, false)) {
		t.Errorf("quitting: quit %v, writes %q; want the overlay's picture %#x deleted", d.quit, d.raw, id)
	}
}
