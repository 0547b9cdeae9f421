package story

import (
	"reflect"
	"testing"
)

func TestNewBlockNumbersLinks(t *testing.T) {
	b := NewBlock(Paragraph, Run("See "), LinkTo("https://a.example/", Styled(Italic, Run("one"))),
		Run(" and "), Styled(Bold, LinkTo("https://b.example/", Run("two"))), Run("."))
	if b.Text != "See one and two." {
		t.Errorf("Text = %q", b.Text)
	}
	want := []Link{{Text: "one", URL: "https://a.example/"}, {Text: "two", URL: "https://b.example/"}}
	if !reflect.DeepEqual(b.Links, want) {
		t.Errorf("Links = %+v, want %+v", b.Links, want)
	}
	if got := b.Inline.Kids[1]; got.Link != 1 || got.Kids[0].Style != Italic {
		t.Errorf("first link element %+v", got)
	}
	if got := b.Inline.Kids[3].Kids[0]; got.Link != 2 || got.Plain() != "two" {
		t.Errorf("second link element %+v", got)
	}
}

func TestInlineEmptyAndPlain(t *testing.T) {
	tests := []struct {
		name  string
		in    Inline
		plain string
	}{
		{"zero", Inline{}, ""},
		{"run", Run("a"), "a"},
		{"empty elements", Styled(Bold, Styled(Italic), Run("")), ""},
		{"nested", Styled(Bold, Run("a"), Styled(Italic, Run("b\nc"))), "ab\nc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.Plain(); got != tt.plain {
				t.Errorf("Plain = %q, want %q", got, tt.plain)
			}
			if got := tt.in.Len(); got != len(tt.plain) {
				t.Errorf("Len = %d, want %d", got, len(tt.plain))
			}
			if got := tt.in.Empty(); got != (tt.plain == "") {
				t.Errorf("Empty = %v", got)
			}
		})
	}
}
