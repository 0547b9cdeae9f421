package flat

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func parseFile(t *testing.T, name string) *html.Node {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	root, err := html.Parse(f)
	if err != nil {
		t.Fatalf("parse %s: %v", name, err)
	}
	return root
}

// outline writes each kept node as name:parent:end, "#" for text.
func outline(d *DOM) string {
	var parts []string
	for i, n := range d.Node {
		name := n.Data
		if n.Type == html.TextNode {
			name = "#" + strings.TrimSpace(n.Data)
		}
		parts = append(parts, fmt.Sprintf("%d %s:%d:%d", i, name, d.Parent[i], d.End[i]))
	}
	return strings.Join(parts, " ")
}

// keepAll descends into every node; skipScript leaves scripts out whole;
// leafScript keeps them without their text.
func keepAll(*html.Node, int32) Action { return Descend }

func skipScript(n *html.Node, _ int32) Action {
	if n.DataAtom == atom.Script {
		return Skip
	}
	return Descend
}

func leafScript(n *html.Node, _ int32) Action {
	if n.DataAtom == atom.Script {
		return Leaf
	}
	return Descend
}

func TestBuild(t *testing.T) {
	tests := []struct {
		name, file string
		opts       Options
		want       string
		truncated  bool
	}{
		{"all nodes", "page.html", Options{Limit: 100, Text: true, Visit: keepAll},
			"0 html:-1:18 1 head:0:4 2 title:1:4 3 #T:2:4 4 body:0:18 5 div:4:15 6 p:5:10 7 #one:6:8 8 b:6:10 9 #two:8:10 " +
				"10 script:5:12 11 #x():10:12 12 ul:5:15 13 li:12:15 14 #three:13:15 15 p:4:17 16 #four:15:17 17 #:4:18", false},
		{"skipped subtree", "page.html", Options{Limit: 100, Text: true, Visit: skipScript},
			"0 html:-1:16 1 head:0:4 2 title:1:4 3 #T:2:4 4 body:0:16 5 div:4:13 6 p:5:10 7 #one:6:8 8 b:6:10 9 #two:8:10 " +
				"10 ul:5:13 11 li:10:13 12 #three:11:13 13 p:4:15 14 #four:13:15 15 #:4:16", false},
		{"elements only, leaf", "page.html", Options{Limit: 100, Visit: leafScript},
			"0 html:-1:11 1 head:0:3 2 title:1:3 3 body:0:11 4 div:3:10 5 p:4:7 6 b:5:7 7 script:4:8 8 ul:4:10 9 li:8:10 10 p:3:11", false},
		{"limit closes open nodes", "page.html", Options{Limit: 6, Text: true, Visit: keepAll},
			"0 html:-1:6 1 head:0:4 2 title:1:4 3 #T:2:4 4 body:0:6 5 div:4:6", true},
		{"limit exactly met", "flatpage.html", Options{Limit: 5, Text: true, Visit: keepAll},
			"0 html:-1:5 1 head:0:2 2 body:0:5 3 p:2:5 4 #a:3:5", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Build(parseFile(t, tt.file), tt.opts)
			if got := outline(d); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			if d.Truncated != tt.truncated {
				t.Errorf("truncated = %v, want %v", d.Truncated, tt.truncated)
			}
		})
	}
}

// TestTextVisitedUnkept: with Text off, Visit still sees each text node
// under its nearest kept element (and none under a leaf), so a caller can
// count text against elements without keeping it.
func TestTextVisitedUnkept(t *testing.T) {
	got := map[string]int32{}
	Build(parseFile(t, "page.html"), Options{Limit: 100, Visit: func(n *html.Node, parent int32) Action {
		if n.Type == html.TextNode {
			if s := strings.TrimSpace(n.Data); s != "" {
				got[s] = parent
			}
			return Skip
		}
		return leafScript(n, parent)
	}})
	// The indices of title, p, b, li and the last p in the outline.
	want := map[string]int32{"T": 2, "one": 5, "two": 6, "three": 9, "four": 10}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("text seen under %v, want %v", got, want)
	}
}

// TestDeepNesting: a million nested elements, deeper than any parser
// allows, are walked without recursion, and the limit bounds them.
func TestDeepNesting(t *testing.T) {
	root := &html.Node{Type: html.DocumentNode}
	p := root
	for range 1_000_000 {
		c := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		p.AppendChild(c)
		p = c
	}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: "deep"})
	d := Build(root, Options{Limit: 2_000_000, Text: true, Visit: keepAll})
	if d.Len() != 1_000_001 || d.Truncated || d.End[0] != 1_000_001 || d.Parent[1_000_000] != 999_999 {
		t.Fatalf("len %d truncated %v end %d", d.Len(), d.Truncated, d.End[0])
	}
	d = Build(root, Options{Limit: 1000, Text: true, Visit: keepAll})
	if d.Len() != 1000 || !d.Truncated || d.End[0] != 1000 || d.End[999] != 1000 {
		t.Fatalf("limited: len %d truncated %v", d.Len(), d.Truncated)
	}
}

func TestNavigation(t *testing.T) {
	d := Build(parseFile(t, "page.html"), Options{Limit: 100, Visit: leafScript})
	// 3 body: 4 div, 10 p; 4 div: 5 p, 7 script, 8 ul.
	tests := []struct {
		name      string
		got, want int32
	}{
		{"first child of body", d.FirstChild(3), 4},
		{"next of div", d.Next(4), 10},
		{"next of last p", d.Next(10), -1},
		{"next of p in div", d.Next(5), 7},
		{"first child of leaf script", d.FirstChild(7), -1},
		{"next of script", d.Next(7), 8},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %d, want %d", tt.name, tt.got, tt.want)
		}
	}
	if !d.Contains(4, 9) || d.Contains(4, 10) || !d.Contains(4, 4) || d.Contains(5, 4) {
		t.Error("Contains disagrees with the outline")
	}
}
