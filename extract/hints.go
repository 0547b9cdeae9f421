package extract

import (
	"strings"

	"github.com/tread-reader/tread/extract/internal/wordsplit"
)

// hint is what an element's class, id or role says about its content.
type hint uint8

const (
	hintNone hint = iota
	hintPositive
	hintWeak    // often chrome, sometimes content: kept when half of it is prose
	hintMaybe   // chrome, or a state class on the article ("modal-enabled"): kept when mostly prose
	hintStrong  // chrome: share bars, promos, related blocks, ads
	hintComment // reader comments: prose, but never the article
	hintHidden  // not shown to readers (kept only when it holds most of the page's prose,
	// as pages that reveal their body with script do)
)

// tokenHints classifies the words of class and id values. Words are
// lowercased and split at punctuation and camelCase humps.
var tokenHints = map[string]hint{
	// content
	"article": hintPositive, "body": hintPositive, "content": hintPositive, "entry": hintPositive,
	"main": hintPositive, "post": hintPositive, "text": hintPositive, "story": hintPositive,
	"prose": hintPositive, "richtext": hintPositive,
	"storybody": hintPositive, "postbody": hintPositive, "entrycontent": hintPositive,
	"blog": hintPositive,

	// chrome that is never the article
	"comment": hintComment, "comments": hintComment, "disqus": hintComment, "respond": hintComment,
	"replies": hintComment, "reply": hintComment,
	"share": hintStrong, "sharing": hintStrong, "sharer": hintStrong, "social": hintStrong,
	"related": hintStrong, "recommended": hintStrong, "recommendations": hintStrong,
	"recirc": hintStrong, "recirculation": hintStrong, "newsletter": hintStrong,
	"subscribe": hintStrong, "subscription": hintStrong, "signup": hintStrong,
	"promo": hintStrong, "promotion": hintStrong, "advert": hintStrong,
	"advertisement": hintStrong, "advertising": hintStrong, "ad": hintStrong, "ads": hintStrong,
	"adsense": hintStrong, "adslot": hintStrong, "adunit": hintStrong, "dfp": hintStrong,
	"sponsor": hintStrong, "sponsored": hintStrong, "cookie": hintStrong, "cookies": hintStrong,
	"consent": hintStrong, "gdpr": hintStrong, "outbrain": hintStrong, "taboola": hintStrong,
	"nav": hintStrong, "navigation": hintStrong, "navbar": hintStrong, "menu": hintStrong,
	"breadcrumb": hintStrong, "breadcrumbs": hintStrong, "footer": hintStrong,
	"masthead": hintMaybe, "popup": hintMaybe, "modal": hintMaybe, "paywall": hintMaybe,
	"toolbar": hintMaybe, "tags": hintStrong,
	"trending": hintStrong, "popular": hintStrong, "shoutbox": hintStrong,
	"pagination": hintStrong, "pager": hintStrong, "donate": hintStrong, "donation": hintStrong,
	"poll": hintStrong, "polls": hintStrong, "republish": hintStrong, "republication": hintStrong, "survey": hintWeak, "print": hintWeak, "bio": hintStrong, "jump": hintWeak, "skip": hintStrong,

	// chrome that sometimes wraps content
	"sidebar": hintWeak, "widget": hintWeak, "aside": hintWeak, "banner": hintWeak,
	"sticky": hintWeak, "meta": hintWeak, "header": hintWeak, "byline": hintWeak,
	"author": hintWeak, "dateline": hintWeak, "timestamp": hintWeak, "date": hintWeak,
	"rating": hintWeak, "badge": hintWeak, "button": hintWeak, "btn": hintWeak,
	"logo": hintWeak, "search": hintWeak, "login": hintWeak, "profile": hintWeak,
	"alert": hintWeak, "teaser": hintWeak, "overlay": hintMaybe, "rail": hintWeak,
	"more": hintWeak, "hidden": hintWeak, "extra": hintWeak, "disclaimer": hintWeak,
}

// pairHints are two adjacent words that together mark chrome.
var pairHints = map[[2]string]hint{
	{"read", "more"}: hintStrong, {"more", "stories"}: hintStrong,
	{"also", "read"}: hintStrong, {"see", "also"}: hintStrong, {"read", "next"}: hintStrong,
	{"more", "from"}: hintStrong,
	{"you", "may"}:   hintStrong, {"author", "box"}: hintStrong, {"about", "author"}: hintStrong,
	{"post", "tags"}: hintStrong, {"article", "tags"}: hintStrong, {"story", "tags"}: hintStrong,
	{"more", "news"}: hintStrong,
}

// strongPrefixes catch compound words such as "sharebar" or "relatedposts".
var strongPrefixes = []string{
	"share", "social", "comment", "related", "newsletter", "subscri", "promo", "advert",
	"sponsor", "cookie", "outbrain", "taboola", "recommend", "breadcrumb", "footer", "navbar",
	"disqus", "paywall", "readmore", "morestories", "mostpopular",
}

// prefixIndex files strongPrefixes under their first letter.
var prefixIndex = func() (idx [256][]string) {
	for _, p := range strongPrefixes {
		idx[p[0]] = append(idx[p[0]], p)
	}
	return idx
}()

// pairFirst holds the first words of pairHints.
var pairFirst = func() map[string]bool {
	m := map[string]bool{}
	for k := range pairHints {
		m[k[0]] = true
	}
	return m
}()

// hiddenClasses are whole class names that hide an element from readers.
var hiddenClasses = map[string]bool{
	"hidden": true, "hide": true, "sr-only": true, "visually-hidden": true,
	"visuallyhidden": true, "screen-reader-text": true, "screenreader-only": true,
	"d-none": true, "is-hidden": true, "offscreen": true,
	"element-invisible": true, "a11y-hidden": true, "assistive-text": true,
	"w-form-done": true, "w-form-fail": true, // form messages shown by script
}

// classHint classifies an element from its class and id values, and
// reports whether they name a caption or picture credit. The strongest
// signal wins, so "article-comments" is a comment block.
func classHint(class, id string) (hint, bool) {
	h, caption := hintNone, false
	if class != "" {
		// A utility class such as "sm:block" shows a "hidden" element on
		// larger screens.
		if strings.IndexByte(class, ':') < 0 && hasHiddenClass(class) {
			return hintHidden, false
		}
		h, caption = wordsHint(class)
	}
	if id != "" {
		ih, ic := wordsHint(id)
		h, caption = max(h, ih), caption || ic
	}
	return h, caption
}

func hasHiddenClass(class string) bool {
	var buf [32]byte
	for i := 0; i < len(class); {
		for i < len(class) && class[i] <= ' ' {
			i++
		}
		j := i
		for j < len(class) && class[j] > ' ' {
			j++
		}
		if w := class[i:j]; len(w) >= 4 && len(w) <= len(buf) && hiddenClasses[lowerInto(buf[:0], w)] {
			return true
		}
		i = j
	}
	return false
}

func wordsHint(s string) (hint, bool) {
	h, caption, embed := hintNone, false, false
	var prev string
	for sc := wordsplit.New(s); sc.Next(); {
		w := sc.Word()
		switch w {
		case "caption", "credit", "credits", "figcaption":
			caption = true
		case "embed", "embedded", "tweet":
			embed = true
		}
		wh, ok := tokenHints[w]
		if !ok && len(w) > 5 {
			for _, p := range prefixIndex[w[0]] {
				if strings.HasPrefix(w, p) {
					wh = hintStrong
					break
				}
			}
		}
		// Pairs are read across a camelCase hump only ("mostRead").
		if sc.Joined() && pairFirst[prev] {
			if ph, ok := pairHints[[2]string{prev, w}]; ok {
				wh = max(wh, ph)
			}
		}
		h = max(h, wh)
		prev = w
	}
	if embed && h > hintWeak {
		// "social-embed" holds an embedded post, whose text is content.
		h = hintWeak
	}
	return h, caption
}

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }

// lowerInto lowercases ASCII s into buf without allocating when s is
// already lowercase.
func lowerInto(buf []byte, s string) string {
	lower := true
	for k := 0; k < len(s); k++ {
		if isUpper(s[k]) {
			lower = false
			break
		}
	}
	if lower {
		return s
	}
	for k := 0; k < len(s); k++ {
		c := s[k]
		if isUpper(c) {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return string(buf)
}

// roleHint classifies an ARIA role.
func roleHint(role string) hint {
	switch role {
	case "navigation", "banner", "contentinfo", "search", "dialog", "alertdialog", "menu",
		"menubar", "tablist", "toolbar", "button", "switch", "tab":
		return hintStrong
	case "complementary":
		return hintWeak
	case "article", "main":
		return hintPositive
	}
	return hintNone
}
