package extract

import (
	"net/url"
	"strings"

	"github.com/tread-reader/tread/extract/internal/flat"
)

// resolver makes page URLs absolute.
type resolver struct {
	base *url.URL
}

// newResolver picks the base for relative URLs: the page's <base href>
// (itself resolved against the page), else the page's own URL, else its
// canonical URL. Only absolute http(s) URLs qualify as the page or
// canonical URL.
func newResolver(baseHref, pageURL, canonical string) resolver {
	var page *url.URL
	for _, s := range []string{pageURL, canonical} {
		if u, err := url.Parse(strings.TrimSpace(s)); err == nil && u.IsAbs() && u.Host != "" {
			page = u
			break
		}
	}
	if baseHref != "" {
		if b, err := url.Parse(strings.TrimSpace(baseHref)); err == nil {
			if page != nil {
				b = page.ResolveReference(b)
			}
			if b.IsAbs() {
				return resolver{base: b}
			}
		}
	}
	return resolver{base: page}
}

// resolve returns ref as an absolute URL, or "" for references a reader
// cannot follow (scripts, inline data, in-page anchors).
func (r resolver) resolve(ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || ref[0] == '#' {
		return ""
	}
	if len(ref) > 5 && strings.EqualFold(ref[:5], "data:") {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if r.base != nil {
		u = r.base.ResolveReference(u)
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https", "mailto", "ftp", "":
	default:
		return ""
	}
	return u.String()
}

func (t *tree) resolve(ref string) string { return t.urls.resolve(ref) }

// linkURL is the absolute target of a link element, or "".
func (t *tree) linkURL(i int32) string {
	return t.resolve(flat.Attr(t.Node[i], "href"))
}

// taxonomyWords name the pages that list a site's stories by tag, category
// or topic, in a URL's path or query.
var taxonomyWords = map[string]bool{
	"tag": true, "tags": true, "tagged": true, "category": true, "categories": true,
	"categoria": true, "categorias": true, "categorie": true, "kategorie": true, "cat": true,
	"topic": true, "topics": true, "label": true, "labels": true, "keyword": true,
	"keywords": true, "tema": true, "temas": true, "thema": true, "themen": true,
	"schlagwort": true, "rubrique": true, "etiqueta": true, "etiquetas": true,
}

// isTaxonomyURL reports whether a link leads to a tag, category or topic
// page: a path segment near its end or a query key names one.
func isTaxonomyURL(u string) bool {
	if !mentionsTaxonomy(u) {
		return false
	}
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	// The word and at most the term after it: "/tag/harbour/", not a
	// section of articles such as "/topics/hiking/best-tents".
	segs := strings.Split(strings.Trim(strings.ToLower(p.Path), "/"), "/")
	for k, seg := range segs {
		if taxonomyWords[seg] && len(segs)-k <= 2 {
			return true
		}
	}
	for k := range p.Query() {
		if taxonomyWords[strings.ToLower(k)] {
			return true
		}
	}
	return false
}

// mentionsTaxonomy is a quick look for a taxonomy word anywhere in u, so
// that most links skip parsing.
func mentionsTaxonomy(u string) bool {
	l := strings.ToLower(u)
	for _, w := range []string{"tag", "cat", "kateg", "topic", "label", "keyword", "tema", "thema", "themen", "schlagwort", "rubrique", "etiqueta"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}
