package meta

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Years outside this range are taken as parse accidents (a page id, a price),
// not publication dates.
const (
	minYear = 1990
	maxYear = 2100
)

var (
	isoRE = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?`)
	// compactRE is ISO 8601's basic format: 20240305 or 20240305T100000Z.
	compactRE = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{4})?)?$`)
	slashRE   = regexp.MustCompile(`\b(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b`)
	dmyRE     = regexp.MustCompile(`\b(\d{1,2})([./-])(\d{1,2})[./-](\d{4})\b`)
	wordsRE   = regexp.MustCompile(`[\p{L}]+\.?|\d+(?:st|nd|rd|th)?`)
	timeOfDay = regexp.MustCompile(`(?i)\b(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?`)
)

var monthNames = map[string]time.Month{}

func init() {
	lists := [][]string{
		{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"},
		{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"},
		{"", "", "", "", "", "", "", "", "sept", "", "", ""},
		// French, German, Spanish, Italian, Portuguese and Dutch month names
		// cover most non-English pages that print a date in words.
		{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
		{"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"},
		{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
		{"gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"},
		{"janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"},
		{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"},
	}
	for _, l := range lists {
		for i, n := range l {
			if n != "" {
				if _, dup := monthNames[n]; !dup {
					monthNames[n] = time.Month(i + 1)
				}
			}
		}
	}
}

// parseDate reads a publication date in any of the forms pages use. Times
// keep the zone the page printed, so that the calendar day stays as printed;
// a time without a zone is taken as UTC for the same reason. A numeric date
// with slashes that could be either is read month first.
func parseDate(s string) (time.Time, bool) { return readDate(s, false) }

// readDate is parseDate for a page that writes numeric dates day first
// (05/10/2018 for 5 October) when dayFirst is set.
func readDate(s string, dayFirst bool) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 200 {
		return time.Time{}, false
	}
	if t, ok := parseISO(s); ok {
		return t, true
	}
	if t, ok := parseUnix(s); ok {
		return t, true
	}
	for _, layout := range layouts {
		if t, err := time.Parse(layout, s); err == nil && saneYear(t.Year()) {
			return t, true
		}
	}
	return parseLoose(s, dayFirst)
}

// layouts are the fixed formats time.Parse handles better than the loose
// reader: the e-mail and HTTP date families.
var layouts = []string{
	time.RFC1123Z, time.RFC1123, time.RFC850, time.RFC822Z, time.RFC822, time.ANSIC, time.UnixDate,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "Mon, 02 Jan 2006 15:04:05",
	"Mon Jan 02 2006 15:04:05 GMT-0700", "2006-01-02 15:04:05 -0700 MST", "2006-01-02 15:04:05 -0700",
}

func saneYear(y int) bool { return y >= minYear && y <= maxYear }

func parseISO(s string) (time.Time, bool) {
	m := isoRE.FindStringSubmatch(s)
	if m == nil {
		m = compactRE.FindStringSubmatch(s)
		if m == nil {
			return time.Time{}, false
		}
	}
	y, mo, d := atoi(m[1]), atoi(m[2]), atoi(m[3])
	var hh, mm, ss int
	if m[4] != "" {
		hh, mm, ss = atoi(m[4]), atoi(m[5]), atoi(m[6])
	}
	loc, ok := parseZone(m[7])
	if !ok {
		return time.Time{}, false
	}
	return build(y, mo, d, hh, mm, ss, loc)
}

// parseZone turns "Z", "+05:30", "-0800" or "+02" into a location; no zone means
// UTC.
func parseZone(z string) (*time.Location, bool) {
	switch strings.ToUpper(z) {
	case "", "Z", "UTC", "GMT":
		return time.UTC, true
	}
	sign := 1
	if z[0] == '-' {
		sign = -1
	}
	digits := strings.ReplaceAll(z[1:], ":", "")
	h, m := atoi(digits[:2]), 0
	if len(digits) >= 4 {
		m = atoi(digits[2:4])
	}
	if h > 14 || m > 59 {
		return nil, false
	}
	off := sign * (h*3600 + m*60)
	if off == 0 {
		return time.UTC, true
	}
	return time.FixedZone("", off), true
}

func build(y, mo, d, hh, mm, ss int, loc *time.Location) (time.Time, bool) {
	if !saneYear(y) || mo < 1 || mo > 12 || d < 1 || d > 31 || hh > 24 || mm > 59 || ss > 60 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), d, hh, mm, ss, 0, loc)
	if t.Day() != d { // 31 February
		return time.Time{}, false
	}
	return t, true
}

// parseUnix reads seconds or milliseconds since the epoch, as some CMSs put
// in their date meta tags.
func parseUnix(s string) (time.Time, bool) {
	if len(s) != 10 && len(s) != 13 {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return time.Time{}, false
	}
	var t time.Time
	if len(s) == 13 {
		// Whole seconds, like every other form read here.
		t = time.UnixMilli(n).UTC().Truncate(time.Second)
	} else {
		t = time.Unix(n, 0).UTC()
	}
	return t, saneYear(t.Year())
}

// parseLoose finds a date inside free text: "Published March 5th, 2024 at
// 10:00 am", "5 March 2024", "05.03.2024", "2024/03/05".
func parseLoose(s string, dayFirst bool) (time.Time, bool) {
	if m := slashRE.FindStringSubmatch(s); m != nil {
		return withClock(s, atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	if m := dmyRE.FindStringSubmatch(s); m != nil {
		a, b, y := atoi(m[1]), atoi(m[3]), atoi(m[4])
		// Dots and dashes are day-first where they are used; slashes are
		// month-first (US) unless the page's language writes day first or
		// the first number cannot be a month.
		if a > 12 || m[2] != "/" || dayFirst && b <= 12 {
			return withClock(s, y, b, a)
		}
		return withClock(s, y, a, b)
	}
	return parseWords(s)
}

// parseWords reads a date spelt with a month name, in either order.
func parseWords(s string) (time.Time, bool) {
	toks := wordsRE.FindAllString(strings.ToLower(s), 40)
	for i, tok := range toks {
		mo, ok := monthNames[strings.TrimSuffix(tok, ".")]
		if !ok {
			continue
		}
		// Month Day Year: "March 5, 2024", "Mar. 5th 2024".
		if i+2 < len(toks) {
			if d, ok := dayNum(toks[i+1]); ok {
				if y, ok := yearNum(toks[i+2]); ok {
					return withClock(s, y, int(mo), d)
				}
			}
		}
		// Day Month Year: "5 March 2024", "5. März 2024", "5 de marzo de 2024".
		if i >= 1 {
			if d, ok := dayNum(toks[i-1]); ok {
				j := i + 1
				if j < len(toks) && toks[j] == "de" {
					j++
				}
				if j < len(toks) {
					if y, ok := yearNum(toks[j]); ok {
						return withClock(s, y, int(mo), d)
					}
				}
			}
		}
		if i >= 2 && toks[i-1] == "de" {
			if d, ok := dayNum(toks[i-2]); ok && i+2 < len(toks) && toks[i+1] == "de" {
				if y, ok := yearNum(toks[i+2]); ok {
					return withClock(s, y, int(mo), d)
				}
			}
		}
	}
	return time.Time{}, false
}

// withClock adds a printed clock time ("10:30 pm") to a date when there is
// one, keeping UTC since the text gives no zone.
func withClock(s string, y, mo, d int) (time.Time, bool) {
	hh, mm := 0, 0
	if m := timeOfDay.FindStringSubmatch(s); m != nil {
		hh, mm = atoi(m[1]), atoi(m[2])
		pm := strings.HasPrefix(strings.ToLower(m[3]), "p")
		if m[3] != "" && hh == 12 {
			hh = 0
		}
		if pm {
			hh += 12
		}
		if hh > 23 || mm > 59 {
			hh, mm = 0, 0
		}
	}
	return build(y, mo, d, hh, mm, 0, time.UTC)
}

func dayNum(tok string) (int, bool) {
	tok = strings.TrimRight(tok, "stndrh.")
	if len(tok) == 0 || len(tok) > 2 {
		return 0, false
	}
	n := atoi(tok)
	return n, n >= 1 && n <= 31
}

func yearNum(tok string) (int, bool) {
	if len(tok) != 4 {
		return 0, false
	}
	n := atoi(tok)
	return n, saneYear(n)
}

// atoi reads a run of ASCII digits; anything else reads as -1 so that range
// checks reject it.
func atoi(s string) int {
	if s == "" {
		return 0
	}
	n := 0
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
		if n > 1<<20 {
			return -1
		}
	}
	return n
}
