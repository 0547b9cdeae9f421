package library

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzQuery: whatever is typed, ParseQuery either refuses it with one line
// or gives a query that SQLite runs without an error.
func FuzzQuery(f *testing.F) {
	for _, seed := range []string{
		"ferry", `"late sailing"`, "-ferry", "concert*", "site:valley", `by:"ines calder"`,
		"after:2026-01-01 before:2026-02-20", "is:unread", "도서관", "渡し船*",
		`NEAR(a b)`, `a OR b`, `"`, `""`, `*`, `:`, `-`, `-"x"`, `{title}:x`, `^x`, `x + y`,
		`site:"`, `is:`, "\x00\x1b[31m", strings.Repeat("ab ", 100),
	} {
		f.Add(seed)
	}
	l := openIndexed(f, f.TempDir(), nil)
	saveFixtures(f, l)
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s)
		if err != nil {
			if !errors.Is(err, ErrQuery) || strings.Contains(err.Error(), "\n") || !utf8.ValidString(err.Error()) {
				t.Fatalf("ParseQuery(%q) = %v", s, err)
			}
			return
		}
		if _, err := l.Search(context.Background(), q, 5); err != nil {
			t.Fatalf("Search(%q) = %v", s, err)
		}
	})
}
