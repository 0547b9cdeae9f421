// Package picture owns showing an article's pictures in a terminal: asking
// the terminal which graphics protocol it speaks (kitty, iTerm2 inline
// images, sixel, or none), decoding PNG, JPEG, GIF and WebP within a byte
// and a pixel cap, scaling a picture to a box of cells, and encoding it as
// the escape sequence that protocol draws, with a cache of encoded output
// bounded in bytes. It does no I/O of its own: the bytes come from the
// caller (the image store, a fetch), and the sequences go back to it.
package picture

import (
	"fmt"
	"strings"
)

// Protocol is a way of drawing pictures in a terminal.
type Protocol int

// The protocols, None first so that the zero Protocol draws nothing.
const (
	None   Protocol = iota
	Kitty           // the kitty graphics protocol: kitty, Ghostty, WezTerm, Konsole
	ITerm2          // iTerm2's inline images: iTerm2, WezTerm, mintty
	Sixel           // DEC sixel: foot, xterm with sixel, Windows Terminal, mlterm
)

var protocolNames = [...]string{None: "none", Kitty: "kitty", ITerm2: "iterm2", Sixel: "sixel"}

// String is the protocol's name as the settings spell it.
func (p Protocol) String() string {
	if p < 0 || int(p) >= len(protocolNames) {
		return fmt.Sprintf("Protocol(%d)", int(p))
	}
	return protocolNames[p]
}

// Setting values for the images setting, besides the protocol names.
const (
	SettingAuto = "auto" // ask the terminal
	SettingOff  = "off"  // never draw pictures
)

// Settings lists the values the images setting takes, in the order the
// settings file documents them.
func Settings() []string {
	return []string{SettingAuto, Kitty.String(), ITerm2.String(), Sixel.String(), SettingOff}
}

// ParseSetting checks an images setting: "auto", "off", or a protocol
// name, in any case. forced is the protocol a protocol name forces;
// auto reports whether the terminal is to be asked.
func ParseSetting(s string) (forced Protocol, auto bool, err error) {
	switch v := strings.ToLower(strings.TrimSpace(s)); v {
	case SettingAuto:
		return None, true, nil
	case SettingOff:
		return None, false, nil
	default:
		for p := Kitty; p <= Sixel; p++ {
			if v == p.String() {
				return p, false, nil
			}
		}
	}
	return None, false, fmt.Errorf("unknown images setting %q (use %s)", s, quoteList(Settings()))
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// CellSize is the size of one terminal cell in pixels.
type CellSize struct {
	Width, Height int
}

// DefaultCellSize stands in when the terminal did not say: a common cell
// of a 10pt monospace font.
var DefaultCellSize = CellSize{Width: 10, Height: 20}

func (c CellSize) orDefault() CellSize {
	if c.Width <= 0 || c.Height <= 0 || c.Width > 1000 || c.Height > 1000 {
		return DefaultCellSize
	}
	return c
}

// Box is the room a picture may take: at most Cols columns and Rows rows
// of cells of size Cell.
type Box struct {
	Cols, Rows int
	Cell       CellSize
}

// HeightShare is the most of the reader pane's height, in percent, that a
// picture in the text takes, so that the text around it stays in view.
const HeightShare = 40

// ReadingBox is the box for a picture in a reader cols wide (the reading
// width) and paneRows high: all the width, HeightShare of the height, at
// least one row.
func ReadingBox(cols, paneRows int, cell CellSize) Box {
	return Box{Cols: max(0, cols), Rows: max(1, paneRows*HeightShare/100), Cell: cell}
}

// Picture is a picture encoded for a terminal: Seq draws it at the cursor
// and takes Cols × Rows cells. The cursor is left where it was, so the
// caller lays out the rows the picture covers. ID is the kitty image id it
// was sent under (0 for other protocols), for DeleteSeq.
type Picture struct {
	Seq        string
	Cols, Rows int
	ID         uint32
}
