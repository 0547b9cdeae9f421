package meta

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
)

var (
	byPrefixRE  = regexp.MustCompile(`(?i)^(?:(?:written|posted|authored|words|story|text|reported|published|compiled)\s+by|by|author(?:s|\(s\))?|von|par|por|di|door|av|af)\b\s*[:\-–—]?\s*`)
	nameSplitRE = regexp.MustCompile(`(?i)\s*(?:,|;|\s&\s|\s+and\s+|\s+und\s+|\s+et\s+|\s+y\s+|\s+e\s+|\s+en\s+|\s+og\s+|\s*\|\s*|\s+/\s+|\s*·\s*|\s*•\s*)\s*`)
	// cutRE marks where a byline stops being a name: a date, an "updated"
	// note, a place or a separator before the rest of the header.
	cutRE     = regexp.MustCompile(`(?i)\s+(?:on|at|in|from|updated|published|posted|last updated|modified|for)\s*[:]?\s+.*$|\s+[-–—]\s+.*$|\s*\(.*$|\s*\d.*$`)
	roleWords = map[string]bool{
		"writer": true, "editor": true, "reporter": true, "correspondent": true, "contributor": true,
		"staff": true, "columnist": true, "journalist": true, "producer": true, "director": true,
		"manager": true, "ceo": true, "founder": true, "cofounder": true, "co-founder": true, "president": true,
		"analyst": true, "specialist": true, "strategist": true, "consultant": true, "officer": true,
		"head": true, "lead": true, "senior": true, "chief": true, "associate": true, "intern": true,
		"photographer": true, "editorial": true, "contributing": true, "freelance": true, "expert": true,
		"professor": true, "researcher": true, "marketing": true, "engineer": true, "developer": true,
		"designer": true, "coordinator": true, "vp": true, "cto": true, "cmo": true, "coo": true,
	}
	// notNames are placeholders CMSs put where an author would be.
	notNames = map[string]bool{
		"admin": true, "administrator": true, "user": true, "guest": true, "webmaster": true,
		"unknown": true, "anonymous": true, "author": true, "authors": true, "null": true, "none": true,
		"undefined": true, "false": true, "true": true, "by": true, "share": true, "follow": true,
	}
)

// nameList is a byline being assembled: names in order, without repeats.
type nameList struct {
	names []string
	seen  map[string]bool
}

func (l *nameList) add(raw string) {
	for _, n := range splitNames(raw) {
		k := squash(n)
		if l.seen == nil {
			l.seen = map[string]bool{}
		}
		if !l.seen[k] {
			l.seen[k] = true
			l.names = append(l.names, n)
		}
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

// splitNames cleans a raw author string into person-like names: no "By ",
// no dates, no job titles, no URLs or handles.
func splitNames(raw string) []string {
	s := clean(raw)
	if s == "" || len(s) > 300 || looksLikeURL(s) {
		return nil
	}
	s = byPrefixRE.ReplaceAllString(s, "")
	var out []string
	for _, part := range nameSplitRE.Split(s, -1) {
		part = byPrefixRE.ReplaceAllString(strings.TrimSpace(part), "")
		part = cutRE.ReplaceAllString(part, "")
		part = strings.Trim(part, " .,:;|-–—\"'“”")
		if isName(part) {
			out = append(out, part)
		}
	}
	return out
}

// isName reports whether a cleaned fragment can be an author's name.
func isName(s string) bool {
	if s == "" || len(s) > 60 || looksLikeURL(s) || strings.ContainsAny(s, "@<>{}=") {
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
	if letters < 2 {
		return false
	}
	if notNames[strings.ToLower(s)] {
		return false
	}
	for _, w := range words {
		if roleWords[strings.ToLower(strings.Trim(w, ".,"))] {
			return false
		}
	}
	// Credentials (MD, PhD, RDN) split off by a comma are not names.
	if len(words) == 1 && len(s) <= 4 && strings.ToUpper(s) == s {
		return false
	}
	return true
}

func looksLikeURL(s string) bool {
	l := strings.ToLower(s)
	return strings.Contains(l, "://") || strings.HasPrefix(l, "www.") || strings.HasPrefix(l, "/") ||
		strings.HasSuffix(l, ".com") || strings.HasPrefix(l, "@")
}

// pickByline chooses the article's authors. People beat organisations: a
// JSON-LD author typed Organization, or a name equal to the site's, is only
// used when no source names a person.
func (s *signals) pickByline(site string) string {
	names := s.siteNames(site, nil)
	isOrg := func(n string) bool {
		for _, sn := range names {
			if squash(sn) == squash(n) || strings.Contains(sn, ".") && isSiteName(n, []string{sn}) {
				return true
			}
		}
		return false
	}
	var orgs nameList
	try := func(raws []string) string {
		var l nameList
		for _, r := range raws {
			for _, n := range splitNames(r) {
				if isOrg(n) {
					orgs.add(n)
				} else {
					l.add(n)
				}
			}
		}
		return l.String()
	}
	fromLD := func(as []ldAgent) []string {
		var raws []string
		for _, a := range as {
			if a.Org && !a.Person {
				orgs.add(a.Name)
				continue
			}
			raws = append(raws, a.Name)
		}
		return raws
	}
	sources := [][]string{
		fromLD(s.ld.Authors),
		s.tags["author"],
		s.tags["article:author"],
		s.tags["parsely-author"],
		s.tags["sailthru.author"],
		s.tags["dc.creator"],
		s.tags["dcterms.creator"],
		s.tags["citation_author"],
		s.tags["byl"],
		fromLD(s.ld.PageAuthors),
		s.itemAuthors(),
		s.domAuthors(),
	}
	for _, raws := range sources {
		if b := try(raws); b != "" {
			return b
		}
	}
	return orgs.String()
}

// domAuthors reads visible author links and byline elements.
func (s *signals) domAuthors() []string {
	var out []string
	s.doc.Find(`a[rel~="author"], [class*="byline"], [class*="author-name"], [class*="authorname"]`).EachWithBreak(func(i int, n *goquery.Selection) bool {
		cls := strings.ToLower(n.AttrOr("class", ""))
		if strings.Contains(cls, "comment") || hidden(n) {
			return i < 30
		}
		if t := clean(n.Text()); t != "" && len(t) < 120 {
			out = append(out, t)
		}
		return len(out) == 0 && i < 30
	})
	return out
}
