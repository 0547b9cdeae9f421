package extract

import (
	"bytes"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/tread-reader/tread/corpus"
	"github.com/tread-reader/tread/extract/internal/flat"
	"github.com/tread-reader/tread/extract/meta"
	"github.com/tread-reader/tread/intake"
)

// TestDebugPage prints how the body of one corpus page was chosen:
// TREAD_DEBUG=idprefix go test -run DebugPage -v ./extract/
func TestDebugPage(t *testing.T) {
	for _, p := range debugPages(t, "TREAD_DEBUG") {
		root := parsedPage(t, p)
		m := meta.Extract(goquery.NewDocumentFromNode(root), p.URL)
		tr := buildTree(root)
		best := tr.body(m.ArticleBody)
		fmt.Printf("%s title=%q articleBody=%d chars\nbest: %s\n", p.URL, m.Title, len(m.ArticleBody), tr.describe(best))
		var idx []int
		for i := range tr.nodes {
			if tr.nodes[i].flags&fText == 0 && tr.nodes[i].score > 0 {
				idx = append(idx, i)
			}
		}
		sort.Slice(idx, func(x, y int) bool { return tr.nodes[idx[x]].score > tr.nodes[idx[y]].score })
		for _, i := range idx[:min(12, len(idx))] {
			fmt.Println("  ", tr.describe(int32(i)))
		}
		if os.Getenv("TREAD_DEAD") != "" {
			for i := range tr.nodes {
				n := &tr.nodes[i]
				if n.flags&fDead != 0 && tr.Parent[i] >= 0 && tr.nodes[tr.Parent[i]].flags&fDead == 0 && n.chars+n.good > 0 {
					fmt.Println("  dead:", tr.describe(int32(i)))
				}
			}
		}
		if os.Getenv("TREAD_OWNERS") != "" {
			for i := range tr.nodes {
				n := &tr.nodes[i]
				if n.own > 0 {
					var b bytes.Buffer
					for k := int32(i) + 1; k < tr.End[i]; k++ {
						if tr.nodes[k].flags&fText != 0 && tr.nodes[k].owner == int32(i) {
							b.WriteString(tr.Node[k].Data)
						}
					}
					s := strings.Join(strings.Fields(b.String()), " ")
					fmt.Printf("  own %d/%d q=%d dead=%v %s: %.80s\n", n.own, n.ownLinks, n.quality(), n.flags&fDead != 0, tr.describe(int32(i)), s)
				}
			}
		}
	}
}

func (t *tree) describe(i int32) string {
	var path []string
	for k := i; k >= 0 && len(path) < 6; k = t.Parent[k] {
		h := t.Node[k]
		s := h.Data
		if c := flat.Attr(h, "class"); c != "" {
			s += "." + strings.ReplaceAll(c, " ", ".")
		}
		if id := flat.Attr(h, "id"); id != "" {
			s += "#" + id
		}
		path = append(path, s)
	}
	for l, r := 0, len(path)-1; l < r; l, r = l+1, r-1 {
		path[l], path[r] = path[r], path[l]
	}
	n := &t.nodes[i]
	return fmt.Sprintf("[%d] score=%.0f good=%d chars=%d links=%d hint=%d %s", i, n.score, n.good, n.chars, n.links, n.hint, strings.Join(path, " > "))
}

// TestDebugMarkdown prints the blocks of corpus pages as the reader gets
// them, kind and markdown: TREAD_MD=idprefix go test -run DebugMarkdown ./extract/
func TestDebugMarkdown(t *testing.T) {
	for _, p := range debugPages(t, "TREAD_MD") {
		data, err := p.HTML()
		if err != nil {
			t.Fatal(err)
		}
		s, err := Page(data, p.URL)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("=== %s %s\ntitle=%q\n", p.ID, p.URL, s.Title)
		for _, b := range s.Body {
			md := blockMD(b)
			if md == "" {
				md = b.Text
			}
			fmt.Printf("--[%d] %s\n", b.Kind, md)
		}
		for _, r := range s.Related {
			fmt.Printf("rel: %q %s | %q\n", r.Title, r.URL, r.Description)
		}
	}
}

// debugPages is the corpus pages whose id starts with the prefix in the
// environment variable env; the test skips when env is unset.
func debugPages(t *testing.T, env string) []corpus.Page {
	t.Helper()
	id := os.Getenv(env)
	if id == "" {
		t.Skip("set " + env + " to a corpus page id prefix")
	}
	all, err := corpus.All(corpus.Require(t))
	if err != nil {
		t.Fatal(err)
	}
	var pages []corpus.Page
	for _, p := range all {
		if strings.HasPrefix(p.ID, id) {
			pages = append(pages, p)
		}
	}
	return pages
}

// parsedPage is corpus page p parsed as extraction parses it.
func parsedPage(t *testing.T, p corpus.Page) *html.Node {
	t.Helper()
	data, err := p.HTML()
	if err != nil {
		t.Fatal(err)
	}
	root, err := parse(intake.HTML(data, ""))
	if err != nil {
		t.Fatal(err)
	}
	return root
}
