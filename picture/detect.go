package picture

import (
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/ansi/kitty"
)

// queryID is the image id of the kitty query, so its answer is told from
// any other.
const queryID = 4235

// QueryTimeout is how long to wait for the answers to Queries: a local
// terminal answers in milliseconds, one over ssh in a few hundred. No
// answer by then means no pictures.
const QueryTimeout = time.Second

// Queries is what to write to the terminal to learn what it can draw:
//
//   - a kitty graphics query (a=q) of a 1×1 image with its own id, which
//     a kitty-protocol terminal answers with OK and others ignore;
//   - XTVERSION (CSI > q), the terminal's name and version: iTerm2, WezTerm
//     and mintty say who they are, and tmux says it is tmux;
//   - iTerm2's ReportCellSize, which only iTerm2 answers;
//   - the cell size in pixels (CSI 16 t), for scaling;
//   - Primary Device Attributes (CSI c), last: every terminal answers it,
//     and attribute 4 means sixel. As terminals answer in order, its
//     answer means the others have come if they were coming.
func Queries() string {
	q := kitty.Options{ID: queryID, Action: kitty.Query, Format: kitty.RGB, ImageWidth: 1, ImageHeight: 1}
	return ansi.KittyGraphics([]byte("AAAA"), q.Options()...) + // one black RGB pixel
		ansi.RequestNameVersion +
		"\x1b]1337;ReportCellSize\x07" +
		ansi.WindowOp(16) + // report the cell size in pixels (XTWINOPS 16)
		ansi.RequestPrimaryDeviceAttributes
}

// QueryTimeoutMsg is what the caller has delivered QueryTimeout after it
// wrote Queries: what the Detector has by then is all there will be. ID
// tells a stale timeout from the current one; answers that come later are
// the caller's to drop.
type QueryTimeoutMsg struct{ ID int }

// Detection is what the terminal's answers said.
type Detection struct {
	Protocol Protocol // the best protocol the answers show; None when none did
	Cell     CellSize // zero when the terminal did not say
	Terminal string   // the XTVERSION answer, cleaned, when there was one
	Tmux     bool     // inside tmux: by its XTVERSION answer or InTmux
	Answered bool     // any answer came
}

// Detector gathers the answers to Queries, as Bubble Tea messages
// (Observe) or raw bytes (ParseAnswers). The zero Detector is ready;
// set InTmux when the TMUX variable says tmux started the program, since
// an old tmux does not answer XTVERSION.
type Detector struct {
	InTmux bool

	kitty, iterm2, sixel bool
	answered, done       bool
	terminal             string
	cell                 CellSize
}

// Observe takes one message and reports whether it was an answer to the
// queries, for the caller to drop it there. Bubble Tea v2 delivers the
// answers as uv.KittyGraphicsEvent, tea.TerminalVersionMsg,
// uv.UnknownOscEvent, uv.CellSizeEvent and uv.PrimaryDeviceAttributesEvent.
func (d *Detector) Observe(msg any) bool {
	switch m := msg.(type) {
	case uv.KittyGraphicsEvent:
		if m.Options.ID != queryID {
			return false
		}
		d.kitty = string(m.Payload) == "OK"
	case tea.TerminalVersionMsg:
		d.version(m.Name)
	case uv.TerminalVersionEvent:
		d.version(m.Name)
	case uv.UnknownOscEvent:
		s := string(m)
		i := strings.Index(s, "1337;ReportCellSize=")
		if i < 0 {
			return false
		}
		d.iterm2 = true
		d.iterm2Cell(s[i+len("1337;ReportCellSize="):])
	case uv.CellSizeEvent:
		if m.Width > 0 && m.Height > 0 {
			d.cell = CellSize{Width: m.Width, Height: m.Height}
		}
	case uv.PrimaryDeviceAttributesEvent:
		for _, a := range m {
			d.sixel = d.sixel || a == 4
		}
		d.done = true
	default:
		return false
	}
	d.answered = true
	return true
}

func (d *Detector) version(name string) {
	d.terminal = clean(name)
	n := strings.ToLower(d.terminal)
	for _, t := range []string{"iterm2", "wezterm", "mintty"} {
		if strings.HasPrefix(n, t) {
			d.iterm2 = true
		}
	}
}

// iterm2Cell reads "height;width[;scale]" in points.
func (d *Detector) iterm2Cell(s string) {
	s = strings.TrimRight(s, "\x07\x1b\\")
	parts := strings.Split(s, ";")
	if len(parts) < 2 {
		return
	}
	h, herr := strconv.ParseFloat(parts[0], 64)
	w, werr := strconv.ParseFloat(parts[1], 64)
	scale := 1.0
	if len(parts) > 2 {
		if f, err := strconv.ParseFloat(parts[2], 64); err == nil && f > 0 && f <= 8 {
			scale = f
		}
	}
	if herr == nil && werr == nil && h > 0 && w > 0 && h < 1000 && w < 1000 {
		d.cell = CellSize{Width: int(w*scale + 0.5), Height: int(h*scale + 0.5)}
	}
}

// clean keeps a terminal's self-description printable and short: it is
// text from outside.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, s)
	if len(s) > 64 {
		s = s[:64]
	}
	return strings.ToValidUTF8(s, "")
}

// Done reports whether the device attributes came, the last answer; the
// caller need not wait out QueryTimeout then.
func (d *Detector) Done() bool { return d.done }

// Result is what the answers so far say; called when Done or when the
// timeout passed. Inside tmux only sixel counts, and only when tmux itself
// says it draws sixel: kitty and iTerm2 sequences would need passthrough,
// which the terminal's answers cannot vouch for.
func (d *Detector) Result() Detection {
	r := Detection{Cell: d.cell, Terminal: d.terminal, Answered: d.answered}
	r.Tmux = d.InTmux || strings.HasPrefix(strings.ToLower(d.terminal), "tmux")
	switch {
	case r.Tmux:
		if d.sixel {
			r.Protocol = Sixel
		}
	case d.kitty:
		r.Protocol = Kitty
	case d.iterm2:
		r.Protocol = ITerm2
	case d.sixel:
		r.Protocol = Sixel
	}
	return r
}

// maxAnswerBytes bounds what ParseAnswers reads: the answers are a few
// dozen bytes, so more is not an answer.
const maxAnswerBytes = 4096

// ParseAnswers reads the terminal's answers from raw bytes, as read from
// a terminal in raw mode after writing Queries; other input among them
// (a key pressed meanwhile) is passed over.
func ParseAnswers(b []byte, inTmux bool) Detection {
	d := Detector{InTmux: inTmux}
	if len(b) > maxAnswerBytes {
		b = b[:maxAnswerBytes]
	}
	var dec uv.EventDecoder
	for len(b) > 0 {
		n, ev := dec.Decode(b)
		if n <= 0 {
			break
		}
		if multi, ok := ev.(uv.MultiEvent); ok {
			for _, e := range multi {
				d.Observe(e)
			}
		} else {
			d.Observe(ev)
		}
		b = b[n:]
	}
	return d.Result()
}

// Choose is the Display for an images setting ("auto", "off" or a
// protocol name, as ParseSetting takes) and what detection found. "auto"
// draws what the terminal answered, nothing when it did not; a forced
// protocol is drawn, through tmux's passthrough inside tmux; "off" draws
// nothing. An unknown setting draws nothing and is returned as an error.
func Choose(setting string, det Detection) (Display, error) {
	forced, auto, err := ParseSetting(setting)
	if err != nil {
		return Display{}, err
	}
	d := Display{Cell: det.Cell}
	switch {
	case auto:
		d.Protocol = det.Protocol
		d.Placeholders = d.Protocol == Kitty && knowsPlaceholders(det.Terminal)
	case forced != None:
		d.Protocol = forced
		d.Passthrough = det.Tmux && forced != det.Protocol
		d.Placeholders = forced == Kitty && !lacksPlaceholders(det.Terminal)
	}
	return d, nil
}

// knowsPlaceholders reports whether a terminal that answered the kitty
// query draws Unicode placeholders too, by its XTVERSION answer: kitty
// from 0.28 ("kitty(0.35.2)") and Ghostty do; WezTerm and Konsole answer
// the query but draw no placeholders, and a terminal that did not say
// who it is gets the overlay, which every kitty-protocol terminal draws.
func knowsPlaceholders(terminal string) bool {
	t := strings.ToLower(terminal)
	if strings.HasPrefix(t, "ghostty") {
		return true
	}
	v, ok := strings.CutPrefix(t, "kitty(")
	if !ok {
		return false
	}
	v, _, _ = strings.Cut(v, ")")
	major, rest, _ := strings.Cut(v, ".")
	minor, _, _ := strings.Cut(rest, ".")
	ma, err1 := strconv.Atoi(major)
	mi, err2 := strconv.Atoi(minor)
	return err1 == nil && err2 == nil && (ma > 0 || mi >= 28)
}

// lacksPlaceholders reports whether a terminal is known to speak kitty's
// protocol without its placeholders; a forced "kitty" is trusted
// otherwise, as in tmux, which answers for itself, not the terminal.
func lacksPlaceholders(terminal string) bool {
	t := strings.ToLower(terminal)
	return strings.HasPrefix(t, "wezterm") || strings.HasPrefix(t, "konsole")
}
