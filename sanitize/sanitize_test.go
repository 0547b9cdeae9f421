package sanitize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Hello, world", "Hello, world"},
		{"newline and tab kept", "a\tb\nc", "a\tb\nc"},
		{"crlf", "a\r\nb", "a\nb"},
		{"osc 0 title bel", "x\x1b]0;pwned\x07y", "xy"},
		{"osc 52 clipboard st", "x\x1b]52;c;aGk=\x1b\\y", "xy"},
		{"csi clear screen", "x\x1b[2Jy\x1b[H", "xy"},
		{"sgr", "\x1b[1;31mred\x1b[0m", "red"},
		{"osc 8 link", "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"c1 csi", "x\u009b2Jy", "xy"},
		{"c1 osc", "x\u009d0;t\u009cy", "xy"},
		{"del and bell", "a\x7fb\x07c", "abc"},
		{"two-byte escape", "a\x1bcb", "ab"},
		{"charset escape", "a\x1b(Bb", "ab"},
		{"unterminated osc stops at line end", "a\x1b]0;x\nb", "a\nb"},
		{"lone esc at end", "a\x1b", "a"},
		{"invalid utf8", "a\xffb", "a\ufffdb"},
		{"cjk and emoji kept", "東京 🎉", "東京 🎉"},
		{"nul", "a\x00b", "ab"},
		{"osc title leaves nothing", "\x1b]0;PWNED\x07", ""},
		{"osc title with st leaves nothing", "\x1b]0;PWNED\x1b\\", ""},
		{"dcs apc pm sos", "a\x1bPq#0\x1b\\b\x1b_Gi=1\x07c\x1b^pm\x1b\\d\x1bXsos\x1b\\e", "abcde"},
		{"c1 osc after a word", "title\u009d0;PWNED\u0007 end", "title end"},
		{"windows-1252 mojibake keeps its text", "â€\u009cQuoted,â€\u009d he said.", "â€Quoted,â€ he said."},
		{"mojibake quotes keep their text", "â\u0080\u009cQuoted,â\u0080\u009d he said. â\u0080\u009cAgain.â\u0080\u009d", "âQuoted,â he said. âAgain.â"},
		{"bidi override", "abc\u202egnp.exe\u202c", "abcgnp.exe"},
		{"bidi isolates and marks", "\u2066a\u2069\u200eb\u200f\u061cc\u2067d\u2068", "abcd"},
		{"zero-width spaces", "a\u200bb\u2060c\ufeffd", "abcd"},
		{"zwj inside an emoji kept", "👩\u200d💻", "👩\u200d💻"},
		{"zwnj inside a Persian word kept", "می\u200cخواهم", "می\u200cخواهم"},
		{"zwj at the edges dropped", "\u200da b\u200d c\u200d", "a b c"},
		{"zwj before a space dropped", "a\u200d b", "a b"},
		{"esc inside an osc starts the next sequence", "A \x1b]0;X \x1b]0;PWNED\x07 B", "A  B"},
		{"csi inside an osc", "A\x1b]0;X\x1b[31mB", "AB"},
		{"two-byte escape ends an osc", "A\x1b]0;X\x1bcB", "AB"},
		{"can aborts an osc", "A\x1b]0;X\x18B", "AB"},
		{"sub aborts a dcs", "A\x1bPq#0\x1aB", "AB"},
		{"c1 osc ends an osc", "A\x1b]0;X\u009d0;Y\u009cB", "AB"},
		{"c1 csi ends an apc", "A\x1b_x\u009b31mB", "AB"},
		{"esc inside a c1 osc", "A\u009d0;X\x1b]0;Y\x07B", "AB"},
		{"unterminated osc keeps the paragraph", "A\x1b]0;" + strings.Repeat("x", 126) + strings.Repeat("word ", 40), "A" + strings.Repeat("word ", 40)},
		{"unterminated osc short to the end", "A \x1b]0;tail", "A "},
		{"unterminated cut at a character boundary", "\x1b]" + strings.Repeat("x", 127) + "éz", "éz"},
		{"osc never spans a line", "A\x1b]0;X\nY\x07B", "A\nYB"},
		{"long terminated osc dropped whole", "A\x1b]52;c;" + strings.Repeat("QUFB", 300) + "\x07B", "AB"},
		{"c0 inside a csi ignored", "A\x1b[3\x001mB", "AB"},
		{"can aborts a csi", "A\x1b[31\x18mB", "AmB"},
		{"esc inside a csi restarts", "A\x1b[31\x1b[0mB", "AB"},
		{"newline ends a csi", "A\x1b[31\nmB", "A\nmB"},
		{"non-ascii ends a csi", "A\x1b[31é", "Aé"},
		{"esc esc", "A\x1b\x1b[2JB", "AB"},
		{"esc before a newline", "A\x1b\nB", "A\nB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(tt.in); got != tt.want {
				t.Errorf("Text(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestLine(t *testing.T) {
	if got := Line(" a\n\tb  \x1b[2J c "); got != "a b c" {
		t.Errorf("Line = %q", got)
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"x\x1b]0;t\x07", "\x1b[31m", "\u009b1m", "a\x1b", "\xff", "â\u0080\u009dx\u009c", "a\u200d\u202eb\u200dc", "A\x1b]0;X\x1b]0;P\x07B", "\x1b]" + strings.Repeat("é", 80), "\u009d\x1b[\x18\u009c", "\x1bP\x1b\\\x1b_\x1a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Text(s)
		if !NeedsText(s) && out != s {
			t.Fatalf("NeedsText false but Text changed %q", s)
		}
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		for _, r := range out {
			if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) {
				t.Fatalf("control %U survived in %q", r, out)
			}
		}
		if strings.ContainsRune(out, 0x1b) {
			t.Fatal("ESC survived")
		}
		if strings.Count(out, "\n") != strings.Count(s, "\n") {
			t.Fatalf("a sequence took a newline with it: %q gave %q", s, out)
		}
		prev := ' '
		for i, r := range out {
			if invisible(r) {
				t.Fatalf("invisible %U survived in %q", r, out)
			}
			if r == zwj || r == zwnj {
				next, _ := utf8.DecodeRuneInString(out[i+utf8.RuneLen(r):])
				if !visible(prev) || !visible(next) {
					t.Fatalf("joiner %U not between visible characters in %q", r, out)
				}
			}
			prev = r
		}
		if Text(out) != out {
			t.Fatalf("not idempotent on %q", s)
		}
	})
}

// BenchmarkText shows the cost stays linear on hostile text: a megabyte
// of strings each ended by the next ESC, one stray OSC before a megabyte
// line, and sequences broken by CAN.
func BenchmarkText(b *testing.B) {
	const mb = 1 << 20
	inputs := map[string]string{
		"plain":           strings.Repeat("The harbour office stopped printing its tide tables. ", mb/53),
		"osc-chain":       strings.Repeat("\x1b]0;"+strings.Repeat("x", 200), mb/205),
		"stray-osc-line":  "\x1b]0;" + strings.Repeat("word ", mb/5),
		"csi-can-c1-mix":  strings.Repeat("a\x1b[31\x18m\u009d0;t\x1b\\b\u009b2J", mb/20),
		"unterminated-nl": strings.Repeat("\x1b]0;"+strings.Repeat("y", 300)+"\n", mb/306),
	}
	for name, in := range inputs {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				Text(in)
			}
		})
	}
}
