package meta

import (
	"regexp"
	"sort"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/tread-reader/tread/extract/internal/flat"
)

const (
	// Long runs of prose only count at their start ("RAJSHAHI, Dec 20,
	// 2025 (BSS) –"); a date later in a paragraph is what the story is about.
	proseHead = 80
	proseLen  = 200
)

// printedDate is a date the page prints near its headline.
type printedDate struct {
	t       time.Time
	updated bool // labelled "Updated", "Modified", "Reviewed"
}

var (
	dateInTextRE *regexp.Regexp
	// updatedLabelRE is a modification label ending the text before a
	// date, with the little words that tie it to the date ("Last updated
	// on", "Aktualisiert am", "Mis à jour le").
	updatedLabelRE = regexp.MustCompile(`(?i)(updated|modified|reviewed|edited|revised|aktualisiert|mis à jour|actualizado|aggiornato|atualizado|bijgewerkt)(?:[^\p{L}]*(?:on|at|am|le|el|il|em|op))?[^\p{L}]*$`)
)

func init() {
	var months []string
	for m := range monthNames {
		months = append(months, regexp.QuoteMeta(m))
	}
	// Longest first so that "September" is not read as "Sep".
	sort.Slice(months, func(i, j int) bool { return len(months[i]) > len(months[j]) })
	mon := `(?:` + strings.Join(months, "|") + `)\.?`
	day := `\d{1,2}(?:st|nd|rd|th)?\.?`
	dateInTextRE = regexp.MustCompile(`(?i)\b(?:` +
		mon + `\s+` + day + `,?\s+\d{4}` + `|` +
		day + `\s+(?:of\s+|de\s+)?` + mon + `,?\s+(?:de\s+)?\d{4}` + `|` +
		`\d{4}-\d{2}-\d{2}` + `|` + `\d{4}/\d{1,2}/\d{1,2}` + `|` +
		`\d{1,2}[./]\d{1,2}[./]\d{4}` + `)\b`)
}

// findDates lists the dates written in free text, each labelled by the
// words just before it, which may end the previous text run ("Updated:"
// in one element, the date in the next). dayFirst orders numeric dates.
func findDates(prefix, s string, dayFirst bool) []printedDate {
	if !hasYear(s) {
		return nil
	}
	var out []printedDate
	for _, loc := range dateInTextRE.FindAllStringIndex(s, 8) {
		t, ok := readDate(s[loc[0]:loc[1]], dayFirst)
		if !ok {
			continue
		}
		before := prefix + " " + s[:loc[0]]
		if len(before) > 40 {
			before = strings.ToValidUTF8(before[len(before)-40:], "")
		}
		out = append(out, labelled(t, before))
	}
	return out
}

func labelled(t time.Time, before string) printedDate {
	return printedDate{t: t, updated: updatedLabelRE.MatchString(before)}
}

// printedDates finds the dates printed just below and above the headline,
// nearest first: the byline line under the title, then a "Last updated"
// line over it.
func (s *signals) printedDates() []printedDate {
	z := s.headZone()
	var out []printedDate
	for _, i := range z.near {
		out = append(out, itemDates(z.items, i, s.dayFirst)...)
	}
	return out
}

// itemDates reads the dates of one text item.
func itemDates(items []textItem, i int, dayFirst bool) []printedDate {
	it := items[i]
	prev := ""
	if i > 0 {
		prev = items[i-1].text
	}
	text := it.text
	if len(text) > proseLen {
		text = strings.ToValidUTF8(text[:proseHead], "")
	}
	out := findDates(prev, text, dayFirst)
	if !it.time.IsZero() {
		// A <time> keeps the exact value of its datetime attribute, and the
		// label its own words give ("Last updated: May 2, 2024"); its words
		// may add a second date ("Updated May 2 · First published May 1").
		matched := false
		for k := range out {
			if sameDate(out[k].t, it.time) {
				out[k].t, matched = it.time, true
			}
		}
		if !matched {
			if len(prev) > 40 {
				prev = strings.ToValidUTF8(prev[len(prev)-40:], "")
			}
			out = []printedDate{labelled(it.time, prev)}
		}
	}
	if len(out) > 0 && modifiedMarkup(it.node) {
		for k := range out {
			out[k].updated = true
		}
	}
	return out
}

// modifiedMarkup reports a date element that the page's own markup names
// as a modification date: itemprop="dateModified", or a class such as
// "entry-modified-time" on it or its parent. The class "updated" is no
// sign: hAtom themes put it on the publication date they print.
func modifiedMarkup(n *html.Node) bool {
	for k := 0; k < 2 && n != nil && n.Type == html.ElementNode; k++ {
		switch strings.ToLower(flat.Attr(n, "itemprop")) {
		case "datemodified":
			return true
		case "datepublished":
			return false
		}
		c := strings.ToLower(flat.Attr(n, "class"))
		if strings.Contains(c, "publish") || strings.Contains(c, "posted") {
			return false
		}
		if strings.Contains(c, "modif") {
			return true
		}
		n = n.Parent
	}
	return false
}

// nodeText is n's text with its runs kept apart, so that "2022" and
// "8:23 PM" in sibling elements do not read as "20228:23 PM".
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 32 || b.Len() > 1000 {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return clean(b.String())
}

// isHiddenNode reports elements a reader never sees: hidden by their
// attributes, or by a screen-reader-only class.
func isHiddenNode(n *html.Node) bool {
	if flat.Hidden(n) {
		return true
	}
	for _, c := range strings.Fields(strings.ToLower(flat.Attr(n, "class"))) {
		if srOnly[c] {
			return true
		}
	}
	return false
}

// srOnly are class names that hide text from sighted readers.
var srOnly = map[string]bool{
	"sr-only": true, "screen-reader-text": true, "visually-hidden": true, "visuallyhidden": true,
	"elementor-screen-only": true, "screen-reader-only": true, "hidden": true, "d-none": true,
	"a11y-hidden": true, "u-hidden": true, "is-hidden": true,
}

// hasYear reports a run of four digits, which every date the text reader
// knows contains; it spares the regexp most text runs.
func hasYear(s string) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
