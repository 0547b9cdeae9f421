package extract

import (
	"testing"

	"github.com/tread-reader/tread/story"
)

func TestTidyLines(t *testing.T) {
	tests := []struct {
		text string
		drop bool
	}{
		{"Advertisement", true},
		{"Read more:", true},
		{"Photo: Ben Ode, AP", true},
		{"Sonu Mehta/Hindustan Times/Getty Images", true},
		{"The lamps at dusk (Image: GETTY)", true},
		{"Sign up for our newsletter and never miss a story.", true},
		{"Get the latest updates right in your inbox.", true},
		{"The newsletter, which launched in 2019, now has ten thousand readers.", false},
		{"Users who subscribe to the service pay eight dollars a month.", false},
		{"Published November 20th, 2019 - 07:29 GMT", true},
		{"November 20, 2019", true},
		{"In November 2019 the council met twice to discuss the lamps.", false},
		{"1 of 6", true},
		{"42", true},
		{"paul.takahashi@example.com", true},
		{"twitter.com/someone", true},
		{"https://example.com/a", true},
		{"Yes.", false},
		{"Ph.D.", false},
		{"Reporting by Jane Roe; editing by John Doe", true},
		{"It was a long night.", false},
	}
	for _, tt := range tests {
		out := tidy(plain(
			story.Block{Kind: story.Paragraph, Text: "A first paragraph long enough to end the lead of the story, so later rules apply."},
			story.Block{Kind: story.Paragraph, Text: tt.text},
		), "Some headline", "")
		dropped := len(out) == 1
		if dropped != tt.drop {
			t.Errorf("%q: dropped = %v, want %v", tt.text, dropped, tt.drop)
		}
	}
}

func TestTidyLead(t *testing.T) {
	blocks := []story.Block{
		{Kind: story.Heading, Level: 2, Text: "Harbour lights return to the old port!"},
		{Kind: story.Paragraph, Text: "By Ada Marlow"},
		{Kind: story.Paragraph, Text: "The lamps were lit again on Friday after forty dark years on the harbour wall."},
		{Kind: story.Heading, Level: 2, Text: "Related stories"},
	}
	out := tidy(plain(blocks...), "Harbour lights return to the old port", "Ada Marlow")
	if len(out) != 1 || out[0].Kind != story.Paragraph || out[0].Text != blocks[2].Text {
		t.Errorf("got %+v", out)
	}
}

// plain wraps blocks as the emitter's, with no notes.
func plain(bs ...story.Block) []blk {
	out := make([]blk, len(bs))
	for k, b := range bs {
		out[k] = blk{Block: b}
	}
	return out
}

func TestIsReadingTime(t *testing.T) {
	for _, c := range []struct {
		f    string
		want bool
	}{
		{"4 min read", true},
		{"reading time: 6 minutes", true},
		{"tempo de leitura: 3 min", true},
		{"lesezeit: 5 minuten", true},
		{"阅读时间 3分钟", true},
		{"12-minute read", true},
		{"cook for 5 minutes.", false},
		{"the admin 2 said", false},
		{"minutes of the meeting", false},
		{"2019 mint condition", false},
		{"it took the crew nearly 45 minutes to reach the shore after the storm", false},
	} {
		if got := isReadingTime(c.f); got != c.want {
			t.Errorf("isReadingTime(%q) = %v, want %v", c.f, got, c.want)
		}
	}
}

func TestTidySources(t *testing.T) {
	story1 := story.Block{Kind: story.Paragraph, Text: "The lamps were lit again on Friday, the council said, after a year of repairs to the harbour wall."}
	story2 := story.Block{Kind: story.Paragraph, Text: "Fishermen said the light made the night crossing safer, and the cafés stayed open later."}
	label := story.Block{Kind: story.Paragraph, Text: "Article Sources:"}
	urls := "https://example.org/harbour-report\nhttps://example.com/lamps/2024\nwww.example.net/council-minutes"
	tests := []struct {
		name   string
		blocks []story.Block
		want   int // blocks left
	}{
		{"a paragraph of bare addresses under a label", []story.Block{story1, story2, label, {Kind: story.Paragraph, Text: urls}}, 2},
		{"a bulleted list of citations ending in addresses", []story.Block{story1, story2, {Kind: story.Heading, Level: 2, Text: "Sources"},
			{Kind: story.List, Items: []string{"Roe J (2021). Harbour lights. https://example.org/a", "Doe J (2020). Lamps. https://example.org/b", "Poe J (2019). Walls. https://example.org/c"}}, story2}, 3},
		{"numbered references are the story's own notes", []story.Block{story1, story2,
			{Kind: story.List, Ordered: true, Items: []string{"Roe J. https://example.org/a", "Doe J. https://example.org/b", "Poe J. https://example.org/c"}}}, 3},
		{"two addresses are not a list of sources", []story.Block{story1, story2, {Kind: story.Paragraph, Text: "https://example.org/a\nhttps://example.org/b"}}, 3},
		{"links on words are not bare addresses", []story.Block{story1, story2,
			{Kind: story.List, Items: []string{"The harbour report", "The council minutes", "The lamp survey"}}}, 3},
		{"addresses in the first half are left to the other rules", []story.Block{{Kind: story.List, Items: []string{"https://example.org/a", "https://example.org/b", "https://example.org/c"}}, story1, story2, story2}, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := tidy(plain(tc.blocks...), "Some headline", "")
			if len(out) != tc.want {
				t.Errorf("%d blocks left, want %d: %+v", len(out), tc.want, out)
			}
		})
	}
}
