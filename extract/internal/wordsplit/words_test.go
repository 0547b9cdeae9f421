package wordsplit

import (
	"reflect"
	"strings"
	"testing"
)

func TestEach(t *testing.T) {
	tests := []struct {
		in   string
		want string // words, a "+" before one joined to the one before
	}{
		{"", ""},
		{"most-read", "most read"},
		{"most_read  mostRead", "most read most +read"},
		{"MostRead", "most +read"},
		{"h2Title section2Content", "h2 +title section2 +content"},
		{"XMLHttpRequest", "xmlhttp +request"},
		{"article-body__text", "article body text"},
		{"artículo Relacionado", "artículo relacionado"},
		{"ÉtéNews", "été +news"},
		{"caf\xe9-news", "caf news"}, // an invalid byte separates
		{"--", ""},
	}
	for _, tt := range tests {
		var got []string
		Each(tt.in, func(w string, joined bool) bool {
			if joined {
				w = "+" + w
			}
			got = append(got, w)
			return true
		})
		if want := strings.Fields(tt.want); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Errorf("Each(%q) = %q, want %q", tt.in, got, want)
		}
	}
}

func TestEachStops(t *testing.T) {
	n := 0
	Each("one two three", func(string, bool) bool { n++; return n < 2 })
	if n != 2 {
		t.Errorf("yield called %d times after returning false, want 2", n)
	}
}

func TestEachDoesNotAllocate(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		Each("article-body main content", func(string, bool) bool { return true })
	})
	if allocs != 0 {
		t.Errorf("%v allocations for lower-case words, want 0", allocs)
	}
}
