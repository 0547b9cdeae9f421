package extract

import (
	"bytes"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/tread-reader/tread/corpus"
	"github.com/tread-reader/tread/extract/meta"
	"github.com/tread-reader/tread/render"
)

func aebPages(b *testing.B) [][]byte {
	b.Helper()
	dir := corpus.Require(b)
	pages, err := corpus.AEB(dir)
	if err != nil {
		b.Fatal(err)
	}
	var out [][]byte
	for _, p := range pages {
		data, err := p.HTML()
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, data)
	}
	return out
}

// BenchmarkPage extracts every aeb-dev page once per iteration; ns/op
// divided by the page count is the time per page.
func BenchmarkPage(b *testing.B) {
	pages := aebPages(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range pages {
			if _, err := Page(data, ""); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
}

// BenchmarkParseOnly is the floor: x/net/html parsing of the same pages.
func BenchmarkParseOnly(b *testing.B) {
	pages := aebPages(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range pages {
			if _, err := html.Parse(bytes.NewReader(data)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
}

// BenchmarkMarkdown is the extractor's own share: from a parsed page and
// its metadata to the story body as blocks and markdown. Decoding, parsing,
// the metadata reader and the related-links finder are left out.
func BenchmarkMarkdown(b *testing.B) {
	var docs []*html.Node
	var metas []meta.Meta
	for _, data := range aebPages(b) {
		root, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, root)
		metas = append(metas, meta.Extract(goquery.NewDocumentFromNode(root), ""))
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, root := range docs {
			fromMeta(root, metas[i], "")
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/page")
}

// BenchmarkPageToMarkdown is a page as --json and the reader need it:
// extracted, then written as markdown twice, links inline and numbered.
func BenchmarkPageToMarkdown(b *testing.B) {
	pages := aebPages(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range pages {
			s, err := Page(data, "")
			if err != nil {
				b.Fatal(err)
			}
			if render.BodyMarkdown(s) == "" {
				b.Fatal("no markdown")
			}
			if md, _ := render.ReaderMarkdown(s); md == "" {
				b.Fatal("no reader markdown")
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(pages)), "ns/page")
}
