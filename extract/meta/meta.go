// Package meta reads a page's metadata: title, site, byline, published time,
// canonical URL, lead image and description, from JSON-LD, OpenGraph and
// Twitter tags, microdata and the DOM, in that order of trust.
package meta

import (
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// Meta is what a page says about its article.
type Meta struct {
	Title       string
	Site        string
	Byline      string
	Published   time.Time
	URL         string // canonical
	Image       string
	Description string
	ArticleBody string // JSON-LD articleBody, when the page has one
	Lang        string
}

// Extract reads doc's metadata. pageURL resolves relative URLs.
func Extract(doc *goquery.Document, pageURL string) Meta {
	if doc == nil {
		return Meta{}
	}
	s := gather(doc, pageURL)
	var m Meta
	m.Site = s.pickSite()
	m.Title = s.pickTitle(m.Site)
	if s.anchor == nil {
		s.anchor = s.firstHeading()
	}
	m.Byline = s.pickByline(m.Site)
	m.Published = s.pickPublished()
	m.URL = s.pickURL()
	m.Image = s.pickImage()
	m.Description = firstOf(s.tag("og:description"), s.tag("description"), s.tag("twitter:description"), s.ld.Description)
	m.ArticleBody = s.ld.Body
	m.Lang = s.langTag
	return m
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if v = clean(v); v != "" {
			return v
		}
	}
	return ""
}

func (s *signals) pickURL() string {
	for _, c := range []string{
		s.doc.Find(`link[rel~="canonical"]`).First().AttrOr("href", ""),
		s.tag("og:url"),
		s.ld.URL,
	} {
		if u := s.abs(c); u != "" {
			return u
		}
	}
	if s.base != nil {
		return s.base.String()
	}
	return ""
}

func (s *signals) pickImage() string {
	for _, c := range []string{
		s.tag("og:image:secure_url"), s.tag("og:image:url"), s.tag("og:image"),
		s.tag("twitter:image"), s.tag("twitter:image:src"), s.ld.Image,
		s.doc.Find(`link[rel~="image_src"]`).First().AttrOr("href", ""),
	} {
		if u := s.abs(c); u != "" {
			return u
		}
	}
	return ""
}

func (s *signals) pickLang() string {
	l := firstOf(s.lang, s.tag("content-language"), s.tag("og:locale"), s.ld.Lang, s.tag("dc.language"))
	l = strings.ReplaceAll(l, "_", "-")
	if len(l) > 35 || strings.ContainsAny(l, " ,;") {
		return ""
	}
	return l
}
