package ui

import (
	"cmp"
	"fmt"
	"slices"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/tread-reader/tread/render"
	"github.com/tread-reader/tread/story"
)

// The orders Options.Sort takes for the main stories of a source.
const (
	SortNewest = "newest" // newest first by date; undated last
	SortOldest = "oldest" // oldest first; undated last
)

// How ages read (issue 12), counted from the reader's clock as it runs:
// under a minute "just now", then "5 minutes ago", "3 hours ago" for less
// than a day, then by calendar day "yesterday", "3 days ago" for less than
// a week, then the date, "5 Dec 2026". A date with no time of day (a page
// that printed only its day) is counted in days alone: "today",
// "yesterday", "3 days ago", then the date. A time ahead of now (a clock
// set wrong) gets its date.

// ago says how long before now t was, as a reader glances at it.
func ago(t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case d < -time.Minute:
		return t.Format("2 Jan 2006")
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return plural(int(d/time.Minute), "minute") + " ago"
	case d < 24*time.Hour:
		return plural(int(d/time.Hour), "hour") + " ago"
	}
	y0, m0, d0 := t.In(now.Location()).Date()
	days := max(calendarDays(time.Date(y0, m0, d0, 0, 0, 0, 0, time.UTC), now), 1)
	return inDays(days, t.Format("2 Jan 2006"))
}

// dayAgo says how long before now day was, for a date with no time of
// day: day is the calendar day it names at midnight in its own zone, or
// (read back from Unix seconds into another zone) at midnight UTC.
func dayAgo(day, now time.Time) string {
	if !isMidnight(day) {
		day = day.UTC()
	}
	y0, m0, d0 := day.Date()
	d := time.Date(y0, m0, d0, 0, 0, 0, 0, time.UTC)
	return inDays(calendarDays(d, now), d.Format("2 Jan 2006"))
}

// calendarDays counts the calendar days from day (midnight UTC of the day
// meant) to now's day.
func calendarDays(day, now time.Time) int {
	y1, m1, d1 := now.Date()
	return int(time.Date(y1, m1, d1, 0, 0, 0, 0, time.UTC).Sub(day) / (24 * time.Hour))
}

// inDays says days ago as a reader glances at it: "today", "yesterday",
// "3 days ago" within a week, else date.
func inDays(days int, date string) string {
	switch {
	case days < 0 || days >= 7:
		return date
	case days == 0:
		return "today"
	case days == 1:
		return "yesterday"
	}
	return fmt.Sprintf("%d days ago", days)
}

// isMidnight reports whether t is 00:00:00 exactly in its own zone.
func isMidnight(t time.Time) bool {
	h, m, s := t.Clock()
	return h == 0 && m == 0 && s == 0 && t.Nanosecond() == 0
}

// dateOnly reports whether t is a date with no time of day: extraction
// reads a bare date as midnight UTC, and the index keeps Unix seconds.
func dateOnly(t time.Time) bool {
	return isMidnight(t) || isMidnight(t.UTC())
}

// storyAge is how old st reads at now: from its published time, a date
// alone in days; else from its time as best known (a dump's age counted
// back from when it was saved); "" when neither is known.
func storyAge(st story.Story, now time.Time) string {
	switch {
	case !st.Published.IsZero() && dateOnly(st.Published):
		return dayAgo(st.Published, now)
	case !st.Published.IsZero():
		return ago(st.Published, now)
	case !st.When.IsZero():
		return ago(st.When, now)
	}
	return ""
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}

// readingTime is the estimate shown beside a story's age: "6 min read",
// or "" for a story with no text (a related item that is only a link).
func readingTime(minutes int) string {
	if minutes > 0 {
		return fmt.Sprintf("%d min read", minutes)
	}
	return ""
}

// minutesFor is the reading time of words words, as story.ReadingMinutes
// counts it for text without CJK: whole minutes, rounded up.
func minutesFor(words int) int {
	return (words + story.WordsPerMinute - 1) / story.WordsPerMinute
}

// timed reports whether e has an age that grows: a story time, or a
// library row's saved time.
func (e entry) timed() bool {
	return !e.head.When.IsZero() || !e.head.Published.IsZero() || !e.kept.IsZero()
}

// age is e's age at now: its story's, else, for a library page with no
// date, "saved 3 days ago"; "" when no time is known.
func (e entry) age(now time.Time) string {
	if a := storyAge(e.head, now); a != "" {
		return a
	}
	if !e.kept.IsZero() {
		return "saved " + ago(e.kept, now)
	}
	return ""
}

// shown is e's story as the list and the reader show it at now: its age
// counted from now when its time is known, and its reading time beside it.
func (e entry) shown(now time.Time) story.Story {
	st := e.head
	if a := e.age(now); a != "" {
		st.Age = a
	}
	if rt := readingTime(e.minutes); rt != "" {
		if st.Age != "" {
			rt = st.Age + " · " + rt
		}
		st.Age = rt
	}
	return st
}

// markdown is e's story as markdown at now: its title and meta line, the
// age in it counted from now, then its body.
func (e entry) markdown(now time.Time) string {
	head := render.Markdown(e.shown(now))
	if e.body == "" {
		return head
	}
	return head + "\n" + e.body
}

// metaAt is e's line in the list at now: its meta with the age counted
// from now, for a story whose time is known.
func (e entry) metaAt(now time.Time) string {
	if !e.timed() {
		return e.meta
	}
	return listMeta(e.shown(now))
}

// ageTick comes every ageEvery: the ages on screen are counted again.
type ageTick struct{}

// ageEvery is how often ages are counted again: the smallest step they
// show is a minute.
const ageEvery = time.Minute

// hasTimes reports whether any of es has a time, an age that grows.
func hasTimes(es []entry) bool {
	return slices.ContainsFunc(es, entry.timed)
}

// startAging starts the age clock once entries with a time, es, arrive.
func (m *Model) startAging(es []entry) tea.Cmd {
	if m.aging || !hasTimes(es) {
		return nil
	}
	m.aging = true
	m.list.setNow(m.clock()) // the clock may have stood still since tread started
	return m.after(ageEvery, ageTick{})
}

// onAgeTick counts the ages again: the list redraws with them, and the
// reader renders its story again when its age reads differently now.
func (m Model) onAgeTick() (tea.Model, tea.Cmd) {
	m.list.setNow(m.clock())
	return m, tea.Batch(m.showSelected(), m.after(ageEvery, ageTick{}))
}

// storyTime is what a story sorts by: its time, else its published time.
func storyTime(st story.Story) time.Time {
	if !st.When.IsZero() {
		return st.When
	}
	return st.Published
}

// group is a main story and its related items' entries, with what it
// sorts by.
type group struct {
	entries []entry
	when    time.Time
	name    string // the file it came from: the tie-break
}

// sortGroups orders a source's story groups by order (SortNewest or
// SortOldest; anything else keeps them as the source gave them). Stories
// with no time go last; the file name settles ties.
func sortGroups(gs []group, order string) {
	if order != SortNewest && order != SortOldest {
		return
	}
	slices.SortStableFunc(gs, func(a, b group) int { return compareGroups(a, b, order) })
}

// compareGroups orders two story groups as sortGroups does; 0 for an
// order that keeps the source's.
func compareGroups(a, b group, order string) int {
	if order != SortNewest && order != SortOldest {
		return 0
	}
	if a.when.IsZero() != b.when.IsZero() {
		if a.when.IsZero() {
			return 1
		}
		return -1
	}
	c := a.when.Compare(b.when)
	if order == SortNewest {
		c = -c
	}
	return cmp.Or(c, cmp.Compare(a.name, b.name))
}
