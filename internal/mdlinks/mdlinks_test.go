package mdlinks

import (
	"slices"
	"testing"
)

// The checker itself must see links where a markdown reader does, and
// none where the syntax is escaped.
func TestFind(t *testing.T) {
	tests := []struct {
		name, md string
		want     []Found
	}{
		{"link", "a [b](https://x.example/) c", []Found{{Link, "https://x.example/"}}},
		{"image", "![i](https://x.example/i.png)", []Found{{Image, "https://x.example/i.png"}}},
		{"autolink", "<https://x.example/a>", []Found{{AutoLink, "https://x.example/a"}}},
		{"inline html", "a <b>b</b>", []Found{{HTML, "<b>"}, {HTML, "</b>"}}},
		{"link in a table cell", "| [a](https://t.example/) |\n| --- |", []Found{{Link, "https://t.example/"}}},
		{"escaped", `\[b\](https://x.example/) !\[i\](y) \<https://x.example/\>`, nil},
		{"entities", "&#91;b&#93;(https://x.example/)", nil},
		{"code", "`[b](https://x.example/)`", nil},
		{"bare URL is text", "see https://x.example/a", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Find(tt.md); !slices.Equal(got, tt.want) {
				t.Errorf("Find(%q) = %v, want %v", tt.md, got, tt.want)
			}
		})
	}
}
