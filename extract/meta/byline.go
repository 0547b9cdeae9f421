package meta

import (
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/tread-reader/tread/extract/internal/flat"
)

var (
	// notAuthorRE marks credits that are not authorship.
	notAuthorRE = regexp.MustCompile(`(?i)^` + notAuthorCredit)
	// laterCreditRE is such a credit later in a byline line ("By Ana
	// Ruiz, DVM. Reviewed by Ben Cole"), where the authors' names end.
	laterCreditRE   = regexp.MustCompile(`(?i)[\s.,;|·•]\s*` + notAuthorCredit)
	notAuthorCredit = `(?:(?:medically\s+|fact[\s-]*)?(?:reviewed|checked|edited|verified|photographed|illustrated|produced|narrated)|photos?|illustrations?|images?|video|graphics)\s+by\b`
	commaRE         = regexp.MustCompile(`\s*[,;|·•∙/／]\s*|\s+[-–—]\s+`)
	andRE           = regexp.MustCompile(`(?i)\s+(?:and|&|und|et|y|e|en|og|och|i)\s+`)
	// cutRE marks where a byline stops being a name: a date or an
	// "updated" note, a place, or the rest of a header line.
	// Other languages' words before a date ("em 05/10/2018", "le 5 mars")
	// are cut only with their date: some are name particles too.
	cutRE = regexp.MustCompile(`(?i)\s+(?:on|at|in|from|updated|published|posted|last\s+updated|modified|for)\b.*$|\s+(?:em|am|le|el|il|op|den|à|a|de|du|del)\s+\d.*$|\s*\(.*$|\s*\d.*$`)
	// credentialRE is a degree or title written after a name ("Jane Doe,
	// MD"); it stays with the name.
	credentialRE = regexp.MustCompile(`^(?:MD|DO|PhD|Ph\.D\.|DVM|RD|RDN|RN|NP|PA-C|MPH|MS|MA|MBA|CPA|CFP|JD|Esq\.?|Jr\.?|Sr\.?|II|III|IV|LCSW|PharmD|DDS|DPT|OD|CNM|FACS|FAAP)$`)
	// groupRE is a collective byline: "The Currency editors", "Podium
	// Staff", "the Lavazza Team". Pages print these where no person is
	// credited, and they are kept as they are.
	groupRE   = regexp.MustCompile(`(?i)^(?:the\s+)?[\p{Lu}\d][\p{L}\d'’&.\- ]{0,40}?\s+(?:(?:editorial|news|content|research|web)\s+)?(?:team|staff|editors|desk|newsroom|contributors?)$`)
	roleWords = map[string]bool{
		"writer": true, "editor": true, "reporter": true, "correspondent": true, "contributor": true,
		"staff": true, "columnist": true, "journalist": true, "producer": true, "director": true,
		"manager": true, "ceo": true, "founder": true, "cofounder": true, "co-founder": true, "president": true,
		"analyst": true, "specialist": true, "strategist": true, "consultant": true, "officer": true,
		"head": true, "lead": true, "senior": true, "chief": true, "associate": true, "intern": true,
		"photographer": true, "editorial": true, "contributing": true, "freelance": true, "expert": true,
		"professor": true, "researcher": true, "marketing": true, "engineer": true, "developer": true,
		"designer": true, "coordinator": true, "vp": true, "cto": true, "cmo": true, "coo": true,
		"representative": true, "member": true, "fellow": true, "faculty": true, "program": true,
	}
	// notNames are placeholders and words that sit where a name would.
	notNames = map[string]bool{
		"admin": true, "administrator": true, "user": true, "guest": true, "webmaster": true,
		"unknown": true, "anonymous": true, "author": true, "authors": true, "null": true, "none": true,
		"undefined": true, "false": true, "true": true, "by": true, "share": true, "follow": true,
		"more": true, "view": true, "profile": true, "bio": true, "about": true, "read": true, "home": true,
		"posts": true, "articles": true, "email": true, "twitter": true, "facebook": true, "linkedin": true,
		"instagram": true, "updated": true, "published": true, "contact": true, "team": true,
		"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
		"saturday": true, "sunday": true, "today": true, "yesterday": true, "youtube": true,
		"pinterest": true, "tiktok": true, "rss": true, "paid": true, "free": true, "subscribe": true,
	}
)

// notNameWords never appear in a name but do in the links around one.
var notNameWords = map[string]bool{
	"bio": true, "profile": true, "view": true, "posts": true, "articles": true, "follow": true,
	"subscribe": true, "share": true, "contact": true, "login": true, "sign": true, "read": true,
	"more": true, "website": true, "newsletter": true, "menu": true, "search": true,
}

// nameList is a byline being assembled: names in order, without repeats.
type nameList struct {
	names []string
	seen  map[string]bool
}

func (l *nameList) add(n string) {
	k := squash(n)
	if l.seen == nil {
		l.seen = map[string]bool{}
	}
	if k != "" && !l.seen[k] {
		l.seen[k] = true
		l.names = append(l.names, n)
	}
}

// String joins the names as a reader would write them: "A, B and C".
func (l *nameList) String() string {
	switch len(l.names) {
	case 0:
		return ""
	case 1:
		return l.names[0]
	}
	return strings.Join(l.names[:len(l.names)-1], ", ") + " and " + l.names[len(l.names)-1]
}

// splitNames cleans a raw author string into names: no "By " (or the label
// by reads, in the page's language), no dates, no job titles, no URLs or
// handles. Credentials stay with their name.
func splitNames(raw string, by *regexp.Regexp) []string {
	s := clean(raw)
	if s == "" || len(s) > 300 || looksLikeURL(s) || notAuthorRE.MatchString(s) {
		return nil
	}
	s = by.ReplaceAllString(s, "")
	if loc := laterCreditRE.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	var out []string
	for _, part := range commaRE.Split(s, -1) {
		part = strings.TrimSpace(part)
		if credentialRE.MatchString(strings.Trim(part, ".")) || credentialRE.MatchString(part) {
			if len(out) > 0 {
				out[len(out)-1] += ", " + part
			}
			continue
		}
		if groupRE.MatchString(part) && !hasRoleWord(groupHead(part)) {
			out = append(out, strings.Trim(part, " .,:;"))
			continue
		}
		if hasRoleWord(part) || strings.Contains(part, ":") && !by.MatchString(part) {
			continue
		}
		for _, n := range andRE.Split(part, -1) {
			n = by.ReplaceAllString(strings.TrimSpace(n), "")
			cut := cutRE.ReplaceAllString(n, "")
			n = trimCalendarWords(strings.Trim(cut, " .,:;|-–—\"'“”／"), cut != n)
			if isName(n) {
				out = append(out, n)
			}
		}
	}
	return out
}

// groupHead is a group byline without its group word: "Senior" for
// "Senior Contributor", which is a job title, not a group.
func groupHead(s string) string {
	return groupTailRE.ReplaceAllString(s, "")
}

var groupTailRE = regexp.MustCompile(`(?i)\s+(?:(?:editorial|news|content|research|web)\s+)?(?:team|staff|editors|desk|newsroom|contributors?)$`)

// trimCalendarWords drops the day and month names a date left around a
// name once its digits were cut ("Jeff Foust Monday", "Monday November").
// A month name ends a name too ("Tom May", "Alyssa Maio"): it is dropped
// only when a date was cut after it (dated) or a weekday comes before it.
func trimCalendarWords(n string, dated bool) string {
	f := strings.Fields(n)
	for len(f) > 0 {
		last := f[len(f)-1]
		if !isWeekday(last) && !(isCalendarWord(last) && (dated || len(f) > 1 && isWeekday(f[len(f)-2]))) {
			break
		}
		f = f[:len(f)-1]
	}
	for len(f) > 0 && isWeekday(f[0]) {
		f = f[1:]
		for len(f) > 0 && isCalendarWord(f[0]) {
			f = f[1:]
		}
	}
	return strings.Join(f, " ")
}

func isCalendarWord(w string) bool {
	w = strings.ToLower(strings.Trim(w, ".,"))
	return monthNames[w] != 0 || isWeekday(w)
}

func isWeekday(w string) bool {
	switch strings.ToLower(strings.Trim(w, ".,")) {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun":
		return true
	}
	return false
}

func hasRoleWord(s string) bool {
	for _, w := range strings.Fields(s) {
		if roleWords[strings.ToLower(strings.Trim(w, ".,()"))] {
			return true
		}
	}
	return false
}

// isName reports whether a cleaned fragment can be an author's name.
func isName(s string) bool {
	if s == "" || len(s) > 60 || looksLikeURL(s) || strings.ContainsAny(s, "@<>{}=:#%") {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 6 {
		return false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	// A login ("aawoods") is kept: pages print it as the author's name.
	if letters < 2 {
		return false
	}
	lower := strings.ToLower(s)
	switch strings.ToLower(words[0]) {
	case "updated", "published", "posted", "modified", "reviewed", "last", "edited", "on":
		return false
	}
	for _, w := range words {
		if notNameWords[strings.ToLower(w)] {
			return false
		}
	}
	if notNames[lower] || monthNames[strings.TrimSuffix(lower, ".")] != 0 && len(words) == 1 {
		return false
	}
	// Particles alone ("le" left from "le 5 mars") name nobody.
	onlyParticles := true
	for _, w := range words {
		if !particles[strings.ToLower(w)] {
			onlyParticles = false
			break
		}
	}
	if onlyParticles {
		return false
	}
	for _, w := range words {
		// A dotted path ("page.head.author") is a template left unfilled.
		if strings.Count(w, ".") >= 2 && len(w) > 6 {
			return false
		}
	}
	return !hasRoleWord(s)
}

func looksLikeURL(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "://") || strings.HasPrefix(l, "www.") || strings.HasPrefix(l, "/") ||
		strings.HasSuffix(l, ".com") || strings.HasPrefix(l, "@")
}

// pickByline chooses the article's authors. People beat organisations: a
// JSON-LD author typed Organization, or a name equal to the site's, is only
// used when no source names a person. Metadata beats the page's printed
// byline, unless the printed one names the same people and more.
func (s *signals) pickByline(site string) string {
	names := s.siteNames(site, nil)
	isOrg := func(n string) bool {
		return isSiteName(n, names)
	}
	var orgs nameList
	people := func(raws []string) nameList {
		var l nameList
		for _, r := range raws {
			credit := s.siteCredit(r)
			for _, n := range splitNames(r, s.byRE) {
				if credit || isOrg(n) {
					orgs.add(n)
				} else {
					l.add(n)
				}
			}
		}
		return l
	}
	fromLD := func(as []ldAgent) []string {
		var raws []string
		for _, a := range as {
			if a.Org && !a.Person {
				for _, n := range splitNames(a.Name, s.byRE) {
					orgs.add(n)
				}
				continue
			}
			raws = append(raws, a.Name)
		}
		return raws
	}
	printed := people(s.printedByline(isOrg))
	for _, raws := range [][]string{
		fromLD(s.ld.Authors),
		s.tags["author"],
		s.tags["article:author"],
		s.tags["parsely-author"],
		s.tags["sailthru.author"],
		s.tags["dc.creator"],
		s.tags["dcterms.creator"],
		s.tags["citation_author"],
		s.tags["byl"],
		s.labelledAuthor(),
		fromLD(s.ld.PageAuthors),
		s.itemAuthors(),
	} {
		l := people(raws)
		if len(l.names) == 0 {
			continue
		}
		// The printed byline wins when it credits the same people and
		// more: co-authors, "Dr.", a credential.
		if len(printed.names) >= len(l.names) && covers(printed, l) && len(printed.String()) > len(l.String()) {
			return printed.String()
		}
		return l.String()
	}
	if len(printed.names) > 0 {
		return printed.String()
	}
	if len(orgs.names) == 0 {
		return s.authorLink(isOrg)
	}
	return orgs.String()
}

// maxAuthorScan bounds the elements authorLink looks at.
const maxAuthorScan = 20000

// authorLink is the name on the page's first link to an author's page
// (rel=author, or an address like /author/name), wherever it is printed:
// the byline of a page that prints it away from the headline, in an
// author box under the story. It is the last resort, after the metadata
// and the byline printed by the headline.
func (s *signals) authorLink(isOrg func(string) bool) string {
	seen := 0
	var found string
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) bool {
		if seen++; seen > maxAuthorScan {
			return false
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			rel := strings.ToLower(flat.Attr(n, "rel"))
			if strings.Contains(rel, "author") {
				if t := clean(nodeText(n)); authorish(n) && nameShaped(t) && len(strings.Fields(t)) >= 2 &&
					len(strings.Fields(t)) <= 4 && !isOrg(t) {
					found = t
					return false
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	for _, n := range s.doc.Nodes {
		walk(n)
	}
	return found
}

// siteCredit reports an author value that the page also gives as its
// generator, copyright holder or publisher: whoever built or owns the site,
// credited on every page of it, not the article's writer.
func (s *signals) siteCredit(raw string) bool {
	k := squash(raw)
	if k == "" {
		return false
	}
	for _, key := range []string{"generator", "copyright", "publisher", "owner"} {
		for _, v := range s.tags[key] {
			if squash(v) == k {
				return true
			}
		}
	}
	return false
}

// covers reports whether every name of b is within a name of a.
func covers(a, b nameList) bool {
	for _, n := range b.names {
		k, found := squash(n), false
		for _, m := range a.names {
			if strings.Contains(squash(m), k) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// authorLabels are the labels that twitter:labelN tags give the author
// written in the matching twitter:dataN, as blog platforms print them.
var authorLabels = map[string]bool{"written by": true, "author": true, "by": true}

// labelledAuthor is the value of the twitter:dataN tag whose label says
// it is the author ("Written by").
func (s *signals) labelledAuthor() []string {
	for _, n := range []string{"1", "2", "3", "4"} {
		labels, data := s.tags["twitter:label"+n], s.tags["twitter:data"+n]
		if len(labels) > 0 && len(data) > 0 && authorLabels[strings.ToLower(strings.TrimSpace(labels[0]))] {
			return data[:1]
		}
	}
	return nil
}
