package render

import "testing"

// A ~50 KB story: the longest a reader is likely to open.
var benchStory = longStory(50 << 10)

func BenchmarkMarkdown(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		Markdown(benchStory)
	}
}

func BenchmarkRenderLongStory(b *testing.B) {
	md := Markdown(benchStory)
	b.Run("cold", func(b *testing.B) {
		// A new Renderer each time: glamour is built, then renders.
		b.ReportAllocs()
		b.SetBytes(int64(len(md)))
		for b.Loop() {
			if _, err := NewRenderer(0).Render(md, 80, Dark); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("warm-miss", func(b *testing.B) {
		// The glamour renderer exists; the output is too big for the cache
		// so every call renders.
		r := NewRenderer(1)
		if _, err := r.Render(md, 80, Dark); err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		b.SetBytes(int64(len(md)))
		for b.Loop() {
			if _, err := r.Render(md, 80, Dark); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkRenderCached(b *testing.B) {
	md := Markdown(benchStory)
	r := NewRenderer(0)
	if _, err := r.Render(md, 80, Dark); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := r.Cached(md, 80, Dark); !ok {
			b.Fatal("cache miss")
		}
	}
}

// BenchmarkTidy is the cost of the output filter alone, and reports how
// much of glamour's output it keeps.
func BenchmarkTidy(b *testing.B) {
	r := NewRenderer(0)
	g, err := r.glamour(80, Dark)
	if err != nil {
		b.Fatal(err)
	}
	raw, err := g.tr.Render(markBreaks(Markdown(benchStory)))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(raw)))
	var out string
	for b.Loop() {
		out = tidy(raw)
	}
	b.ReportMetric(float64(len(raw)), "raw-bytes")
	b.ReportMetric(float64(len(out)), "tidy-bytes")
}
