package meta

import (
	"regexp"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// publishedKeys are meta names and properties that carry a publication date,
// most trusted first.
var publishedKeys = []string{
	"article:published_time", "og:article:published_time", "og:published_time", "published_time",
	"datepublished", "article.published", "parsely-pub-date", "sailthru.date", "pubdate", "publishdate",
	"publish-date", "publish_date", "publication_date", "date", "dc.date.issued", "dcterms.issued",
	"dc.date", "dcterms.date", "dc.date.created", "dcterms.created", "citation_publication_date",
	"citation_date", "citation_online_date", "article_date_original", "original-publish-date",
	"cxenseparse:recs:publishtime", "rnews:datepublished", "displaydate", "datecreated",
}

var modifiedKeys = []string{
	"article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "dcterms.modified",
	"last-modified", "lastmod",
}

// urlDateRE is a date in a URL path: /2024/03/05/ or /2024-03-05-.
var urlDateRE = regexp.MustCompile(`/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)`)

// pickPublished is the article's publication time. datePublished beats
// dateModified everywhere; the page's visible <time> and the URL only count
// when the metadata says nothing.
func (s *signals) pickPublished() time.Time {
	cands := []string{s.ld.Published}
	for _, k := range publishedKeys {
		cands = append(cands, s.tags[k]...)
	}
	cands = append(cands, s.ld.Created, s.ld.PagePublished, s.itemprop("datePublished"))
	for _, c := range cands {
		if t, ok := parseDate(c); ok {
			return t
		}
	}
	if t, ok := s.timeElement(); ok {
		return t
	}
	if t, ok := s.urlDate(); ok {
		return t
	}
	cands = []string{s.ld.Modified}
	for _, k := range modifiedKeys {
		cands = append(cands, s.tags[k]...)
	}
	cands = append(cands, s.ld.PageModified)
	for _, c := range cands {
		if t, ok := parseDate(c); ok {
			return t
		}
	}
	return time.Time{}
}

// timeElement reads a <time> inside the article: one marked as the
// publication time first, else the first one.
func (s *signals) timeElement() (time.Time, bool) {
	var first time.Time
	var found time.Time
	s.doc.Find("time").EachWithBreak(func(i int, n *goquery.Selection) bool {
		if !inContent(n) || n.ParentsFiltered(`[class*="comment"], [id*="comment"]`).Length() > 0 {
			return i < 50
		}
		v := n.AttrOr("datetime", "")
		if v == "" {
			v = n.Text()
		}
		t, ok := parseDate(v)
		if !ok {
			return i < 50
		}
		_, pub := n.Attr("pubdate")
		hint := strings.ToLower(n.AttrOr("class", "") + " " + n.AttrOr("itemprop", ""))
		if pub || strings.Contains(hint, "publish") {
			found = t
			return false
		}
		if first.IsZero() && !strings.Contains(hint, "modif") && !strings.Contains(hint, "updat") {
			first = t
		}
		return i < 50
	})
	if !found.IsZero() {
		return found, true
	}
	return first, !first.IsZero()
}

func (s *signals) urlDate() (time.Time, bool) {
	for _, u := range []string{s.pickURL(), s.baseString()} {
		if m := urlDateRE.FindStringSubmatch(u); m != nil {
			return build(atoi(m[1]), atoi(m[2]), atoi(m[3]), 0, 0, 0, time.UTC)
		}
	}
	return time.Time{}, false
}

func (s *signals) baseString() string {
	if s.base == nil {
		return ""
	}
	return s.base.String()
}
