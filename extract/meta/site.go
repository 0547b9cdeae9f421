package meta

import (
	"net/url"
	"regexp"
	"strings"
)

// siteSepRE splits a site name from the tagline or second name published
// with it: "The Jerusalem Post | JPost.com", "CleverTap - All-in-One
// Customer Engagement Platform". A hyphen inside a word is no separator.
var siteSepRE = regexp.MustCompile(`\s+[|｜\-–—·•]\s+|\s*[|｜]\s*`)

// pickSite is the publisher's name as the page gives it, else the name its
// <title> ends with when the page shows that name elsewhere too, else its
// host. A name that is itself a URL is reduced to its host, and a name with
// a tagline or a second name to its best part.
func (s *signals) pickSite() string {
	// og:site_name is sometimes the section ("U.S.", "Sport"): when it does
	// not name the page's host and the publisher or the title's site name
	// does, that one is the site.
	if og := clean(s.tag("og:site_name")); og != "" && !namesHost(og, s.hostLabels(), true) {
		for _, c := range []string{clean(s.ld.Publisher), s.titleSite()} {
			if c != "" && !bareDomain(c) && namesHost(c, s.hostLabels(), true) {
				return c
			}
		}
	}
	for _, c := range []string{s.tag("og:site_name"), s.ld.Publisher, s.ld.Site, s.tag("application-name")} {
		// A name without a letter or digit ("/") is a template default.
		if c = clean(c); squash(c) == "" {
			continue
		}
		if u, err := url.Parse(c); err == nil && u.Host != "" && (u.Scheme == "http" || u.Scheme == "https") {
			return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
		return s.bestSitePart(c)
	}
	if n := s.titleSite(); n != "" {
		return n
	}
	return s.host()
}

// bestSitePart reduces a site name with alternates to one name: the part
// that names the page's host, else the first part that is not a bare
// domain ("JPost.com"), else the first part.
func (s *signals) bestSitePart(name string) string {
	parts := siteParts(name)
	if len(parts) <= 1 {
		return name
	}
	labels := s.hostLabels()
	for _, p := range parts {
		if !bareDomain(p) && namesHost(p, labels, true) {
			return p
		}
	}
	for _, p := range parts {
		if !bareDomain(p) {
			return p
		}
	}
	return parts[0]
}

// siteParts splits a site name at its separators, dropping empty parts.
func siteParts(name string) []string {
	if !strings.ContainsAny(name, "|｜-–—·•") {
		return []string{name}
	}
	var out []string
	for _, p := range siteSepRE.Split(name, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// bareDomain reports a name that is only a domain: "JPost.com", "go.dev".
func bareDomain(s string) bool {
	if s == "" || strings.ContainsAny(s, " /") {
		return false
	}
	i := strings.LastIndexByte(s, '.')
	if i <= 0 || i == len(s)-1 {
		return false
	}
	tld := s[i+1:]
	if len(tld) < 2 || len(tld) > 6 {
		return false
	}
	for _, r := range tld {
		if r < 'A' || r > 'z' || r > 'Z' && r < 'a' {
			return false
		}
	}
	return true
}

// namesHost reports whether a name is the one a host spells: a host label
// of four letters or more that the name, folded, is mostly made of, or
// (when prefix is set) begins with ("Aidoc Always-on AI" on aidoc.com).
func namesHost(name string, labels []string, prefix bool) bool {
	if len(labels) == 0 {
		return false
	}
	k := strings.TrimPrefix(squash(name), "the")
	if k == "" {
		return false
	}
	for _, label := range labels {
		if overlapsName(k, label) || prefix && strings.HasPrefix(k, label) {
			return true
		}
	}
	return false
}

// hostLabels are the distinctive labels of the page's hosts: not the short
// domain suffixes ("co", "uk", "com") and not the generic subdomains many
// sites share ("www", "news", "blog").
func (s *signals) hostLabels() []string {
	if s.labelList != nil {
		return s.labelList
	}
	s.labelList = []string{}
	for _, h := range s.hosts() {
		for h != "" {
			var l string
			l, h, _ = strings.Cut(h, ".")
			l = strings.ReplaceAll(l, "-", "")
			if len(l) >= 4 && !genericLabels[l] {
				s.labelList = append(s.labelList, l)
			}
		}
	}
	return s.labelList
}

var genericLabels = map[string]bool{
	"www": true, "news": true, "blog": true, "blogs": true, "home": true, "shop": true, "store": true,
	"info": true, "mobile": true, "online": true, "edition": true, "static": true, "media": true,
	"images": true, "cdn": true, "assets": true, "feeds": true,
}

// hosts are the hosts the page is known by: its own, and those of its
// canonical URL and of the URLs its meta tags and links give. A page saved
// without its address still names its host there (og:image, feeds).
func (s *signals) hosts() []string {
	var list []string
	seen := map[string]bool{}
	add := func(raw string) {
		if h := urlHost(raw); h != "" && !seen[h] {
			seen[h] = true
			list = append(list, h)
		}
	}
	if h := s.host(); h != "" {
		seen[h] = true
		list = append(list, h)
	}
	// The page's own URLs and images; not its authors' and social
	// profiles, which name other sites.
	for k, vs := range s.tags {
		if strings.Contains(k, "url") || strings.Contains(k, "image") || strings.Contains(k, "logo") {
			for _, v := range vs {
				add(v)
			}
		}
	}
	for _, l := range s.links {
		add(l.href)
	}
	return list
}

// urlHost is the host of an absolute or scheme-relative URL, lower-cased
// and without "www.", read without parsing the rest of the URL.
func urlHost(raw string) string {
	raw = strings.TrimSpace(raw)
	rest, ok := "", false
	for _, p := range []string{"https://", "http://", "//"} {
		if len(raw) > len(p) && strings.EqualFold(raw[:len(p)], p) {
			rest, ok = raw[len(p):], true
			break
		}
	}
	if !ok {
		return ""
	}
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if i := strings.LastIndexByte(rest, '@'); i >= 0 {
		rest = rest[i+1:]
	}
	if i := strings.IndexByte(rest, ':'); i >= 0 {
		rest = rest[:i]
	}
	return strings.TrimPrefix(strings.ToLower(rest), "www.")
}

// mentions are the page's other statements of who publishes it: its feed
// titles, copyright line and social handles. A title segment found in them
// is the site's name, in any script.
func (s *signals) mentions() []string {
	var out []string
	for _, l := range s.links {
		if l.title != "" && strings.Contains(strings.ToLower(l.rel), "alternate") {
			out = append(out, l.title)
		}
	}
	for _, k := range []string{"copyright", "dc.publisher", "dcterms.publisher", "publisher", "twitter:site", "apple-mobile-web-app-title"} {
		out = append(out, s.tags[k]...)
	}
	return out
}

// titleSite is the site name at either end of the page's <title> ("Headline
// - Entermedia", "Entermedia: Headline"), when that name is also the host's
// or the page mentions it elsewhere. Sites without og:site_name still sign
// their titles, and a section name ("Headline | Markets") is told apart by
// not being named anywhere else.
func (s *signals) titleSite() string {
	if s.titleSiteDone {
		return s.titleSiteName
	}
	s.titleSiteDone = true
	t := trimDecor(s.title)
	var segs []string
	if locs := titleSepRE.FindAllStringIndex(t, -1); len(locs) > 0 {
		segs = append(segs, strings.TrimSpace(t[locs[len(locs)-1][1]:]), strings.TrimSpace(t[:locs[0][0]]))
	}
	// "Site: Headline" has no space before its colon.
	if i := strings.Index(t, ": "); i > 0 {
		segs = append(segs, t[:i])
	}
	for _, seg := range segs {
		if s.signsSite(seg) {
			s.titleSiteName = seg
			return seg
		}
	}
	return ""
}

// signsSite reports whether a title segment is short enough to be a name
// and is backed by the host or by another mention of the site.
func (s *signals) signsSite(seg string) bool {
	// "Headline - by Ana Ruiz" signs the author, not the site.
	if seg == "" || len(seg) > 60 || len(strings.Fields(seg)) > 5 || byPrefixRE.MatchString(seg) {
		return false
	}
	if namesHost(seg, s.hostLabels(), false) {
		return true
	}
	k := squash(seg)
	if len(k) < 4 {
		return false
	}
	for _, m := range s.mentions() {
		if strings.Contains(squash(m), k) {
			return true
		}
	}
	return false
}
