package meta

import (
	"bytes"
	"time"

	"fmt"
	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html/charset"
	"os"
	"strings"
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
		t.Logf("== %s want %q got %q names %q", p.ID, p.Title, m.Title, s.siteNames(m.Site, s.metaTitles()))
		for _, h := range s.h1s {
			t.Logf("   h1 %v %q", h.inArticle, h.text)
		}
		for _, mt := range s.metaTitles() {
			t.Logf("   meta %q", mt)
		}
	}
}

func TestWCXBDateSignals(t *testing.T) {
	if os.Getenv("TREAD_META_SIG") == "" {
		t.Skip()
	}
	for _, p := range loadWCXB(t) {
		doc := parsePage(t, p)
		m := Extract(doc, p.URL)
		if corpus.SameDay(m.Published, p.PublishDate) {
			continue
		}
		s := gather(doc, p.URL)
		s.pickTitle(s.pickSite())
		t.Logf("== %s want %q got %v anchor=%v", p.ID, p.PublishDate, m.Published, s.anchor != nil)
		pub, _ := s.metaPublished()
		t.Logf("   pub %v mods %v", pub, s.metaModified())
		for _, d := range s.printedDates() {
			t.Logf("   printed %v upd=%v pub=%v", d.t, d.updated, d.published)
		}
	}
}

func TestWCXBDateSources(t *testing.T) {
	if os.Getenv("TREAD_META_SIG") == "" {
		t.Skip()
	}
	counts := map[string]int{}
	for _, p := range loadWCXB(t) {
		doc := parsePage(t, p)
		s := gather(doc, p.URL)
		s.pickTitle(s.pickSite())
		if s.anchor == nil {
			s.anchor = s.firstHeading()
		}
		printed := len(s.printedDates()) > 0
		m := Extract(doc, p.URL)
		ok := corpus.SameDay(m.Published, p.PublishDate)
		key := fmt.Sprintf("printed=%v gtset=%v ok=%v", printed, p.PublishDate != "", ok)
		counts[key]++
		if !printed && p.PublishDate != "" && ok {
			t.Logf("unprinted but right: %s %s", p.ID, p.URL)
		}
	}
	t.Logf("%v", counts)
}

func TestWCXBDateConflicts(t *testing.T) {
	if os.Getenv("TREAD_META_SIG") == "" {
		t.Skip()
	}
	counts := map[string]int{}
	for _, p := range loadWCXB(t) {
		doc := parsePage(t, p)
		s := gather(doc, p.URL)
		s.pickTitle(s.pickSite())
		if s.anchor == nil {
			s.anchor = s.firstHeading()
		}
		pub, _ := s.metaPublished()
		mods := s.metaModified()
		printed := s.printedDates()
		if pub.IsZero() || len(printed) == 0 {
			continue
		}
		chosen, _ := s.printedChoice(pub, mods)
		if sameDate(chosen, pub) {
			continue
		}
		var d printedDate
		for _, d = range printed {
			if !d.updated {
				break
			}
		}
		isMod := false
		for _, m := range mods {
			isMod = isMod || sameDate(m, chosen)
		}
		key := fmt.Sprintf("upd=%v isMod=%v gt=pub:%v gt=printed:%v", d.updated, isMod, corpus.SameDay(pub, p.PublishDate), corpus.SameDay(chosen, p.PublishDate))
		counts[key]++
		t.Logf("%s %s %s", p.ID, key, p.URL)
	}
	for k, v := range counts {
		t.Logf("%3d %s", v, k)
	}
}

func TestWCXBZone(t *testing.T) {
	ids := os.Getenv("TREAD_META_ZONE")
	if ids == "" {
		t.Skip()
	}
	for _, p := range loadWCXB(t) {
		if !strings.Contains(ids, p.ID) {
			continue
		}
		doc := parsePage(t, p)
		s := gather(doc, p.URL)
		s.pickTitle(s.pickSite())
		if s.anchor == nil {
			s.anchor = s.firstHeading()
		}
		z := s.headZone()
		t.Logf("== %s want %q / %q anchor=%v", p.ID, p.Author, p.PublishDate, s.anchor != nil)
		for _, i := range z.near {
			it := z.items[i]
			t.Logf("   %4d auth=%v <%s class=%q> %q", i, authorish(it.node), it.node.Data, attr(it.node, "class"), it.text)
		}
		t.Logf("   printed %q", s.printedByline(func(string) bool { return false }))
	}
}

func TestWCXBZones(t *testing.T) {
	if os.Getenv("TREAD_META_SIG") == "" {
		t.Skip()
	}
	for _, p := range loadWCXB(t) {
		m := Extract(parsePage(t, p), p.URL)
		if _, off := m.Published.Zone(); off == 0 || m.Published.IsZero() {
			continue
		}
		t.Logf("%s local=%v utc=%v %v", p.ID, corpus.SameDay(m.Published, p.PublishDate), corpus.SameDay(m.Published.UTC(), p.PublishDate), m.Published)
	}
}

func TestWCXBDateOrigin(t *testing.T) {
	if os.Getenv("TREAD_META_SIG") == "" {
		t.Skip()
	}
	for _, p := range loadWCXB(t) {
		doc := parsePage(t, p)
		s := gather(doc, p.URL)
		s.pickTitle(s.pickSite())
		if s.anchor == nil {
			s.anchor = s.firstHeading()
		}
		if len(s.printedDates()) > 0 {
			continue
		}
		m := Extract(doc, p.URL)
		if m.Published.IsZero() {
			continue
		}
		var src []string
		if _, ok := parseDate(s.ld.Published); ok {
			src = append(src, "ld")
		}
		if _, ok := parseDate(s.ld.PagePublished); ok {
			src = append(src, "ldpage")
		}
		for _, k := range publishedKeys {
			if len(s.tags[k]) > 0 {
				src = append(src, k)
			}
		}
		if s.ld.HasArticle {
			src = append(src, "HASART")
		}
		t.Logf("%s gt=%q ok=%v %v %s", p.ID, p.PublishDate, corpus.SameDay(m.Published, p.PublishDate), src, p.URL)
	}
}

func TestWCXBPubVisible(t *testing.T) {
	if os.Getenv("TREAD_META_SIG") == "" {
		t.Skip()
	}
	for _, p := range loadWCXB(t) {
		doc := parsePage(t, p)
		s := gather(doc, p.URL)
		s.pickTitle(s.pickSite())
		if s.anchor == nil {
			s.anchor = s.firstHeading()
		}
		pub, _ := s.metaPublished()
		mods := s.metaModified()
		printed := s.printedDates()
		if pub.IsZero() || len(printed) == 0 {
			continue
		}
		d := printed[0]
		if sameDate(d.t, pub) || !isModified(d.t, pub, mods) {
			continue
		}
		// Is the publication date printed anywhere in the body text?
		body := doc.Find("body").Clone()
		body.Find("script, style, noscript, template").Remove()
		found := false
		for _, fd := range findDates("", body.Text()) {
			if sameDate(fd.t, pub) {
				found = true
			}
		}
		all := dateInTextRE.FindAllString(body.Text(), -1)
		for _, a := range all {
			if tt, ok := parseDate(a); ok && sameDate(tt, pub) {
				found = true
			}
		}
		t.Logf("%s upd=%v pubVisible=%v gt=pub:%v gt=printed:%v", p.ID, d.updated, found, corpus.SameDay(pub, p.PublishDate), corpus.SameDay(d.t, p.PublishDate))
	}
}

func TestAEBTitles(t *testing.T) {
	if os.Getenv("TREAD_META_SIG") == "" {
		t.Skip()
	}
	pages, err := corpus.AEB(corpus.Require(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		raw, err := p.HTML()
		if err != nil {
			t.Fatal(err)
		}
		r, err := charset.NewReader(bytes.NewReader(raw), "text/html")
		if err != nil {
			t.Fatal(err)
		}
		doc, err := goquery.NewDocumentFromReader(r)
		if err != nil {
			t.Fatal(err)
		}
		m := Extract(doc, p.URL)
		t.Logf("%s | %q | %q | %q | %s | %s", p.ID[:6], m.Title, m.Byline, m.Site, m.Published.Format(time.RFC3339), p.URL)
	}
}
