package corpus

import (
	"math"
	"testing"
	"time"
)

func TestShingles(t *testing.T) {
	tests := []struct {
		pred, truth string
		want        PageCounts
	}{
		{"a b c d e", "a b c d e", PageCounts{TP: 2}},
		{"a b c d e", "a b c d", PageCounts{TP: 1, FP: 1}},
		{"", "a b", PageCounts{FN: 1}},
		{"a b", "a b", PageCounts{TP: 1}},
		{"", "", PageCounts{}},
		{"x\u00ady z w v", "xy z w v", PageCounts{TP: 1}},
		{"Ünïcode wörds 日本 x_y", "Ünïcode wörds 日本 x_y", PageCounts{TP: 1}},
	}
	for _, tt := range tests {
		if got := Shingles(tt.pred, tt.truth); got != tt.want {
			t.Errorf("Shingles(%q, %q) = %+v, want %+v", tt.pred, tt.truth, got, tt.want)
		}
	}
}

func TestScoreAEB(t *testing.T) {
	// page 1 perfect, page 2 half precision full recall, page 3 empty truth and prediction.
	s := ScoreAEB([]PageCounts{{TP: 4}, {TP: 2, FP: 2}, {}})
	if math.Abs(s.P-0.75) > 1e-9 || math.Abs(s.R-1) > 1e-9 {
		t.Fatalf("P, R = %v, %v", s.P, s.R)
	}
	if math.Abs(s.F1-2*0.75/1.75) > 1e-9 {
		t.Fatalf("F1 = %v", s.F1)
	}
}

func TestWordPRF(t *testing.T) {
	p, r, f := WordPRF("The cat sat", "the cat sat down")
	if p != 1 || r != 0.75 || math.Abs(f-6.0/7) > 1e-9 {
		t.Fatalf("got %v %v %v", p, r, f)
	}
}

func TestJudgements(t *testing.T) {
	if !SameHeadline(" Hello   World", "hello world") {
		t.Error("headline fold")
	}
	if !BylineHas("By Ann Lee and Bo Chen", "Ann Lee, Bo Chen") || BylineHas("Ann Lee", "Ann Lee and Bo Chen") {
		t.Error("byline")
	}
	if !BylineHas("", "") || BylineHas("Someone", "") {
		t.Error("empty byline")
	}
	d := time.Date(2025, 9, 4, 23, 0, 0, 0, time.FixedZone("", -5*3600))
	if !SameDay(d, "2025-09-04") || SameDay(d, "2025-09-05") || !SameDay(time.Time{}, "") {
		t.Error("same day")
	}
}

func TestNormalizeURL(t *testing.T) {
	a := NormalizeURL("https://www.example.com/a/b/?utm_source=x&id=3#top")
	b := NormalizeURL("http://example.com/a/b?id=3")
	if a != b {
		t.Fatalf("%q != %q", a, b)
	}
	s := ScoreRelated([]string{"https://example.com/x", "https://example.com/y", "https://example.com/nav"},
		[]RelatedLink{{URL: "https://www.example.com/x/", Tier: "related"}, {URL: "https://example.com/y", Tier: "more"}, {URL: "https://example.com/z", Tier: "related"}})
	if s.TP != 2 || s.Predicted != 3 || s.Found != 1 || s.Relevant != 2 {
		t.Fatalf("%+v", s)
	}
}
