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
	for _, s := range []string{"x\x1b]0;t\x07", "\x1b[31m", "\u009b1m", "a\x1b", "\xff", "â\u0080\u009dx\u009c", "a\u200d\u202eb\u200dc"} {
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
