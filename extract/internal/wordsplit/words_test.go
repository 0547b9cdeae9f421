package wordsplit

import (
	"reflect"
	"strings"
	"testing"
)

func TestScanner(t *testing.T) {
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
		for sc := New(tt.in); sc.Next(); {
			w := sc.Word()
			if sc.Joined() {
				w = "+" + w
			}
			got = append(got, w)
		}
		if want := strings.Fields(tt.want); !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Errorf("words of %q = %q, want %q", tt.in, got, want)
		}
	}
}

func TestScannerDoesNotAllocate(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		for sc := New("article-body main content"); sc.Next(); {
			_ = sc.Word()
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations for lower-case words, want 0", allocs)
	}
}
