package feed

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tread-reader/tread/story"
)

// relAgeRe reads a relative age as pages print it: "15 minutes ago",
// "an hour ago", "3d ago", "a few seconds ago", "yesterday", "just now".
var relAgeRe = regexp.MustCompile(`(?i)^(?:(\d{1,6})\s*|an?\s+|one\s+|a\s+few\s+|few\s+|several\s+)` +
	`(secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|wks?|weeks?|mos?|months?|yrs?|years?|[smhdwy])\s+ago$`)

// ageUnits are how long each unit of a relative age lasts; months and
// years as sites count them, roughly.
var ageUnits = map[byte]time.Duration{
	's': time.Second, 'm': time.Minute, 'h': time.Hour, 'd': 24 * time.Hour,
	'w': 7 * 24 * time.Hour, 'o': 30 * 24 * time.Hour, 'y': 365 * 24 * time.Hour,
}

// AgeDuration is how long ago a relative age as printed says a story came
// out; ok is false for anything that is not one.
func AgeDuration(age string) (d time.Duration, ok bool) {
	age = strings.TrimSpace(age)
	switch strings.ToLower(age) {
	case "just now", "moments ago":
		return 0, true
	case "yesterday":
		return 24 * time.Hour, true
	}
	m := relAgeRe.FindStringSubmatch(age)
	if m == nil {
		return 0, false
	}
	n := 1
	if m[1] != "" {
		v, err := strconv.Atoi(m[1])
		if err != nil {
			return 0, false
		}
		n = v
	}
	unit := ageUnits[unitOf(m[2])]
	if int64(n) > math.MaxInt64/int64(unit) {
		return 0, false // "999999 years ago" is no time a clock can hold
	}
	return time.Duration(n) * unit, true
}

// Dated sets When on each story and its related stories: the published
// time when known, else the relative age counted back from saved, the
// time the page was saved (a file's modification time; now for standard
// input). Published and Age stay as they were.
func Dated(stories []story.Story, saved time.Time) {
	for i := range stories {
		stories[i].When = when(stories[i], saved)
		for j := range stories[i].Related {
			stories[i].Related[j].When = when(stories[i].Related[j], saved)
		}
	}
}

func when(s story.Story, saved time.Time) time.Time {
	if !s.Published.IsZero() {
		return s.Published
	}
	if d, ok := AgeDuration(s.Age); ok && !saved.IsZero() {
		return saved.Add(-d)
	}
	return time.Time{}
}
