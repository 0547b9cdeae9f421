package meta

import (
	"strings"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // "2006-01-02 15:04 -07:00", or "" for no date
	}{
		{"2024-03-05T10:00:00Z", "2024-03-05 10:00 +00:00"},
		{"2024-03-05T23:30:00-08:00", "2024-03-05 23:30 -08:00"},
		{"2024-03-05T01:30:00+0530", "2024-03-05 01:30 +05:30"},
		{"2024-03-05T10:00:00.123+02", "2024-03-05 10:00 +02:00"},
		{"2024-03-05T10:00", "2024-03-05 10:00 +00:00"},
		{"2024-03-05 10:00:00", "2024-03-05 10:00 +00:00"},
		{"2024-03-05", "2024-03-05 00:00 +00:00"},
		{"20240305", "2024-03-05 00:00 +00:00"},
		{"20240305T100000Z", "2024-03-05 10:00 +00:00"},
		{"1709632800", "2024-03-05 10:00 +00:00"},
		{"1709632800000", "2024-03-05 10:00 +00:00"},
		{"Tue, 05 Mar 2024 10:00:00 +0100", "2024-03-05 10:00 +01:00"},
		{"Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05 10:00 +00:00"},
		{"March 5, 2024", "2024-03-05 00:00 +00:00"},
		{"Mar. 5th, 2024 at 3:15 pm", "2024-03-05 15:15 +00:00"},
		{"Published 5 March 2024", "2024-03-05 00:00 +00:00"},
		{"5. März 2024", "2024-03-05 00:00 +00:00"},
		{"5 de marzo de 2024", "2024-03-05 00:00 +00:00"},
		{"05.03.2024", "2024-03-05 00:00 +00:00"},
		{"03/05/2024", "2024-03-05 00:00 +00:00"}, // month first with slashes
		{"25/03/2024", "2024-03-25 00:00 +00:00"}, // unless it cannot be
		{"2024/03/05", "2024-03-05 00:00 +00:00"},
		{"Updated 12:30 am, June 2, 2024", "2024-06-02 00:30 +00:00"},
		{"", ""},
		{"yesterday", ""},
		{"2024-02-31", ""},
		{"1850-01-01", ""},
		{"12345", ""},
		{"2024-13-01", ""},
		{"2024-03-05T10:00:00+99:00", ""},
		{strings.Repeat("9", 300), ""},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		s := ""
		if ok {
			s = got.Format("2006-01-02 15:04 -07:00")
		}
		if s != tt.want {
			t.Errorf("parseDate(%q) = %q, want %q", tt.in, s, tt.want)
		}
	}
}

func TestFindDatesLabels(t *testing.T) {
	got := findDates("", "Published March 5, 2024 · Updated June 1, 2024", false)
	if len(got) != 2 {
		t.Fatalf("found %d dates, want 2", len(got))
	}
	if got[0].updated {
		t.Errorf("first date labelled updated")
	}
	if !got[1].updated {
		t.Errorf("second date not labelled updated")
	}
	// The label may end the previous run of text, and may be tied to the
	// date by a little word.
	labels := []struct {
		prefix, text string
		updated      bool
	}{
		{"Last updated:", "Dec 12, 2025", true},
		{"Updated on", "Dec 12, 2025", true},
		{"", "Last Updated on December 12, 2025", true},
		{"", "Updated at 10:00, Dec 12, 2025", true},
		{"", "Aktualisiert am 12. Dezember 2025", true},
		{"", "Mis à jour le 12 décembre 2025", true},
		{"", "Actualizado el 12 de diciembre de 2025", true},
		{"", "Published on Dec 12, 2025", false},
		{"By Ana Ruiz on", "Dec 12, 2025", false},
		{"Posted at", "Dec 12, 2025", false},
	}
	for _, l := range labels {
		d := findDates(l.prefix, l.text, false)
		if len(d) != 1 || d[0].updated != l.updated {
			t.Errorf("findDates(%q, %q) = %+v, want one date, updated %v", l.prefix, l.text, d, l.updated)
		}
	}
}

func TestStripSite(t *testing.T) {
	names := []string{"The Coastal Courier", "courier.example"}
	tests := []struct{ in, want string }{
		{"Dock strike begins | The Coastal Courier", "Dock strike begins"},
		{"Dock strike begins - The Coastal Courier", "Dock strike begins"},
		{"Dock strike begins — Coastal Courier", "Dock strike begins"},
		{"The Coastal Courier: Dock strike begins", "Dock strike begins"},
		{"Dock strike begins | News | The Coastal Courier", "Dock strike begins"},
		{"Dock strike begins · Courier", "Dock strike begins"},
		{"Dock strike begins - courier.example", "Dock strike begins"},
		{"Dock strike begins ⋆", "Dock strike begins"},
		{"Strike: what it means for you", "Strike: what it means for you"},
		{"Spider-Man - a review", "Spider-Man - a review"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := stripSite(tt.in, names); got != tt.want {
			t.Errorf("stripSite(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitNames(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"By Jane Doe", []string{"Jane Doe"}},
		{"Written by: Jane Doe", []string{"Jane Doe"}},
		{"Jane Doe and John Roe", []string{"Jane Doe", "John Roe"}},
		{"Jane Doe, John Roe & Ada Li", []string{"Jane Doe", "John Roe", "Ada Li"}},
		{"Jane Doe | March 5, 2024", []string{"Jane Doe"}},
		{"Jane Doe - Staff Writer", []string{"Jane Doe"}},
		{"Jane Doe, Senior Editor", []string{"Jane Doe"}},
		{"Jane Doe, MD", []string{"Jane Doe, MD"}},
		{"Jane Doe on March 5, 2024", []string{"Jane Doe"}},
		{"Jane Doe (Reuters)", []string{"Jane Doe"}},
		{"Updated March 5, 2024", nil},
		{"Reviewed by Jane Doe", nil},
		{"By Jane Doe, DVM. Reviewed by John Roe, DVM", []string{"Jane Doe, DVM"}},
		{"Jane Doe | Fact checked by John Roe", []string{"Jane Doe"}},
		{"Jane Doe and John Roe; photos by Ada Li", []string{"Jane Doe", "John Roe"}},
		{"Jane Doe, Medically reviewed by John Roe, MD", []string{"Jane Doe"}},
		{"https://twitter.com/janedoe", nil},
		{"@janedoe", nil},
		{"admin", nil},
		{"page.head.extra.author", nil},
		{"Marna van der Merwe", []string{"Marna van der Merwe"}},
		{"The Currency editors", []string{"The Currency editors"}},
		{"Jeff Foust Monday", []string{"Jeff Foust"}},
		{"Jeff Foust Monday November", []string{"Jeff Foust"}},
		{"Jane Doe March 5, 2024", []string{"Jane Doe"}},
		{"Tom May", []string{"Tom May"}},
		{"Alyssa Maio", []string{"Alyssa Maio"}},
		{"Theresa June and Ana Abril", []string{"Theresa June", "Ana Abril"}},
		{"", nil},
	}
	for _, tt := range tests {
		got := splitNames(tt.in, byPrefixRE)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("splitNames(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseLD(t *testing.T) {
	tests := []struct {
		name, in string
		values   int
	}{
		{"plain", `{"@type":"Article"}`, 1},
		{"array", `[{"@type":"Article"},{"@type":"Person"}]`, 1},
		{"two values", `{"@type":"Article"} {"@type":"WebSite"}`, 2},
		{"semicolon between", `{"@type":"Article"};{"@type":"WebSite"};`, 2},
		{"comment wrapper", "<!--\n{\"@type\":\"Article\"}\n-->", 1},
		{"cdata wrapper", "//<![CDATA[\n{\"@type\":\"Article\"}\n//]]>", 1},
		{"trailing commas", `{"@type":"Article","author":["A","B",],}`, 1},
		{"raw newline in string", "{\"@type\":\"Article\",\"headline\":\"a\nb\"}", 1},
		{"bad escape", `{"@type":"Article","headline":"it\'s"}`, 1},
		{"byte order mark", "\ufeff{\"@type\":\"Article\"}", 1},
		{"garbage", `not json at all`, 0},
		{"empty", ``, 0},
		{"too big", `{"a":"` + strings.Repeat("x", maxLDBytes) + `"}`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := len(parseLD(tt.in)); got != tt.values {
				t.Errorf("parseLD gave %d values, want %d", got, tt.values)
			}
		})
	}
}

func TestLDGraphShapes(t *testing.T) {
	tests := []struct {
		name, ld, headline, author, image, published string
	}{
		{
			name:     "graph with references",
			ld:       `{"@graph":[{"@type":"BlogPosting","headline":"H","author":{"@id":"#p"},"image":{"@id":"#i"},"datePublished":"2024-03-05"},{"@type":"Person","@id":"#p","name":"Ana Ruiz"},{"@type":"ImageObject","@id":"#i","url":"https://x.example/i.jpg"}]}`,
			headline: "H", author: "Ana Ruiz", image: "https://x.example/i.jpg", published: "2024-03-05",
		},
		{
			name:     "type array and prefixed type",
			ld:       `{"@type":["schema:ReportageNewsArticle","Thing"],"name":"N","author":"Ana Ruiz","image":["https://x.example/a.jpg","https://x.example/b.jpg"]}`,
			headline: "N", author: "Ana Ruiz", image: "https://x.example/a.jpg",
		},
		{
			name:     "nested main entity",
			ld:       `{"@type":"WebPage","mainEntity":{"@type":"Article","headline":"Inner","author":{"@type":"Person","givenName":"Ana","familyName":"Ruiz"}}}`,
			headline: "Inner", author: "Ana Ruiz",
		},
		{
			name:     "richest article wins",
			ld:       `[{"@type":"Article","headline":"Related"},{"@type":"NewsArticle","headline":"Main","datePublished":"2024-03-05","author":"Ana Ruiz"}]`,
			headline: "Main", author: "Ana Ruiz", published: "2024-03-05",
		},
		{
			name:     "entities in text",
			ld:       `{"@type":"Article","headline":"Rock &amp; roll&#8217;s return"}`,
			headline: "Rock & roll’s return",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseString(t, `<script type="application/ld+json">`+tt.ld+`</script>`)
			in := readLD(doc)
			author := ""
			if len(in.Authors) > 0 {
				author = in.Authors[0].Name
			}
			if in.Headline != tt.headline || author != tt.author || in.Image != tt.image || in.Published != tt.published {
				t.Errorf("got headline %q author %q image %q published %q", in.Headline, author, in.Image, in.Published)
			}
		})
	}
}

// TestHostileShapes reads pages built to cost work: nesting as deep as
// the HTML parser allows, thousands of title-classed elements, a huge
// JSON-LD array. Bounds in the reader keep them cheap; the test checks the
// answers stay right (the benchmarks watch the cost).
func TestHostileShapes(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<title>Deep | Site</title><h1>Deep</h1><p>By Ana Ruiz</p>`)
	for range 500 {
		b.WriteString(`<div class="title">x`)
	}
	for range 5000 {
		b.WriteString(`<span class="headline">March 5, 2024</span>`)
	}
	b.WriteString(`<script type="application/ld+json">[`)
	for range 20000 {
		b.WriteString(`{"@type":"Thing","a":[[[[1]]]]},`)
	}
	b.WriteString(`{"@type":"Article","headline":"Deep"}]</script>`)
	m := Extract(parseString(t, b.String()), "https://x.example/")
	if m.Title != "Deep" || m.Byline != "Ana Ruiz" {
		t.Errorf("got %+v", m)
	}
}
