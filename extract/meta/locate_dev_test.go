package meta

import (
	"os"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/tread-reader/tread/corpus"
)

// TestWCXBLocate is a debugging aid: for each byline miss on
// half A it prints where the wanted author's first name appears in the
// page (element path with classes and attributes), to group misses by
// cause. TREAD_META_LOCATE=1 -run Locate -v.
func TestWCXBLocate(t *testing.T) {
	if os.Getenv("TREAD_META_LOCATE") == "" {
		t.Skip("set TREAD_META_LOCATE=1")
	}
	for _, p := range loadWCXB(t) {
		if corpus.Half(p.URL) != corpus.HalfA || p.Author == "" {
			continue
		}
		doc := parsePage(t, p)
		g := Extract(doc, p.URL)
		if corpus.BylineHas(g.Byline, p.Author) {
			continue
		}
		needle := strings.Fields(p.Author)[0]
		t.Logf("== %s %s want %q got %q", p.ID, p.URL, p.Author, g.Byline)
		n := 0
		doc.Find("*").Each(func(_ int, s *goquery.Selection) {
			node := s.Get(0)
			for _, a := range node.Attr {
				if strings.Contains(a.Val, needle) && n < 8 && a.Key != "href" {
					n++
					t.Logf("   attr %s %s=%.150q", nodePath(node), a.Key, a.Val)
				}
			}
			for c := node.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.TextNode && strings.Contains(c.Data, needle) && n < 8 {
					n++
					txt := c.Data
					if node.Data == "script" {
						i := strings.Index(txt, needle)
						txt = txt[max(0, i-150):min(len(txt), i+60)]
					}
					t.Logf("   text %s %.200q", nodePath(node), strings.TrimSpace(txt))
				}
			}
		})
	}
}

// nodePath names an element and four of its ancestors with their classes.
func nodePath(n *html.Node) string {
	var parts []string
	for ; n != nil && n.Type == html.ElementNode && len(parts) < 5; n = n.Parent {
		s := n.Data
		for _, a := range n.Attr {
			if a.Key == "class" || a.Key == "itemprop" || a.Key == "rel" || a.Key == "id" {
				s += "[" + a.Key + "=" + a.Val + "]"
			}
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " < ")
}

// TestWCXBSources prints, for each byline miss on half A, what each
// source says. TREAD_META_SOURCES=1 -run Sources -v.
func TestWCXBSources(t *testing.T) {
	if os.Getenv("TREAD_META_SOURCES") == "" {
		t.Skip("set TREAD_META_SOURCES=1")
	}
	for _, p := range loadWCXB(t) {
		if corpus.Half(p.URL) != corpus.HalfA {
			continue
		}
		doc := parsePage(t, p)
		g := Extract(doc, p.URL)
		if corpus.BylineHas(g.Byline, p.Author) {
			continue
		}
		s := gather(doc, p.URL)
		site := s.pickSite()
		s.pickTitle(site)
		if s.anchor == nil {
			s.anchor = s.firstHeading()
		}
		t.Logf("== %s %s want %q got %q site %q names %q", p.ID, p.URL, p.Author, g.Byline, site, s.siteNames(site, nil))
		t.Logf("   ld %+v page %+v", s.ld.Authors, s.ld.PageAuthors)
		for _, k := range []string{"author", "article:author", "parsely-author", "dc.creator", "citation_author", "byl"} {
			if v := s.tags[k]; len(v) > 0 {
				t.Logf("   %s %q", k, v)
			}
		}
		t.Logf("   labelled %q item %q printed %q", s.labelledAuthor(), s.itemAuthors(), s.printedByline(func(string) bool { return false }))
	}
}

// TestWCXBDump writes one line per page and field, right or wrong, to
// the file TREAD_META_DUMP names, to diff two runs.
func TestWCXBDump(t *testing.T) {
	out := os.Getenv("TREAD_META_DUMP")
	if out == "" {
		t.Skip("set TREAD_META_DUMP=file")
	}
	var b strings.Builder
	for _, r := range runWCXB(t) {
		p := r.page
		h := corpus.Half(p.URL)
		host := urlHost(p.URL)
		line := func(f string, ok bool, got string) {
			b.WriteString(p.ID + " " + h + " " + host + " " + f + " " + map[bool]string{true: "ok", false: "MISS"}[ok] + " " + got + "\n")
		}
		line("title", corpus.SameHeadline(r.got.Title, p.Title), r.got.Title)
		line("byline", corpus.BylineHas(r.got.Byline, p.Author), r.got.Byline)
		line("date", corpus.SameDay(r.got.Published, p.PublishDate), day(r.got.Published))
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
