package flat

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// element parses one element from its markup.
func element(t *testing.T, markup string) *html.Node {
	t.Helper()
	root, err := html.Parse(strings.NewReader("<body>" + markup))
	if err != nil {
		t.Fatal(err)
	}
	var find func(*html.Node) *html.Node
	find = func(n *html.Node) *html.Node {
		if n.Type == html.ElementNode && n.Data == "div" {
			return n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if f := find(c); f != nil {
				return f
			}
		}
		return nil
	}
	return find(root)
}

func TestHidden(t *testing.T) {
	tests := []struct {
		markup string
		want   bool
	}{
		{`<div hidden>`, true},
		{`<div hidden="hidden">`, true},
		{`<div aria-hidden="true">`, true},
		{`<div aria-hidden="false">`, false},
		{`<div aria-hidden="TRUE">`, true},
		{`<div style="display: none">`, true},
		{"<div style=\"DISPLAY:\tNone\">", true},
		{"<div style=\"visibility:\n hidden;color:red\">", true},
		{`<div style="overflow: hidden">`, false},
		{`<div style="border: none">`, false},
		{`<div class="hidden">`, false}, // a class says nothing by itself
		{`<div>`, false},
	}
	for _, tt := range tests {
		if got := Hidden(element(t, tt.markup)); got != tt.want {
			t.Errorf("Hidden(%s) = %v, want %v", tt.markup, got, tt.want)
		}
	}
}

func TestAttr(t *testing.T) {
	n := element(t, `<div id="a" hidden data-x="">`)
	tests := []struct {
		key string
		val string
		has bool
	}{
		{"id", "a", true},
		{"hidden", "", true},
		{"data-x", "", true},
		{"class", "", false},
	}
	for _, tt := range tests {
		if got := Attr(n, tt.key); got != tt.val {
			t.Errorf("Attr(%q) = %q, want %q", tt.key, got, tt.val)
		}
		if got := HasAttr(n, tt.key); got != tt.has {
			t.Errorf("HasAttr(%q) = %v, want %v", tt.key, got, tt.has)
		}
	}
}
