package feed

import (
	"testing"
	"time"

	"github.com/tread-reader/tread/story"
)

func TestAgeDuration(t *testing.T) {
	for _, tc := range []struct {
		age  string
		want time.Duration
		ok   bool
	}{
		{"15 minutes ago", 15 * time.Minute, true},
		{"an hour ago", time.Hour, true},
		{"8 hours ago", 8 * time.Hour, true},
		{"3d ago", 72 * time.Hour, true},
		{"2 weeks ago", 14 * 24 * time.Hour, true},
		{"1 month ago", 30 * 24 * time.Hour, true},
		{"a year ago", 365 * 24 * time.Hour, true},
		{"Yesterday", 24 * time.Hour, true},
		{"just now", 0, true},
		{"a few seconds ago", time.Second, true},
		{"", 0, false},
		{"15 minutes", 0, false},
		{"Reuters 2 hours ago", 0, false},
		{"soon", 0, false},
		{"999999 years ago", 0, false},
		{"99999 years ago", 0, false},
		{"200 years ago", 200 * 365 * 24 * time.Hour, true},
	} {
		d, ok := AgeDuration(tc.age)
		if d != tc.want || ok != tc.ok {
			t.Errorf("AgeDuration(%q) = %v, %v; want %v, %v", tc.age, d, ok, tc.want, tc.ok)
		}
	}
}

func TestDated(t *testing.T) {
	saved := time.Date(2026, 3, 5, 12, 0, 0, 0, time.UTC)
	pub := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	stories := []story.Story{{
		Age: "15 minutes ago",
		Related: []story.Story{
			{Age: "yesterday"},
			{Published: pub, Age: "2 hours ago"},
			{Age: "whenever"},
		},
	}}
	Dated(stories, saved)
	s := stories[0]
	checks := []struct {
		got, want time.Time
	}{
		{s.When, saved.Add(-15 * time.Minute)},
		{s.Related[0].When, saved.Add(-24 * time.Hour)},
		{s.Related[1].When, pub}, // a published time wins over the age
		{s.Related[2].When, time.Time{}},
	}
	for i, c := range checks {
		if !c.got.Equal(c.want) {
			t.Errorf("story %d: When %v, want %v", i, c.got, c.want)
		}
	}
	if s.Age != "15 minutes ago" || s.Related[1].Age != "2 hours ago" {
		t.Error("Dated changed the ages as printed")
	}
}

// FuzzAgeDuration: any text gives a duration that is not negative, or no
// age at all, and never panics.
func FuzzAgeDuration(f *testing.F) {
	f.Add("15 minutes ago")
	f.Add("999999 years ago")
	f.Fuzz(func(t *testing.T, age string) {
		if d, ok := AgeDuration(age); d < 0 || (!ok && d != 0) {
			t.Errorf("AgeDuration(%q) = %v, %v", age, d, ok)
		}
	})
}
