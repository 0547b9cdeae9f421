package meta

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// Seeds live in testdata/fuzz/<FuzzName>; these add the table cases.

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-03-05T23:30:00-08:00", "March 5th, 2024 at 3:15 pm", "05.03.2024", "1709632800", "5 de marzo de 2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, dayFirst := range []bool{false, true} {
			got, ok := readDate(s, dayFirst)
			if !ok {
				continue
			}
			if !saneYear(got.Year()) {
				t.Fatalf("readDate(%q, %v) = %v, year out of range", s, dayFirst, got)
			}
			// What we read, written as RFC 3339, reads back as the same
			// instant on the same printed day.
			again, ok := parseDate(got.Format(time.RFC3339))
			if !ok || !again.Equal(got) || again.Format("2006-01-02") != got.Format("2006-01-02") {
				t.Fatalf("round trip of %q: %v then %v (%v)", s, got, again, ok)
			}
		}
	})
}

func FuzzParseLD(f *testing.F) {
	for _, s := range []string{
		`{"@context":"https://schema.org","@graph":[{"@type":"Article","author":{"@id":"#p"}},{"@type":"Person","@id":"#p","name":"A"}]}`,
		"<!--{\"@type\":\"NewsArticle\",\"headline\":\"a\nb\",}-->",
		`[{"@type":["BlogPosting"],"image":[{"url":"x"}],"author":[["A"]]}]`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		vals := parseLD(s)
		var g ldGraph
		for _, v := range vals {
			if _, err := json.Marshal(v); err != nil {
				t.Fatalf("decoded value does not re-encode: %v", err)
			}
			g.add(v, 0)
		}
		in := g.info()
		if strings.ContainsAny(in.Headline, "\n\r\t") {
			t.Fatalf("headline not one line: %q", in.Headline)
		}
	})
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`<title>A | B</title><h1>A</h1><p>By C D</p><p>March 5, 2024</p>`,
		`<script type="application/ld+json">{"@type":"Article","headline":"x","author":{"@id":"x"}}</script>`,
		`<meta property="og:title" content="&amp;&#0;"><h1><br></h1>`,
		`<meta property="article:published_time" content="2024-03-05T23:00:00Z"><meta property="article:modified_time" content="2024-03-06"><h1>A</h1><time datetime="2024-06-01">Updated on June 1, 2024<b>9:00</b> Originally published March 6, 2024</time><p>valid through 12/31/2030</p>`,
		`<html lang="pt_BR"><title>A - Site</title><link rel="alternate" title="Site RSS" href="//site.example/rss"><p class="titulo">A</p><small><b>05/10/2018</b> - Publicado por: C D</small>`,
		`<meta property="og:site_name" content=" | x.y - "><meta property="og:image" content="https://u@[::1]:80/x"><title>｜B：C｜</title>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		// With and without the page's address: a saved file has none.
		for _, pageURL := range []string{"https://fuzz.example/a/b", ""} {
			m := Extract(parseString(t, s), pageURL)
			for _, v := range []string{m.Title, m.Site, m.Byline, m.Description} {
				if strings.ContainsAny(v, "\n\r\t") {
					t.Fatalf("field not one line: %q", v)
				}
			}
			for _, u := range []string{m.URL, m.Image} {
				if u != "" && !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
					t.Fatalf("URL not absolute: %q", u)
				}
			}
		}
	})
}
