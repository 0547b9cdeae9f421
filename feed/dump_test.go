package feed

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tread-reader/tread/intake"
	"github.com/tread-reader/tread/story"
)

// want describes a story by the fields a reader sees. paras counts body
// blocks, captions the caption blocks among them.
type want struct {
	title, site, age, byline string
	paras, captions          int
	first, last              string // first and last body block text, when set
	related                  []want
}

// chromePhrases must never reach a title or a body.
var chromePhrases = []string{
	"logo", "Orange background", "Try Our AI", "Explore what", "No comments yet",
	"Related Articles", "DOWNLOAD THE APP", "Get Started Now", "app-store", "play-store",
	"Ready to read the coast", "3 comments", "Blue background", "Site logo", "Install our app",
	"Discover what", "Get Newsly", "App Store",
}

var harbourWant = []want{{
	title: "Harbour council backs plan to reopen the old ferry slip",
	site:  "Harbour Gazette", age: "3 hours ago", paras: 5, captions: 1,
	first: "Councillors voted seven to two on Thursday to spend the remaining maintenance budget on the slipway at Pell Point.",
	last:  "Work is expected to start in the spring, once the winter tides ease.",
	related: []want{
		{title: "Island bakery wins regional bread prize", site: "Coastline Weekly", age: "45 minutes ago", paras: 1,
			first: "By Coastline reporter Dana Oyelaran The bakery on the quay took first place for its seeded rye, beating forty entries from across the county. Judges praised its crust."},
		{title: "Storm damage survey finds three more weak sea walls", site: "North Shore Times", age: "1 day ago", paras: 1,
			last: "Engineers walked the coast path for two weeks and marked the walls that need repair before the next storm season."},
	},
}}

var quarryWant = []want{{
	title: "Quarry expansion hearing adjourned until next month",
	site:  "Reuters", age: "12 hours ago", paras: 3,
	last: "Residents of Ashby Vale have collected more than two thousand signatures against it.",
}}

var ferryWant = []want{{
	title: "Ferry fares frozen for another winter", site: "Isle Courier", age: "2 weeks ago", paras: 2,
	last: "Season tickets will also stay at the old price — a relief for commuters.",
	related: []want{{title: "Café on the pier changes hands", site: "Pier Post", age: "5 days ago", paras: 1,
		first: "The new owners plan to keep the name and the crêpes."}},
}}

func TestParseDumpFixtures(t *testing.T) {
	tests := []struct {
		file string
		want []want
	}{
		{"harbour.txt", harbourWant},
		{"harbour-crlf.txt", harbourWant},
		{"quarry.txt", quarryWant},
		{"quarry-bom.txt", quarryWant},
		{"ferry-utf16le.txt", ferryWant},
		{"ferry-utf16be.txt", ferryWant},
		{"ferry-utf16le-nobom.txt", ferryWant},
		{"lanterns.txt", []want{{
			title: "Lantern festival returns to the canal after three quiet years",
			site:  "Canal Street Journal", age: "45 minutes ago", byline: "Priya Hallow", paras: 5, captions: 1,
			first: "Hundreds of paper lanterns drifted along the canal on Saturday night as the festival returned.",
			last:  "The lock keeper said it was the busiest night on the towpath in a decade.",
			related: []want{
				{title: "Lock keeper retires after forty years on the canal", site: "Canal Street Journal", age: "just now", paras: 1},
				{title: "Heron numbers rise along the towpath", site: "Wild Water", age: "yesterday", paras: 2,
					last: "Birdwatchers say cleaner water has brought back the fish the herons feed on."},
				{title: "Barge builders fear timber shortage", site: "Boatyard Monthly", age: "2 weeks ago", paras: 1},
				{title: "Towpath to close for resurfacing", site: "Riverside Echo", paras: 1},
				{title: "Canal trust appoints new chair", site: "Waterways Daily", age: "an hour ago", paras: 1,
					last: "The trust named a former lock engineer as its chair on Tuesday."},
			},
		}}},
		{"handles.txt", []want{{
			title: "Tide gauge at the old pier logs record low", site: "@coastwatch", age: "2 hours ago", paras: 3,
			first: "The gauge on the old pier read its lowest level since records began on Sunday morning.",
			last:  "Harbour staff expect normal tides to return by the weekend.",
			related: []want{
				{title: "Dune fencing goes up before the spring storms", site: "riverpost", age: "3 days ago", paras: 1},
				{title: "Lifeboat crew trains with new drone", site: "@shore_news", age: "5 hours ago", paras: 1},
				{title: "Ferry timetable changes for the winter", site: "Yahoo!", age: "1 week ago", paras: 1},
				{title: "Pier café reopens with a new menu", site: "News24", age: "2 days ago", paras: 1,
					last: "The café on the pier opened again on Friday after a month of repairs."},
			},
		}}},
		{"bridge-invalid.txt", []want{{
			title: "Bridge repairs finish early", site: "Valley News", age: "9 hours ago", paras: 2,
			first: "The repaired bridge reopened a week ahead of schedule, the engineers said \ufffd\ufffd today.",
			last:  "A broken sign read: caf\ufffd closed.",
		}}},
		{"plain-byline.txt", []want{{
			title: "Night trains return to the valley line", byline: "Odile Marchetti", paras: 4,
			first: "The first overnight service in a decade left the terminus at eleven on Sunday, carrying a handful of walkers and one very patient dog.",
			last:  "quieter carriages\na buffet car\nbicycle space",
		}}},
		{"plain-nobyline.txt", []want{{
			title: "Allotment waiting list falls for the first time", paras: 2,
			first: "The town's allotment waiting list has fallen below two hundred names.",
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "dumps", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := ParseDump(intake.Text(data, ""))
			if err != nil {
				t.Fatalf("ParseDump: %v", err)
			}
			checkStories(t, got, tt.want)
		})
	}
}

func checkStories(t *testing.T, got []story.Story, want []want) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d stories %q, want %d", len(got), titles(got), len(want))
	}
	for i, w := range want {
		checkStory(t, "story "+w.title, got[i], w)
		if len(got[i].Related) != len(w.related) {
			t.Fatalf("%q: got %d related %q, want %d", w.title, len(got[i].Related), titles(got[i].Related), len(w.related))
		}
		for j, rw := range w.related {
			checkStory(t, "related "+rw.title, got[i].Related[j], rw)
		}
	}
}

func checkStory(t *testing.T, name string, s story.Story, w want) {
	t.Helper()
	for _, f := range []struct{ field, got, want string }{
		{"title", s.Title, w.title}, {"site", s.Site, w.site}, {"age", s.Age, w.age}, {"byline", s.Byline, w.byline},
	} {
		if f.got != f.want {
			t.Errorf("%s: %s = %q, want %q", name, f.field, f.got, f.want)
		}
	}
	if len(s.Body) != w.paras {
		t.Errorf("%s: %d body blocks, want %d:\n%s", name, len(s.Body), w.paras, s.Text())
	}
	captions := 0
	for _, b := range s.Body {
		if b.Kind == story.Caption {
			captions++
		}
	}
	if captions != w.captions {
		t.Errorf("%s: %d captions, want %d", name, captions, w.captions)
	}
	if len(s.Body) > 0 {
		if w.first != "" && s.Body[0].Text != w.first {
			t.Errorf("%s: first block %q, want %q", name, s.Body[0].Text, w.first)
		}
		if w.last != "" && s.Body[len(s.Body)-1].Text != w.last {
			t.Errorf("%s: last block %q, want %q", name, s.Body[len(s.Body)-1].Text, w.last)
		}
	}
	for _, c := range chromePhrases {
		if strings.Contains(s.Title, c) || strings.Contains(s.Text(), c) {
			t.Errorf("%s: page chrome %q reached the story", name, c)
		}
	}
}

func titles(ss []story.Story) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Title)
	}
	return out
}

// TestParseDumpMetaLine varies the publisher+age line of one invented page.
func TestParseDumpMetaLine(t *testing.T) {
	tests := []struct{ line, site, age string }{
		{"Reuters12 hours ago", "Reuters", "12 hours ago"},
		{"Glen Courier8 hours ago", "Glen Courier", "8 hours ago"},
		{"Evening Post45 minutes ago", "Evening Post", "45 minutes ago"},
		{"The Courier1 day ago", "The Courier", "1 day ago"},
		{"Bay Times2 weeks ago", "Bay Times", "2 weeks ago"},
		{"Bay Times3 months ago", "Bay Times", "3 months ago"},
		{"Kyiv Independentjust now", "Kyiv Independent", "just now"},
		{"Tidewireyesterday", "Tidewire", "yesterday"},
		{"Tidewirean hour ago", "Tidewire", "an hour ago"},
		{"Channel 412 hours ago", "Channel 4", "12 hours ago"},
		{"News243 hours ago", "News24", "3 hours ago"},
		{"Harbour Gazette 30 seconds ago", "Harbour Gazette", "30 seconds ago"},
		{"Harbour Gazette · 5 hrs ago", "Harbour Gazette", "5 hrs ago"},
		{"2 days ago", "", "2 days ago"},
		{"Wire Desk2h ago", "Wire Desk", "2h ago"},
		{"Wire Desk 5 mins ago", "Wire Desk", "5 mins ago"},
		{"France 2410 minutes ago", "France 24", "10 minutes ago"},
		{"Daily Post18 months ago", "Daily Post", "18 months ago"},
		{"Updated 3 hours ago", "", "3 hours ago"},
		{"@harbourwatch3 hours ago", "@harbourwatch", "3 hours ago"},
		{"@harbour_watch · 3 hours ago", "@harbour_watch", "3 hours ago"},
		{"tidewire2 days ago", "tidewire", "2 days ago"},
		{"Yahoo!5 hours ago", "Yahoo!", "5 hours ago"},
		{"Acme News Inc.1 day ago", "Acme News Inc.", "1 day ago"},
		{"9news4 hours ago", "9news", "4 hours ago"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			text := "logo\nMill pond refilled after dredging\n\nMill pond refilled after dredging\n\n" +
				tt.line + "\nThe pond is full again.\nDucks have already returned.\n\nComments\n"
			got, err := ParseDump(text)
			if err != nil {
				t.Fatal(err)
			}
			checkStories(t, got, []want{{title: "Mill pond refilled after dredging", site: tt.site, age: tt.age, paras: 2,
				first: "The pond is full again.", last: "Ducks have already returned."}})
		})
	}
}

func TestParseDumpStructure(t *testing.T) {
	harbour, err := os.ReadFile(filepath.Join("testdata", "dumps", "harbour.txt"))
	if err != nil {
		t.Fatal(err)
	}
	quarry, err := os.ReadFile(filepath.Join("testdata", "dumps", "quarry.txt"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []want
	}{
		{"two pages saved into one dump", string(harbour) + string(quarry), append(append([]want{}, harbourWant...), quarryWant...)},
		{"no chrome at all", "Weir gates replaced\nWeir gates replaced\nRiver Post4 hours ago\nThe new gates are steel.\n",
			[]want{{title: "Weir gates replaced", site: "River Post", age: "4 hours ago", paras: 1}}},
		{"headline printed once, glued age", "Weir gates replaced\n\nRiver Post4 hours ago\nThe new gates are steel.\n",
			[]want{{title: "Weir gates replaced", site: "River Post", age: "4 hours ago", paras: 1}}},
		{"doubled headline, no meta", "Weir gates replaced\n\nWeir gates replaced\n\nThe new gates are steel.\n",
			[]want{{title: "Weir gates replaced", paras: 1}}},
		{"related items without age or bullet lines",
			"Weir gates replaced\nWeir gates replaced\nRiver Post4 hours ago\nThe new gates are steel.\n\nRelated Articles\n\n" +
				"Eel pass opens\nEel pass opens\n\nThe pass lets eels climb the weir.\n\nMill reopens\nMill reopens\n\nFlour again.\n",
			[]want{{title: "Weir gates replaced", site: "River Post", age: "4 hours ago", paras: 1, related: []want{
				{title: "Eel pass opens", paras: 1}, {title: "Mill reopens", paras: 1, first: "Flour again."},
			}}}},
		{"body lines that look like metadata stay in the body",
			"Weir gates replaced\nWeir gates replaced\nRiver Post4 hours ago\nThe old gates failed 2 days ago\n• Work is done\nIt rained yesterday\nThe end.\n",
			[]want{{title: "Weir gates replaced", site: "River Post", age: "4 hours ago", paras: 4}}},
		{"byline above the publisher line", "Weir gates\nWeir gates\nBy Ann Lee\nRiver Post4 hours ago\nThe gates are steel.\n",
			[]want{{title: "Weir gates", site: "River Post", age: "4 hours ago", byline: "Ann Lee", paras: 1}}},
		{"captions by credit", "Weir gates\n\nWeir gates\n\nRiver Post4 hours ago\nA crane lifts the gate (Photo: Ann Lee)\nThe gate at dawn (Bo Ek/River Post)\nWork goes on (and/or stops)\n",
			[]want{{title: "Weir gates", site: "River Post", age: "4 hours ago", paras: 3, captions: 2}}},
		{"byline after a plain headline", "Weir gates replaced\n\nBy Ann Lee\n\nRiver Post · 4 hours ago\n\nThe new gates are steel.\n",
			[]want{{title: "Weir gates replaced", site: "River Post", age: "4 hours ago", byline: "Ann Lee", paras: 1}}},
		{"plain text, one paragraph per line", "Weir gates replaced\n\n" + strings.Repeat("A long line of prose about the weir that goes on for well over a hundred characters, as saved paragraphs do. ", 1) + "\nSecond paragraph on its own line.\n",
			[]want{{title: "Weir gates replaced", paras: 2, last: "Second paragraph on its own line."}}},
		{"plain text with an age line deep inside",
			"Weir gates replaced\n\nBy Ann Lee\n\nPosted 3 hours ago\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nSix.\n\nSeven.\n\nA short line\nReuters2 hours ago\n\nEight.\n",
			[]want{{title: "Weir gates replaced", byline: "Ann Lee", age: "3 hours ago", paras: 9, first: "One.", last: "Eight."}}},
		{"updated line inside a dump body stays there",
			"Weir gates\nWeir gates\nRiver Post4 hours ago\nThe gates are steel.\nA short line\nUpdated 2 hours ago\nMore.\n",
			[]want{{title: "Weir gates", site: "River Post", age: "4 hours ago", paras: 4}}},
		{"plain text, headline only", "Weir gates replaced\n", []want{{title: "Weir gates replaced"}}},
		{"markdown-style headline", "# Weir gates replaced\n\nThe new gates are steel.\n", []want{{title: "Weir gates replaced", paras: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDump(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			checkStories(t, got, tt.want)
		})
	}
}

func TestParseDumpNothing(t *testing.T) {
	for _, text := range []string{"", " \n\t\n", "\ufeff", "logo\n\nOrange background\n"} {
		if got, err := ParseDump(text); !errors.Is(err, ErrNoStory) {
			t.Errorf("ParseDump(%q) = %v, %v; want ErrNoStory", text, titles(got), err)
		}
	}
}

func TestParsePlainChrome(t *testing.T) {
	text := "Weir gates replaced\n\nRiver Post 4 hours ago\nThe new gates are steel.\nlogo\nOrange background\n\nComments\n\nNo comments yet...\n"
	got, err := ParseDump(text)
	if err != nil {
		t.Fatal(err)
	}
	checkStories(t, got, []want{{title: "Weir gates replaced", site: "River Post", age: "4 hours ago", paras: 1,
		first: "The new gates are steel."}})
}

// BenchmarkParseDumpLarge reads 2,000 invented pages saved into one dump
// (about 3MB), to show the reader stays linear on big input.
func BenchmarkParseDumpLarge(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("testdata", "dumps", "harbour.txt"))
	if err != nil {
		b.Fatal(err)
	}
	data := bytes.Repeat(page, 2000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		stories, err := Parse("big.txt", data)
		if err != nil || len(stories) != 500 {
			b.Fatalf("got %d stories, %v", len(stories), err)
		}
	}
}

// TestChromeShapes checks the generic furniture tests on lines of other
// aggregators' wording, and on body lines that must stay.
func TestChromeShapes(t *testing.T) {
	for _, c := range []struct {
		line       string
		decor, end bool
	}{
		{"Orange background", true, false},
		{"Newsly logo", true, false},
		{"Author avatar", true, false},
		{"Image", true, false},
		{"Try Our AI Features", false, true},
		{"Get Started Now: Download the App", false, true},
		{"Explore what Daily8 AI can do for you:", false, true},
		{"Install our app today", false, true},
		{"app-storeplay-store", false, true},
		{"Get it on Google Play", false, true},
		{"Available on the App Store", false, true},
		{"12 comments", false, true},
		{"Get your flu jab now, GPs say", false, false},
		{"Get ready for the storm", false, false},
		{"Background", false, false},
		{"The council met on a grey background of protest", false, false},
		{"Follow the money", false, false},
	} {
		if got := isDecor(c.line); got != c.decor {
			t.Errorf("isDecor(%q) = %v, want %v", c.line, got, c.decor)
		}
		if got := isEnd(c.line); got != c.end {
			t.Errorf("isEnd(%q) = %v, want %v", c.line, got, c.end)
		}
	}
}
