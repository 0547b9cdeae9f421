package feed

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ageRe finds a relative age at the end of a line. The prefix is lazy so the
// age takes as much as it can ("Reutersan hour ago" is Reuters, an hour ago);
// the digits are re-split by splitAge when they are glued to the publisher.
var ageRe = regexp.MustCompile(`(?i)^(.*?)\s*((?:(\d{1,6})\s*|an?\s+|one\s+|a\s+few\s+|few\s+|several\s+)` +
	`(secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|wks?|weeks?|mos?|months?|yrs?|years?|[smhdwy])\s+ago` +
	`|moments\s+ago|just\s+now|yesterday)$`)

// ageUnitMax is the largest count a site prints before moving to the next
// unit. It settles the one real ambiguity of a glued age: in
// "Channel 412 hours ago" the age is "12 hours ago", since no site says
// 412 hours.
var ageUnitMax = map[byte]int{'s': 59, 'm': 59, 'h': 23, 'd': 31, 'w': 12, 'o': 24, 'y': 99}

// splitAge splits a line that ends in a relative age into what precedes it
// (a publisher, "time", or nothing) and the age as printed. glued reports
// that the age touches the prefix with no space, as page dumps print
// "Glasgow Times8 hours ago".
func splitAge(line string) (prefix, age string, glued, ok bool) {
	if len(line) > 200 {
		return "", "", false, false
	}
	m := ageRe.FindStringSubmatchIndex(line)
	if m == nil {
		return "", "", false, false
	}
	ageStart := m[4]
	if m[6] >= 0 && m[3] > 0 {
		// A count after a publisher: keep the longest tail of its digits
		// that is a plausible count and give the rest back to the
		// publisher they were glued to.
		digits := line[m[6]:m[7]]
		ageStart = m[7] - plausibleTail(digits, unitOf(line[m[8]:m[9]]))
	}
	prefix, age = line[:ageStart], line[ageStart:m[5]]
	if ageStart > 0 {
		r, _ := utf8.DecodeLastRuneInString(prefix)
		glued = !unicode.IsSpace(r)
	}
	return strings.TrimSpace(prefix), age, glued, true
}

func unitOf(unit string) byte {
	u := strings.ToLower(unit)
	if strings.HasPrefix(u, "mo") {
		return 'o'
	}
	return u[0]
}

// plausibleTail returns how many trailing digits of a glued count to keep.
func plausibleTail(digits string, unit byte) int {
	limit := ageUnitMax[unit]
	for n := len(digits); n > 1; n-- {
		tail := digits[len(digits)-n:]
		if tail[0] == '0' {
			continue
		}
		if v, err := strconv.Atoi(tail); err == nil && v <= limit {
			return n
		}
	}
	return 1
}
