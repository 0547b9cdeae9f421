package extract

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/corpus"
)

// TestRelatedSample prints, for one page from each of many sites, the links
// tread returns as related and the page's headings over blocks of links, so
// that missed and false related blocks can be judged by eye on templates no
// rule was written for:
// TREAD_SAMPLE=A go test -run RelatedSample -v ./extract/ (A, B or "all";
// TREAD_SAMPLE_N sets how many sites, 60 by default).
func TestRelatedSample(t *testing.T) {
	half := os.Getenv("TREAD_SAMPLE")
	if half == "" {
		t.Skip("set TREAD_SAMPLE to A, B or all to print related links of a sample of sites")
	}
	if half == "all" {
		half = ""
	}
	n := 60
	if s := os.Getenv("TREAD_SAMPLE_N"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("TREAD_SAMPLE_N: %v", err)
		}
		n = v
	}
	all, err := corpus.All(corpus.Require(t))
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for i, p := range corpus.SiteSample(all, half, n) {
		root := parsedPage(t, p)
		doc := goquery.NewDocumentFromNode(root)
		s, body := fromMeta(root, readMeta(doc, p.URL), p.URL)
		if body != nil {
			s.Related = findRelated(doc, body, p.URL)
		}
		fmt.Printf("=== %d %s %s\n", i, p.ID[:min(10, len(p.ID))], p.URL)
		for _, r := range s.Related {
			fmt.Printf("  rel %q %s\n", r.Title, r.URL)
		}
		total += len(s.Related)
		for _, h := range linkHeadings(root, body) {
			fmt.Println("  H", h)
		}
	}
	fmt.Printf("%d related links\n", total)
}

// linkHeadings lists the short headings outside the body and the page's
// navigation, header and footer whose section holds three links or more,
// with that count: where a related block could be.
func linkHeadings(root, body *html.Node) []string {
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Nav, atom.Header, atom.Footer:
				return
			case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				t := strings.Join(strings.Fields(sampleText(n)), " ")
				if t != "" && len(t) <= 60 && sampleLinks(n) == 0 {
					if c := n.Parent; c != nil {
						if k := sampleLinks(c); k >= 3 {
							out = append(out, fmt.Sprintf("%q links=%d", t, k))
						} else if c.Parent != nil && sampleLinks(c.Parent) >= 3 {
							out = append(out, fmt.Sprintf("%q links=%d (up)", t, sampleLinks(c.Parent)))
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c != body {
				walk(c)
			}
		}
	}
	walk(root)
	return out
}

func sampleLinks(n *html.Node) int {
	k := 0
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		k++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		k += sampleLinks(c)
	}
	return k
}

func sampleText(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(sampleText(c))
	}
	return b.String()
}
