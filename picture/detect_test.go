package picture

import (
	"bytes"
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
)

// Answers as terminals send them.
const (
	kittyOK     = "\x1b_Gi=4235;OK\x1b\\"
	kittyFailed = "\x1b_Gi=4235;EINVAL:unsupported format\x1b\\"
	otherKitty  = "\x1b_Gi=7;OK\x1b\\"
	da1Plain    = "\x1b[?62;22c"
	da1Sixel    = "\x1b[?62;4;22c"
	cell10x20   = "\x1b[6;20;10t"
)

func xtversion(name string) string { return "\x1bP>|" + name + "\x1b\\" }

func TestParseAnswers(t *testing.T) {
	for _, tt := range []struct {
		name     string
		answers  string
		inTmux   bool
		want     Protocol
		cell     CellSize
		terminal string
		tmux     bool
	}{
		{"kitty", kittyOK + xtversion("kitty(0.35.2)") + cell10x20 + da1Plain, false, Kitty, CellSize{10, 20}, "kitty(0.35.2)", false},
		{"ghostty", kittyOK + xtversion("ghostty 1.1.0") + da1Plain, false, Kitty, CellSize{}, "ghostty 1.1.0", false},
		{"wezterm speaks both; kitty wins", kittyOK + xtversion("WezTerm 20240203") + da1Sixel, false, Kitty, CellSize{}, "WezTerm 20240203", false},
		{"iterm2 by its version", xtversion("iTerm2 3.5.4") + da1Plain, false, ITerm2, CellSize{}, "iTerm2 3.5.4", false},
		{"iterm2 by its cell report", "\x1b]1337;ReportCellSize=17.0;8.0;2.0\x1b\\" + da1Plain, false, ITerm2, CellSize{16, 34}, "", false},
		{"foot", xtversion("foot(1.18.1)") + cell10x20 + da1Sixel, false, Sixel, CellSize{10, 20}, "foot(1.18.1)", false},
		{"xterm with sixel", xtversion("XTerm(390)") + "\x1b[?63;1;2;4;6;9;15;16;22;28c", false, Sixel, CellSize{}, "XTerm(390)", false},
		{"xterm without sixel", xtversion("XTerm(390)") + "\x1b[?64;1;2;6;9;15;16;17;18;21;22;28c", false, None, CellSize{}, "XTerm(390)", false},
		{"windows terminal", "\x1b[?61;4;6;7;14;21;22;23;24;28;32;42c", false, Sixel, CellSize{}, "", false},
		{"a failed kitty query is no kitty", kittyFailed + da1Plain, false, None, CellSize{}, "", false},
		{"another image's answer is not ours", otherKitty + da1Plain, false, None, CellSize{}, "", false},
		{"tmux", xtversion("tmux 3.4") + "\x1b[?1;2c", false, None, CellSize{}, "tmux 3.4", true},
		{"tmux drawing sixel itself", xtversion("tmux 3.4") + "\x1b[?1;2;4c", false, Sixel, CellSize{}, "tmux 3.4", true},
		{"old tmux known by TMUX", "\x1b[?1;2c", true, None, CellSize{}, "", true},
		{"kitty answer in tmux still none", kittyOK + da1Plain, true, None, CellSize{}, "", true},
		{"a key pressed among the answers", "j" + kittyOK + "k" + da1Plain, false, Kitty, CellSize{}, "", false},
		{"hostile version string", xtversion("evil\x1b]0;title\x07\x9b2J"), false, None, CellSize{}, "evil", false},
		{"no answer", "", false, None, CellSize{}, "", false},
		{"garbage", "\x1b[\x1b_G\x00\xff", false, None, CellSize{}, "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseAnswers([]byte(tt.answers), tt.inTmux)
			if got.Protocol != tt.want || got.Cell != tt.cell || got.Terminal != tt.terminal || got.Tmux != tt.tmux {
				t.Errorf("got %+v, want %s, cell %v, terminal %q, tmux %v", got, tt.want, tt.cell, tt.terminal, tt.tmux)
			}
		})
	}
}

// TestObserveMessages feeds the answers as Bubble Tea v2 delivers them.
func TestObserveMessages(t *testing.T) {
	var d Detector
	for _, m := range []any{tea.KeyPressMsg{Code: 'j'}, tea.WindowSizeMsg{Width: 80, Height: 24}} {
		if d.Observe(m) {
			t.Errorf("%T taken for an answer", m)
		}
	}
	if d.Done() || d.Result().Answered {
		t.Fatal("done before any answer")
	}
	for _, m := range []any{
		tea.TerminalVersionMsg{Name: "iTerm2 3.5.4"},
		uv.CellSizeEvent{Width: 9, Height: 18},
		uv.PrimaryDeviceAttributesEvent{62, 4, 22},
	} {
		if !d.Observe(m) {
			t.Errorf("%T not taken for an answer", m)
		}
	}
	d.Observe(tea.TerminalVersionMsg{Name: "iTerm2\x1b]0;title\x07\u009b2J" + strings.Repeat("x", 100)})
	got := d.Result()
	if want := "iTerm2]0;title2J" + strings.Repeat("x", 48); got.Terminal != want {
		t.Errorf("terminal %q, want %q", got.Terminal, want)
	}
	if !d.Done() || got.Protocol != ITerm2 || got.Cell != (CellSize{9, 18}) {
		t.Errorf("done %v, result %+v; want iterm2 at 9×18", d.Done(), got)
	}
}

func TestQueries(t *testing.T) {
	q := Queries()
	for _, part := range []string{"\x1b_G", "a=q", "i=4235", "s=1", "v=1", "\x1b[>q", "\x1b[16t", "1337;ReportCellSize"} {
		if !strings.Contains(q, part) {
			t.Errorf("queries %q lack %q", q, part)
		}
	}
	if !strings.HasSuffix(q, "\x1b[c") {
		t.Errorf("queries %q do not end with DA1", q)
	}
}

func TestChoose(t *testing.T) {
	kitty := Detection{Protocol: Kitty, Answered: true, Cell: CellSize{9, 18}}
	tmux := Detection{Tmux: true, Answered: true}
	for _, tt := range []struct {
		setting string
		det     Detection
		want    Display
		err     bool
	}{
		{"auto", kitty, Display{Protocol: Kitty, Cell: CellSize{9, 18}}, false},
		{"auto", Detection{}, Display{}, false},
		{"auto", tmux, Display{}, false},
		{"off", kitty, Display{Cell: CellSize{9, 18}}, false},
		{"sixel", kitty, Display{Protocol: Sixel, Cell: CellSize{9, 18}}, false},
		{"Kitty", Detection{}, Display{Protocol: Kitty, Placeholders: true}, false},
		{"kitty", tmux, Display{Protocol: Kitty, Passthrough: true, Placeholders: true}, false},
		{"kitty", Detection{Terminal: "WezTerm 20240203"}, Display{Protocol: Kitty}, false},
		{"auto", Detection{Protocol: Kitty, Terminal: "kitty(0.35.2)"}, Display{Protocol: Kitty, Placeholders: true}, false},
		{"auto", Detection{Protocol: Kitty, Terminal: "kitty(0.27.1)"}, Display{Protocol: Kitty}, false},
		{"auto", Detection{Protocol: Kitty, Terminal: "kitty(1.0)"}, Display{Protocol: Kitty, Placeholders: true}, false},
		{"auto", Detection{Protocol: Kitty, Terminal: "ghostty 1.1.3"}, Display{Protocol: Kitty, Placeholders: true}, false},
		{"auto", Detection{Protocol: Kitty, Terminal: "kitty(x.y)"}, Display{Protocol: Kitty}, false},
		{"iterm2", tmux, Display{Protocol: ITerm2, Passthrough: true}, false},
		{"sixel", Detection{Tmux: true, Protocol: Sixel}, Display{Protocol: Sixel}, false},
		{"yes", kitty, Display{}, true},
	} {
		got, err := Choose(tt.setting, tt.det)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("Choose(%q, %+v) = %+v, %v; want %+v, error %v", tt.setting, tt.det, got, err, tt.want, tt.err)
		}
	}
}

// TestNoPictureBytesWithoutAnswer plays a terminal session: tread writes
// the queries, the terminal answers (or not), and tread draws a picture
// with what the answers said. A terminal that said nothing, or nothing
// about pictures, gets the queries and not one byte of a picture.
func TestNoPictureBytesWithoutAnswer(t *testing.T) {
	data := encodePNG(t, gradient(64, 48))
	for _, tt := range []struct {
		name    string
		answers string
		inTmux  bool
		drawn   bool
	}{
		{"no answer before the timeout", "", false, false},
		{"answers without pictures", xtversion("XTerm(390)") + da1Plain, false, false},
		{"tmux without passthrough", xtversion("tmux 3.4") + "\x1b[?1;2c", true, false},
		{"kitty", kittyOK + da1Plain, false, true},
		{"kitty with placeholders", kittyOK + xtversion("kitty(0.35.2)") + da1Plain, false, true},
		{"ghostty inside tmux", kittyOK + xtversion("tmux 3.4") + da1Plain, true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var screen bytes.Buffer
			screen.WriteString(Queries())
			d, err := Choose(SettingAuto, ParseAnswers([]byte(tt.answers), tt.inTmux))
			if err != nil {
				t.Fatal(err)
			}
			r := NewRenderer(d, Limits{}, 0)
			p, err := r.Render(context.Background(), data, Box{Cols: 20, Rows: 10})
			screen.WriteString(p.Seq)
			in, inErr := r.RenderInline(context.Background(), data, Box{Cols: 20, Rows: 10}, InlineID(7, 1))
			screen.WriteString(in.Seq)
			if wantInline := strings.Contains(tt.answers, "kitty("); (inErr == nil) != wantInline {
				t.Errorf("inline render: %v, want one: %v", inErr, wantInline)
			}
			if drawn := screen.Len() > len(Queries()); drawn != tt.drawn || (err == nil) != tt.drawn {
				t.Errorf("drawn %v (%v), want %v; wrote %q", drawn, err, tt.drawn, screen.String()[len(Queries()):])
			}
			if !tt.drawn && screen.String() != Queries() {
				t.Errorf("wrote more than the queries: %q", screen.String())
			}
		})
	}
}
