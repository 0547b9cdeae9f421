package related

import (
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/extract/internal/flat"
	"github.com/tread-reader/tread/sanitize"
	"github.com/tread-reader/tread/story"
)

// link is an acceptable story link found in a region.
type link struct {
	idx  int32 // the anchor's element index: page order
	tier tier
	url  string
	key  string
	s    story.Story
}

// firstAnchor is the first <a href> inside element i (i itself included).
func (d *dom) firstAnchor(i int32) int32 {
	for j := i; j <= d.last(i); j++ {
		if d.Node[j].DataAtom == atom.A && flat.HasAttr(d.Node[j], "href") {
			return j
		}
	}
	return -1
}

// storyURL resolves anchor k and checks that it can be a story page other
// than this one. It returns the cleaned absolute URL, its key and host.
func (d *dom) storyURL(k int32) (string, string, *url.URL) {
	abs := resolve(d.base, flat.Attr(d.Node[k], "href"))
	if abs == "" {
		return "", "", nil
	}
	u, err := url.Parse(abs)
	if err != nil || !storyLike(u) {
		return "", "", nil
	}
	kk := key(abs)
	if d.self[kk] {
		return "", "", nil
	}
	return abs, kk, u
}

// verifiedLink: item i is one same-site story link with a full headline.
func (d *dom) verifiedLink(i int32) bool {
	k := d.firstAnchor(i)
	if k < 0 || d.chrome[k] {
		return false
	}
	_, _, u := d.storyURL(k)
	if u == nil || !sameSite(site(u), d.host) {
		return false
	}
	t := d.title(k, i, d.last(i))
	return headline(t) && wordCount(t) >= 4 || cjkRunes(t) >= 10
}

// Titles that name a control, not a story.
var controlText = regexp.MustCompile(`(?i)^(?:read (?:more|the (?:full )?(?:story|article))|(?:go to|read|view|open|see) (?:the )?(?:full )?(?:article|story|post|review|recipe|video)|continue reading|(?:view|see|show) (?:all|more)\b.*|load more|(?:check|compare|see) (?:the )?(?:price|prices|deal|deals|availability|amazon)(?: (?:on|at) \S+(?: \S+)?)?(?: \(.*\))?|(?:buy|shop|order)(?: it| now| here)?(?: (?:on|at|from) \S+(?: \S+)?)?|more|next|previous|prev|older|newer|older posts|newer posts|next (?:post|article|story)|previous (?:post|article|story)|comments?|\d+ comments?|share|click here|learn more|subscribe|sign up|watch|listen|video|photos|gallery)\W*$`)

// readMore matches a link that wraps its headline in a call to read it.
var readMore = regexp.MustCompile(`(?i)^(?:read more|read|continue reading|more)(?: about| on)?\s*[:\-–—]?\s+(.+)$`)

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// headline reports text shaped like a story's headline: a few words, not a
// control label, not a paragraph.
func headline(t string) bool {
	if t == "" || len(t) > 300 || controlText.MatchString(t) {
		return false
	}
	w := wordCount(t)
	if w <= 5 && headingTier(t) != tierNone {
		return false // "More in Amsterdam", "Latest news": a section link
	}
	return w >= 3 && w <= 40 || cjkRunes(t) >= 6
}

func wordCount(t string) int {
	n := 0
	for _, f := range strings.Fields(t) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	return n
}

// cjkRunes counts characters of scripts written without spaces, where a
// headline's length shows in characters rather than words.
func cjkRunes(t string) int {
	n := 0
	for _, r := range t {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar) {
			n++
		}
	}
	return n
}

// titleWords mark the element that holds a card's headline.
var titleWords = map[string]bool{"title": true, "headline": true, "hed": true, "heading": true}

func (d *dom) isTitleElement(j int32) bool {
	return flat.IsHeading(d.Node[j].DataAtom) || d.part[j]&partTitle != 0
}

// title picks the headline for anchor k, looking first inside the anchor
// for a heading or title element, then at its text and title attribute, then
// at title elements elsewhere in its item (lo..hi). Image alt text is not
// used: it describes the photo, not the story. Cards put a kicker, a time or a summary inside the link too;
// the title element is the headline alone.
func (d *dom) title(k, lo, hi int32) string {
	for j := k + 1; j <= d.last(k); j++ {
		if d.isTitleElement(j) {
			if t := clean(innerText(d.Node[j], textLimit)); headline(t) {
				return t
			}
		}
	}
	text := d.textBesideSummary(k)
	if m := readMore.FindStringSubmatch(text); m != nil && headline(m[1]) {
		text = upperFirst(m[1]) // "Read more about Happy Thanksgiving"
	}
	if headline(text) {
		return text
	}
	for _, a := range []string{"title", "aria-label"} {
		if t := clean(flat.Attr(d.Node[k], a)); headline(t) {
			return t
		}
	}
	for j := lo; j <= hi; j++ {
		if j >= k && j <= d.last(k) {
			continue
		}
		if d.isTitleElement(j) && d.anchors(j) == 0 {
			if t := clean(innerText(d.Node[j], textLimit)); headline(t) {
				return t
			}
		}
	}
	return text
}

// textBesideSummary is anchor k's text without the summary some cards put
// inside their link ("<a><span>Headline</span><span class=blurb>Even
// their own…</span></a>"): the summary is the story's Description, not
// part of its title.
func (d *dom) textBesideSummary(k int32) string {
	var except map[*html.Node]bool
	for j := k + 1; j <= d.last(k); j++ {
		if d.part[j]&partDesc != 0 && d.part[j]&partTitle == 0 && d.text(j) > 0 {
			if except == nil {
				except = map[*html.Node]bool{}
			}
			except[d.Node[j]] = true
			j = d.last(j)
		}
	}
	t := clean(textExcept(d.Node[k], textLimit, except))
	if except != nil && !headline(t) {
		return clean(innerText(d.Node[k], textLimit))
	}
	return t
}

// clean trims a title and drops the arrows and bullets cards decorate
// headlines with.
// Control characters and escape sequences are dropped here already (the UI
// sanitizes again before display): a title is one clean line.
func clean(s string) string {
	s = sanitize.Line(s)
	return strings.Trim(s, " •·|»«›‹>→←")
}

// item is the element around anchor k that belongs to its story alone: the
// card or list item, found by climbing while every link inside goes to the
// same URL.
func (d *dom) item(k int32, r region, kk string) int32 {
	it := k
	for step := 0; step < maxClimb; step++ {
		p := d.Parent[it]
		if p < r.lo || p > r.hi || d.anchors(p) > 6 || d.last(p) > r.hi {
			break
		}
		same := true
		for j := p; j <= d.last(p) && same; j++ {
			if j != k && d.Node[j].DataAtom == atom.A && flat.HasAttr(d.Node[j], "href") {
				same = !d.otherStory(j, kk)
			}
		}
		if !same {
			break
		}
		it = p
		if a := d.Node[p].DataAtom; a == atom.Li || a == atom.Article {
			break
		}
	}
	return it
}

// otherStory reports whether anchor j links a story other than kk. Author,
// tag and section links beside a card's headline belong to the card.
func (d *dom) otherStory(j int32, kk string) bool {
	abs := resolve(d.base, flat.Attr(d.Node[j], "href"))
	if abs == "" || key(abs) == kk {
		return false
	}
	u, err := url.Parse(abs)
	return err == nil && storyLike(u)
}

// Words naming the parts of a story card.
var (
	descWords = map[string]bool{"dek": true, "desc": true, "description": true, "excerpt": true, "summary": true, "teaser": true, "standfirst": true, "subtitle": true, "subhead": true, "blurb": true, "lede": true, "intro": true, "abstract": true, "deck": true, "snippet": true, "strapline": true}
	timeWords = map[string]bool{"time": true, "date": true, "ago": true, "timestamp": true, "age": true, "published": true, "pubdate": true, "datetime": true}
	siteWords = map[string]bool{"source": true, "publisher": true, "provider": true, "brand": true, "sitename": true, "outlet": true, "attribution": true, "site": true}
)

var relAge = regexp.MustCompile(`(?i)^(?:\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|mos|months?|y|yrs?|years?)(?:\s+ago)?|an? (?:minute|hour|day|week|month|year) ago|yesterday|just now|today)$`)

// byline matches a credit line, which is not a summary.
var byline = regexp.MustCompile(`(?i)^(?:by|von|par|por|di|door|автор)\s`)

// details fills the summary, age, published time and site a card gives.
func (d *dom) details(s *story.Story, it, k int32) {
	for j := it; j <= d.last(it); j++ {
		n := d.Node[j]
		if n.Type != html.ElementNode || j >= k && j <= d.last(k) && d.isTitleElement(j) {
			continue
		}
		pt := d.part[j]
		if n.DataAtom == atom.Time || pt&partTime != 0 {
			if d.text(j) <= 60 {
				t := clean(innerText(n, 80))
				if s.Age == "" && relAge.MatchString(t) {
					s.Age = t
				}
				if s.Published.IsZero() {
					s.Published = parseTime(flat.Attr(n, "datetime"))
				}
			}
			continue
		}
		if s.Site == "" && pt&partSite != 0 && d.text(j) <= 50 && d.anchors(j) <= 1 {
			if t := clean(innerText(n, 60)); t != "" && len(t) <= 40 && t != s.Title {
				s.Site = t
			}
			continue
		}
		if s.Description == "" && (n.DataAtom == atom.P || pt&partDesc != 0) && !flat.IsHeading(n.DataAtom) {
			if d.text(j) < 30 {
				continue
			}
			t := clean(innerText(n, 400))
			lt, ls := strings.ToLower(t), strings.ToLower(s.Title)
			if len(t) >= 30 && !d.chrome[j] && !byline.MatchString(t) && !strings.Contains(ls, lt) && !strings.Contains(lt, ls) {
				s.Description = t
			}
		}
	}
}

func parseTime(v string) time.Time {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}
	}
	for _, f := range []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(f, v); err == nil {
			return t
		}
	}
	return time.Time{}
}
