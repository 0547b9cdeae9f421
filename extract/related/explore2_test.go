package related

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/tread-reader/tread/corpus"
)

func TestExploreUnlabelled(t *testing.T) {
	which := os.Getenv("EXPLORE2")
	if which == "" {
		t.Skip()
	}
	dir := corpus.Require(t)
	labelled := map[string]bool{}
	rp, _ := corpus.Related(dir)
	for _, p := range rp {
		labelled[p.ID] = true
	}
	var pages []corpus.Page
	if which == "aeb" || which == "all" {
		a, _ := corpus.AEB(dir)
		for _, p := range a {
			if !labelled[p.ID] {
				pages = append(pages, p.Page)
			}
		}
	}
	if which == "wcxb" || which == "all" {
		w, _ := corpus.WCXB(dir)
		for _, p := range w {
			pages = append(pages, p.Page)
		}
	}
	if which == "labelled" {
		for _, p := range rp {
			pages = append(pages, p.Page)
		}
	}
	from, to := 0, len(pages)
	fmt.Sscanf(os.Getenv("RANGE"), "%d-%d", &from, &to)
	if to > len(pages) {
		to = len(pages)
	}
	for _, p := range pages[from:to] {
		raw, _ := p.HTML()
		doc, err := parsePage(raw)
		if err != nil {
			continue
		}
		d := newDOM(doc.Nodes[0])
		d.setBase(p.URL)
		b, core := d.mainBody(nil)
		d.settle(b)
		fmt.Printf("===== %s %s\n", p.ID, p.URL)
		budget := maxWork
		seen := map[string]bool{}
		for _, r := range d.blocks(b, core) {
			ls := d.regionLinks(r, &budget)
			var fresh []link
			for _, l := range ls {
				if !seen[l.key] {
					seen[l.key] = true
					fresh = append(fresh, l)
				}
			}
			if len(fresh) == 0 {
				continue
			}
			label := ""
			if r.skip >= 0 {
				label = innerText(d.nodes[r.skip], 60)
			} else {
				n := d.nodes[r.lo]
				label = n.Data + "." + attr(n, "class") + "#" + attr(n, "id")
				if len(label) > 70 {
					label = label[:70]
				}
			}
			fmt.Printf("  [%s t%d] %q\n", r.kind, r.tier, label)
			for _, l := range fresh {
				title := l.s.Title
				if len(title) > 80 {
					title = title[:80]
				}
				extra := ""
				if l.s.Age != "" || l.s.Site != "" || l.s.Description != "" {
					desc := l.s.Description
					if len(desc) > 40 {
						desc = desc[:40]
					}
					extra = fmt.Sprintf("  {%s|%s|%s}", l.s.Site, l.s.Age, desc)
				}
				fmt.Printf("      %-80s %s%s\n", title, strings.TrimPrefix(l.url, "https://"), extra)
			}
		}
	}
}
