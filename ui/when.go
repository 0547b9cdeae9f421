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

// ago says how long before now t was, as a reader glances at it: "just
// now", "5 minutes ago", "3 hours ago", "yesterday", "3 days ago", then
// the date. A time ahead of now (a clock set wrong) gets its date.
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
	y1, m1, d1 := now.Date()
	y0, m0, d0 := t.In(now.Location()).Date()
	days := int(time.Date(y1, m1, d1, 0, 0, 0, 0, time.UTC).Sub(time.Date(y0, m0, d0, 0, 0, 0, 0, time.UTC)) / (24 * time.Hour))
	switch {
	case days <= 1:
		return "yesterday"
	case days < 7:
		return fmt.Sprintf("%d days ago", days)
	}
	return t.Format("2 Jan 2006")
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

// shownStory is st as the list and the reader show it at now: its age
// counted from now when its time is known, and its reading time (minutes)
// beside it.
func shownStory(st story.Story, minutes int, now time.Time) story.Story {
	if !st.When.IsZero() {
		st.Age = ago(st.When, now)
	}
	if rt := readingTime(minutes); rt != "" {
		if st.Age == "" && !st.Published.IsZero() {
			st.Age = st.Published.Format("2 Jan 2006")
		}
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
	head := render.Markdown(shownStory(e.head, e.minutes, now))
	if e.body == "" {
		return head
	}
	return head + "\n" + e.body
}

// metaAt is e's line in the list at now: its meta with the age counted
// from now, for a story whose time is known.
func (e entry) metaAt(now time.Time) string {
	if e.head.When.IsZero() {
		return e.meta
	}
	return listMeta(shownStory(e.head, e.minutes, now))
}

// ageTick comes every ageEvery: the ages on screen are counted again.
type ageTick struct{}

// ageEvery is how often ages are counted again: the smallest step they
// show is a minute.
const ageEvery = time.Minute

// hasTimes reports whether any of es has a time, an age that grows.
func hasTimes(es []entry) bool {
	return slices.ContainsFunc(es, func(e entry) bool { return !e.head.When.IsZero() })
}

// startAging starts the age clock once entries with a time, es, arrive.
func (m *Model) startAging(es []entry) tea.Cmd {
	if m.aging || !hasTimes(es) {
		return nil
	}
	m.aging = true
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
