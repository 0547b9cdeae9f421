package render

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// tidy is the last gate between glamour and the terminal. It keeps SGR
// styling and drops every other escape sequence and control character, so
// nothing that slipped past sanitize (a numeric entity such as &#27; decodes
// to a raw ESC inside goldmark) or that glamour adds itself (OSC 8 links
// carrying a document's URL) reaches the screen. It also trims the blank
// padding glamour puts at the end of every line: four fifths of the bytes
// of a long story's render, and a source of stray wrapping in panes
// narrower than the wrap width. Trailing cells that show something even when blank (a background,
// reverse video, an underline) are kept, so the trimmed text looks the same.
func tidy(s string) string {
	out := make([]byte, 0, len(s)/2)
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			out = append(out, '\n')
		}
		out = tidyLine(out, line)
	}
	return string(out)
}

// tidyLine appends line to out without non-SGR controls and without
// trailing invisible blanks. SGR sequences are held back until a cell that
// shows them comes: a blank with no background, underline or the like
// looks the same in any colour, and glamour wraps every padding and
// indenting space in a sequence of its own.
func tidyLine(out []byte, line string) []byte {
	var st sgrState      // styling as the line declares it
	var pending []byte   // SGR sequences not written yet
	writtenOpen := false // whether written SGR leaves styling in effect
	keep := len(out)     // just past the last cell worth keeping
	keepOpen := false    // writtenOpen at keep
	cell := func(text string) {
		if len(pending) > 0 {
			out = append(out, pending...)
			pending = pending[:0]
			writtenOpen = st.open
		}
		out = append(out, text...)
		keep, keepOpen = len(out), writtenOpen
	}
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == 0x1b:
			seq, n := escapeAt(line, i)
			if seq != "" {
				st.apply(seq[2 : len(seq)-1])
				if !st.open {
					// A reset undoes whatever is pending, and is only
					// needed if written styling is in effect.
					pending = pending[:0]
					if !writtenOpen {
						i += n
						continue
					}
				}
				pending = append(pending, seq...)
			}
			i += n
			continue
		case c == ' ' || c == '\t':
			// A tab would jump to the next tab stop and break the width
			// the layout counts on.
			if st.showsBlank() {
				cell(" ")
			} else {
				out = append(out, ' ')
			}
			i++
			continue
		case c < 0x20 || c == 0x7f:
			i++
			continue
		case c < utf8.RuneSelf:
			cell(line[i : i+1])
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			cell("\uFFFD")
		case r >= 0x80 && r < 0xa0:
			// C1 controls: 8-bit CSI, OSC and friends. Dropping the
			// introducer leaves whatever followed as inert text.
		case r == breakMark || r == '\u2029':
			// Wrap hints (see markBreaks) and their paragraph twin: no
			// width, and terminals draw them in odd ways.
		default:
			cell(line[i : i+size])
		}
		i += size
	}
	out = out[:keep]
	if keepOpen {
		out = append(out, "\x1b[m"...)
	}
	return out
}

// escapeAt looks at the escape sequence starting at line[i] (an ESC) and
// returns it if it is SGR (ESC [ params m), or "" if it must be dropped,
// along with its length in bytes. Control strings (OSC, DCS, APC, PM, SOS)
// run to BEL, ESC \ or the end of the line.
func escapeAt(line string, i int) (string, int) {
	j := i + 1
	if j >= len(line) {
		return "", 1
	}
	switch line[j] {
	case '[':
		j++
		sgr := true
		for j < len(line) {
			c := line[j]
			j++
			switch {
			case c >= '0' && c <= '9', c == ';', c == ':':
			case c >= 0x20 && c <= 0x3f:
				// private markers (<=>?) and intermediates: not SGR
				sgr = false
			case c >= 0x40 && c <= 0x7e:
				if sgr && c == 'm' {
					return line[i:j], j - i
				}
				return "", j - i
			default:
				// Not part of a control sequence: the sequence is broken
				// here; leave the byte for the caller.
				return "", j - 1 - i
			}
		}
		return "", j - i
	case ']', 'P', 'X', '^', '_':
		j++
		for j < len(line) {
			switch line[j] {
			case 0x07:
				return "", j + 1 - i
			case 0x1b:
				if j+1 < len(line) && line[j+1] == '\\' {
					return "", j + 2 - i
				}
				return "", j - i
			}
			j++
		}
		return "", j - i
	}
	for j < len(line) && line[j] >= 0x20 && line[j] <= 0x2f {
		j++
	}
	if j < len(line) && line[j] >= 0x30 && line[j] <= 0x7e {
		j++
	}
	return "", j - i
}

// sgrState tracks the SGR attributes that make a blank cell visible.
type sgrState struct {
	open                                     bool // any attribute set since the last reset
	bg, reverse, underline, strike, overline bool
}

func (s *sgrState) showsBlank() bool {
	return s.bg || s.reverse || s.underline || s.strike || s.overline
}

// apply updates s with the parameters of one SGR sequence. It walks them
// in place rather than splitting: glamour writes an SGR sequence every few
// characters.
func (s *sgrState) apply(params string) {
	if params == "" {
		*s = sgrState{}
		return
	}
	// After 38, 48 or 58 (extended colours) comes a selector, 5 for an
	// indexed colour and 2 for RGB, then 1 or 3 values that are not
	// attributes of their own.
	wantSelector, skip := false, 0
	for more := true; more; {
		var param string
		param, params, more = strings.Cut(params, ";")
		p, sub, _ := strings.Cut(param, ":")
		switch {
		case skip > 0:
			skip--
			continue
		case wantSelector:
			wantSelector = false
			switch p {
			case "5":
				skip = 1
			case "2":
				skip = 3
			}
			continue
		}
		switch p {
		case "", "0":
			*s = sgrState{}
			continue
		case "38", "48", "58":
			if p == "48" {
				s.bg = true
			}
			// With colon sub-parameters (38:5:n) the colour is self-contained.
			wantSelector = sub == ""
		case "4":
			s.underline = sub != "0"
		case "21":
			s.underline = true
		case "24":
			s.underline = false
		case "7":
			s.reverse = true
		case "27":
			s.reverse = false
		case "9":
			s.strike = true
		case "29":
			s.strike = false
		case "53":
			s.overline = true
		case "55":
			s.overline = false
		case "49":
			s.bg = false
		default:
			if isBackground(p) {
				s.bg = true
			}
		}
		s.open = true
	}
}

// isBackground reports whether p is a basic (40-47) or bright (100-107)
// background colour.
func isBackground(p string) bool {
	switch len(p) {
	case 2:
		return p[0] == '4' && p[1] >= '0' && p[1] <= '7'
	case 3:
		return p[:2] == "10" && p[2] >= '0' && p[2] <= '7'
	}
	return false
}

// fit re-wraps the rare line glamour leaves wider than width, so a pane
// never has to: an overlong line pushes the layout around or wraps a second
// time in the terminal. (Glamour's word wrap lets a run of hyphens at the
// end of a line, "either ---", run past the edge.) Words break at spaces
// where they can and anywhere when they must, and styling carries over
// each new line break. Each new line starts as the old one did, with its
// margin and any quote bars (bar, from layout.quote). It reports whether it
// changed a line.
func fit(lines []string, width int, bar string) bool {
	changed := false
	for i, l := range lines {
		if ansi.StringWidth(l) > width {
			lines[i], changed = fitLine(l, width, bar), true
		}
	}
	return changed
}

func fitLine(l string, width int, bar string) string {
	_, _, prefix := quoteDepth(ansi.Strip(l), bar)
	lead := ansi.StringWidth(prefix)
	if lead > width/2 {
		// Keeping it would leave too little room for the text.
		lead = 0
	}
	prefix, body := ansi.Cut(l, 0, lead), ansi.TruncateLeft(l, lead, "")
	room := width - lead
	return carry(prefix, ansi.Hardwrap(ansi.Wrap(body, room, ""), room, true))
}

// carry sets each of the lines of wrapped after prefix, the styling open
// at the end of one line carried over to the next.
func carry(prefix, wrapped string) string {
	var buf bytes.Buffer
	w := lipgloss.NewWrapWriter(&buf)
	if _, err := io.WriteString(w, wrapped); err == nil && w.Close() == nil {
		wrapped = buf.String()
	}
	var out []byte
	for j, piece := range strings.Split(wrapped, "\n") {
		if j > 0 {
			out = append(out, '\n')
		}
		out = tidyLine(out, prefix+piece)
	}
	return string(out)
}
