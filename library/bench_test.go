package library

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/tread-reader/tread/corpus"
	"github.com/tread-reader/tread/story"
)

// benchSizes are the generated libraries the benchmarks run on; 100,000
// pages take minutes to generate and are run when TREAD_BENCH_100K is set.
func benchSizes() []int {
	if os.Getenv("TREAD_BENCH_100K") != "" {
		return []int{1000, 10000, 100000}
	}
	return []int{1000, 10000}
}

// BenchmarkLibrary measures what the reader waits on, at each library
// size: the targets are the same cost at 100k pages as at 1k for the first
// screen and one URL, a rare word under 50 ms and the commonest word under
// 1 s at 100k.
func BenchmarkLibrary(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(fmt.Sprintf("pages=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			start := time.Now()
			genLibrary(b, dir, n, genExtractor)
			b.Logf("generated and indexed %d pages in %v; index %d MB", n, time.Since(start).Round(time.Millisecond), indexBytes(b, dir)>>20)
			ctx := context.Background()
			open := func(b *testing.B) *Library {
				l, err := OpenWith(dir, Options{Extractor: genExtractor, Warn: func(err error) { b.Error(err) }})
				if err != nil {
					b.Fatal(err)
				}
				return l
			}
			b.Run("first-screen", func(b *testing.B) {
				for b.Loop() {
					l := open(b)
					items, _, err := l.Page(ctx, Cursor{}, 50, false)
					if err != nil || len(items) != 50 {
						b.Fatal(len(items), err)
					}
					if err := l.Close(); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("one-url", func(b *testing.B) {
				i := 0
				for b.Loop() {
					l := open(b)
					it, ok, err := l.Item(ctx, genURL(i*7919%n))
					if err != nil || !ok {
						b.Fatal(ok, err)
					}
					if stories, err := l.Stories(ctx, it); err != nil || len(stories) != 1 {
						b.Fatal(err)
					}
					if err := l.Close(); err != nil {
						b.Fatal(err)
					}
					i++
				}
			})
			l := open(b)
			defer l.Close()
			b.Run("each", func(b *testing.B) {
				// Every page and its stories, as the exports read them: the
				// heap must not grow with the library.
				var peak uint64
				var ms runtime.MemStats
				for b.Loop() {
					seen := 0
					err := l.Each(ctx, func(_ Item, stories []story.Story, err error) error {
						if err != nil || len(stories) != 1 {
							return fmt.Errorf("stories: %v", err)
						}
						if seen++; seen%1000 == 0 {
							runtime.ReadMemStats(&ms)
							peak = max(peak, ms.HeapInuse)
						}
						return nil
					})
					if err != nil || seen != n {
						b.Fatal(seen, err)
					}
				}
				b.ReportMetric(float64(peak)/(1<<20), "MB-peak-heap")
			})
			for _, s := range []struct{ name, query string }{
				{"search-rare", rareWord},
				{"search-commonest", "the"},
				{"search-two-common", "of and"},
				{"search-prefix", "ka*"},
			} {
				b.Run(s.name, func(b *testing.B) {
					q, err := ParseQuery(s.query)
					if err != nil {
						b.Fatal(err)
					}
					for b.Loop() {
						items, err := l.Search(ctx, q, 20)
						if err != nil || len(items) == 0 {
							b.Fatal(len(items), err)
						}
					}
				})
			}
		})
	}
}

// BenchmarkIndexing is indexing throughput with tread's real extractor on
// the corpus's aeb-dev pages (real news pages, 90 KB of HTML on average):
// reading each file, extracting it and writing its row and text, on every
// core. The target is 100 pages per second per core; on a machine shared
// with other work, pages/cpu-s (pages per second of CPU this process got)
// is that figure without the waiting.
func BenchmarkIndexing(b *testing.B) {
	dir := corpus.Require(b)
	pages, err := corpus.AEB(dir)
	if err != nil {
		b.Fatal(err)
	}
	src := b.TempDir()
	seed, err := Open(src)
	if err != nil {
		b.Fatal(err)
	}
	for i, p := range pages {
		html, err := p.HTML()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := seed.Save(testPage(p.URL, time.Unix(int64(i), 0), string(html))); err != nil {
			b.Fatal(err)
		}
	}
	if err := seed.Close(); err != nil {
		b.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(src, "*"+fileExt))
	if err != nil {
		b.Fatal(err)
	}
	var total, cpu time.Duration
	indexed := 0
	for b.Loop() {
		b.StopTimer()
		dst := b.TempDir()
		for _, f := range files {
			if err := os.Link(f, filepath.Join(dst, filepath.Base(f))); err != nil {
				b.Fatal(err)
			}
		}
		l, err := OpenWith(dst, Options{Extractor: testExtractor, Warn: func(err error) { b.Error(err) }})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start, startCPU := time.Now(), cpuTime()
		var last Progress
		if err := l.Reconcile(context.Background(), func(p Progress) { last = p }); err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
		cpu += cpuTime() - startCPU
		indexed += last.Indexed
		b.StopTimer()
		if err := l.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	perSec := float64(indexed) / total.Seconds()
	b.ReportMetric(perSec, "pages/s")
	b.ReportMetric(perSec/float64(runtime.GOMAXPROCS(0)), "pages/s/core")
	if cpu > 0 {
		b.ReportMetric(float64(indexed)/cpu.Seconds(), "pages/cpu-s")
	}
}

// BenchmarkSave is one atomic save of a 50 KB page, fsyncs and index
// write included.
func BenchmarkSave(b *testing.B) {
	l, err := OpenWith(b.TempDir(), Options{Extractor: genExtractor})
	if err != nil {
		b.Fatal(err)
	}
	p := testPage("https://example.org/bench", time.Now(), "<h1>bench</h1>"+strings.Repeat("<p>words words words</p>\n", 2000))
	for b.Loop() {
		if _, err := l.Save(p); err != nil {
			b.Fatal(err)
		}
	}
}

// indexBytes is the size of the index's files in dir.
func indexBytes(b *testing.B, dir string) int64 {
	var n int64
	for _, suffix := range []string{"", "-wal"} {
		if fi, err := os.Stat(filepath.Join(dir, indexName+suffix)); err == nil {
			n += fi.Size()
		}
	}
	return n
}
