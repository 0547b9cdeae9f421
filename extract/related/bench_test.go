package related

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/tread-reader/tread/corpus"
	"golang.org/x/net/html"
)

// BenchmarkFind times Find alone, on documents parsed beforehand: a small
// fixture, the labelled corpus pages (reported per page), and hostile
// documents (deep nesting, a flood of links).
func BenchmarkFind(b *testing.B) {
	b.Run("fixture", func(b *testing.B) {
		src, err := os.ReadFile(filepath.Join("testdata", "cards.html"))
		if err != nil {
			b.Fatal(err)
		}
		doc := parse(b, string(src))
		b.ReportAllocs()
		for b.Loop() {
			Find(doc, nil, "https://daily.example.org/science/2024/06/02/comet-visible-tonight")
		}
	})
	b.Run("corpus", func(b *testing.B) {
		pages, raws := benchPages(b)
		docs := make([]*goquery.Document, len(pages))
		for i, raw := range raws {
			var err error
			if docs[i], err = parsePage(raw); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportAllocs()
		for b.Loop() {
			for i, p := range pages {
				Find(docs[i], nil, p.URL)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
	})
	// The same pages' decoding and parsing alone, as a yardstick for the
	// cost of Find: it runs on a tree the extractor has already parsed.
	b.Run("corpus-parse-yardstick", func(b *testing.B) {
		pages, raws := benchPages(b)
		b.ReportAllocs()
		for b.Loop() {
			for _, raw := range raws {
				if _, err := parsePage(raw); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
	})
	b.Run("deep", func(b *testing.B) {
		doc := deepDoc(100_000, func(n *html.Node) {
			n.AppendChild(anchorNode("/world/2024/04/28/dam-warning-issued-upstream", "Dam warning issued upstream as rain continues"))
		})
		b.ReportAllocs()
		for b.Loop() {
			Find(doc, nil, pageURL)
		}
	})
	b.Run("links", func(b *testing.B) {
		var s strings.Builder
		s.WriteString(`<html><body><div class="related-stories"><ul>`)
		for range 20_000 {
			s.WriteString(`<li><a href="/world/2024/04/28/story-about-the-floods">A story about the floods, one of many</a></li>`)
		}
		s.WriteString(`</ul></div></body></html>`)
		doc := parse(b, s.String())
		b.ReportAllocs()
		for b.Loop() {
			Find(doc, nil, pageURL)
		}
	})
}

// benchPages loads the labelled corpus pages, gunzipped.
func benchPages(b *testing.B) ([]corpus.RelatedPage, [][]byte) {
	dir := corpus.Require(b)
	pages, err := corpus.Related(dir)
	if err != nil {
		b.Fatal(err)
	}
	raws := make([][]byte, len(pages))
	for i, p := range pages {
		if raws[i], err = p.HTML(); err != nil {
			b.Fatal(err)
		}
	}
	return pages, raws
}
