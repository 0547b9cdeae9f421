package meta

import (
	"os"
	"testing"

	"github.com/tread-reader/tread/corpus"
)

func TestWCXBTitleSignals(t *testing.T) {
	if os.Getenv("TREAD_META_SIG") == "" {
		t.Skip()
	}
	for _, p := range loadWCXB(t) {
		doc := parsePage(t, p)
		m := Extract(doc, p.URL)
		if corpus.SameHeadline(m.Title, p.Title) {
			continue
		}
		s := gather(doc, p.URL)
		t.Logf("== %s want %q got %q", p.ID, p.Title, m.Title)
		for _, h := range s.h1s {
			t.Logf("   h1 %v %q", h.inArticle, h.text)
		}
		for _, mt := range s.metaTitles() {
			t.Logf("   meta %q", mt)
		}
	}
}
