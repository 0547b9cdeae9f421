package related

import (
	"fmt"
	"os"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/tread-reader/tread/corpus"
)

func TestDebugPage(t *testing.T) {
	id := os.Getenv("DEBUGPAGE")
	if id == "" {
		t.Skip()
	}
	dir := corpus.Require(t)
	a, _ := corpus.AEB(dir)
	w, _ := corpus.WCXB(dir)
	var pages []corpus.Page
	for _, p := range a {
		pages = append(pages, p.Page)
	}
	for _, p := range w {
		pages = append(pages, p.Page)
	}
	for _, p := range pages {
		if len(p.ID) < len(id) || p.ID[:len(id)] != id {
			continue
		}
		raw, _ := p.HTML()
		doc, _ := parsePage(raw)
		d := newDOM(doc.Nodes[0])
		d.setBase(p.URL)
		var sel *goquery.Selection
		if q := os.Getenv("BODYSEL"); q != "" {
			sel = doc.Find(q).First()
		}
		b, core := d.mainBody(sel)
		d.settle(b)
		if b >= 0 {
			n := d.nodes[b]
			fmt.Printf("body: %s.%s#%s text=%d\n", n.Data, attr(n, "class"), attr(n, "id"), d.text(b))
			n = d.nodes[core]
			fmt.Printf("core: %s.%s#%s text=%d\n", n.Data, attr(n, "class"), attr(n, "id"), d.text(core))
		}
		for _, r := range d.blocks(b, core) {
			budget := 1000
			ls := d.regionLinks(r, &budget)
			n := d.nodes[r.lo]
			lbl := ""
			if r.skip >= 0 {
				lbl = innerText(d.nodes[r.skip], 60)
			}
			fmt.Printf("region %s t%d %s.%s %q anchors=%d -> %d links\n", r.kind, r.tier, n.Data, attr(n, "class"), lbl, d.anchorsPre[r.hi+1]-d.anchorsPre[r.lo], len(ls))
		}
	}
}

func TestDebugChain(t *testing.T) {
	id := os.Getenv("DEBUGCHAIN")
	if id == "" {
		t.Skip()
	}
	dir := corpus.Require(t)
	a, _ := corpus.AEB(dir)
	for _, p := range a {
		if p.ID[:len(id)] != id {
			continue
		}
		raw, _ := p.HTML()
		doc, _ := parsePage(raw)
		d := newDOM(doc.Nodes[0])
		d.setBase(p.URL)
		for i, n := range d.nodes {
			if attr(n, "class") != os.Getenv("CLS") {
				continue
			}
			for j := int32(i); j >= 0; j = d.parent[j] {
				m := d.nodes[j]
				fmt.Printf("  %s.%s#%s chrome=%v section=%v sig=%d\n", m.Data, attr(m, "class"), attr(m, "id"), d.chrome[j], d.section[j], d.signal[j])
			}
			break
		}
	}
}
