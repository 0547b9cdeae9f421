package keymap

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

var modifiers = []string{"ctrl", "alt", "shift", "meta", "hyper", "super"}

// namedKeys are the multi-letter key names Bubble Tea v2 reports.
var namedKeys = map[string]bool{
	"enter": true, "tab": true, "backspace": true, "esc": true, "space": true,
	"up": true, "down": true, "left": true, "right": true, "begin": true,
	"find": true, "insert": true, "delete": true, "select": true,
	"pgup": true, "pgdown": true, "home": true, "end": true,
	"capslock": true, "scrolllock": true, "numlock": true, "printscreen": true,
	"pause": true, "menu": true,
}

// CheckKey rejects key names Bubble Tea would never report, so that a
// typo such as "ctlr+d" is caught at start-up rather than silently never
// matching, and the reserved ctrl+c.
func CheckKey(key string) error {
	if key == "" {
		return errors.New("empty key name")
	}
	if key == Reserved {
		return fmt.Errorf("%s always quits and cannot be bound", Reserved)
	}
	base := key
	// "+" on its own, or after modifiers ("ctrl++"), is the plus key.
	if i := strings.LastIndex(key[:len(key)-1], "+"); i >= 0 {
		base = key[i+1:]
		for m := range strings.SplitSeq(key[:i], "+") {
			if !slices.Contains(modifiers, m) {
				return fmt.Errorf("unknown modifier %q in key %q (modifiers: %s)", m, key, strings.Join(modifiers, ", "))
			}
		}
	}
	if utf8.RuneCountInString(base) == 1 {
		r, _ := utf8.DecodeRuneInString(base)
		if r == utf8.RuneError || !unicode.IsGraphic(r) || unicode.IsSpace(r) {
			return fmt.Errorf("key %q is not a printable character; write space as \"space\"", key)
		}
		return nil
	}
	if namedKeys[base] || isFunctionKey(base) {
		return nil
	}
	return fmt.Errorf("unknown key name %q", key)
}

func isFunctionKey(s string) bool {
	if len(s) < 2 || len(s) > 3 || s[0] != 'f' {
		return false
	}
	n := 0
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
		n = n*10 + int(c-'0')
	}
	return n >= 1 && n <= 63
}
