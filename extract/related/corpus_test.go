package related

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/tread-reader/tread/corpus"
	"golang.org/x/net/html/charset"
)

// parsePage decodes a saved page as a browser would and parses it.
func parsePage(raw []byte) (*goquery.Document, error) {
	r, err := charset.NewReader(bytes.NewReader(raw), "text/html")
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	return doc, nil
}

// Floors sit just under the measured scores: they guard against
// regressions, they are not the targets.
// Measured: micro P 1.000 (171/171) R 1.000 (52/52), macro P 1.000 R 1.000.
const (
	floorMicroP = 0.97
	floorMicroR = 0.96
	floorMacroP = 0.97
	floorMacroR = 0.96
)

func TestRelatedCorpus(t *testing.T) {
	dir := corpus.Require(t)
	pages, err := corpus.Related(dir)
	if err != nil {
		t.Fatalf("load related labels: %v", err)
	}
	verbose := os.Getenv("RELATED_VERBOSE") != ""
	var tp, pred, found, relevant int
	var macroP, macroR float64
	half := map[string]*corpus.RelatedScore{corpus.HalfA: {}, corpus.HalfB: {}}
	for _, p := range pages {
		raw, err := p.HTML()
		if err != nil {
			t.Fatalf("read %s: %v", p.ID, err)
		}
		doc, err := parsePage(raw)
		if err != nil {
			t.Fatalf("page %s: %v", p.ID, err)
		}
		got := Find(doc, nil, p.URL)
		urls := make([]string, len(got))
		for i, s := range got {
			urls[i] = s.URL
		}
		s := corpus.ScoreRelated(urls, p.Links)
		tp += s.TP
		pred += s.Predicted
		found += s.Found
		relevant += s.Relevant
		half[corpus.Half(p.URL)].Add(s)
		macroP += corpus.Ratio(s.TP, s.Predicted)
		macroR += corpus.Ratio(s.Found, s.Relevant)
		t.Logf("%s tp=%d pred=%d found=%d/%d %s", p.ID[:12], s.TP, s.Predicted, s.Found, s.Relevant, p.URL)
		if verbose {
			labels := map[string]string{}
			for _, l := range p.Links {
				labels[corpus.NormalizeURL(l.URL)] = l.Tier
			}
			seen := map[string]bool{}
			for _, g := range got {
				n := corpus.NormalizeURL(g.URL)
				seen[n] = true
				tier := labels[n]
				if tier == "" {
					tier = "WRONG"
				}
				t.Logf("    %-7s %q %s | %s | %s | %.60s", tier, g.Title, g.URL, g.Site, g.Age, g.Description)
			}
			for _, l := range p.Links {
				if l.Tier == "related" && !seen[corpus.NormalizeURL(l.URL)] {
					t.Logf("    MISSED  %q %s [%s]", l.Title, l.URL, l.Block)
				}
			}
		}
	}
	n := float64(len(pages))
	microP, microR := corpus.Ratio(tp, pred), corpus.Ratio(found, relevant)
	macroP, macroR = macroP/n, macroR/n
	t.Logf("related links on %d pages: micro P=%.3f R=%.3f (tp %d/%d, found %d/%d); macro P=%.3f R=%.3f",
		len(pages), microP, microR, tp, pred, found, relevant, macroP, macroR)
	// Each half of corpus.Half apart: rules tuned on A's sites, judged on B's.
	for _, k := range []string{corpus.HalfA, corpus.HalfB} {
		h := half[k]
		t.Logf("  half %s: micro P=%.3f R=%.3f (tp %d/%d, found %d/%d)", k,
			corpus.Ratio(h.TP, h.Predicted), corpus.Ratio(h.Found, h.Relevant), h.TP, h.Predicted, h.Found, h.Relevant)
	}
	for _, c := range []struct {
		name       string
		got, floor float64
	}{{"micro precision", microP, floorMicroP}, {"micro recall", microR, floorMicroR},
		{"macro precision", macroP, floorMacroP}, {"macro recall", macroR, floorMacroR}} {
		if c.got < c.floor {
			t.Errorf("%s %.3f under floor %.3f", c.name, c.got, c.floor)
		}
	}
}
