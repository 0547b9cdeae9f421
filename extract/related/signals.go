package related

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/tread-reader/tread/extract/internal/wordsplit"
)

// tier orders what Find returns: stories presented as related to this one
// come before site-wide further reading.
type tier int8

const (
	tierNone    tier = iota
	tierRelated      // related, read next, see also, recommended, timeline
	tierMore         // most read, trending, latest, more from a section or site
)

// words splits an attribute value into lower-case words, breaking on
// punctuation and on camelCase humps, so "mostRead", "most-read" and
// "most_read" all read as "most read" (package wordsplit, which the body
// finder shares).
func words(s string) []string {
	var out []string
	for sc := wordsplit.New(s); sc.Next(); {
		out = append(out, sc.Word())
	}
	return out
}

// attrWords are the words of the attributes that name an element's role:
// class, id, aria-label and the data attributes component libraries use.
func attrWords(n *html.Node) []string {
	var out []string
	for _, a := range n.Attr {
		if naming(a.Key) && len(a.Val) <= 200 {
			out = append(out, words(a.Val)...)
		}
	}
	return out
}

// naming reports the attributes read for an element's role.
func naming(k string) bool {
	switch k {
	case "class", "id", "aria-label", "data-module", "data-component", "data-type",
		"data-section", "data-block", "data-widget", "data-name", "role", "itemprop":
		return true
	}
	return false
}

// Single words in class, id or label that mark a related-links block. They
// are matched as substrings of a word so "relatedarticleslistitem" counts.
var relatedStems = []string{"related", "recirc", "readnext", "upnext", "recommend", "seealso", "alsoread", "readalso", "furtherreading", "youmayalso", "youmightalso", "mightlike", "maylike", "storytimeline", "morelikethis", "similar"}

var moreStems = []string{"popular", "mostread", "mostviewed", "mostpopular", "mostshared", "trending", "morefrom", "morenews", "morestories", "morearticles", "moreposts", "topstories", "latestnews", "latestposts", "latestarticles", "editorspick", "ourpicks", "recentposts", "recentnews"}

// Word pairs that mean the same when written apart ("read-next").
var relatedPairs = [][2]string{{"read", "next"}, {"up", "next"}, {"see", "also"}, {"also", "read"}, {"read", "also"}, {"also", "like"}, {"may", "like"}, {"might", "like"}, {"further", "reading"}, {"story", "timeline"}, {"more", "on"}, {"in", "series"}}

var morePairs = [][2]string{{"most", "read"}, {"most", "viewed"}, {"most", "popular"}, {"most", "shared"}, {"most", "commented"}, {"more", "from"}, {"more", "in"}, {"more", "news"}, {"more", "stories"}, {"more", "articles"}, {"more", "posts"}, {"top", "stories"}, {"editors", "picks"}, {"latest", "news"}, {"latest", "stories"}, {"latest", "posts"}, {"recent", "posts"}}

// Words that disqualify a block: ads, paid recommendation and shopping
// widgets, related-tag lists, and site chrome.
var adWords = map[string]bool{
	"ad": true, "ads": true, "adv": true, "advert": true, "adverts": true, "advertisement": true,
	"advertising": true, "sponsor": true, "sponsored": true, "sponsors": true, "promoted": true,
	"outbrain": true, "taboola": true, "zergnet": true, "revcontent": true, "mgid": true,
	"partner": true, "partners": true, "paid": true, "commercial": true, "dfp": true, "gpt": true,
	"obwidget": true, "trc": true,
	// Shopping widgets: deals and affiliate picks are sold, not related.
	"commerce": true, "ecommerce": true, "shopping": true, "deals": true, "deal": true,
	"coupons": true, "coupon": true, "affiliate": true, "affiliates": true, "shop": true,
}

var tagWords = map[string]bool{
	"tag": true, "tags": true, "topic": true, "topics": true, "keyword": true, "keywords": true,
	"category": true, "categories": true, "search": true, "searches": true, "author": true,
	"authors": true, "hashtag": true, "hashtags": true,
}

// wordFlags is what one attribute word says on its own.
type wordFlags uint16

const (
	wRelated  wordFlags = 1 << iota // holds a related stem ("relatedposts")
	wMore                           // holds a further-reading stem ("mostpopular")
	wAd                             // names an ad or a paid widget
	wTag                            // names tags, topics, authors or search
	wChrome                         // names navigation, sharing, comments, pagination
	wModifier                       // describes a variant: "has", "no", "hide"
	wTitle                          // the parts of a story card
	wDesc
	wTime
	wSite
	wPair // opens a word pair ("read" in "read-next", "site" in "site-header")
)

// flagCache remembers flagsOf across pages: class words repeat across a
// site and across the web. It is bounded so hostile pages cannot grow it.
var flagCache = struct {
	sync.RWMutex
	m map[string]wordFlags
}{m: map[string]wordFlags{}}

const maxFlagCache = 50_000

func flagsOf(w string) wordFlags {
	flagCache.RLock()
	f, ok := flagCache.m[w]
	flagCache.RUnlock()
	if ok {
		return f
	}
	f = judgeWord(w)
	flagCache.Lock()
	if len(flagCache.m) < maxFlagCache {
		flagCache.m[strings.Clone(w)] = f
	}
	flagCache.Unlock()
	return f
}

func judgeWord(w string) wordFlags {
	var f wordFlags
	if len(w) >= 6 { // the shortest stem has six letters
		if containsAny(w, relatedStems) {
			f |= wRelated
		}
		if containsAny(w, moreStems) {
			f |= wMore
		}
		if containsAny(w, adStems) {
			f |= wAd
		}
	}
	if adWords[w] {
		f |= wAd
	}
	if tagWords[w] {
		f |= wTag
	}
	if chromeWords[w] {
		f |= wChrome
	}
	if modifiers[w] {
		f |= wModifier
	}
	if pairHeads[w] {
		f |= wPair
	}
	switch {
	case titleWords[w]:
		f |= wTitle
	case descWords[w]:
		f |= wDesc
	case timeWords[w]:
		f |= wTime
	case siteWords[w]:
		f |= wSite
	}
	return f
}

func containsAny(w string, stems []string) bool {
	for _, s := range stems {
		if strings.Contains(w, s) {
			return true
		}
	}
	return false
}

// judge reads an element's attribute words: the block it marks, whether it
// names chrome or an ad, and the card part it holds. A word right after a
// modifier ("has-section-nav") names nothing.
func judge(ws []string) attrInfo {
	var info attrInfo
	fs := make([]wordFlags, len(ws))
	ad, tag := false, false
	for i, w := range ws {
		fs[i] = flagsOf(w)
		if i > 0 && fs[i-1]&wModifier != 0 {
			fs[i] &^= wAd | wChrome
		}
		ad = ad || fs[i]&wAd != 0
		tag = tag || fs[i]&wTag != 0
		switch {
		case fs[i]&wTitle != 0:
			info.part |= partTitle
		case fs[i]&wDesc != 0:
			info.part |= partDesc
		case fs[i]&wTime != 0:
			info.part |= partTime
		case fs[i]&wSite != 0:
			info.part |= partSite
		}
	}
	info.ad = ad
	info.marked = ad || chromeByWords(ws, fs)
	if ad || tag {
		return info
	}
	for i, w := range ws {
		pair := fs[i]&wPair != 0 && i+1 < len(ws)
		if fs[i]&wRelated != 0 || pair && pairIn(w, ws[i+1], relatedPairs) {
			info.tier = tierRelated
			return info
		}
		if fs[i]&wMore != 0 || pair && pairIn(w, ws[i+1], morePairs) {
			info.tier = tierMore
		}
	}
	return info
}

// pairHeads are the first words of every pair, so that only they are
// looked up in the pair lists.
var pairHeads = func() map[string]bool {
	m := map[string]bool{}
	for _, ps := range [][][2]string{relatedPairs, morePairs, chromePairs} {
		for _, p := range ps {
			m[p[0]] = true
		}
	}
	return m
}()

func pairIn(a, b string, pairs [][2]string) bool {
	for _, p := range pairs {
		if a == p[0] && b == p[1] {
			return true
		}
	}
	return false
}

// classTier is the block an element's attribute words mark, if any.
func classTier(ws []string) tier { return judge(ws).tier }

// adStems catch ad markers glued into longer class words
// ("nativeadasideplaceholder", "sponsoredlinks").
var adStems = []string{"nativead", "sponsor", "advert", "outbrain", "taboola", "adslot", "adunit", "adchoice", "adcontainer", "adwrapper", "promotedcontent", "commerce", "shopping"}

// adLabel matches the short label ad widgets must show.
var adLabel = regexp.MustCompile(`(?i)^(?:ad|ads|advertisement|advertising|sponsored|promoted|paid (?:post|content|partner)|partner content|sponsored (?:content|links|stories|by .*)|promoted (?:content|stories|by .*)|anzeige|publicité|publicidad|реклама|광고|広告|广告)$`)

// Chrome words mark navigation, site header and footer, share bars, comments,
// pagination and bylines. A link inside them is never a related story.
var chromeWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "megamenu": true,
	"submenu": true, "topnav": true, "subnav": true, "sitenav": true, "breadcrumb": true,
	"breadcrumbs": true, "masthead": true, "share": true, "sharing": true, "social": true,
	"sharebar": true, "comments": true, "comment": true, "disqus": true, "pagination": true,
	"pager": true, "paging": true, "byline": true, "cookie": true, "consent": true,
	"newsletter": true, "subscribe": true, "signup": true, "login": true,
}

// Pairs of words that name page-level chrome ("site-header", "post-navigation").
var chromePairs = [][2]string{{"site", "header"}, {"site", "footer"}, {"page", "header"}, {"page", "footer"}, {"global", "header"}, {"global", "footer"}, {"main", "header"}, {"main", "footer"}, {"nav", "links"}, {"nav", "previous"}, {"nav", "next"}, {"post", "nav"}, {"prev", "next"}, {"previous", "next"}, {"next", "prev"}}

// modifiers are words that describe a page variant rather than name the
// element: "has-section-nav", "no-ads", "hide-share".
var modifiers = map[string]bool{"has": true, "with": true, "no": true, "without": true, "hide": true, "show": true, "not": true}

// chromeByWords: a chrome word, or a chrome pair, not after a modifier.
func chromeByWords(ws []string, fs []wordFlags) bool {
	for i, w := range ws {
		if fs[i]&wChrome != 0 {
			return true
		}
		if fs[i]&wPair != 0 && i+1 < len(ws) && (i == 0 || fs[i-1]&wModifier == 0) && pairIn(w, ws[i+1], chromePairs) {
			return true
		}
	}
	return false
}

// Heading texts, as phrases that open a short heading (lower-cased, a
// leading "the" dropped). A phrase ending in a letter must end a word there,
// unless it ends in "*": a stem ("relacionad*" for relacionadas).
// Literal prefixes rather than one big regexp: every short text on a page is
// tested, and most fail on their first bytes.
var relatedPhrases = []string{
	"related", "more on ", "more about ", "stories like this", "articles like this",
	"posts like this", "more stories like this", "more articles like this", "read next", "read this next",
	"up next", "what to read next", "also read", "keep reading", "read also", "see also", "also see",
	"you may also like", "you might also like", "you may like", "you might like", "you'll also like",
	"you will also like", "you might be interested", "you may also be interested",
	"you may enjoy", "you might enjoy", "you may also enjoy", "you might also enjoy", "might also like",
	"recommended", "we recommend", "suggested reading", "suggested stories", "suggested articles",
	"suggested for you", "further reading", "timeline", "in this series",
	"more in this series", "don't miss", "don’t miss", "dont miss", "must read", "other stories you",
	"по теме", "читайте также", "читайте еще", "читайте ещё", "читать также", "смотрите также",
	"материалы по теме", "похожие", "рекомендуем", "mehr zum thema", "lesen sie auch", "auch interessant",
	"das könnte sie auch", "ähnliche*", "weitere artikel zum", "à lire aussi", "a lire aussi", "lire aussi",
	"sur le même sujet", "voir aussi", "article similaire", "articles similaires", "te puede interesar",
	"lee también", "noticias relacionadas", "relacionad*", "leia também", "veja também", "leggi anche",
	"articoli correlati", "potrebbe interessarti", "lees ook", "gerelateerd", "czytaj także", "czytaj też",
	"zobacz także", "zobacz też", "powiązane", "関連", "おすすめ", "相关", "相關", "延伸阅读", "延伸閱讀",
	"推荐阅读", "推薦閱讀", "관련", "함께 보면", "함께 읽", "ilgili", "benzer", "aynı konuda", "liittyvät",
	"relaterade", "relaterte", "relaterede",
}

var morePhrases = []string{
	"more from", "more in ", "more news", "more stories", "more articles", "more headlines", "more top stories",
	"most read", "most popular", "most viewed", "most shared", "most emailed", "most commented",
	"most watched", "most recent", "popular", "trending", "latest", "top stories", "top news",
	"top articles", "top headlines", "top reads", "editor's pick", "editors' pick", "editors pick",
	"editor’s pick", "editor's choice", "editors' choice", "other news", "other stories", "other articles",
	"other posts", "other headlines", "recent news", "recent stories", "recent articles", "recent posts",
	"recent headlines", "recent from", "next up in", "what's hot", "what's popular",
	"also in ", "in other news", "самое популярное",
	"самое читаемое", "популярное", "последние новости", "meistgelesen*", "beliebt*", "les plus lus",
	"lo más leído", "lo más visto", "más leídas", "mais lidas", "più lett*", "meest gelezen",
	"najpopularniejsze", "ランキング", "热门", "熱門", "排行", "인기", "주요뉴스",
	"주요 뉴스", "최신",
}

// Headings that look like ours but name something else.
var notHeading = regexp.MustCompile(`(?:about (?:me|us|the author)|sponsor|promoted|partner|advert|shopping|deals\b|coupons|\bshop\b|from around the web|around the web|paid (?:post|content)|related (?:topics|tags|searches|keywords|categories|terms|products)|trending (?:topics|tags|searches)|popular (?:topics|tags|searches))`)

// headingTier classifies a short heading text.
func headingTier(text string) tier {
	t := strings.ToLower(strings.TrimSpace(text))
	t = strings.TrimLeft(t, " \t:•·-–—|»›>#*")
	t = strings.TrimPrefix(t, "the ")
	if t == "" || len(t) > 120 {
		return tierNone
	}
	tr := tierNone
	switch {
	case opens(t, relatedPhrases), isTimeline(t):
		tr = tierRelated
	case opens(t, morePhrases):
		tr = tierMore
	}
	if tr != tierNone && notHeading.MatchString(t) {
		return tierNone
	}
	return tr
}

// isTimeline reports a short heading naming a timeline of stories, whatever
// its first words: "Story timeline", "Brexit timeline".
func isTimeline(t string) bool {
	w := strings.Fields(t)
	return len(w) > 0 && len(w) <= 4 && w[len(w)-1] == "timeline"
}

// opens reports whether t starts with one of the phrases, ending a word.
func opens(t string, phrases []string) bool {
	for _, p := range phrases {
		stem := strings.HasSuffix(p, "*")
		p = strings.TrimSuffix(p, "*")
		if !strings.HasPrefix(t, p) {
			continue
		}
		rest := t[len(p):]
		if rest == "" || stem {
			return true
		}
		last, _ := utf8.DecodeLastRuneInString(p)
		next, _ := utf8.DecodeRuneInString(rest)
		if !unicode.IsLetter(last) || !unicode.IsLetter(next) || unicode.Is(unicode.Han, last) || unicode.Is(unicode.Hangul, last) || unicode.Is(unicode.Katakana, last) || unicode.Is(unicode.Hiragana, last) {
			return true
		}
	}
	return false
}

// lineLabel matches the label that opens an in-body line of related links:
// "READ MORE: <a>…</a>", "Related: <a>…</a>", "DON'T MISS <a>…</a>".
var lineLabel = regexp.MustCompile(`^(?i:` +
	`(?:read more|related(?: articles?| stories| story| news| content| coverage| reading)?|see also|also read|read also|read next|` +
	`don'?t miss|must read|more on this(?: story| topic)?|recommended(?: reading| for you)?|further reading|you may also like|` +
	`читайте также|по теме|lesen sie auch|mehr zum thema|à lire aussi|lire aussi|lee también|leia também|leggi anche|lees ook|czytaj także|関連記事|相关阅读|관련기사)` +
	`\s*[:\-–—|»>]?` +
	`|(?:more|read|watch|also|see|plus|on [\w.]+)\s*:` +
	`)`)

// lineLabelLen returns how many bytes of text the opening label takes, or -1
// when text does not open with one.
func lineLabelLen(text string) int {
	t := strings.TrimLeft(text, " \t\u00a0•·-–—|»›>*")
	loc := lineLabel.FindStringIndex(t)
	if loc == nil {
		return -1
	}
	return len(text) - len(t) + loc[1]
}

// IsLabel reports whether a short line is nothing but the label of a block
// of related or further stories ("See also", "Don't miss", "Most read"):
// left in a body whose links were dropped, it labels nothing.
func IsLabel(text string) bool {
	t := strings.TrimRight(strings.TrimSpace(text), ".:…· ")
	return t != "" && len(strings.Fields(t)) <= 4 && headingTier(t) != tierNone
}
