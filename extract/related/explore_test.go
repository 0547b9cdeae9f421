package related

import (
	"bytes"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/tread-reader/tread/corpus"
	"golang.org/x/net/html/charset"
)

func TestExploreLabels(t *testing.T) {
	if os.Getenv("EXPLORE") == "" {
		t.Skip()
	}
	dir := corpus.Require(t)
	pages, err := corpus.Related(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if !strings.HasPrefix(p.ID, os.Getenv("EXPLORE")) && os.Getenv("EXPLORE") != "all" {
			continue
		}
		raw, _ := p.HTML()
		r, _ := charset.NewReader(bytes.NewReader(raw), "text/html")
		doc, _ := goquery.NewDocumentFromReader(r)
		fmt.Println("=====", p.ID[:12], p.URL)
		want := map[string]corpus.RelatedLink{}
		for _, l := range p.Links {
			want[corpus.NormalizeURL(l.URL)] = l
		}
		shown := map[string]bool{}
		doc.Find("a[href]").Each(func(i int, a *goquery.Selection) {
			h, _ := a.Attr("href")
			base, _ := url.Parse(p.URL)
			u, err := base.Parse(strings.TrimSpace(h))
			if err != nil {
				return
			}
			abs := u.String()
			l, ok := want[corpus.NormalizeURL(abs)]
			if !ok {
				return
			}
			var chain []string
			for n := a.Parent(); n.Length() > 0 && len(chain) < 8; n = n.Parent() {
				c, _ := n.Attr("class")
				id, _ := n.Attr("id")
				s := goquery.NodeName(n)
				if id != "" {
					s += "#" + id
				}
				if c != "" {
					s += "." + strings.Join(strings.Fields(c), ".")
				}
				chain = append(chain, s)
			}
			txt := strings.Join(strings.Fields(a.Text()), " ")
			if len(txt) > 60 {
				txt = txt[:60]
			}
			key := l.Block + strings.Join(chain[:3], "")
			if shown[key] {
				return
			}
			shown[key] = true
			fmt.Printf("%s %-30.30s %q\n    %s\n", l.Tier, l.Block, txt, strings.Join(chain, " < "))
		})
	}
}
