package related

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/tread-reader/tread/corpus"
	"github.com/tread-reader/tread/sanitize"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// deepDoc builds a document nested depth elements deep directly as a node
// tree: the HTML parser is not what is under test here.
func deepDoc(depth int, leaf func(*html.Node)) *goquery.Document {
	root := &html.Node{Type: html.DocumentNode}
	n := root
	for i := 0; i < depth; i++ {
		c := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div,
			Attr: []html.Attribute{{Key: "class", Val: "related"}}}
		n.AppendChild(c)
		n = c
	}
	leaf(n)
	return goquery.NewDocumentFromNode(root)
}

func anchorNode(href, text string) *html.Node {
	a := &html.Node{Type: html.ElementNode, Data: "a", DataAtom: atom.A, Attr: []html.Attribute{{Key: "href", Val: href}}}
	a.AppendChild(&html.Node{Type: html.TextNode, Data: text})
	return a
}

func TestHostileDeepNesting(t *testing.T) {
	doc := deepDoc(200_000, func(n *html.Node) {
		n.AppendChild(anchorNode("/world/2024/04/28/dam-warning-issued-upstream", "Dam warning issued upstream as rain continues"))
	})
	got := Find(doc, nil, pageURL)
	if len(got) > MaxStories {
		t.Fatalf("got %d stories", len(got))
	}
}

func TestHostileManyLinks(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><body><div class="related-stories"><ul>`)
	for i := 0; i < 50_000; i++ {
		b.WriteString(`<li><a href="/world/2024/04/28/story-about-the-floods-number-`)
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(`">A story about the floods, number one of many</a></li>`)
	}
	b.WriteString(`</ul></div><h2>Related</h2>`)
	for i := 0; i < 20_000; i++ {
		b.WriteString(`<p>Related: <a href="/a/b-c-d-e">x y z w</a></p>`)
	}
	b.WriteString(`</body></html>`)
	got := Find(parse(t, b.String()), nil, pageURL)
	if len(got) > MaxStories {
		t.Fatalf("got %d stories", len(got))
	}
}

func TestHostileTruncatedTree(t *testing.T) {
	// More elements than the walk's budget: the rest of the page is ignored
	// and nothing past the budget is indexed.
	doc := deepDoc(maxNodes+10, func(n *html.Node) {
		n.AppendChild(anchorNode("/world/2024/04/28/dam-warning-issued-upstream", "Dam warning issued upstream as rain continues"))
	})
	if got := Find(doc, nil, pageURL); len(got) != 0 {
		t.Errorf("a link past the node budget was read: %v", got)
	}
}

// checkStories holds for every result on any input: absolute HTTP URLs
// without fragments, a title, at most MaxStories, no URL twice.
func checkStories(t *testing.T, doc *goquery.Document, body *goquery.Selection, page string) {
	t.Helper()
	got := Find(doc, body, page)
	if len(got) > MaxStories {
		t.Fatalf("%d stories, over the cap", len(got))
	}
	seen := map[string]bool{}
	for _, s := range got {
		u, err := url.Parse(s.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Fragment != "" {
			t.Errorf("bad URL %q", s.URL)
		}
		if strings.TrimSpace(s.Title) == "" {
			t.Errorf("empty title for %s", s.URL)
		}
		for _, f := range []string{s.Title, s.Description, s.Site, s.Age} {
			if f != sanitize.Line(f) {
				t.Errorf("field not one clean line: %q", f)
			}
		}
		k := key(s.URL)
		if seen[k] {
			t.Errorf("URL twice: %s", s.URL)
		}
		seen[k] = true
	}
}

func FuzzFind(f *testing.F) {
	for _, name := range []string{"cards.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), "https://daily.example.org/science/2024/06/02/comet-visible-tonight")
	}
	f.Add(article(`<p>READ MORE: <a href="/a/b-c-d">One two three four</a></p>`, `<div class="related"><a href="x-y-z-w">A b c d</a></div>`), pageURL)
	f.Fuzz(func(t *testing.T, src, page string) {
		if len(src) > 1<<20 {
			return
		}
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(src))
		if err != nil {
			return
		}
		checkStories(t, doc, nil, page)
		checkStories(t, doc, doc.Find("p").First(), page)
	})
}

// TestCorpusInvariants runs Find over every corpus page, labelled or not,
// and checks what holds on any input.
func TestCorpusInvariants(t *testing.T) {
	dir := corpus.Sweep(t)
	pages, err := corpus.All(dir)
	if err != nil {
		t.Fatalf("load corpus: %v", err)
	}
	for _, p := range pages {
		raw, err := p.HTML()
		if err != nil {
			t.Fatalf("read %s: %v", p.ID, err)
		}
		doc, err := parsePage(raw)
		if err != nil {
			t.Fatalf("page %s: %v", p.ID, err)
		}
		checkStories(t, doc, nil, p.URL)
		for _, s := range Find(doc, nil, p.URL) {
			if key(s.URL) == key(p.URL) {
				t.Errorf("%s: links to itself", p.ID)
			}
		}
	}
}
