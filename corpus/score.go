package corpus

import (
	"net/url"
	"regexp"
	"strings"
	"time"
)

// tokenRE is the benchmark's token: a maximal run of Unicode letters, digits
// and underscore (Go's \w is ASCII-only, which would be wrong).
var tokenRE = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// Tokens splits text into benchmark tokens, case kept, soft hyphens removed.
func Tokens(text string) []string {
	return tokenRE.FindAllString(strings.ReplaceAll(text, "\u00ad", ""), -1)
}

// PageCounts is one page's shingle match: true positives, false positives
// and false negatives.
type PageCounts struct{ TP, FP, FN int }

// Shingles compares the 4-token shingle multisets of a prediction and the
// ground truth, as the article-extraction benchmark does.
func Shingles(pred, truth string) PageCounts {
	p, t := shingleBag(Tokens(pred)), shingleBag(Tokens(truth))
	var c PageCounts
	for k, n := range p {
		m := t[k]
		c.TP += min(n, m)
		c.FP += max(n-m, 0)
	}
	for k, m := range t {
		c.FN += max(m-p[k], 0)
	}
	return c
}

func shingleBag(toks []string) map[string]int {
	bag := map[string]int{}
	switch {
	case len(toks) == 0:
	case len(toks) < 4:
		bag[strings.Join(toks, "\x00")]++
	default:
		for i := 0; i+4 <= len(toks); i++ {
			bag[strings.Join(toks[i:i+4], "\x00")]++
		}
	}
	return bag
}

// Precision is the page's precision by the benchmark's rules.
func (c PageCounts) Precision() float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FP == 0:
		return 0
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is the page's recall by the benchmark's rules.
func (c PageCounts) Recall() float64 {
	switch {
	case c.FP == 0 && c.FN == 0:
		return 1
	case c.TP == 0 && c.FN == 0:
		return 0
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// AEBScore is the corpus score: P and R are means over the pages that count
// for each, F1 is the F1 of those means.
type AEBScore struct {
	P, R, F1 float64
	Pages    int
}

// ScoreAEB combines per-page counts into the benchmark's corpus score.
func ScoreAEB(pages []PageCounts) AEBScore {
	var ps, rs float64
	var np, nr int
	for _, c := range pages {
		if c.TP+c.FP > 0 {
			ps += c.Precision()
			np++
		}
		if c.TP+c.FN > 0 {
			rs += c.Recall()
			nr++
		}
	}
	s := AEBScore{Pages: len(pages)}
	if np > 0 {
		s.P = ps / float64(np)
	}
	if nr > 0 {
		s.R = rs / float64(nr)
	}
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// WordPRF is the web-content benchmark's body metric for one page: the
// lowercase word bags of prediction and truth, precision, recall and F1.
func WordPRF(pred, truth string) (p, r, f1 float64) {
	pb, tb := wordBag(pred), wordBag(truth)
	np, nt := 0, 0
	for _, n := range pb {
		np += n
	}
	for _, n := range tb {
		nt += n
	}
	if np == 0 && nt == 0 {
		return 1, 1, 1
	}
	if np == 0 || nt == 0 {
		return 0, 0, 0
	}
	common := 0
	for w, n := range pb {
		common += min(n, tb[w])
	}
	p, r = float64(common)/float64(np), float64(common)/float64(nt)
	if p+r > 0 {
		f1 = 2 * p * r / (p + r)
	}
	return p, r, f1
}

func wordBag(s string) map[string]int {
	bag := map[string]int{}
	for _, t := range Tokens(s) {
		bag[strings.ToLower(t)]++
	}
	return bag
}

// SameHeadline compares headlines after folding case and spaces.
func SameHeadline(got, want string) bool {
	return fold(got) == fold(want)
}

func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// BylineHas reports whether every author name in want (comma- or
// "and"-separated) appears in the byline got, case folded. An empty want
// asks for an empty byline.
func BylineHas(got, want string) bool {
	want = strings.TrimSpace(want)
	if want == "" {
		return strings.TrimSpace(got) == ""
	}
	g := fold(got)
	for _, name := range AuthorNames(want) {
		if !strings.Contains(g, fold(name)) {
			return false
		}
	}
	return true
}

// AuthorNames splits an author field into names.
func AuthorNames(s string) []string {
	s = strings.NewReplacer(" and ", ",", " & ", ",", ";", ",").Replace(s)
	var out []string
	for _, n := range strings.Split(s, ",") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// SameDay reports whether a published time falls on the ground truth's day
// (YYYY-MM-DD). An empty want asks for an unknown (zero) time. The day is
// taken in the time's own zone, as the page printed it.
func SameDay(got time.Time, want string) bool {
	if want == "" {
		return got.IsZero()
	}
	return !got.IsZero() && got.Format("2006-01-02") == want
}

// NormalizeURL prepares a URL for comparison as related.json is scored:
// without scheme, "www.", trailing slash, fragment and tracking parameters.
func NormalizeURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return strings.TrimSpace(raw)
	}
	q := u.Query()
	for k := range q {
		if IsTrackingParam(k) {
			q.Del(k)
		}
	}
	host := strings.TrimPrefix(strings.ToLower(u.Host), "www.")
	s := host + strings.TrimRight(u.EscapedPath(), "/")
	if enc := q.Encode(); enc != "" {
		s += "?" + enc
	}
	return s
}

// IsTrackingParam reports whether a query parameter only tracks the reader.
func IsTrackingParam(k string) bool {
	k = strings.ToLower(k)
	if strings.HasPrefix(k, "utm_") {
		return true
	}
	switch k {
	case "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "ref_src",
		"cmpid", "cmp", "icid", "ito", "ncid", "sr_share", "smid", "cid", "ocid", "ftag", "mod",
		"intcmp", "int_source", "int_medium", "int_campaign", "__twitter_impression", "src", "via",
		"gmpage", "from", "xtor", "at_medium", "at_campaign", "spm":
		return true
	}
	return false
}

// RelatedScore is precision and recall of related links on one page.
type RelatedScore struct {
	TP, Predicted int // predicted links that are labelled related or more
	Relevant      int // labelled related links
	Found         int // labelled related links predicted
}

// Add sums o into s, to score many pages at once (micro averages).
func (s *RelatedScore) Add(o RelatedScore) {
	s.TP, s.Predicted, s.Relevant, s.Found = s.TP+o.TP, s.Predicted+o.Predicted, s.Relevant+o.Relevant, s.Found+o.Found
}

// ScoreRelated compares predicted related URLs with a page's labels:
// recall over tier "related", precision over "related" and "more" together.
func ScoreRelated(pred []string, labels []RelatedLink) RelatedScore {
	any := map[string]bool{}
	rel := map[string]bool{}
	for _, l := range labels {
		n := NormalizeURL(l.URL)
		any[n] = true
		if l.Tier == "related" {
			rel[n] = true
		}
	}
	var s RelatedScore
	seen := map[string]bool{}
	for _, p := range pred {
		n := NormalizeURL(p)
		if seen[n] {
			continue
		}
		seen[n] = true
		s.Predicted++
		if any[n] {
			s.TP++
		}
		if rel[n] {
			s.Found++
		}
	}
	s.Relevant = len(rel)
	return s
}

// Ratio is a/b, or 1 when b is 0 (nothing to find, nothing wrongly found).
func Ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}
