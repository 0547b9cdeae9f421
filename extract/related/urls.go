package related

import (
	"net/url"
	"path"
	"strings"
	"unicode"
)

// resolve makes href absolute against base and drops its fragment and
// tracking parameters. It returns "" for links that cannot be stories:
// javascript:, mailto:, bare fragments, non-HTTP schemes, or relative links
// when no base is known.
func resolve(base *url.URL, href string) string {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") || len(href) > 2048 {
		return ""
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	if !u.IsAbs() {
		if base == nil {
			return ""
		}
		u = base.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	u.RawQuery = cleanQuery(u.RawQuery)
	return u.String()
}

// cleanQuery drops tracking parameters but keeps the others in their
// original order and spelling, because some sites route on the raw query.
func cleanQuery(raw string) string {
	if raw == "" {
		return ""
	}
	var kept []string
	for _, pair := range strings.Split(raw, "&") {
		if pair == "" {
			continue
		}
		k, _, _ := strings.Cut(pair, "=")
		if uk, err := url.QueryUnescape(k); err == nil {
			k = uk
		}
		if !tracking(k) {
			kept = append(kept, pair)
		}
	}
	return strings.Join(kept, "&")
}

// trackingParams only say where a reader came from; they never change which
// story a link opens.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "msclkid": true, "yclid": true,
	"mc_cid": true, "mc_eid": true, "igshid": true, "_ga": true, "_gl": true,
	"ref": true, "ref_src": true, "ref_url": true, "referrer": true, "source": true,
	"cmpid": true, "cmp": true, "icid": true, "ito": true, "ncid": true, "ocid": true,
	"smid": true, "cid": true, "ftag": true, "mod": true, "intcmp": true,
	"int_source": true, "int_medium": true, "int_campaign": true, "s_cid": true,
	"src": true, "via": true, "from": true, "xtor": true, "spm": true,
	"at_medium": true, "at_campaign": true, "sr_share": true,
	"__twitter_impression": true, "share": true, "trk": true, "trkid": true,
}

func tracking(k string) bool {
	k = strings.ToLower(k)
	return strings.HasPrefix(k, "utm_") || strings.HasPrefix(k, "pk_") || trackingParams[k]
}

// key is a link's identity for de-duplication: no scheme, no "www.", no
// trailing slash, host folded to lower case.
func key(abs string) string {
	u, err := url.Parse(abs)
	if err != nil {
		return abs
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	k := host + strings.TrimRight(u.EscapedPath(), "/")
	if u.RawQuery != "" {
		k += "?" + u.RawQuery
	}
	return k
}

// site is the host without "www." and port, used to tell same-site links.
func site(u *url.URL) string {
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// sameSite reports whether two hosts share their last two labels (or three
// for hosts like example.co.uk), so that m.example.com counts as example.com.
func sameSite(a, b string) bool {
	return a != "" && regDomain(a) == regDomain(b)
}

func regDomain(h string) string {
	parts := strings.Split(h, ".")
	n := 2
	if len(parts) >= 3 && len(parts[len(parts)-2]) <= 3 && len(parts[len(parts)-1]) == 2 {
		n = 3 // co.uk, com.au, co.kr
	}
	if len(parts) <= n {
		return h
	}
	return strings.Join(parts[len(parts)-n:], ".")
}

// socialHosts are share targets and social networks: a link there is a
// share or follow button, not a story.
var socialHosts = []string{
	"facebook.com", "fb.com", "twitter.com", "x.com", "t.co", "linkedin.com",
	"pinterest.", "reddit.com", "whatsapp.com", "wa.me", "telegram.", "t.me",
	"tumblr.com", "instagram.com", "plus.google.com", "vk.com", "ok.ru",
	"line.me", "flipboard.com", "getpocket.com", "mix.com", "xing.com",
	"weibo.com", "youtube.com", "youtu.be", "tiktok.com", "threads.net",
	"bsky.app", "mastodon.", "news.google.com", "apps.apple.com", "play.google.com",
	"doubleclick.net", "googleadservices.com", "outbrain.com", "taboola.com",
	"zergnet.com", "revcontent.com", "mgid.com", "amazon-adsystem.com",
}

// social reports a link to a share target, social network or ad server.
func social(u *url.URL) bool {
	host := strings.ToLower(u.Hostname())
	for _, s := range socialHosts {
		if strings.HasSuffix(s, ".") && strings.Contains(host, s) || host == s || strings.HasSuffix(host, "."+s) {
			return true
		}
	}
	return false
}

// nonStorySegments name pages that list stories or people rather than being
// one: tag, topic, author and category pages, search, accounts, feeds.
var nonStorySegments = map[string]bool{
	"tag": true, "tags": true, "topic": true, "topics": true, "author": true,
	"authors": true, "category": true, "categories": true, "people": true,
	"person": true, "profile": true, "profiles": true, "user": true, "users": true,
	"search": true, "login": true, "signin": true, "sign-in": true, "register": true,
	"signup": true, "subscribe": true, "subscription": true, "subscriptions": true,
	"newsletter": true, "newsletters": true, "account": true, "feed": true,
	"rss": true, "comments": true, "label": true, "labels": true, "keyword": true,
	"keywords": true, "contributor": true, "contributors": true, "writer": true,
	"writers": true, "columnist": true, "columnists": true, "staff": true,
	"share": true, "sharer": true, "cart": true, "checkout": true, "privacy": true,
	"terms": true, "cookies": true, "cookie-policy": true, "contact": true,
	"contact-us": true, "about": true, "about-us": true, "advertise": true,
	"jobs": true, "careers": true, "wp-login.php": true, "page": true,
	"stichwort": true, "thema": true, "themen": true, "autor": true, "autoren": true,
	"tema": true, "temas": true, "etiqueta": true, "etiquetas": true, "rubrique": true,
	"auteur": true, "tegn": true, "teg": true, "tagged": true, "hashtag": true,
	"advertorial": true, "sponsored": true, "promoted": true, "partner-content": true,
	"paid-post": true, "coupons": true,
	"out": true, "go": true, "redirect": true, "redir": true, "click": true, "track": true,
	"aff": true, "affiliate": true, "affiliates": true, "buy": true, "shop": true,
}

// storyLike reports whether u looks like one story's page rather than a home,
// section, tag, author, account or share page. Story URLs carry a slug or an
// id: a hyphenated or long last segment, digits, a page extension with a
// name, or a numeric query id.
func storyLike(u *url.URL) bool {
	if social(u) {
		return false
	}
	p := strings.ToLower(u.EscapedPath())
	segs := strings.FieldsFunc(p, func(r rune) bool { return r == '/' })
	for i, s := range segs {
		if nonStorySegments[s] {
			// "/page/2" is pagination; "/tag/x" a tag page. A story whose
			// slug merely follows such a word deeper down is rare.
			return false
		}
		if i == 0 && (s == "video" || s == "videos" || s == "gallery") && len(segs) == 1 {
			return false
		}
	}
	if len(segs) == 0 {
		return numericQuery(u)
	}
	if dateArchive(segs) {
		return false
	}
	last := segs[len(segs)-1]
	if ext := path.Ext(last); ext != "" {
		name := strings.TrimSuffix(last, ext)
		switch ext {
		case ".html", ".htm", ".shtml", ".php", ".asp", ".aspx", ".jsp", ".cms", ".ece":
			if name == "index" || name == "default" {
				return len(segs) >= 3 && sluggy(segs[len(segs)-2]) || numericQuery(u)
			}
			return sluggy(name) || numericQuery(u) || len(name) >= 4
		case ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".pdf", ".mp3", ".mp4", ".zip", ".xml", ".json", ".js", ".css":
			return false
		}
	}
	for _, s := range segs {
		if sluggy(s) {
			return true
		}
	}
	return numericQuery(u)
}

// dateArchive reports a path like /2025/12/01/ or /blog/2025/11/: a list
// of a day's or a month's posts. All its segments are numbers, or it ends
// in a year and a month (and perhaps a day) with no slug before them.
func dateArchive(segs []string) bool {
	numeric := func(s string, max int) bool {
		return s != "" && len(s) <= max && strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) < 0
	}
	all := true
	for _, s := range segs {
		all = all && numeric(s, 4)
	}
	if all {
		return true
	}
	for i, s := range segs {
		if sluggy(s) && !numeric(s, 4) {
			return false // a story's slug, its date after it: /why-x-happened/2025/11
		}
		if len(s) == 4 && numeric(s, 4) && len(segs)-i >= 2 && len(segs)-i <= 3 {
			rest := true
			for _, t := range segs[i+1:] {
				rest = rest && numeric(t, 2)
			}
			return rest
		}
	}
	return false
}

// sluggy reports whether a path segment looks like a story slug or id.
func sluggy(s string) bool {
	if u, err := url.PathUnescape(s); err == nil {
		s = u
	}
	digits, seps, letters := 0, 0, 0
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case r == '-' || r == '_' || r == '+':
			seps++
		case unicode.IsLetter(r):
			letters++
		}
	}
	switch {
	case digits >= 4:
		return true // an id, or a date like 2019
	case seps >= 2 && letters >= 8:
		return true // three or more words
	case seps >= 1 && letters >= 8 && digits >= 1:
		return true
	case seps >= 1 && letters >= 10:
		return true // two longer words: "night-mode" is short, "climate-change" not
	case letters >= 25:
		return true // a slug in a script written without separators
	}
	return false
}

func numericQuery(u *url.URL) bool {
	for _, vs := range u.Query() {
		for _, v := range vs {
			if len(v) >= 3 && strings.IndexFunc(v, func(r rune) bool { return r < '0' || r > '9' }) < 0 {
				return true
			}
		}
	}
	return false
}
