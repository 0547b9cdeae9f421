package render

import (
	"fmt"
	"strings"
	"testing"
)

func TestTidyLine(t *testing.T) {
	const fg, reset = "\x1b[38;5;252m", "\x1b[m"
	tests := []struct {
		name, in, want string
	}{
		{"plain trailing spaces", "  abc   ", "  abc"},
		{"blank line", "      ", ""},
		{"styled padding", "  " + fg + "abc" + reset + fg + " " + reset + fg + " " + reset, "  " + fg + "abc" + reset},
		{"only styled padding", "  " + fg + " " + reset + fg + " " + reset, ""},
		{"open style closed at the cut", fg + "abc   ", fg + "abc" + reset},
		{"inner spaces kept", fg + "a  b" + reset + "  ", fg + "a  b" + reset},
		{"background space kept", "\x1b[38;5;228;48;5;63;1m Title \x1b[m" + fg + "  " + reset, "\x1b[38;5;228;48;5;63;1m Title " + reset},
		{"basic background kept", "x\x1b[41m  \x1b[49m  ", "x\x1b[41m  " + reset},
		{"bright background kept", "x\x1b[104m \x1b[0m ", "x\x1b[104m " + reset},
		{"truecolour background kept", "x\x1b[48;2;10;20;30m \x1b[m ", "x\x1b[48;2;10;20;30m " + reset},
		{"foreground 48 is not a background", "x\x1b[38;5;48m  \x1b[m", "x"},
		{"truecolour foreground with 48 in it", "x\x1b[38;2;48;41;101m  \x1b[m", "x"},
		{"underline kept", "a\x1b[4m  \x1b[m", "a\x1b[4m  " + reset},
		{"underline off by sub-parameter", "a\x1b[4:0m  \x1b[m", "a"},
		{"underline off", "a\x1b[4;24m  \x1b[m", "a"},
		{"reverse kept", "a\x1b[7m \x1b[27m ", "a\x1b[7m " + reset},
		{"strikethrough kept", "a\x1b[9m \x1b[m", "a\x1b[9m " + reset},
		{"reset then bold", "a\x1b[0;1m b \x1b[m", "a \x1b[0;1mb" + reset},
		{"styling held back over blanks", fg + "  a" + reset + fg + " " + reset + fg + "b" + reset, "  " + fg + "a " + reset + fg + "b" + reset},
		{"reset with nothing open dropped", reset + reset + "a", "a"},
		{"OSC 8 link dropped, text kept", "\x1b]8;id=1;https://x.example\x07link\x1b]8;;\x07 ", "link"},
		{"OSC with ST", "\x1b]0;title\x1b\\text", "text"},
		{"unterminated OSC runs to line end", "a\x1b]52;c;AAAA", "a"},
		{"CSI other than SGR dropped", "\x1b[2J\x1b[H\x1b[?25lok\x1b[1A", "ok"},
		{"SGR with private marker dropped", "\x1b[>4;2mok", "ok"},
		{"two-byte escapes dropped", "\x1bc\x1b7\x1b(Bok", "ok"},
		{"lone ESC at end", "ok\x1b", "ok"},
		{"C1 controls dropped", "a\u009b2Jb\u009dc\u0085d", "a2Jbcd"},
		{"C0 and DEL dropped", "a\x00b\x07c\x7fd\re", "abcde"},
		{"tab becomes a space", "a\tb\t", "a b"},
		{"break marks dropped", "经\u2028过\u2029", "经过"},
		{"invalid UTF-8 replaced", "a\xffb", "a\uFFFDb"},
		{"wide characters kept", "  中文 🌊  ", "  中文 🌊"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(tidyLine(nil, tt.in)); got != tt.want {
				t.Errorf("tidyLine(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// cell is one character on screen with the attributes it is drawn with.
type cell struct {
	text  string
	attrs screenAttrs
}

type screenAttrs struct {
	fg, bg                               string
	bold, italic, under, reverse, strike bool
}

// screen draws a line the way a terminal would, as a row of cells: SGR
// changes attributes, other escapes and wrap hints draw nothing. It is a
// separate reading of SGR from tidy's, so the two check each other.
func screen(line string) []cell {
	var row []cell
	var a screenAttrs
	for i := 0; i < len(line); {
		if line[i] == 0x1b {
			_, n := escapeAt(line, i)
			seq := line[i : i+n]
			if strings.HasPrefix(seq, "\x1b[") && strings.HasSuffix(seq, "m") {
				a = applySGR(a, seq[2:len(seq)-1])
			}
			i += n
			continue
		}
		r := []rune(line[i:])[0]
		i += len(string(r))
		if r == breakMark {
			continue
		}
		row = append(row, cell{string(r), a})
	}
	return row
}

func applySGR(a screenAttrs, params string) screenAttrs {
	ps := strings.Split(params, ";")
	for k := 0; k < len(ps); k++ {
		switch p := ps[k]; {
		case p == "" || p == "0":
			a = screenAttrs{}
		case p == "1":
			a.bold = true
		case p == "3":
			a.italic = true
		case p == "4":
			a.under = true
		case p == "7":
			a.reverse = true
		case p == "9":
			a.strike = true
		case p == "38" || p == "48":
			n := 3
			if ps[k+1] == "2" {
				n = 5
			}
			v := strings.Join(ps[k:k+n], ";")
			if p == "38" {
				a.fg = v
			} else {
				a.bg = v
			}
			k += n - 1
		case p >= "30" && p <= "37":
			a.fg = p
		case p == "39":
			a.fg = ""
		case len(p) == 2 && p >= "40" && p <= "47":
			a.bg = p
		case p == "49":
			a.bg = ""
		default:
			panic("screen: SGR parameter not modelled: " + p)
		}
	}
	return a
}

// blank reports whether c draws nothing a reader can see.
func (c cell) blank() bool {
	a := c.attrs
	return c.text == " " && a.bg == "" && !a.under && !a.reverse && !a.strike
}

// visible is row with the attributes of blank cells cleared: a blank with
// no background, underline or the like looks the same in any colour.
func visible(row []cell) []cell {
	out := make([]cell, len(row))
	for i, c := range row {
		if c.blank() {
			c.attrs = screenAttrs{}
		}
		out[i] = c
	}
	return out
}

// Tidying glamour's output changes nothing on screen: every line shows the
// same cells, less blank ones at its end.
func TestTidyLooksTheSame(t *testing.T) {
	r := NewRenderer(0)
	for name, s := range map[string]func() string{
		"kitchen":  func() string { return Markdown(kitchenSink()) },
		"escaping": func() string { return Markdown(escapingStory()) },
		"cjk":      func() string { return Markdown(cjkStory()) },
		"emoji":    func() string { return Markdown(emojiStory()) },
		"long":     func() string { return Markdown(longStory(8 << 10)) },
	} {
		md := markBreaks(s())
		for _, st := range []Style{Dark, Light, NoTTY} {
			for _, w := range []int{40, 80, 100} {
				t.Run(fmt.Sprintf("%s-%s-%d", name, st, w), func(t *testing.T) {
					g, err := r.glamour(w, st)
					if err != nil {
						t.Fatal(err)
					}
					raw, err := g.tr.Render(md)
					if err != nil {
						t.Fatal(err)
					}
					rawLines, tidyLines := strings.Split(raw, "\n"), strings.Split(tidy(raw), "\n")
					if len(rawLines) != len(tidyLines) {
						t.Fatalf("tidy changed the line count from %d to %d", len(rawLines), len(tidyLines))
					}
					for i := range rawLines {
						before, after := screen(rawLines[i]), screen(tidyLines[i])
						for len(before) > 0 && before[len(before)-1].blank() {
							before = before[:len(before)-1]
						}
						if fmt.Sprint(visible(before)) != fmt.Sprint(visible(after)) {
							t.Fatalf("line %d looks different:\nbefore %q\n after %q", i+1, rawLines[i], tidyLines[i])
						}
					}
					if len(tidy(raw)) >= len(raw) {
						t.Errorf("tidy saved nothing: %d bytes before, %d after", len(raw), len(tidy(raw)))
					}
				})
			}
		}
	}
}

// A line fit re-wraps keeps its margin and quote bars on every new line.
func TestFitKeepsPrefix(t *testing.T) {
	const bar, fg, reset = "\x1b[38;5;252m│ \x1b[m", "\x1b[38;5;252m", "\x1b[m"
	tests := []struct {
		name, line, lead string
		width            int
	}{
		{"margin", "  " + fg + "either ---" + reset, "  ", 10},
		{"quote", "  " + bar + fg + "not a heading either ---" + reset, "  │ ", 16},
		{"nested quote", "  " + bar + bar + fg + "not a heading either ---" + reset, "  │ │ ", 16},
		{"prefix too wide to keep", "  " + bar + bar + fg + "heading ---" + reset, "", 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := fitLine(tt.line, tt.width, "│ ")
			checkWidth(t, got, tt.width)
			lines := strings.Split(stripSGR(got), "\n")
			if len(lines) < 2 {
				t.Fatalf("fitLine did not wrap: %q", got)
			}
			var text []string
			for _, l := range lines {
				if !strings.HasPrefix(l, tt.lead) {
					t.Errorf("line %q does not start with %q", l, tt.lead)
				}
				text = append(text, strings.TrimPrefix(l, tt.lead))
			}
			if squash(strings.Join(text, "")) != squash(stripSGR(tt.line)[len(tt.lead):]) {
				t.Errorf("text changed: %q", stripSGR(got))
			}
		})
	}
}
