package related_test

import (
	"bytes"
	"github.com/PuerkitoBio/goquery"
	"github.com/tread-reader/tread/extract/related"
	"golang.org/x/net/html/charset"
	"os"
	"testing"

	"github.com/tread-reader/tread/corpus"
	"github.com/tread-reader/tread/extract"
)

func TestViaExtractor(t *testing.T) {
	if os.Getenv("VIAEXT") == "" {
		t.Skip()
	}
	dir := corpus.Require(t)
	pages, _ := corpus.Related(dir)
	var tp, pred, found, rel int
	for _, p := range pages {
		raw, _ := p.HTML()
		s, err := extract.Page(raw, p.URL)
		if err != nil {
			t.Logf("%s: %v", p.ID[:12], err)
			continue
		}
		var urls []string
		for _, r := range s.Related {
			urls = append(urls, r.URL)
		}
		sc := corpus.ScoreRelated(urls, p.Links)
		tp += sc.TP
		pred += sc.Predicted
		found += sc.Found
		rel += sc.Relevant
		t.Logf("%s tp=%d pred=%d found=%d/%d", p.ID[:12], sc.TP, sc.Predicted, sc.Found, sc.Relevant)
	}
	t.Logf("micro P=%.3f R=%.3f", corpus.Ratio(tp, pred), corpus.Ratio(found, rel))
}

func TestViaExtractorDiff(t *testing.T) {
	if os.Getenv("VIAEXT") == "" {
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
		raw, _ := p.HTML()
		s, err := extract.Page(raw, p.URL)
		if err != nil {
			continue
		}
		r, _ := charset.NewReader(bytes.NewReader(raw), "text/html")
		doc, _ := goquery.NewDocumentFromReader(r)
		mine := related.Find(doc, nil, p.URL)
		in := map[string]bool{}
		for _, m := range mine {
			in[m.URL] = true
		}
		ext := map[string]bool{}
		for _, e := range s.Related {
			ext[e.URL] = true
			if !in[e.URL] {
				t.Logf("%s EXTRA %q %s", p.ID[:12], e.Title, e.URL)
			}
		}
		for _, m := range mine {
			if !ext[m.URL] {
				t.Logf("%s LOST  %q %s", p.ID[:12], m.Title, m.URL)
			}
		}
	}
}
