package story

import "testing"

func TestText(t *testing.T) {
	s := Story{Body: []Block{
		{Kind: Paragraph, Text: " First paragraph. "},
		{Kind: Image, Text: "A lamp at dusk", URL: "https://example.com/lamp.jpg"},
		{Kind: List, Items: []string{"one", "two"}},
		{Kind: Caption, Text: "Lamps (Photo: A. Writer)"},
		{Kind: Paragraph, Text: "   "},
	}}
	want := "First paragraph.\n\none\ntwo\n\nLamps (Photo: A. Writer)"
	if got := s.Text(); got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
}
