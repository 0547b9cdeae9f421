package extract

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/tread-reader/tread/extract/related"
	"github.com/tread-reader/tread/story"
)

// boilerLines are whole paragraphs that label chrome rather than say
// anything: continuation prompts, share and caption buttons. Ad slot labels
// are isAdLabel's and the labels of related blocks related.IsLabel's.
var boilerLines = map[string]bool{
	"story continues below advertisement": true, "article continues below advertisement": true,
	"continue reading below": true, "scroll to continue with content": true,
	"advertisement - scroll to continue": true, "story continues below": true,
	"article continues below": true, "continue reading the main story": true,
	"share": true, "share this:": true, "share this article": true, "share this": true,
	"click to share on facebook": true, "click to share on twitter": true,
	"read more": true, "read more:": true, "read more here": true, "comments": true, "print": true,
	"close": true, "caption": true, "getty": true, "getty images": true, "photo": true,
	"enlarge this image": true, "toggle caption": true, "hide caption": true, "expand": true,
	"view gallery": true, "watch:": true, "listen:": true, "by": true, "highlights": true,
	"this slideshow requires javascript": true,
}

// promoPhrases mark a short paragraph as a call to subscribe, follow or
// share rather than part of the story.
var promoPhrases = []string{"newsletter", "subscribe to", "sign up for", "sign up to",
	"follow us on", "share it with", "give us feedback", "have a tip?", "in your inbox",
	"to your inbox", "click here to subscribe", "join our", "like us on facebook",
	"download our app", "download the app", "turn on notifications", "affiliate", "paid promotion"}

// datelinePrefixes start the publication stamps printed beside a body.
var datelinePrefixes = []string{"published", "updated", "last updated", "first published",
	"posted on", "posted:"}

// isPromo reports whether a short paragraph is a promotion or a date stamp.
func isPromo(f string) bool {
	if f == "" || len(f) > 200 {
		return false
	}
	if addressesReader(f) {
		for _, p := range promoPhrases {
			if strings.Contains(f, p) {
				return true
			}
		}
	}
	if len(f) < 100 {
		for _, p := range datelinePrefixes {
			if strings.HasPrefix(f, p) {
				return true
			}
		}
	}
	return isReadingTime(f)
}

// minuteWords name the unit of a reading-time stamp in the languages of
// the pages read so far; a word ends at a letter boundary.
var minuteWords = []string{"min", "mins", "minute", "minutes", "minuto", "minutos", "minuti",
	"minuten", "minut", "minuty", "минут", "минуты", "мин", "分"}

// isReadingTime reports a reading-time stamp in any wording — "4 min read",
// "Reading time: 6 minutes", "Tempo de leitura: 3 min" — a short line, not
// a sentence, with a number right before a minute word.
func isReadingTime(f string) bool {
	if len(f) > 48 || strings.Count(f, " ") > 5 || strings.HasSuffix(f, ".") || strings.HasSuffix(f, "!") {
		return false
	}
	for i := 0; i < len(f); i++ {
		if !isDigit(f[i]) || i+1 < len(f) && isDigit(f[i+1]) {
			continue
		}
		rest := strings.TrimLeft(f[i+1:], " -\u00a0")
		for _, w := range minuteWords {
			if strings.HasPrefix(rest, w) && (len(rest) == len(w) || !isAlnum(rest[len(w)]) || w == "分") {
				return true
			}
		}
	}
	return false
}

// addressesReader reports whether a short text speaks to the reader, as
// promotions do and news copy about a newsletter or a subscription does not.
func addressesReader(f string) bool {
	for _, w := range []string{"you", "your", "our", "us", "we"} {
		if hasWord(f, w) {
			return true
		}
	}
	for _, v := range []string{"sign up", "subscribe", "get ", "join ", "follow ", "click ",
		"download ", "like ", "share ", "tap ", "enter "} {
		if strings.HasPrefix(f, v) {
			return true
		}
	}
	return false
}

// hasWord reports whether w occurs in f as a whole word.
func hasWord(f, w string) bool {
	for i := 0; ; {
		k := strings.Index(f[i:], w)
		if k < 0 {
			return false
		}
		k += i
		end := k + len(w)
		if (k == 0 || !isAlnum(f[k-1])) && (end == len(f) || !isAlnum(f[end])) {
			return true
		}
		i = k + 1
	}
}

// isNumberScrap reports whether a paragraph is a bare count or a page
// number: a few characters without a letter.
func isNumberScrap(f string) bool {
	if a, b, ok := strings.Cut(f, " of "); ok && isNumber(a) && isNumber(b) {
		return true // a gallery counter: "1 of 6"
	}
	if f == "" || len(f) > 6 {
		return false
	}
	for _, r := range f {
		if unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// creditLineRE matches the start of a credit printed as a line of its
// own: a role and "by" or a colon ("Photo: …", "Additional reporting by
// …", "Medically reviewed by …", "(Image courtesy …"), or a copyright.
var creditLineRE = regexp.MustCompile(`^(?:©|copyright\b|[(\[]?(?:(?:additional|medically|fact)[\s-]*)?` +
	`(?:reporting|editing|writing|written|reviewed|checked|photographed|illustrated|photos?|photograph|` +
	`images?|pictures?|illustrations?|credits?|source)\s*(?:by\b|:|courtesy\b|credits?\b|\)))`)

// pictureAgencies are the agencies whose name opens or closes a credit.
var pictureAgencies = []string{"getty images", "shutterstock", "reuters", "afp", "ap", "epa", "alamy"}

// creditSuffixes end picture credits and captions printed as text.
var creditSuffixes = []string{"/ap", ", ap", "/reuters", "/afp", "all rights reserved."}

// agencyCredit is the picture agency a short line is credited to, at its
// end ("… Getty Images", "…/AFP") or its start ("Reuters/…"), or "".
func agencyCredit(f string) string {
	for _, a := range pictureAgencies {
		if strings.HasSuffix(f, " "+a) || strings.HasSuffix(f, "/"+a) ||
			strings.HasPrefix(f, a) && (len(f) == len(a) || f[len(a)] == '/' || f[len(a)] == ':') {
			return a
		}
	}
	return ""
}

// isCredit reports whether a short paragraph is a picture credit.
func isCredit(f string) bool {
	if f == "" || len(f) > 300 {
		return false
	}
	if creditLineRE.MatchString(f) {
		return true
	}
	if len(f) > 150 {
		return false
	}
	for _, p := range creditSuffixes {
		if strings.HasSuffix(f, p) {
			return true
		}
	}
	if agencyCredit(f) != "" {
		return true
	}
	// A caption ending in its credit: "... (Image: Agency)".
	if strings.HasSuffix(f, ")") {
		if k := strings.LastIndexByte(f, '('); k >= 0 {
			tail := f[k+1:]
			return strings.HasPrefix(tail, "image:") || strings.HasPrefix(tail, "photo:") ||
				strings.HasPrefix(tail, "picture:") || strings.HasPrefix(tail, "credit:")
		}
	}
	return false
}

// isURL reports whether a paragraph is nothing but an address: a URL, an
// e-mail address or a social handle.
func isURL(f string) bool {
	if len(f) < 5 || strings.ContainsAny(f, " \n") {
		return false
	}
	switch {
	case strings.HasPrefix(f, "http://"), strings.HasPrefix(f, "https://"), strings.HasPrefix(f, "www."):
		return true
	case f[0] == '@':
		return true
	case strings.Contains(f, "@"):
		return strings.Contains(f, ".")
	}
	dot := strings.IndexByte(f, '.')
	slash := strings.IndexByte(f, '/')
	return dot > 0 && slash > dot // a host and a path: "twitter.com/name"
}

// months start the English dates that sit alone as publication stamps.
var months = []string{"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan ", "feb ", "mar ",
	"apr ", "jun ", "jul ", "aug ", "sep ", "sept ", "oct ", "nov ", "dec "}

// isDateStamp reports whether a short paragraph is only a date, like
// "November 20, 2019" or "Monday 18 Nov 2019 7:45 am".
func isDateStamp(f string) bool {
	if f == "" || len(f) > 48 || strings.Count(f, " ") > 7 {
		return false
	}
	year := false
	for i := 0; i+4 <= len(f); i++ {
		if (f[i] == '1' && f[i+1] == '9' || f[i] == '2' && f[i+1] == '0') &&
			isDigit(f[i+2]) && isDigit(f[i+3]) && (i == 0 || !isDigit(f[i-1])) && (i+4 == len(f) || !isDigit(f[i+4])) {
			year = true
			break
		}
	}
	if !year {
		return false
	}
	for _, m := range months {
		if strings.Contains(f, m) {
			return true
		}
	}
	return false
}

// isDateLabel reports whether a short paragraph is a numeric date or time
// under a label of a word or two, as sites print the posting time:
// "기사입력 :[ 2018-08-25 15:24 ]", "Posted 05/10/2018 14:00".
func isDateLabel(f string) bool {
	if f == "" || len(f) > 60 || !hasNumericDate(f) {
		return false
	}
	words := 0
	for _, w := range strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if !isMeridiem(w) {
			words++
		}
	}
	return words <= 2
}

// timeWords are the words a line of dates and times is made of, beside
// its numbers: "8:23 PM ET Originally published 11:01 AM ET",
// "November 19, 2019 / 12:21 AM / Updated 14 hours ago".
var timeWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`am pm a.m p.m et est edt ct cst cdt pt pst pdt gmt utc bst cet cest ist
		ago updated published originally posted first last modified on at by
		sec secs second seconds min mins minute minutes hour hours hr hrs day days week weeks month months year years
		monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
		january february march april may june july august september october november december
		jan feb mar apr jun jul aug sep sept oct nov dec`) {
		m[w] = true
	}
	return m
}()

// isTimeLine reports whether a short line holds nothing but dates, times
// and the words that label them: a timestamp row beside a headline.
func isTimeLine(f string) bool {
	if len(f) > 100 || !strings.ContainsAny(f, "0123456789") {
		return false
	}
	words := strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' })
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if w = strings.Trim(w, "."); w != "" && !timeWords[w] {
			return false
		}
	}
	return true
}

func isMeridiem(w string) bool { return w == "am" || w == "pm" || w == "h" }

// hasNumericDate reports whether f holds a date written in digits with a
// four-digit year: 2018-08-25, 25.08.2018, 8/25/2018, 2018/08/25.
func hasNumericDate(f string) bool {
	for i := 0; i < len(f); i++ {
		if !isDigit(f[i]) || i > 0 && isDigit(f[i-1]) {
			continue
		}
		var groups [3]int
		n, j := 0, i
		for n < 3 {
			k := j
			for k < len(f) && isDigit(f[k]) {
				k++
			}
			if k == j {
				break
			}
			groups[n] = k - j
			n++
			j = k
			if n < 3 {
				if j >= len(f) || (f[j] != '-' && f[j] != '.' && f[j] != '/') {
					break
				}
				j++
			}
		}
		if n == 3 && (groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2 ||
			groups[0] <= 2 && groups[1] <= 2 && groups[2] == 4) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// tidy drops what a reader should not see in the body: the headline and
// anything above the first paragraph that repeats it, chrome labels, tag
// lines, and whatever trails the text with nothing to say (see trimTail).
func tidy(blocks []blk, title, byline string) []story.Block {
	out := make([]blk, 0, len(blocks))
	lead := true
	ft := fold(title)
	author := firstAuthor(byline)
	for k, b := range blocks {
		f := ""
		if len(b.Text) <= max(len(title)+100, 250) {
			// Only short texts can be the headline, a label or a credit.
			f = fold(b.Text)
		}
		if (lead || k < 8) && ft != "" && f == ft {
			continue
		}
		if lead && b.Kind == story.Heading && similar(f, ft) {
			continue
		}
		if lead && b.Kind == story.Paragraph && f != "" && len(f) < 120 &&
			(strings.HasPrefix(f, "by ") || author != "" && strings.Contains(f, author)) {
			continue // the byline printed above the text
		}
		if b.Kind == story.Paragraph && (isCredit(f) || isURL(f) || isPromo(f) || isNumberScrap(f) || isDateStamp(f) || isDateLabel(f) || isTimeLine(f)) {
			continue
		}
		if b.flags&bTagLine != 0 {
			continue
		}
		if lead && b.Kind == story.Heading && b.Level == 1 {
			continue
		}
		if b.Kind != story.Image && b.Kind != story.List && b.Kind != story.Table && isBoilerLine(f) {
			continue
		}
		if b.Kind == story.Paragraph || b.Kind == story.List || b.Kind == story.Quote {
			lead = false
		}
		out = append(out, b)
	}
	return blocksOf(trimTail(dropAppeals(dropSources(onceEach(out)))))
}

// appealPhrases mark a heading as a call for money or membership.
var appealPhrases = []string{"to ask", "support", "donat", "pitch in", "chip in", "become a member",
	"fundrais"}

// dropAppeals removes an appeal for support from the later part of the
// body: a heading that asks the reader for money or membership, and its
// section up to the next heading of its rank.
func dropAppeals(bs []blk) []blk {
	for k := len(bs) / 2; k < len(bs); k++ {
		b := bs[k]
		if b.Kind != story.Heading || len(b.Text) > 200 || !isAppeal(fold(b.Text)) {
			continue
		}
		end := k + 1
		for end < len(bs) && !(bs[end].Kind == story.Heading && bs[end].Level <= b.Level) {
			end++
		}
		return append(bs[:k], bs[end:]...)
	}
	return bs
}

func isAppeal(f string) bool {
	if !addressesReader(f) {
		return false
	}
	for _, p := range appealPhrases {
		if strings.Contains(f, p) {
			return true
		}
	}
	return false
}

// trimTail drops what is left dangling at the end of a body: headings and
// lead-ins ("This might be interesting to you:") whose content was chrome
// and is gone, and the thumbnails of teasers for other stories.
func trimTail(bs []blk) []blk {
	for len(bs) > 0 {
		b := bs[len(bs)-1]
		switch {
		case b.Kind == story.Heading:
		case b.Kind == story.Image && b.flags&bLinkedImage != 0:
		case b.Kind == story.Paragraph && isLeadIn(b.Text):
		default:
			return bs
		}
		bs = bs[:len(bs)-1]
	}
	return bs
}

// dropSources removes from the later half of the body the lists of sources
// a page prints under its story ("Article Sources:", a guide's references):
// a paragraph or bulleted list most of whose lines end in a bare address,
// at least three of them, with the label or heading right before it.
func dropSources(bs []blk) []blk {
	out := bs[:0]
	for k, b := range bs {
		if k >= len(bs)/2 && isSourceList(b) {
			if n := len(out); n > 0 && (out[n-1].Kind == story.Heading || out[n-1].Kind == story.Paragraph && isLeadIn(out[n-1].Text)) {
				out = out[:n-1]
			}
			continue
		}
		out = append(out, b)
	}
	return out
}

// isSourceList reports a paragraph or list whose lines or items mostly end
// in a bare address: a URL standing for itself, as references print them,
// not a link on words.
func isSourceList(b blk) bool {
	var lines []string
	switch b.Kind {
	case story.List:
		if b.Ordered {
			return false // numbered references the text cites: the story's own notes
		}
		lines = b.Items
	case story.Paragraph:
		lines = strings.Split(b.Text, "\n")
	default:
		return false
	}
	n := 0
	for _, l := range lines {
		f := strings.Fields(l)
		if len(f) > 0 && isWebAddress(f[len(f)-1]) {
			n++
		}
	}
	return n >= 3 && n*2 > len(lines)
}

// isWebAddress reports a URL written out: http(s):// or www. and a host.
func isWebAddress(w string) bool {
	w = strings.ToLower(strings.TrimRight(w, ".,;)"))
	for _, p := range []string{"https://", "http://", "www."} {
		if strings.HasPrefix(w, p) && strings.Contains(w[len(p):], ".") {
			return true
		}
	}
	return false
}

// isLeadIn reports whether a paragraph only introduces what follows it: a
// short line ending in a colon.
func isLeadIn(text string) bool {
	text = strings.TrimSpace(text)
	return len(text) < 120 && strings.HasSuffix(text, ":") && !strings.Contains(text, "\n")
}

// boilerSet is boilerLines keyed as isBoilerLine looks them up.
var boilerSet = func() map[string]bool {
	m := make(map[string]bool, len(boilerLines))
	for k := range boilerLines {
		m[boilerKey(k)] = true
	}
	return m
}()

// boilerKey strips the trailing dots, colons and ellipses that labels come
// with or without.
func boilerKey(f string) string {
	return strings.TrimRight(f, ".:…· ")
}

// isBoilerLine reports whether a folded paragraph is one of boilerLines.
func isBoilerLine(f string) bool {
	if f == "" || len(f) >= 60 {
		return false
	}
	k := boilerKey(f)
	// A loader's placeholder: "Loading…", "Loading content ...".
	return boilerSet[k] || strings.HasPrefix(k, "loading") && strings.Count(k, " ") < 3 ||
		isAdLabel(k) || related.IsLabel(k)
}

// adLabelWords are the words of an ad slot's label: "Advert", "Sponsored
// links", "Skip advertisement".
var adLabelWords = map[string]bool{"ad": true, "ads": true, "advert": true, "advertisement": true,
	"advertising": true, "sponsored": true, "promoted": true, "skip": true, "links": true, "content": true}

// isAdLabel reports whether a folded line is an ad slot's label: a few
// words of adLabelWords, one of them naming the ad.
func isAdLabel(f string) bool {
	words := strings.Fields(f)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	named := false
	for _, w := range words {
		if !adLabelWords[w] {
			return false
		}
		named = named || w != "skip" && w != "links" && w != "content"
	}
	return named
}

// firstAuthor is the first name of a byline, folded, for finding the
// byline printed in the page.
func firstAuthor(byline string) string {
	f := fold(byline)
	f = strings.TrimPrefix(f, "by ")
	for _, sep := range []string{",", " and ", " & ", ";", "|"} {
		f, _, _ = strings.Cut(f, sep)
	}
	f = strings.TrimSpace(f)
	if len(f) < 4 {
		return ""
	}
	return f
}

// similar reports whether two folded headlines share nearly all their
// words: the same headline punctuated or abridged differently.
func similar(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) < 3 || len(wb) < 3 {
		return a == b
	}
	set := make(map[string]bool, len(wb))
	for _, w := range wb {
		set[strings.Trim(w, ".,:;!?\"'“”‘’")] = true
	}
	common := 0
	for _, w := range wa {
		if set[strings.Trim(w, ".,:;!?\"'“”‘’")] {
			common++
		}
	}
	return common*5 >= len(wa)*4 && common*5 >= len(wb)*4
}

// fold lowercases and collapses white space, for comparing short texts.
func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

func isNumber(s string) bool {
	if s == "" || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
