package corpus

import (
	"reflect"
	"testing"
)

func TestRuleSites(t *testing.T) {
	var r RuleSites
	for _, f := range [][3]string{
		{"words", "share", "a.example"}, {"words", "share", "b.example"}, {"words", "share", "a.example"},
		{"words", "promo", "c.example"}, {"labels", "see also", "a.example"},
	} {
		r.Fire(f[0], f[1], f[2])
	}
	if got := r.Count("words", "share"); got != 2 {
		t.Errorf("share fired on %d sites, want 2", got)
	}
	got := r.Report(map[string][]string{"words": {"share", "promo", "menu"}, "labels": {"see also"}})
	want := []string{
		`labels: "see also":1`,
		`  labels, one site only: "see also" (a.example)`,
		`words: "menu":0 "promo":1 "share":2`,
		`  words, one site only: "promo" (c.example)`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Report =\n%q\nwant\n%q", got, want)
	}
}
